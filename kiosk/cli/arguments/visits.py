"""The arguments of `kiosk checkin`, `checkout`, `guest`, `present`, `close-day` and
`export visits`."""

from __future__ import annotations

import argparse

from kiosk.cli.arguments.declaring import Declare, Group
from kiosk.language import _

STANDARD_OUTPUT = "-"
"""What --out takes for standard output, as other commands do."""


def register(command: Declare, group: Group) -> None:
    command("checkin", "visits.checkin", _("check a member in"), checkin)
    command("checkout", "visits.checkout", _("check a member out, with their guests"), member)
    command("guest", "visits.guest", _("sign in a guest of a member who is here"), guest)
    command(
        "present",
        "visits.present",
        _("who is here now, as the public board shows it: guests too"),
        present,
    )
    command(
        "close-day",
        "visits.close_day",
        _(
            "check out whoever is still here once the day has closed (for cron); before "
            "today's closing time, and any time when no hours are set, people here stay "
            "unless --now is given"
        ),
        close_day,
    )
    export = group("export", _("write records to a CSV file"))
    command(
        "visits",
        "visits.export_visits",
        _("visits between two days, as CSV"),
        export_visits,
        export,
    )


def member(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("member", metavar="MEMBER", help=_("a member id, or a name"))


def checkin(sub: argparse.ArgumentParser) -> None:
    from kiosk.models import STATUSES  # read when this command is chosen

    member(sub)
    sub.add_argument("--status", choices=STATUSES, default="open")
    sub.add_argument("--topic", action="append", default=[], metavar="T")


def guest(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("name", metavar="NAME", help=_("the guest's name"))
    sub.add_argument("--of", dest="host", required=True, metavar="MEMBER", help=_("their host"))


def present(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--json", action="store_true")


def close_day(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--now", action="store_true", help=_("the day is over now: check out everyone")
    )
    sub.add_argument(
        "--dry-run", action="store_true", help=_("say who would be checked out, and change nothing")
    )


def export_visits(sub: argparse.ArgumentParser) -> None:
    from kiosk.exchange.visits_csv import COLUMN_MEANINGS  # read when this command is chosen

    days(sub)
    sub.add_argument(
        "--out",
        default=STANDARD_OUTPUT,
        metavar="FILE",
        help=_("the file to write; - (the default) for standard output"),
    )
    sub.formatter_class = argparse.RawDescriptionHelpFormatter
    sub.epilog = (
        _("columns:")
        + "\n"
        + "\n".join(f"  {column:<12} {_(meaning)}" for column, meaning in COLUMN_MEANINGS.items())
    )


def days(sub: argparse.ArgumentParser) -> None:
    """--from DAY and --to DAY, as hosts type days."""
    sub.add_argument(
        "--from",
        dest="first",
        required=True,
        metavar="DAY",
        help=_("like 2026-11-02 or 'last monday'"),
    )
    sub.add_argument("--to", dest="last", default="today", metavar="DAY", help=_("default: today"))
