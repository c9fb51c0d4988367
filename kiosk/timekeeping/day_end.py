"""A host closing the day by hand or from cron: more careful than the kiosk closing a day
gone by (kiosk.timekeeping.closing). Before today's closing time, and always when no hours
are set (today then has no closing before midnight), today's visits stay unless the host
says the day is over now."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from kiosk.models import Visit
from kiosk.timekeeping.closing import ended_by_kiosk, plan_close_day
from kiosk.timekeeping.opening import OpeningHours, closing_today


@dataclass(slots=True, frozen=True)
class DayEnd:
    """What closing the day does at a moment: the visits it ends, and who stays."""

    ending: list[Visit]
    """Each returned closed, earliest first."""
    staying: list[Visit]
    """Open visits of a day not yet closed (today's, before its closing time)."""
    closing: datetime | None
    """Today's closing time; None when no hours are set or the space does not open today."""


def plan_day_end(
    hours: OpeningHours, visits: Iterable[Visit], now: datetime, now_too: bool = False
) -> DayEnd:
    """Closing the day at `now`, as a host asks for it: visits of days already over end
    as `plan_close_day` ends them; visits of a day still open (before today's closing, or
    any day when no hours are set) stay, or end now when `now_too`."""
    visits = [visit for visit in visits if visit.open and visit.since <= now]
    planned = plan_close_day(hours, visits, now)
    closing = closing_today(hours, now)
    if not hours.is_set or (closing is not None and now < closing):
        # Only whole days gone by are over; whatever would end now is of today.
        planned = [visit for visit in planned if visit.until is not None and visit.until < now]
    ended = {visit.id for visit in planned}
    staying = [visit for visit in visits if visit.id not in ended]
    if now_too:
        planned += [ended_by_kiosk(visit, now) for visit in staying]
        staying = []
    return DayEnd(sorted(planned, key=lambda visit: (visit.since, visit.id)), staying, closing)
