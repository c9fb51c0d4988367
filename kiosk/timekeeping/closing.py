"""When a visit ends: checked out by its member or a host, or, left open, closed by the
kiosk; and which visits nobody checked out the kiosk ends, and at what time.

A visit never ends before it began, even with the machine's clock set back.

A visit left open ends at the closing time of the day it began on (see
`visit_closing`), never stretched to the moment the kiosk notices: running the
plan late, or twice, gives the same times. A visit of today ends at today's closing time
once the space has closed, and stays open while it is still open. On a day with no closing
time after the visit began (no hours are set, the day is closed, or the visit began after
closing), running the plan says the day is over: today's visits end now, and earlier days'
at the local midnight that ended them.

A host closing the day by hand or from cron is more careful (kiosk.timekeeping.day_end).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from kiosk.models import Visit
from kiosk.timekeeping.opening import OpeningHours, closing_today, local_day, midnight_after


def visit_closing(hours: OpeningHours, since: datetime) -> datetime:
    """When a visit begun at `since` and never checked out ends: the closing time of the
    day it began on, or local midnight at the end of that day when that day has no
    closing time after `since` (no hours set, a closed day, or a visit begun after
    closing)."""
    closing = closing_after(hours, since)
    if closing is not None:
        return closing
    return midnight_after(local_day(since, hours.zone), hours.zone)


def closing_after(hours: OpeningHours, since: datetime) -> datetime | None:
    """The closing time of the day `since` belongs to, if that is after `since`."""
    closing = closing_today(hours, since)
    return closing if closing is not None and closing > since else None


def checked_out(visit: Visit, now: datetime) -> Visit:
    """`visit`, checked out at `now` by its member or a host."""
    return replace(visit, until=max(now, visit.since))


def ended_by_kiosk(visit: Visit, until: datetime) -> Visit:
    """`visit`, left open, ended by the kiosk at `until` (see the module docstring)."""
    return replace(visit, until=max(until, visit.since), automatic=True)


def plan_close_day(hours: OpeningHours, visits: Iterable[Visit], now: datetime) -> list[Visit]:
    """The open `visits` to close at `now`, each returned closed (its `until` set and
    marked `automatic`), earliest first. Visits already closed, or begun after `now`,
    are left alone."""
    closed = []
    for visit in visits:
        if not visit.open or visit.since > now:
            continue
        until = _ends(hours, visit.since, now)
        if until is not None:
            closed.append(ended_by_kiosk(visit, until))
    return sorted(closed, key=lambda visit: (visit.since, visit.id))


def _ends(hours: OpeningHours, since: datetime, now: datetime) -> datetime | None:
    closing = closing_after(hours, since)
    if closing is not None:
        return closing if closing <= now else None
    return min(visit_closing(hours, since), now)
