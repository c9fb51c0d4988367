"""`kiosk board`, `serve` and `spaceapi`: the community shown beyond the door, on a second
screen, in web browsers, and in the hackerspace directory."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli.commands.data import count
from kiosk.cli.commands.running import Declare, Group, open_community
from kiosk.config import Config
from kiosk.exchange import serving, spaceapi
from kiosk.output import say


def board(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    community.present()  # damage to the files of who is here stops the board before it starts
    from screens.wall_app import WallApp  # late: the other commands never load Textual

    app = WallApp(community, config)
    app.run()
    # The board said only that it could not read; what and where is the host's to hear.
    for problem in app.problems:
        say(f"kiosk: {problem}", err=True)
    # Non-zero when the board stopped on an error, so a service manager restarts it.
    return app.return_code or 0


def serve(args: argparse.Namespace, config: Config) -> int:
    serving.serve(
        config,
        args.host,
        args.port,
        public=args.public,
        kiosk=args.kiosk,
        url=args.url,
        sessions=args.sessions,
        font_size=args.font_size,
    )
    return 0


def spaceapi_command(args: argparse.Namespace, config: Config) -> int:
    document = spaceapi.spaceapi_document(config, open_community(config))
    if args.out is None:
        say(spaceapi.spaceapi_json(document).rstrip("\n"))
    else:
        spaceapi.publish(document, args.out)
    return 0


def font_size(value: str) -> int:
    number = count(value)
    sizes = serving.FONT_SIZES
    if number not in sizes:
        raise argparse.ArgumentTypeError(
            f"'{value}' is not a font size from {sizes.start} to {sizes.stop - 1} pixels"
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


def register(command: Declare, group: Group) -> None:
    command("board", board, "the wall board for a second screen: read-only, q quits")
    sub = command("serve", serve, "serve the wall board (or the kiosk) to web browsers")
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
    sub = command("spaceapi", spaceapi_command, "write the space's SpaceAPI JSON (version 15)")
    sub.add_argument("--out", type=Path, metavar="FILE", help="write to FILE (default: print)")
