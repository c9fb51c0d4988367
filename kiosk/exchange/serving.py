"""Serving the wall board, or the whole kiosk, to web browsers.

Each browser that opens the page gets a process of its own, `kiosk board` (or `kiosk`),
on the same data folder: the board only reads it, and the kiosk writes as every kiosk
process does, under the data folder's lock. Only pages of the server itself may connect,
a few browsers at a time, and the kiosk only with the secret address printed at start
(kiosk.exchange.web_server).
"""

from __future__ import annotations

import ipaddress
import re
import secrets
import shlex
import socket
import sys
from pathlib import Path

from kiosk.config import Config
from kiosk.errors import DataError, UsageError
from kiosk.output import say
from kiosk.storage.files import read_regular, write_atomically

WILDCARDS = ("0.0.0.0", "::", "")
"""Hosts that mean every network interface of this machine."""
SESSIONS = 4
"""Browsers served at once unless told otherwise: each runs a process of its own."""
SECRET_FILE = "serve-secret"
"""In the data folder: the secret in the served kiosk's address, kept across restarts."""
SECRET = re.compile(r"[A-Za-z0-9_-]{32,128}")
BOARD_FONT_SIZE = 28
"""Pixels: the wall board on a 1080p TV reads from across a room, about 110 columns by
30 lines."""
KIOSK_FONT_SIZE = 16
"""Pixels: the kiosk in a browser is read from arm's length, as a terminal is."""
FONT_SIZES = range(8, 97)


def is_loopback(host: str) -> bool:
    """Whether `host` is reachable from this machine only."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_host(host: str, public: bool) -> None:
    """Refuse to serve beyond this machine unless that was asked for with --public."""
    if not public and not is_loopback(host):
        raise UsageError(
            f"Serving on {host} would let other machines on the network open the page. "
            "If that is what you want (say, for the lobby TV), add --public; to serve "
            "this machine only, leave out --host."
        )


def session_command(config: Config, kiosk: bool) -> str:
    """The shell command each browser's session runs: the board, or with `kiosk` the
    kiosk itself (locked by the host PIN as at the door), on the same config and data."""
    # -P: the installed kiosk, never a `kiosk` folder in the server's working directory.
    command = [sys.executable, "-P", "-m", "kiosk.cli.main"]
    if config.source is not None:
        command += ["--config", str(config.source.resolve())]
    command += ["--data", str(config.data_dir.resolve())]
    if not kiosk:
        command.append("board")
    return shlex.join(command)


def kiosk_secret(data_dir: Path) -> str:
    """The secret in the served kiosk's address: made once and kept in the data folder,
    which only its owner may read, so a tablet's address outlives a restart. Deleting
    the file makes a new one at the next start."""
    path = data_dir / SECRET_FILE
    try:
        kept = read_regular(path).decode("ascii").strip()
    except (DataError, UnicodeDecodeError):
        kept = ""  # none yet, or not one this kiosk made: a new one
    if SECRET.fullmatch(kept):
        return kept
    made = secrets.token_urlsafe(32)
    write_atomically(path, made.encode() + b"\n")
    return made


def page_address(host: str, port: int, url: str | None) -> str:
    """Where browsers find the page: `url` when given; for a server on every interface,
    this machine's name, since a browser cannot open 0.0.0.0."""
    if url:
        return url.rstrip("/")
    if host in WILDCARDS:
        host = socket.getfqdn()
    elif ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}"


def serve(
    config: Config,
    host: str,
    port: int,
    *,
    public: bool,
    kiosk: bool,
    url: str | None,
    sessions: int = SESSIONS,
    font_size: int | None = None,
) -> None:
    """Serve the board (or the kiosk, behind a secret made now) to at most `sessions`
    browsers at once, until interrupted, its text `font_size` pixels high (by default
    large enough for the board to read across a room)."""
    check_host(host, public)
    if not config.data_dir.is_dir():
        raise UsageError(
            f"There is no data folder at {config.data_dir}. Start one with `kiosk demo` or "
            "`kiosk members add NAME`, or give the right folder with --data."
        )
    from kiosk.exchange.web_server import GuardedServer  # the web server loads only when serving

    what = "kiosk" if kiosk else "wall board"
    size = font_size or (KIOSK_FONT_SIZE if kiosk else BOARD_FONT_SIZE)
    server = GuardedServer(
        session_command(config, kiosk),
        font_size=size,
        host=host,
        port=port,
        title=f"{config.space_name} {what}",
        public_url=page_address(host, port, url),
        secret=kiosk_secret(config.data_dir) if kiosk else None,
        sessions=sessions,
    )
    say(
        f"Serving the {what} at {server.page_address} with text {size} pixels high "
        f"(--font-size changes it, as ?fontsize= in the address does for one screen). "
        "Ctrl+C stops."
    )
    if server.secret is not None:
        say("Anyone with this address can use the kiosk: keep it private.")
    try:
        server.serve()
    except OSError as error:
        raise UsageError(
            f"Cannot serve on {host} port {port}: {error.strerror or error}. "
            "Is another server using that port? Choose another with --port."
        ) from error
