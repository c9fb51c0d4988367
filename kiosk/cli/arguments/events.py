"""The arguments of `kiosk events`, `kiosk events add`, `kiosk events remove` and
`kiosk events ics`."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli.arguments.declaring import Declare, Group
from kiosk.language import _


def register(command: Declare, group: Group) -> None:
    events = group(
        "events",
        _("the events of the coming week, from the hosts and the calendar feeds, soonest first"),
        runs="events.events_list",
        arguments=listing,
    )
    command(
        "add",
        "events.add",
        _("add an event, once or repeating, shown on home and the boards"),
        add,
        events,
    )
    command("remove", "events.remove", _("remove an event hosts added"), remove, events)
    command(
        "ics",
        "events.publish",
        _("write the events hosts added as an iCalendar feed members can subscribe to"),
        publish,
        events,
    )


def listing(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--json", action="store_true")
    sub.add_argument(
        "--days", type=int, default=7, metavar="N", help=_("how many days ahead (7 by default)")
    )


def add(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("title", metavar="TITLE", help=_("what the event is called"))
    sub.add_argument(
        "--at",
        dest="when",
        required=True,
        metavar="WHEN",
        help=_("like 'friday 18:00', '2026-12-11 19:30', or a day alone for a whole day"),
    )
    sub.add_argument(
        "--for", dest="length", default="", metavar="LENGTH", help=_("like 2h, 90m or 2d (2h)")
    )
    sub.add_argument(
        "--repeat",
        default="",
        metavar="RRULE",
        # Translators: weekly, fortnightly, monthly and the RRULE are typed as they are.
        help=_("weekly, fortnightly, monthly, or an RRULE like FREQ=WEEKLY;BYDAY=FR;COUNT=6"),
    )
    sub.add_argument(
        "--host",
        default="",
        metavar="MEMBER",
        help=_("the member hosting it, named on public screens only as the board names them"),
    )
    sub.add_argument(
        "--topic", default="", metavar="T", help=_("what it is about, like electronics")
    )
    sub.add_argument(
        "--closed",
        action="store_true",
        help=_("the space is closed for it, as on the closed days of the opening hours"),
    )


def remove(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("event", metavar="EVENT", help=_("the event's id, or its title"))


def publish(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--out", type=Path, required=True, metavar="FILE", help=_("the .ics file"))
