"""Running `kiosk serve` for a test: a free port, and the kiosk command as installed."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def kiosk_command(*args: str) -> list[str]:
    return [sys.executable, "-P", "-m", "kiosk.cli.main", *args]


def listening(port: int) -> bool:
    """Whether a server on this machine takes connections on `port`."""
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


def stop(server: subprocess.Popen[bytes]) -> None:
    """Stop a server started with `start_new_session`, and every process it started."""
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=15)
