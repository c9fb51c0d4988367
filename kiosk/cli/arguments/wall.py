"""The arguments of `kiosk board`, `serve` and `spaceapi`."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli.arguments.data import count
from kiosk.cli.arguments.declaring import Declare, Group, no_arguments


def register(command: Declare, group: Group) -> None:
    command(
        "board",
        "wall.board",
        "the wall board for a second screen: read-only, q quits",
        no_arguments,
    )
    command("serve", "wall.serve", "serve the wall board (or the kiosk) to web browsers", serve)
    command(
        "spaceapi", "wall.spaceapi_command", "write the space's SpaceAPI JSON (version 15)", out
    )


def serve(sub: argparse.ArgumentParser) -> None:
    from kiosk.exchange import serving  # read when this command is chosen

    sub.add_argument("--host", default="127.0.0.1", help="the address to listen on")
    sub.add_argument("--port", type=port, default=8000)
    sub.add_argument(
        "--public", action="store_true", help="allow a --host other machines can reach"
    )
    sub.add_argument("--url", metavar="URL", help="the address browsers use, if not host:port")
    sub.add_argument(
        "--kiosk",
        action="store_true",
        help="serve the kiosk itself, locked by the host PIN, at a secret address",
    )
    sub.add_argument(
        "--sessions",
        type=sessions,
        default=serving.SESSIONS,
        metavar="N",
        help=f"browsers served at once, each a process (default {serving.SESSIONS})",
    )
    sub.add_argument(
        "--font-size",
        type=font_size,
        metavar="PIXELS",
        help=f"the page's text size (default {serving.BOARD_FONT_SIZE}, big enough to read "
        f"the board across a room on a 1080p TV; {serving.KIOSK_FONT_SIZE} with --kiosk)",
    )


def font_size(value: str) -> int:
    from kiosk.exchange.serving import FONT_SIZES  # read when this command is chosen

    number = count(value)
    if number not in FONT_SIZES:
        raise argparse.ArgumentTypeError(
            f"'{value}' is not a font size from {FONT_SIZES.start} to {FONT_SIZES.stop - 1} pixels"
        )
    return number


def port(value: str) -> int:
    number = count(value)
    if not 1 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"'{value}' is not a port from 1 to 65535")
    return number


def sessions(value: str) -> int:
    number = count(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"'{value}' browsers would serve nobody; give 1 or more")
    return number


def out(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--out", type=Path, metavar="FILE", help="write to FILE (default: print)")
