"""Contact tracing, for a host handling an injury or illness report: who was in the
building at the same time as one member, and for how long.

It names only the visits that overlapped the member's own, and nothing else about those
people; the command line alone asks it (`kiosk contacts`), never the door.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from kiosk.models import Visit


@dataclass(frozen=True)
class Contact:
    """Someone who was in the building while the member was."""

    member_id: str
    """The member, or for a guest the member who signed them in."""
    guest: str
    """The guest's name; "" for a member."""
    together: timedelta
    """How long they were in the building at the same time, over every visit."""
    first: datetime
    """When they first overlapped."""
    visits: int
    """How many of their visits overlapped the member's."""


def contacts(member_id: str, visits: Iterable[Visit], now: datetime) -> list[Contact]:
    """Who overlapped `member_id`'s visits among `visits` (a visit still going lasts
    until `now`), longest together first; the member's own guests too."""
    everyone = list(visits)
    own = [visit for visit in everyone if is_own(visit, member_id)]
    found: dict[tuple[str, str], list[tuple[timedelta, datetime]]] = {}
    for other in everyone:
        if is_own(other, member_id):
            continue
        shared = [span for mine in own if (span := _overlap(mine, other, now)) is not None]
        if shared:
            together = sum((length for length, _ in shared), timedelta())
            found.setdefault((other.member_id, other.guest), []).append(
                (together, min(start for _, start in shared))
            )
    return sorted(
        (
            Contact(
                member_id=member,
                guest=guest,
                together=sum((length for length, _ in overlaps), timedelta()),
                first=min(start for _, start in overlaps),
                visits=len(overlaps),
            )
            for (member, guest), overlaps in found.items()
        ),
        key=lambda contact: (-contact.together, contact.first),
    )


def is_own(visit: Visit, member_id: str) -> bool:
    """Whether `visit` is the member's own (not a guest's they signed in)."""
    return visit.member_id == member_id and not visit.guest


def _overlap(mine: Visit, other: Visit, now: datetime) -> tuple[timedelta, datetime] | None:
    """How long two visits were at the same time, and from when; None if never."""
    start = max(mine.since, other.since)
    end = min(mine.until or now, other.until or now)
    return (end - start, start) if end > start else None
