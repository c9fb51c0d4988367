"""The arguments of `kiosk badges`."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli.arguments.declaring import Declare, Group
from kiosk.language import _


def register(command: Declare, group: Group) -> None:
    command(
        "badges",
        "badges.badges",
        _("write printable badges with QR codes, and A4 sheets of them"),
        badges,
    )


def badges(sub: argparse.ArgumentParser) -> None:
    from kiosk.badges.sheets import FORMATS  # read when this command is chosen

    sub.add_argument(
        "--member",
        action="append",
        default=[],
        metavar="MEMBER",
        help=_("only this member, by id or name (may be given again); all members if left out"),
    )
    sub.add_argument(
        "--out", type=Path, required=True, metavar="DIR", help=_("the folder to write")
    )
    sub.add_argument("--format", choices=FORMATS, default="svg", help=_("svg (the default) or png"))
