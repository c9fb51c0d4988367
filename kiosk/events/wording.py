"""Events as a person reads them: "Tonight 19:00 Soldering 101 · with Jürgen". Each
sentence is written whole in one place, so that it can be translated whole."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from kiosk.events.happening import Happening
from kiosk.models import HostedEvent
from kiosk.timekeeping.dates import MONTHS, WEEKDAYS, day_words
from kiosk.timekeeping.hours import clock_time
from kiosk.timekeeping.opening import local_day, local_time

EVENING = 17
"""From this hour a time today is "tonight"."""


def when(happening: Happening, now: datetime, zone: tzinfo) -> str:
    """When it is, told from `now`: "Now until 21:00", "Tonight 19:00", "Today 10:00",
    "Tomorrow 18:00", "Friday 18:00", "Friday 18 December 18:00"; an all-day event by
    its day alone ("Today", "Friday")."""
    today = local_day(now, zone)
    day = local_day(happening.starts, zone)
    begins = clock_time(happening.starts, zone)
    if happening.underway(now):
        if happening.all_day:
            return "Today"
        return f"Now until {clock_time(happening.ends, zone)}"
    if day == today:
        if happening.all_day:
            return "Today"
        if local_time(happening.starts, zone).hour >= EVENING:
            return f"Tonight {begins}"
        return f"Today {begins}"
    if day == today + timedelta(days=1):
        return "Tomorrow" if happening.all_day else f"Tomorrow {begins}"
    weekday = WEEKDAYS[day.weekday()]
    if day - today >= timedelta(days=7):
        weekday = f"{weekday} {day.day} {MONTHS[day.month - 1]}"
    return weekday if happening.all_day else f"{weekday} {begins}"


def event_line(happening: Happening, host: str, now: datetime, zone: tzinfo) -> str:
    """'Tonight 19:00 Soldering 101 · with Jürgen'; `host` empty names nobody. A closure
    says so: 'Thursday 24 December Winter break · closed'."""
    said = f"{when(happening, now, zone)} {happening.title}"
    if happening.closure:
        return f"{said} · closed"
    return f"{said} · with {host}" if host else said


def here_for(happening: Happening) -> str:
    """The welcome's question to a member who came while an event is on."""
    return f"Here for {happening.title}?"


def event_reason(happening: Happening, now: datetime, zone: tzinfo, topic: str) -> str:
    """A reason on the welcome: 'Soldering 101 tonight 19:00: you follow electronics'."""
    return f"{happening.title} {when(happening, now, zone).lower()}: you follow {topic}"


def added_words(event: HostedEvent, zone: tzinfo) -> str:
    """What a host is told once their event is added: "Added Soldering 101 (id ...),
    Friday 11 December at 18:00, repeating FREQ=WEEKLY."."""
    begins = day_words(local_day(event.starts, zone))
    if not event.all_day:
        begins += f" at {clock_time(event.starts, zone)}"
    repeats = f", repeating {event.repeat}" if event.repeat else ""
    return f"Added {event.title} (id {event.id}), {begins}{repeats}."
