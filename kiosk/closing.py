"""Closing the day: which visits nobody checked out the kiosk ends, and at what time.

A visit left open ends at the closing time of the day it began on (see
`opening.visit_closing`), never stretched to the moment the kiosk notices: running the
plan late, or twice, gives the same times. A visit of today ends at today's closing time
once the space has closed, and stays open while it is still open. On a day with no closing
time after the visit began (no hours are set, the day is closed, or the visit began after
closing), running the plan says the day is over: today's visits end now, and earlier days'
at the local midnight that ended them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from kiosk.models import Visit
from kiosk.opening import OpeningHours, closing_after, visit_closing


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
            closed.append(replace(visit, until=until, automatic=True))
    return sorted(closed, key=lambda visit: (visit.since, visit.id))


def _ends(hours: OpeningHours, since: datetime, now: datetime) -> datetime | None:
    closing = closing_after(hours, since)
    if closing is not None:
        return closing if closing <= now else None
    return min(visit_closing(hours, since), now)
