"""`kiosk roll-call`: everyone in the building now, for an emergency; `kiosk contacts`:
who was in the building with a member, for a host handling an injury or illness report;
`kiosk agreements`: the house's agreements, and who has not accepted them."""

from __future__ import annotations

import argparse
from datetime import timedelta

from kiosk.cli.commands.running import (
    now,
    open_community,
    print_json,
    write_privately,
)
from kiosk.config import Config
from kiosk.errors import DataError, UsageError
from kiosk.language import _, ngettext
from kiosk.output import say, warn
from kiosk.safety.agreements import NO_AGREEMENTS, not_accepted, write_acceptances
from kiosk.safety.contacts import contacts as overlapping
from kiosk.safety.contacts import is_own
from kiosk.safety.printout import write_csv, write_page
from kiosk.safety.roll_call import SAID_ON_SCREEN, RollCall, accounted_for, roll
from kiosk.timekeeping.dates import day_words, read_span
from kiosk.timekeeping.hours import clock_time, duration
from kiosk.timekeeping.opening import current_day, local_day, local_time


def roll_call(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    ticks_file = RollCall(community.store)
    if args.clear:
        ticks_file.clear()
        say(_("The roll call starts over: nobody is ticked off."))
        return 0
    try:
        ticks = ticks_file.ticks()
    except DataError as error:
        # Everyone is still listed: in an emergency a damaged tick must not hide a person.
        warn(str(error))
        ticks = {}
    people = roll(community.present_for_hosts(), ticks)
    moment, zone = now(), community.zone
    if args.out is not None:
        page, table = args.out, args.out.with_suffix(".csv")
        if page == table:
            raise UsageError(
                _(
                    "{page} would be the page and the CSV both: name the page to print, like "
                    "roll-call.html, and the CSV is written beside it."
                ).format(page=page)
            )
        write_privately(
            page, lambda file: write_page(file, people, config.space_name, moment, zone)
        )
        write_privately(table, lambda file: write_csv(file, people, zone))
        say(
            ngettext(
                "Wrote the roll call of {count} person: {page} to print, {table} for a "
                "spreadsheet.",
                "Wrote the roll call of {count} people: {page} to print, {table} for a "
                "spreadsheet.",
                len(people),
            ).format(count=len(people), page=page, table=table)
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
        _(
            "Roll call at {time}: {count} in the building, {done} accounted for, {waiting} not yet."
        ).format(
            time=clock_time(moment, zone),
            count=len(people),
            done=done,
            waiting=len(people) - done,
        )
    )
    say(_(SAID_ON_SCREEN))
    shown = [person for person in people if person.accounted is None] if args.status else people
    if args.status and shown:
        say(_("Not yet accounted for:"))
    for person in shown:
        box = "" if args.status else ("[x] " if person.accounted else "[ ] ")
        since = clock_time(person.since, zone)
        if person.accounted:
            line = _("{person}  since {since} · accounted for {time}").format(
                person=person.read_as, since=since, time=clock_time(person.accounted, zone)
            )
        else:
            line = _("{person}  since {since}").format(person=person.read_as, since=since)
        say(box + line)
    return 0


def contacts(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    member = community.find(args.member)
    zone = community.zone
    today = current_day(now(), zone)
    first, last = read_span(args.first, args.last, today)
    # Others' visits begun a day either side may overlap the member's, over midnight.
    day = timedelta(days=1)
    visits = community.visits_begun(first - day, last + day)
    own = [v for v in visits if is_own(v, member.id) and first <= local_day(v.since, zone) <= last]
    if first == last:
        days = _("on {day}").format(day=day_words(first))
    else:
        days = _("from {first} until {last}").format(first=day_words(first), last=day_words(last))
    if not own:
        say(_("{name} was not here {days}.").format(name=member.name, days=days))
        return 0
    say(
        ngettext(
            "{name} was here once {days}.", "{name} was here {count} times {days}.", len(own)
        ).format(name=member.name, count=len(own), days=days)
    )
    found = overlapping(member.id, [*own, *(v for v in visits if not is_own(v, member.id))], now())
    if not found:
        say(_("Nobody else was in the building at the same time."))
        return 0
    say(_("In the building at the same time, longest first:"))
    for contact in found:
        name = community.name_of(contact.member_id)
        if contact.guest:
            name = _("{guest}, guest of {name}").format(guest=contact.guest, name=name)
        first_seen = local_time(contact.first, zone)
        say(
            ngettext(
                "  {who}: {together} together over {count} visit, from {day} at {time}",
                "  {who}: {together} together over {count} visits, from {day} at {time}",
                contact.visits,
            ).format(
                who=name,
                together=duration(contact.together),
                count=contact.visits,
                day=day_words(first_seen.date()),
                time=f"{first_seen:%H:%M}",
            )
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
        say(
            ngettext(
                "Wrote {count} acceptance of the house's agreements to {out}.",
                "Wrote {count} acceptances of the house's agreements to {out}.",
                rows,
            ).format(count=rows, out=args.out)
        )
        return 0
    if not config.agreements:
        say(_(NO_AGREEMENTS))
        return 0
    missing = not_accepted(config.agreements, acceptances, community.members())
    for agreement in config.agreements:
        say(
            _("{title}, version {version} ({file})").format(
                title=agreement.title, version=agreement.version, file=agreement.file
            )
        )
        waiting = missing[agreement.title]
        if not waiting:
            say(_("  Every active member has accepted it."))
            continue
        say(
            ngettext(
                "  Not accepted yet by {count} active member:",
                "  Not accepted yet by {count} active members:",
                len(waiting),
            ).format(count=len(waiting))
        )
        for member in waiting:
            say(f"    {member.name}")
    return 0
