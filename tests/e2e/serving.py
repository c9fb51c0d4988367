"""Running `kiosk serve` for a test: a free port, and the kiosk command as installed."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path


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


@contextlib.contextmanager
def serving(data: Path, port: int, *options: str, cwd: Path | None = None) -> Iterator[Path]:
    """`kiosk serve` of `data` on loopback `port`, run from `cwd`, stopped with every
    process it started at the end; its log (beside `data`), once it has said where it
    serves and listens there."""
    log_path = data.parent / f"serve-{port}.log"
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            kiosk_command("--data", str(data), "serve", "--port", str(port), *options),
            cwd=cwd,
            stdout=log,
            stderr=log,
            start_new_session=True,  # the server and each browser's session, stopped together
        )
    try:
        deadline = time.monotonic() + 30
        # It says where it serves as it starts, a moment before it listens.
        while "Serving the" not in log_path.read_text() or not listening(port):
            assert server.poll() is None, log_path.read_text()
            assert time.monotonic() < deadline, "kiosk serve did not start listening"
            time.sleep(0.1)
        yield log_path
    finally:
        stop(server)
