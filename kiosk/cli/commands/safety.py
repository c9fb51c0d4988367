"""`kiosk roll-call`: everyone in the building now, for an emergency."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli.commands.running import (
    Declare,
    Group,
    now,
    open_community,
    print_json,
    write_privately,
)
from kiosk.config import Config
from kiosk.errors import DataError, UsageError
from kiosk.output import say
from kiosk.safety.printout import write_csv, write_page
from kiosk.safety.roll_call import SAID_ON_SCREEN, RollCall, accounted_for, roll
from kiosk.timekeeping.hours import clock_time


def roll_call(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    ticks_file = RollCall(community.store)
    if args.clear:
        ticks_file.clear()
        say("The roll call starts over: nobody is ticked off.")
        return 0
    try:
        ticks = ticks_file.ticks()
    except DataError as error:
        # Everyone is still listed: in an emergency a damaged tick must not hide a person.
        say(f"kiosk: warning: {error}", err=True)
        ticks = {}
    people = roll(community.present_for_hosts(), ticks)
    moment, zone = now(), community.zone
    if args.out is not None:
        page, table = args.out, args.out.with_suffix(".csv")
        if page == table:
            raise UsageError(
                f"{page} would be the page and the CSV both: name the page to print, like "
                "roll-call.html, and the CSV is written beside it."
            )
        write_privately(
            page, lambda file: write_page(file, people, config.space_name, moment, zone)
        )
        write_privately(table, lambda file: write_csv(file, people, zone))
        say(
            f"Wrote the roll call of {len(people)} people: {page} to print, "
            f"{table} for a spreadsheet."
        )
        return 0
    if args.json:
        return print_json(
            [
                {
                    "name": person.name,
                    "guest_of": person.guest_of or None,
                    "since": person.since.isoformat(),
                    "accounted_for": person.accounted.isoformat() if person.accounted else None,
                }
                for person in people
            ]
        )
    done = accounted_for(people)
    say(
        f"Roll call at {clock_time(moment, zone)}: {len(people)} in the building, "
        f"{done} accounted for, {len(people) - done} not yet."
    )
    say(SAID_ON_SCREEN)
    shown = [person for person in people if person.accounted is None] if args.status else people
    if args.status and shown:
        say("Not yet accounted for:")
    for person in shown:
        ticked = (
            f" · accounted for {clock_time(person.accounted, zone)}" if person.accounted else ""
        )
        box = "" if args.status else ("[x] " if person.accounted else "[ ] ")
        say(f"{box}{person.read_as}  since {clock_time(person.since, zone)}{ticked}")
    return 0


def register(command: Declare, group: Group) -> None:
    sub = command(
        "roll-call",
        roll_call,
        "everyone in the building now, incognito members too, for an emergency",
    )
    sub.add_argument("--status", action="store_true", help="who is not yet accounted for")
    sub.add_argument("--json", action="store_true", help="as JSON")
    sub.add_argument(
        "--out",
        type=Path,
        metavar="FILE",
        help="write a page to print (HTML) to FILE and a CSV beside it",
    )
    sub.add_argument(
        "--clear", action="store_true", help="start the roll call over: nobody ticked off"
    )
