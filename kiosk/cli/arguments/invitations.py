"""The arguments of `kiosk invite`, `kiosk invitations` and `kiosk invitations cancel`."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli.arguments.declaring import Declare, Group
from kiosk.cli.arguments.members import as_json
from kiosk.language import _


def register(command: Declare, group: Group) -> None:
    command(
        "invite",
        "invitations.invite",
        _(
            "invite a guest of a member for a day: a code and a QR code that sign them in "
            "at the kiosk that day, once"
        ),
        invite,
    )
    invitations = group(
        "invitations",
        _("the invitations still to be used, soonest first"),
        runs="invitations.invitations_list",
        arguments=as_json,
    )
    command(
        "cancel",
        "invitations.cancel",
        _("cancel an invitation, so that it lets nobody in"),
        code,
        invitations,
    )


def invite(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("name", metavar="NAME", help=_("the guest's name"))
    sub.add_argument("--of", dest="host", required=True, metavar="MEMBER", help=_("their host"))
    sub.add_argument(
        "--on", dest="day", required=True, metavar="DAY", help=_("like 2026-12-08 or 'tomorrow'")
    )
    sub.add_argument(
        "--notify",
        metavar="URL",
        help=_(
            "send the guest their invitation's code: a notification URL, like "
            "mailto://user:password@example.com?to=guest@example.org"
        ),
    )
    sub.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help=_("write the invitation as PNG and SVG, with its QR code, into this folder"),
    )


def code(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("code", metavar="CODE", help=_("the invitation's code, like 7G4KQ9-ZX2MHB"))
