"""The figures of attendance a host reads (the kiosk's stats screen shows them), gathered
from the history of visits. Slow with a long history: the kiosk runs `gather` off the UI
thread."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

from kiosk.community import stats
from kiosk.community.community import Community
from kiosk.community.stats import Newcomers, Peak, Period
from kiosk.errors import Refused
from kiosk.models import Visit
from kiosk.timekeeping.opening import current_day

CHART_DAYS = 30
"""Days the chart of people per day covers, and the average stay and newcomers too."""
HEAT_DAYS = 28
"""Days the busiest hours are counted over: four of each weekday."""
LOOK_BACK = timedelta(days=30)
"""How far back at a time earlier visits are read to tell newcomers from returning members."""


@dataclass(frozen=True, slots=True)
class Figures:
    """Attendance as the host sees it: members, with guests counted apart."""

    now: datetime
    zone: tzinfo
    here: int
    guests_here: int
    today: int
    guests_today: int
    peak: Peak
    """Today's."""
    per_day: list[tuple[date, int]]
    """Members who came each day of the last CHART_DAYS days, oldest first."""
    busiest: tuple[tuple[int, ...], ...]
    """grid[weekday][hour] over the last HEAT_DAYS days."""
    average_stay: timedelta | None
    newcomers: Newcomers
    per_event: list[tuple[date, str, int]]
    """How many came for each event of the last CHART_DAYS days, by day."""


def gather(community: Community) -> Figures:
    """Today's figures, and those of the last weeks, as of the community's clock."""
    now, zone = community.clock(), community.zone
    today = current_day(now, zone)
    month = Period.last_days(today, CHART_DAYS, zone)
    day = Period.day(today, zone)
    here = [presence.visit for presence in community.present_for_hosts()]
    recent = [*community.past_visits(*utc_days(month)), *here]
    came = {v.member_id for v in recent if v.member_id and not v.guest and month.began_in(v)}
    earlier = list(one_visit_before(community, month, came))
    return Figures(
        now=now,
        zone=zone,
        here=stats.present(here, now),
        guests_here=stats.present(here, now, "guests"),
        today=stats.people(recent, day),
        guests_today=stats.people(recent, day, "guests"),
        peak=stats.peak(recent, day, now),
        per_day=stats.people_per_day(recent, month),
        busiest=stats.busiest_hours(recent, Period.last_days(today, HEAT_DAYS, zone), now),
        average_stay=stats.average_stay(recent, month),
        newcomers=stats.newcomers([*recent, *earlier], month),
        per_event=stats.people_per_event(recent, month),
    )


def utc_days(period: Period) -> tuple[date, date]:
    """The UTC days under which the history files the visits begun in `period`."""
    return period.start.astimezone(UTC).date(), period.end.astimezone(UTC).date()


def one_visit_before(community: Community, period: Period, members: set[str]) -> Iterator[Visit]:
    """For each of `members`, a visit of theirs before `period` if they had one: all a
    newcomer count needs of the years before. The history is read back a month at a
    time, and for each member no further back than the day they joined, so a long
    history is neither read whole nor held in memory."""
    undecided = {m: community.member(m).joined for m in members if _known(community, m)}
    last = utc_days(period)[0]
    while undecided:
        first = last - LOOK_BACK
        for visit in community.past_visits(first, last):
            if visit.member_id in undecided and not visit.guest and visit.since < period.start:
                del undecided[visit.member_id]
                yield visit
        cutoff = datetime.combine(first, datetime.min.time(), UTC)
        undecided = {m: joined for m, joined in undecided.items() if joined < cutoff}
        last = first - timedelta(days=1)


def _known(community: Community, member_id: str) -> bool:
    try:
        community.member(member_id)
    except Refused:
        return False
    return True
