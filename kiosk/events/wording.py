"""Events as a person reads them: "Tonight 19:00 Soldering 101 · with Jürgen". Each
sentence is written whole in one place, so that it can be translated whole."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from kiosk import language
from kiosk.events.happening import Happening
from kiosk.language import _
from kiosk.models.events import HostedEvent
from kiosk.timekeeping.dates import day_words
from kiosk.timekeeping.hours import clock_time
from kiosk.timekeeping.opening import current_day, local_day, local_time

EVENING = 17
"""From this hour a time today is "tonight"."""


@dataclass(slots=True, frozen=True)
class ShownEvent:
    """An event as public screens show it: the occurrence, its host's name (empty for
    nobody), and its line."""

    happening: Happening
    host: str
    line: str


def when(happening: Happening, now: datetime, zone: tzinfo) -> str:
    """When it is, told from `now`: "Now until 21:00", "Tonight 19:00", "Today 10:00",
    "Tomorrow 18:00", "Friday 18:00", "Friday 18 December 18:00"; an all-day event by
    its day alone ("Today", "Friday")."""
    today = current_day(now, zone)
    day = local_day(happening.starts, zone)
    begins = clock_time(happening.starts, zone)
    if happening.underway(now):
        if happening.all_day:
            return _("Today")
        return _("Now until {time}").format(time=clock_time(happening.ends, zone))
    if day == today:
        if happening.all_day:
            return _("Today")
        if local_time(happening.starts, zone).hour >= EVENING:
            return _("Tonight {time}").format(time=begins)
        return _("Today {time}").format(time=begins)
    if day == today + timedelta(days=1):
        if happening.all_day:
            return _("Tomorrow")
        return _("Tomorrow {time}").format(time=begins)
    # Within the week the weekday alone says which day; further off, the date too.
    named = (
        language.weekday(day)
        if day - today < timedelta(days=7)
        else language.day(day, with_year=False)
    )
    # It begins the line: capitalised, as Spanish and French write a weekday mid-sentence
    # in lower case ("miércoles").
    named = named[:1].upper() + named[1:]
    if happening.all_day:
        return named
    # Translators: a day ("Friday") and the time the event begins ("18:00").
    return _("{day} {time}").format(day=named, time=begins)


def event_line(happening: Happening, host: str, now: datetime, zone: tzinfo) -> str:
    """'Tonight 19:00 Soldering 101 · with Jürgen'; `host` empty names nobody. A closure
    says so: 'Thursday 24 December Winter break · closed'."""
    said = when(happening, now, zone)
    if happening.closure:
        return _("{when} {title} · closed").format(when=said, title=happening.title)
    if host:
        return _("{when} {title} · with {host}").format(when=said, title=happening.title, host=host)
    return _("{when} {title}").format(when=said, title=happening.title)


def here_for(happening: Happening) -> str:
    """The welcome's question to a member who came while an event is on."""
    return _("Here for {title}?").format(title=happening.title)


def added_words(event: HostedEvent, zone: tzinfo) -> str:
    """What a host is told once their event is added: "Added Soldering 101 (id ...),
    Friday 11 December at 18:00, repeating FREQ=WEEKLY."."""
    day = day_words(local_day(event.starts, zone))
    if event.all_day:
        begins = day
    else:
        begins = _("{day} at {time}").format(day=day, time=clock_time(event.starts, zone))
    if event.repeat:
        added = _("Added {title} (id {id}), {begins}, repeating {repeat}.")
    else:
        added = _("Added {title} (id {id}), {begins}.")
    return added.format(title=event.title, id=event.id, begins=begins, repeat=event.repeat)
