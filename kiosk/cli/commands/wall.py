"""`kiosk board`, `serve` and `spaceapi`: the community shown beyond the door, on a second
screen, in web browsers, and in the hackerspace directory."""

from __future__ import annotations

import argparse

from kiosk.cli.commands.running import open_community, runs_until_stopped
from kiosk.config import Config
from kiosk.exchange import serving, spaceapi
from kiosk.output import say


def board(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    community.present()  # damage to the files of who is here stops the board before it starts
    from screens.wall_app import WallApp  # late: the other commands never load Textual

    app = WallApp(community, config)
    runs_until_stopped()
    app.run()
    # The board said only that it could not read; what and where is the host's to hear.
    for problem in app.problems:
        say(f"kiosk: {problem}", err=True)
    # Non-zero when the board stopped on an error, so a service manager restarts it.
    return app.return_code or 0


def serve(args: argparse.Namespace, config: Config) -> int:
    runs_until_stopped()
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
    community = open_community(config)
    community.events.follow_closures()
    document = spaceapi.spaceapi_document(config, community)
    if args.out is None:
        say(spaceapi.spaceapi_json(document).rstrip("\n"))
    else:
        spaceapi.publish(document, args.out)
    return 0
