"""`kiosk roll-call`: everyone in the building now, for an emergency; `kiosk contacts`:
who was in the building with a member, for a host handling an injury or illness report;
`kiosk agreements`: the house's agreements, and who has not accepted them."""

from __future__ import annotations

import argparse
from datetime import timedelta

from kiosk.cli.commands.running import (
    counted,
    now,
    open_community,
    print_json,
    write_privately,
)
from kiosk.config import Config
from kiosk.errors import DataError, UsageError
from kiosk.output import say
from kiosk.safety.agreements import NO_AGREEMENTS, not_accepted, write_acceptances
from kiosk.safety.contacts import contacts as overlapping
from kiosk.safety.contacts import is_own
from kiosk.safety.printout import write_csv, write_page
from kiosk.safety.roll_call import SAID_ON_SCREEN, RollCall, accounted_for, roll
from kiosk.timekeeping.dates import day_words, read_day
from kiosk.timekeeping.hours import clock_time, duration
from kiosk.timekeeping.opening import local_day, local_time


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


def contacts(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    member = community.find(args.member)
    zone = community.zone
    today = local_day(now(), zone)
    first = read_day(args.first, today, "from")
    last = read_day(args.last, today, "until")
    if last.day < first.day:
        raise UsageError(f"The days are the wrong way round: {first.sentence}, {last.sentence}.")
    # Others' visits begun a day either side may overlap the member's, over midnight.
    day = timedelta(days=1)
    visits = community.visits_begun(first.day - day, last.day + day)
    own = [
        v
        for v in visits
        if is_own(v, member.id) and first.day <= local_day(v.since, zone) <= last.day
    ]
    times = "once" if len(own) == 1 else f"{len(own)} times"
    days = (
        f"on {day_words(first.day)}"
        if first.day == last.day
        else f"{first.sentence} {last.sentence}"
    )
    if not own:
        say(f"{member.name} was not here {days}.")
        return 0
    say(f"{member.name} was here {times} {days}.")
    found = overlapping(member.id, [*own, *(v for v in visits if not is_own(v, member.id))], now())
    if not found:
        say("Nobody else was in the building at the same time.")
        return 0
    say("In the building at the same time, longest first:")
    for contact in found:
        name = community.name_of(contact.member_id)
        who = f"{contact.guest}, guest of {name}" if contact.guest else name
        first_seen = local_time(contact.first, zone)
        visits_word = "1 visit" if contact.visits == 1 else f"{contact.visits} visits"
        say(
            f"  {who}: {duration(contact.together)} together over {visits_word}, from "
            f"{day_words(first_seen.date())} at {first_seen:%H:%M}"
        )
    return 0


def agreements(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    acceptances = community.store.acceptances()
    if args.out is not None:
        names = community.members_by_id(a.member_id for a in acceptances)
        rows = write_privately(
            args.out,
            lambda file: write_acceptances(
                file,
                acceptances,
                {member_id: member.name for member_id, member in names.items()},
                community.zone,
            ),
        )
        say(f"Wrote {counted(rows, 'acceptance')} of the house's agreements to {args.out}.")
        return 0
    if not config.agreements:
        say(NO_AGREEMENTS)
        return 0
    missing = not_accepted(config.agreements, acceptances, community.members())
    for agreement in config.agreements:
        say(f"{agreement.title}, version {agreement.version} ({agreement.file})")
        waiting = missing[agreement.title]
        if not waiting:
            say("  Every active member has accepted it.")
            continue
        say(f"  Not accepted yet by {counted(len(waiting), 'active member')}:")
        for member in waiting:
            say(f"    {member.name}")
    return 0
