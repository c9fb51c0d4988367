"""`kiosk events`, `kiosk events add`, `kiosk events remove` and `kiosk events ics`: the
community's events."""

from __future__ import annotations

import argparse
from datetime import tzinfo
from typing import Any

from kiosk.cli.commands.running import open_community, print_json, saved, write_privately
from kiosk.config import Config
from kiosk.errors import UsageError
from kiosk.events.feeds import FeedState, feed_words
from kiosk.events.happening import Happening
from kiosk.events.wording import added_words, event_line
from kiosk.language import _, ngettext
from kiosk.output import say


def events_list(args: argparse.Namespace, config: Config) -> int:
    if not 1 <= args.days <= 366:
        raise UsageError(_("--days should be a whole number of days from 1 to 366."))
    community = open_community(config)
    community.events.fetch_feeds()
    coming = community.coming_events(args.days)
    states = community.events.feed_states()
    now, zone = community.clock(), community.zone
    if args.json:
        return print_json(
            {
                "events": [_event_json(h, community.events.host_name(h), zone) for h in coming],
                "feeds": [_feed_json(state) for state in states],
            }
        )
    for state in states:
        say(
            _("Feed {source}: {state}").format(
                source=state.source, state=feed_words(state, now, zone)
            )
        )
    if not coming:
        say(
            ngettext(
                "No events in the next {count} day; add one with: "
                'kiosk events add TITLE --at "friday 18:00"',
                "No events in the next {count} days; add one with: "
                'kiosk events add TITLE --at "friday 18:00"',
                args.days,
            ).format(count=args.days)
        )
        return 0
    events = ngettext("{count} event", "{count} events", len(coming)).format(count=len(coming))
    say(
        ngettext(
            "{events} in the next {count} day, soonest first:",
            "{events} in the next {count} days, soonest first:",
            args.days,
        ).format(events=events, count=args.days)
    )
    for happening in coming:
        host = community.events.host_name(happening)
        say(f"  {event_line(happening, host, now, zone)}")
    return 0


def add(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    host = community.find(args.host).id if args.host else ""
    event = community.add_event(
        args.title, args.when, args.length, args.repeat, host, args.topic, args.closed
    )
    say(added_words(event, community.zone))
    return saved(community)


def remove(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    event = community.remove_event(args.event)
    say(_("Removed {title} (id {id}).").format(title=event.title, id=event.id))
    return saved(community)


def publish(args: argparse.Namespace, config: Config) -> int:
    # Late: only a feed written loads the iCalendar libraries.
    from kiosk.events.icalendar_files import hosted_calendar

    community = open_community(config)
    events = community.hosted_events()
    feed = hosted_calendar(events, community.zone, with_hosts=False).decode()
    write_privately(args.out, lambda out: out.write(feed))
    say(
        ngettext(
            "Wrote {count} event to {out}.", "Wrote {count} events to {out}.", len(events)
        ).format(count=len(events), out=args.out)
    )
    return 0


def _event_json(happening: Happening, host: str, zone: tzinfo) -> dict[str, Any]:
    """An occurrence: "id" is the hosts' event's (for `kiosk events remove`), empty for a
    feed's."""
    return {
        "id": happening.hosted_id,
        "title": happening.title,
        "starts": happening.starts.astimezone(zone).isoformat(),
        "ends": happening.ends.astimezone(zone).isoformat(),
        "all_day": happening.all_day,
        "topic": happening.topic,
        "host": host,
        "closure": happening.closure,
    }


def _feed_json(state: FeedState) -> dict[str, Any]:
    return {
        "source": state.source,
        "fetched": None if state.fetched is None else state.fetched.isoformat(),
        "problem": state.problem,
    }
