"""One occurrence of an event: a repeating event has one for each day it happens."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

UPCOMING_SOON_MINUTES = 30
"""From how long before its beginning an event counts as on: a member who comes early
for it is asked whether they are here for it."""


@dataclass(slots=True, frozen=True)
class Happening:
    """An event on one day: what it is called, when it begins and ends, and its details."""

    title: str
    starts: datetime
    ends: datetime
    all_day: bool = False
    topic: str = ""
    host_id: str = ""
    """The member hosting it (events hosts added only); who may be named is the
    community's to say."""
    closure: bool = False
    """The space is closed on its days."""
    hosted_id: str = ""
    """The id of the hosts' event it is an occurrence of; empty for a feed's."""

    def underway(self, now: datetime) -> bool:
        return self.starts <= now < self.ends
