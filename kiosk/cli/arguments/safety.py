"""The arguments of `kiosk roll-call`, `kiosk contacts` and `kiosk agreements`."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli.arguments.declaring import Declare, Group
from kiosk.cli.arguments.members import as_json
from kiosk.cli.arguments.visits import days, member
from kiosk.language import _


def register(command: Declare, group: Group) -> None:
    command(
        "roll-call",
        "safety.roll_call",
        _("everyone in the building now, incognito members too, for an emergency"),
        roll_call,
    )
    command(
        "contacts",
        "safety.contacts",
        _("who was in the building with a member, and for how long (for hosts)"),
        contacts,
    )
    command(
        "agreements",
        "safety.agreements",
        _("the house's agreements, and the active members who have not accepted them"),
        agreements,
    )


def roll_call(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--status", action="store_true", help=_("who is not yet accounted for"))
    as_json(sub)
    sub.add_argument(
        "--out",
        type=Path,
        metavar="FILE",
        help=_("write a page to print (HTML) to FILE and a CSV beside it"),
    )
    sub.add_argument(
        "--clear", action="store_true", help=_("start the roll call over: nobody ticked off")
    )


def contacts(sub: argparse.ArgumentParser) -> None:
    member(sub)
    days(sub)


def agreements(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--out",
        type=Path,
        metavar="FILE",
        help=_("write who accepted which version of each agreement, and when, to FILE (CSV)"),
    )
