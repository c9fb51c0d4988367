"""The arguments of `kiosk board`, `serve` and `spaceapi`."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli.arguments.data import count
from kiosk.cli.arguments.declaring import Declare, Group, no_arguments
from kiosk.language import _


def register(command: Declare, group: Group) -> None:
    command(
        "board",
        "wall.board",
        _("the wall board for a second screen: read-only, q quits"),
        no_arguments,
    )
    command("serve", "wall.serve", _("serve the wall board (or the kiosk) to web browsers"), serve)
    command(
        "spaceapi", "wall.spaceapi_command", _("write the space's SpaceAPI JSON (version 15)"), out
    )


def serve(sub: argparse.ArgumentParser) -> None:
    from kiosk.exchange import serving  # read when this command is chosen

    sub.add_argument("--host", default="127.0.0.1", help=_("the address to listen on"))
    sub.add_argument("--port", type=port, default=8000)
    sub.add_argument(
        "--public", action="store_true", help=_("allow a --host other machines can reach")
    )
    sub.add_argument("--url", metavar="URL", help=_("the address browsers use, if not host:port"))
    sub.add_argument(
        "--kiosk",
        action="store_true",
        help=_("serve the kiosk itself, locked by the host PIN, at a secret address"),
    )
    sub.add_argument(
        "--sessions",
        type=sessions,
        default=serving.SESSIONS,
        metavar="N",
        help=_("browsers served at once, each a process (default {sessions})").format(
            sessions=serving.SESSIONS
        ),
    )
    sub.add_argument(
        "--font-size",
        type=font_size,
        metavar="PIXELS",
        help=_(
            "the page's text size (default {board}, big enough to read the board across a "
            "room on a 1080p TV; {kiosk} with --kiosk)"
        ).format(board=serving.BOARD_FONT_SIZE, kiosk=serving.KIOSK_FONT_SIZE),
    )


def font_size(value: str) -> int:
    from kiosk.exchange.serving import FONT_SIZES  # read when this command is chosen

    number = count(value)
    if number not in FONT_SIZES:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a font size from {smallest} to {largest} pixels").format(
                value=value, smallest=FONT_SIZES.start, largest=FONT_SIZES.stop - 1
            )
        )
    return number


def port(value: str) -> int:
    number = count(value)
    if not 1 <= number <= 65535:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a port from 1 to 65535").format(value=value)
        )
    return number


def sessions(value: str) -> int:
    number = count(value)
    if number < 1:
        raise argparse.ArgumentTypeError(
            _("'{value}' browsers would serve nobody; give 1 or more").format(value=value)
        )
    return number


def out(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--out", type=Path, metavar="FILE", help=_("write to FILE (default: print)"))
