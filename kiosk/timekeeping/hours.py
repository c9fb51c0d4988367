"""Times and durations the way people read them on the board, each in the kiosk's one
time zone (Config.timezone), which every caller passes in."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from kiosk.timekeeping.dates import MONTHS, WEEKDAYS
from kiosk.timekeeping.opening import (
    OpeningHours,
    closing_today,
    is_open,
    local_day,
    local_time,
    next_opening,
)


def clock_time(moment: datetime, zone: tzinfo) -> str:
    """Time of day in `zone`, like 09:14."""
    return f"{local_time(moment, zone):%H:%M}"


def duration(span: timedelta) -> str:
    """A visit's length, like '25 min' or '2 h 5 min'."""
    minutes = max(int(span.total_seconds() // 60), 0)
    if minutes < 1:
        return "under a minute"
    hours, minutes = divmod(minutes, 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h" if not minutes else f"{hours} h {minutes} min"


def moments(span: timedelta) -> str:
    """A short span, like '4 s' or, from a minute, '2 min'."""
    seconds = max(int(span.total_seconds()), 0)
    return f"{seconds} s" if seconds < 60 else duration(span)


def arrived(moment: datetime, now: datetime, zone: tzinfo) -> str:
    """When someone arrived: 'today 09:14 · 2 h' reads '09:14 · 2 h'; an earlier day is
    named instead of counted, like 'Tue 09:14', or '12 Nov 09:14' after a week."""
    local = local_time(moment, zone)
    days = (local_day(now, zone) - local_day(moment, zone)).days
    if days <= 0:
        minutes = max(int((now - moment).total_seconds() // 60), 0)
        ago = f"{minutes // 60} h" if minutes >= 60 else f"{minutes} min"
        return f"{clock_time(moment, zone)} · {ago}"
    if days < 7:
        return f"{local:%a %H:%M}"
    return f"{local:%d %b %H:%M}".lstrip("0")


def since(moment: datetime, now: datetime, zone: tzinfo) -> str:
    """When someone arrived, like 'since 09:14 · 2 h' or 'since Tue 09:14'."""
    return f"since {arrived(moment, now, zone)}"


def ago(moment: datetime, now: datetime, zone: tzinfo) -> str:
    """How long ago, like 'just now', '25 min ago', '5 h ago', 'yesterday' or '12 Nov'."""
    minutes = int((now - moment).total_seconds() // 60)
    if minutes < 1:
        return "just now"
    if minutes < 60:
        return f"{minutes} min ago"
    if minutes < 24 * 60:
        return f"{minutes // 60} h ago"
    return day_of(moment, now, zone)


def day_of(moment: datetime, now: datetime, zone: tzinfo) -> str:
    """The day of a moment, as `ago` says it past a day: 'today', 'yesterday', '3 days
    ago' or '12 Nov'."""
    days = (local_day(now, zone) - local_day(moment, zone)).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 7:
        return f"{days} days ago"
    return f"{local_time(moment, zone):%d %b}".lstrip("0")


def posted(moment: datetime, now: datetime, zone: tzinfo, day_only: bool) -> str:
    """When a shout-out was posted, as `ago` says it; its day alone for one written by a
    member here unseen (`ShoutOut.quiet`), whose time would say when they were here."""
    return day_of(moment, now, zone) if day_only else ago(moment, now, zone)


def public_order(moment: datetime, day_only: bool, zone: tzinfo) -> tuple[date, bool, float]:
    """A key that puts what members wrote newest first (sorted in reverse) as far as the
    public may tell: one written by a member here unseen (`day_only`) by its day alone,
    after that day's others, so that its neighbours never give its time away."""
    return (local_day(moment, zone), not day_only, 0.0 if day_only else moment.timestamp())


def nobody_here(came_today: int | None = None) -> str:
    """What to say when nobody is here: "nobody here yet" only when nobody came today
    (`came_today`), since late in the day it would be wrong; "nobody here right now"
    otherwise, and when it is not known."""
    return "nobody here yet" if came_today == 0 else "nobody here right now"


def opening_status(hours: OpeningHours, now: datetime) -> str:
    """Whether the space is open and until when, or when it opens next, like "open until
    18:00", "closed · opens tomorrow at 09:00"; empty when no hours are set."""
    if not hours.is_set:
        return ""
    zone = hours.zone
    if is_open(hours, now):
        closing = closing_today(hours, now)
        assert closing is not None
        return f"open until {_when(closing, now, zone).removeprefix('at ')}"
    opens = next_opening(hours, now)
    return "closed" if opens is None else f"closed · opens {_when(opens, now, zone)}"


def _when(moment: datetime, now: datetime, zone: tzinfo) -> str:
    """A moment soon after `now`, as "at 09:00", "tomorrow at 09:00", "Monday at
    09:00" (within a week) or "2 January at 09:00"."""
    local = local_time(moment, zone)
    days = (local_day(moment, zone) - local_day(now, zone)).days
    clock = f"at {local:%H:%M}"
    # After midnight but before morning, a closing is still "tonight".
    if days == 0 or (days == 1 and moment - now < timedelta(hours=12) and local.hour < 6):
        return clock
    if days == 1:
        return f"tomorrow {clock}"
    if days < 7:
        return f"{WEEKDAYS[local.weekday()]} {clock}"
    return f"{local.day} {MONTHS[local.month - 1]} {clock}"
