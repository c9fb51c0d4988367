"""Calendars as iCalendar text: a feed read into its occurrences, and the kiosk's own
events written as a feed. Repeats, their exceptions, all-day events and time zones are
left to icalendar and recurring-ical-events, which follow the standard."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, tzinfo
from typing import Any

import icalendar
import recurring_ical_events

from kiosk import text
from kiosk.events.happening import Happening
from kiosk.models.events import HostedEvent, repeats_too_often
from kiosk.timekeeping.opening import at

OUR_UIDS = "@check-in-kiosk"
"""How the UID of a hosts' event ends, after its id."""
CLOSURE_CATEGORIES = frozenset({"closed", "closure"})
"""A feed's event in one of these categories closes the space for its days."""
PRODUCT = "-//Check-in Kiosk//events//EN"


class UnreadableFeed(ValueError):
    """A feed's text is not an iCalendar calendar the libraries can read."""


def read_calendar(body: str) -> icalendar.Calendar:
    """The calendar in `body`; UnreadableFeed when it is not one."""
    try:
        calendar = icalendar.Calendar.from_ical(body)
    except ValueError as error:
        raise UnreadableFeed(str(error)) from None
    if not isinstance(calendar, icalendar.Calendar):
        raise UnreadableFeed("it holds no VCALENDAR")
    return calendar


def happenings(
    calendar: icalendar.Calendar, first: datetime, last: datetime, zone: tzinfo
) -> list[Happening]:
    """The occurrences of the calendar's events that overlap `first` to `last`, a floating
    time (one without a zone) read in `zone`, the kiosk's."""
    # An event repeating every second, minute or hour would take hours to expand.
    calendar.subcomponents = [c for c in calendar.subcomponents if not _too_often(c)]
    try:
        found = recurring_ical_events.of(calendar, skip_bad_series=True).between(first, last)
    except (ValueError, TypeError) as error:
        raise UnreadableFeed(str(error)) from None
    occurrences = []
    for component in found:
        title = text.clean(str(component.get("summary", "")))[: text.EVENT_TITLE_LIMIT]
        if not title:
            continue
        starts, all_day = _moment(component.start, zone)
        ends, _ = _moment(component.end, zone) if _has_end(component) else (starts, all_day)
        categories = _categories(component)
        closure = any(category.casefold() in CLOSURE_CATEGORIES for category in categories)
        topics = [c for c in categories if c.casefold() not in CLOSURE_CATEGORIES]
        occurrences.append(
            Happening(
                title,
                starts,
                max(ends, starts),
                all_day,
                topic=text.clean(topics[0])[: text.TOPIC_LIMIT] if topics else "",
                host_id=str(component.get("x-kiosk-host", "")),
                closure=closure,
                hosted_id=_hosted_id(str(component.get("uid", ""))),
            )
        )
    return occurrences


def _hosted_id(uid: str) -> str:
    return uid.removesuffix(OUR_UIDS) if uid.endswith(OUR_UIDS) else ""


def _too_often(component: Any) -> bool:
    rules = component.get("rrule")
    if rules is None:
        return False
    return any(
        repeats_too_often(str(frequency))
        for rule in (rules if isinstance(rules, list) else [rules])
        for frequency in rule.get("FREQ", [])
    )


def _has_end(component: Any) -> bool:
    try:
        component.end  # noqa: B018 (a property that raises when there is none)
    except icalendar.InvalidCalendar:
        return False
    return True


def _moment(value: date | datetime, zone: tzinfo) -> tuple[datetime, bool]:
    """A DTSTART or DTEND as a moment, and whether it was a whole day."""
    if isinstance(value, datetime):
        return (value if value.tzinfo is not None else value.replace(tzinfo=zone)), False
    return at(value, time(0), zone), True


def _categories(component: Any) -> list[str]:
    values = component.get("categories")
    if values is None:
        return []
    lists = values if isinstance(values, list) else [values]
    return [str(category) for one in lists for category in one.cats]


def hosted_calendar(events: Iterable[HostedEvent], zone: tzinfo, with_hosts: bool) -> bytes:
    """The events as one iCalendar feed, in `zone`; with the members hosting them
    (X-KIOSK-HOST) only for the kiosk itself, never for a feed it publishes."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    for event in events:
        calendar.add_component(_vevent(event, zone, with_hosts))
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


def _vevent(event: HostedEvent, zone: tzinfo, with_hosts: bool) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", f"{event.id}{OUR_UIDS}")
    vevent.add("summary", event.title)
    vevent.add("dtstamp", event.made)
    starts = event.starts.astimezone(zone)
    vevent.add("dtstart", starts.date() if event.all_day else starts)
    vevent.add("duration", event.length)
    if event.repeat:
        vevent.add("rrule", icalendar.vRecur.from_ical(event.repeat))
    categories = [c for c in (event.topic, "Closed" if event.closure else "") if c]
    if categories:
        vevent.add("categories", categories)
    if with_hosts and event.host_id:
        vevent.add("x-kiosk-host", event.host_id)
    return vevent
