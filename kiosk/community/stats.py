"""Attendance figures for hosts, from visits alone.

Each figure counts either members or guests (`who`), never both together: a guest is not a
member of the community, and a member who brings friends should not look busier. A person is
counted once however often they came in the time counted: a member by their id, a guest by
their name and host, and each visit of a member who deleted their data as someone of its
own. Days and hours are local days and hours in the zone of the `Period` asked about; a visit
belongs to the day it began on, and is present from `since` until `until`, or until `now`
while it is open.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Literal

from kiosk.models import Visit
from kiosk.text import fold
from kiosk.timekeeping.opening import at, local_day, midnight_after

Who = Literal["members", "guests"]
HOUR = timedelta(hours=1)


@dataclass(slots=True, frozen=True)
class Period:
    """The local days from `first` to `last`, both included, in `zone`."""

    first: date
    last: date
    zone: tzinfo

    @classmethod
    def day(cls, day: date, zone: tzinfo) -> Period:
        return cls(day, day, zone)

    @classmethod
    def last_days(cls, today: date, days: int, zone: tzinfo) -> Period:
        """The `days` days that end with `today`."""
        return cls(today - timedelta(days=days - 1), today, zone)

    @property
    def start(self) -> datetime:
        return at(self.first, time(0), self.zone)

    @property
    def end(self) -> datetime:
        return midnight_after(self.last, self.zone)

    @property
    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]

    def began_in(self, visit: Visit) -> bool:
        return self.first <= local_day(visit.since, self.zone) <= self.last


@dataclass(slots=True, frozen=True)
class Peak:
    """The most people here at once, and when that many were first here."""

    people: int
    at: datetime | None


@dataclass(slots=True, frozen=True)
class Newcomers:
    """Members who came in a period: for the first time ever, or again."""

    new: int
    returning: int


def present(visits: Iterable[Visit], now: datetime, who: Who = "members") -> int:
    """How many are here at `now`."""
    return len(
        {
            person(visit)
            for visit in _of(visits, who)
            if visit.since <= now and (visit.until is None or now < visit.until)
        }
    )


def people(visits: Iterable[Visit], period: Period, who: Who = "members") -> int:
    """How many came in `period` (for today's total: `Period.day(today, zone)`)."""
    return len({person(visit) for visit in _of(visits, who) if period.began_in(visit)})


def people_per_day(
    visits: Iterable[Visit], period: Period, who: Who = "members"
) -> list[tuple[date, int]]:
    """How many came on each day of `period`, oldest first, days nobody came included."""
    came: dict[date, set[str]] = {day: set() for day in period.days}
    for visit in _of(visits, who):
        day = local_day(visit.since, period.zone)
        if day in came:
            came[day].add(person(visit))
    return [(day, len(persons)) for day, persons in came.items()]


def peak(visits: Iterable[Visit], period: Period, now: datetime, who: Who = "members") -> Peak:
    """The most people here at once during `period` (until `now`). Someone leaving as
    someone else arrives is not here together with them."""
    changes: list[tuple[datetime, int]] = []
    for spans in _presence(visits, period, now, who).values():
        for since, until in _merged(spans):
            changes += [(since, 1), (until, -1)]
    here, best = 0, Peak(0, None)
    # At the same moment, departures (-1) come before arrivals (+1).
    for moment, change in sorted(changes):
        here += change
        if here > best.people:
            best = Peak(here, moment)
    return best


def busiest_hours(
    visits: Iterable[Visit], period: Period, now: datetime, who: Who = "members"
) -> tuple[tuple[int, ...], ...]:
    """Presence by weekday and hour: `grid[weekday][hour]` (Monday is 0) counts, over the
    days of `period`, the people here during some part of that local hour."""
    seen: set[tuple[str, date, int]] = set()
    for someone, spans in _presence(visits, period, now, who).items():
        for since, until in spans:
            seen |= {(someone, *slot) for slot in _hours(since, until, period.zone)}
    grid = [[0] * 24 for _ in range(7)]
    for _, day, hour in seen:
        grid[day.weekday()][hour] += 1
    return tuple(tuple(row) for row in grid)


def average_stay(visits: Iterable[Visit], period: Period, who: Who = "members") -> timedelta | None:
    """How long a visit begun in `period` lasts on average; None when there is none.
    Visits still open, and visits the kiosk closed at closing time, are left out: their
    end is not when the person left."""
    stays = [
        visit.until - visit.since
        for visit in _of(visits, who)
        if visit.until is not None and not visit.automatic and period.began_in(visit)
    ]
    return sum(stays, timedelta(0)) / len(stays) if stays else None


def newcomers(visits: Iterable[Visit], period: Period) -> Newcomers:
    """Members who came in `period`, by whether their first visit ever was in it. Needs
    all visits before the period too; guests and deleted members are not counted."""
    first: dict[str, datetime] = {}
    came: set[str] = set()
    for visit in _of(visits, "members"):
        if not visit.member_id:
            continue
        if visit.member_id not in first or visit.since < first[visit.member_id]:
            first[visit.member_id] = visit.since
        if period.began_in(visit):
            came.add(visit.member_id)
    new = sum(1 for member in came if first[member] >= period.start)
    return Newcomers(new=new, returning=len(came) - new)


def people_per_event(visits: Iterable[Visit], period: Period) -> list[tuple[date, str, int]]:
    """How many came for each event in `period`, as they said at the welcome: (its local
    day, its title, people), by day, then by title."""
    came: dict[tuple[date, str], set[str]] = {}
    for visit in visits:
        if visit.event and period.began_in(visit):
            day = local_day(visit.since, period.zone)
            came.setdefault((day, visit.event), set()).add(person(visit))
    return [(day, title, len(persons)) for (day, title), persons in sorted(came.items())]


def person(visit: Visit) -> str:
    """Who a visit counts as: the member, a guest by name and host, or, for a visit that
    names nobody (its member deleted their data, or it is old and anonymous), someone
    seen once."""
    if not visit.member_id:
        return f"visit {visit.id}"
    if visit.guest:
        return f"guest {visit.member_id} {fold(visit.guest)}"
    return visit.member_id


def _of(visits: Iterable[Visit], who: Who) -> Iterable[Visit]:
    guests = who == "guests"
    return (visit for visit in visits if bool(visit.guest) is guests)


def _presence(
    visits: Iterable[Visit], period: Period, now: datetime, who: Who
) -> dict[str, list[tuple[datetime, datetime]]]:
    """Each person's times here within `period`, cut to the period and to `now`."""
    start, end = period.start, min(period.end, now)
    spans: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
    for visit in _of(visits, who):
        since = max(visit.since, start)
        until = min(visit.until or now, end)
        if since < until:
            spans[person(visit)].append((since, until))
    return spans


def _merged(spans: list[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    """Overlapping times of one person made one, so that two visits are not two people."""
    merged: list[tuple[datetime, datetime]] = []
    for since, until in sorted(spans):
        if merged and since < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], until))
        else:
            merged.append((since, until))
    return merged


def _hours(since: datetime, until: datetime, zone: tzinfo) -> set[tuple[date, int]]:
    """The local (day, hour) slots that `since` to `until` touches."""
    # Stepped in UTC, since a step in local time would be a step of the wall clock.
    step = since.astimezone(zone).replace(minute=0, second=0, microsecond=0).astimezone(UTC)
    slots = set()
    while step < until:
        shown = step.astimezone(zone)
        slots.add((shown.date(), shown.hour))
        step += HOUR
    return slots
