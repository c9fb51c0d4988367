"""The community's events: those hosts added, and the last copy of each calendar feed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from kiosk import text
from kiosk.models.fields import read_flag, read_id, read_moment, read_text


@dataclass(slots=True, frozen=True)
class HostedEvent:
    """An event hosts added at the kiosk or with `kiosk events add`, once or repeating."""

    id: str
    title: str
    starts: datetime
    """Its first beginning, in the kiosk's zone when it was added: a repeat keeps the
    wall-clock time across a change of the clocks."""
    length: timedelta
    made: datetime
    all_day: bool = False
    """It fills whole days from the day of `starts`, `length` being whole days."""
    repeat: str = ""
    """An RRULE without its "RRULE:" prefix, like "FREQ=WEEKLY"; empty for once."""
    host_id: str = ""
    """The member hosting it, named on public screens only as the board would name them."""
    topic: str = ""
    closure: bool = False
    """The space is closed for its days, as for the closed days of the opening hours."""

    def to_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "starts": self.starts.isoformat(),
            "minutes": int(self.length.total_seconds()) // 60,
            "made": self.made.isoformat(),
            "all_day": self.all_day,
            "repeat": self.repeat,
            "host": self.host_id,
            "topic": self.topic,
            "closure": self.closure,
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> HostedEvent:
        minutes = doc["minutes"]
        if type(minutes) is not int or minutes <= 0:
            raise TypeError("minutes should be a whole number above 0")
        repeat = read_text(doc, "repeat", text.REPEAT_LIMIT, required=False).removeprefix("RRULE:")
        if repeat:
            check_repeat(repeat)
        host = doc.get("host", "")
        if type(host) is not str or (host and not text.is_id(host)):
            raise ValueError("host should be a member id or empty")
        return cls(
            id=read_id(doc),
            title=read_text(doc, "title", text.EVENT_TITLE_LIMIT),
            starts=read_moment(doc["starts"], "starts"),
            length=timedelta(minutes=minutes),
            made=read_moment(doc["made"], "made"),
            all_day=read_flag(doc, "all_day", False),
            repeat=repeat,
            host_id=host,
            topic=read_text(doc, "topic", text.TOPIC_LIMIT, required=False),
            closure=read_flag(doc, "closure", False),
        )


TOO_OFTEN = frozenset({"SECONDLY", "MINUTELY", "HOURLY"})
"""Repeats no community event has: expanding one would take the kiosk hours."""


def repeats_too_often(frequency: str) -> bool:
    """Whether an RRULE's FREQ repeats an event more often than daily."""
    return frequency.upper() in TOO_OFTEN


def check_repeat(rule: str) -> None:
    """Raise ValueError unless `rule` is a repeating rule python-dateutil reads, at most
    daily."""
    from dateutil.rrule import rrulestr  # late: only events repeat by rules

    try:
        rrulestr(f"RRULE:{rule}", dtstart=datetime(2000, 1, 1))
    except (ValueError, TypeError):
        raise ValueError("repeat should be a rule like FREQ=WEEKLY;BYDAY=FR") from None
    fields = dict(part.partition("=")[::2] for part in rule.split(";"))
    if repeats_too_often(fields.get("FREQ", "")):
        raise ValueError("repeat should be daily at the most")


@dataclass(slots=True, frozen=True)
class CachedFeed:
    """The last copy fetched of a calendar feed on the web, used while it cannot be reached."""

    source: str
    """The feed's web address, as the config names it."""
    fetched: datetime
    body: str
    """The feed's iCalendar text."""

    def to_doc(self) -> dict[str, Any]:
        return {"source": self.source, "fetched": self.fetched.isoformat(), "body": self.body}

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> CachedFeed:
        source, body = doc["source"], doc["body"]
        if type(source) is not str or type(body) is not str:
            raise TypeError("source and body should be text")
        return cls(source, read_moment(doc["fetched"], "fetched"), body)
