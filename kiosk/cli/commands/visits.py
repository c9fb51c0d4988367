"""`kiosk checkin`, `checkout`, `guest`, `present`, `close-day` and `export visits`."""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.cli.arguments.visits import STANDARD_OUTPUT
from kiosk.cli.commands.running import (
    open_community,
    print_json,
    saved,
    telling_chat,
    write_privately,
)
from kiosk.community.community import Community
from kiosk.config import Config
from kiosk.errors import Refused
from kiosk.language import _, ngettext
from kiosk.models import STATUS_LABELS, Member, Presence
from kiosk.output import say
from kiosk.record_json import guest_json, presence_json
from kiosk.timekeeping import hours
from kiosk.timekeeping.dates import day_words, read_span
from kiosk.timekeeping.opening import current_day

if TYPE_CHECKING:  # worked out by `close-day` alone
    from kiosk.timekeeping.day_end import DayEnd


def checkin(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    member = community.find(args.member)
    topics = tuple(args.topic) if args.topic else None
    with telling_chat(community, config):
        visit = community.check_in(member.id, args.status, topics)
    say(
        _("Checked in {name} at {time} ({status}).").format(
            name=member.name,
            time=hours.clock_time(visit.since, community.zone),
            status=_(STATUS_LABELS[visit.status]),
        )
    )
    if config.agreements:
        _say_not_accepted(community, config, member)
    return saved(community)


def _say_not_accepted(community: Community, config: Config, member: Member) -> None:
    """Tell the host which of the house's agreements the member checked in has not accepted."""
    from kiosk.safety.agreements import pending  # late: only a house with agreements

    for agreement in pending(config.agreements, community.store.acceptances(), member.id):
        # A host checks them in all the same; at the kiosk they would be asked first.
        say(
            _(
                "kiosk: note: {name} has not accepted '{title}' (version {version}); "
                "the kiosk asks them at their next check-in there."
            ).format(name=member.name, title=agreement.title, version=agreement.version),
            err=True,
        )


def checkout(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    member = community.find(args.member)
    with telling_chat(community, config):
        visit = community.check_out(member.id)
    assert visit.until is not None
    stayed = hours.duration(visit.until - visit.since)
    if visit.automatic:
        said = _("Checked out {name} after {stayed}, ending at {time}.").format(
            name=member.name, stayed=stayed, time=hours.clock_time(visit.until, community.zone)
        )
    else:
        said = _("Checked out {name} after {stayed}.").format(name=member.name, stayed=stayed)
    say(said)
    return saved(community)


def guest(args: argparse.Namespace, config: Config) -> int:
    from kiosk.notices.arrivals import sign_in_guest  # late: a check-in sends no news

    community = open_community(config)
    host = community.find(args.host)
    with telling_chat(community, config):
        visit = sign_in_guest(community, host.id, args.name, config)
    say(
        _("Signed in {guest}, guest of {name}; they leave with {first_name}.").format(
            guest=visit.guest, name=host.name, first_name=host.first_name
        )
    )
    return saved(community)


def present(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    here = community.present()
    guests = community.guests_shown()
    if args.json:
        return print_json([presence_json(p) for p in here] + [guest_json(g) for g in guests])
    # Counted as home counts them: members off the board too, unnamed; not those here
    # incognito, whom hosts alone count.
    not_shown = community.unnamed_here()
    if not here and not guests and not not_shown:
        say(_("Nobody is here right now."))
    now, zone = community.clock(), community.zone
    lines = [
        (
            p.visit.since,
            f"{p.member.name}  {hours.since(p.visit.since, now, zone)}  "
            f"{_(STATUS_LABELS[p.visit.status])}  {_public_topics(p)}",
        )
        for p in here
    ] + [(g.since, f"{g.shown_as}  {hours.since(g.since, now, zone)}") for g in guests]
    # Newest first, as the board lists them.
    for _since, line in sorted(lines, key=lambda line: line[0], reverse=True):
        say(line)
    if not_shown:
        say(
            ngettext("+ {count} not shown", "+ {count} not shown", not_shown).format(
                count=not_shown
            )
        )
    return 0


def _public_topics(here: Presence) -> str:
    """Today's topics as the board shows them: only while open to chat."""
    open_to_chat = here.visit.status == "open" and here.member.shows("topics")
    return ", ".join(here.visit.topics) if open_to_chat and here.visit.topics else "-"


def close_day(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    community.events.follow_closures()
    if args.dry_run:
        plan = community.day_end(args.now)
        heading = ngettext(
            "Would check out {count} visit nobody has ended:",
            "Would check out {count} visits nobody has ended:",
            len(plan.ending),
        )
    else:
        with telling_chat(community, config):
            plan = community.close_day(args.now)
        heading = ngettext(
            "Checked out {count} visit nobody had ended:",
            "Checked out {count} visits nobody had ended:",
            len(plan.ending),
        )
    if plan.ending:
        say(heading.format(count=len(plan.ending)))
    for visit in plan.ending:
        assert visit.until is not None
        who = visit.guest or community.name_of(visit.member_id)
        say(
            _("  {who}, at {time}").format(
                who=who, time=hours.clock_time(visit.until, community.zone)
            )
        )
    if plan.staying:
        staying = _staying(community, plan)
        if not plan.ending:
            raise Refused(staying)
        say(staying)
    elif not plan.ending:
        say(_("Nobody was left to check out."))
    if args.dry_run:
        say(_("Nothing was changed (--dry-run)."))
        return 0
    return saved(community) if plan.ending else 0


def _staying(community: Community, plan: DayEnd) -> str:
    """Why the people here stay checked in, and how to check them out all the same."""
    count = len(plan.staying)
    if plan.closing is None:
        return ngettext(
            "No opening hours are set ([hours] in the config), so today has no closing time "
            "before midnight: {count} person here stays checked in. Add --now to check them "
            "out now.",
            "No opening hours are set ([hours] in the config), so today has no closing time "
            "before midnight: {count} people here stay checked in. Add --now to check them "
            "out now.",
            count,
        ).format(count=count)
    return ngettext(
        "It is {now}, before today's closing time at {closing}: {count} person here stays "
        "checked in. Run close-day after closing, or add --now to check them out now.",
        "It is {now}, before today's closing time at {closing}: {count} people here stay "
        "checked in. Run close-day after closing, or add --now to check them out now.",
        count,
    ).format(
        now=hours.clock_time(community.clock(), community.zone),
        closing=hours.clock_time(plan.closing, community.zone),
        count=count,
    )


def export_visits(args: argparse.Namespace, config: Config) -> int:
    from kiosk.exchange.visits_csv import write_visits  # late: a check-in never writes CSV

    community = open_community(config)
    today = current_day(community.clock(), community.zone)
    first, last = read_span(args.first, args.last, today)
    say(
        _("Visits from {first} until {last}.").format(first=day_words(first), last=day_words(last)),
        err=True,
    )
    visits = community.visits_begun(first, last)
    day_before = first - timedelta(days=1)
    earlier = community.visits_begun(day_before, day_before)
    members = community.members_by_id(visit.member_id for visit in visits)
    if args.out == STANDARD_OUTPUT:
        # A reader that stops early (head) closes the pipe: main says nothing then.
        write_visits(sys.stdout, visits, members, community.zone, earlier)
        return 0
    out = Path(args.out)
    count = write_privately(
        out, lambda file: write_visits(file, visits, members, community.zone, earlier)
    )
    say(
        ngettext("Wrote {count} visit to {out}.", "Wrote {count} visits to {out}.", count).format(
            count=count, out=out
        )
    )
    return 0
