"""Times and durations the way people read them on the board, each in the kiosk's one
time zone (Config.timezone), which every caller passes in."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from kiosk import language
from kiosk.language import _
from kiosk.timekeeping.opening import (
    OpeningHours,
    closing_today,
    current_day,
    is_open,
    local_day,
    local_time,
    next_opening,
)


def clock_time(moment: datetime, zone: tzinfo) -> str:
    """Time of day in `zone`, like 09:14."""
    return language.clock(local_time(moment, zone))


def duration(span: timedelta) -> str:
    """A visit's length, like '25 min' or '2 h 5 min'."""
    minutes = max(int(span.total_seconds() // 60), 0)
    if minutes < 1:
        return _("under a minute")
    hours, minutes = divmod(minutes, 60)
    if not hours:
        return _("{minutes} min").format(minutes=minutes)
    if not minutes:
        return _("{hours} h").format(hours=hours)
    return _("{hours} h {minutes} min").format(hours=hours, minutes=minutes)


def moments(span: timedelta) -> str:
    """A short span, like '4 s' or, from a minute, '2 min'."""
    seconds = max(int(span.total_seconds()), 0)
    return _("{seconds} s").format(seconds=seconds) if seconds < 60 else duration(span)


def arrived(moment: datetime, now: datetime, zone: tzinfo) -> str:
    """When someone arrived: 'today 09:14 · 2 h' reads '09:14 · 2 h'; an earlier day is
    named instead of counted, like 'Tue 09:14', or '12 Nov 09:14' after a week."""
    local = local_time(moment, zone)
    days = (current_day(now, zone) - local_day(moment, zone)).days
    if days <= 0:
        minutes = max(int((now - moment).total_seconds() // 60), 0)
        ago = (
            _("{hours} h").format(hours=minutes // 60)
            if minutes >= 60
            else _("{minutes} min").format(minutes=minutes)
        )
        return f"{clock_time(moment, zone)} · {ago}"
    if days < 7:
        return language.weekday_and_clock(local)
    return language.short_day_and_clock(local)


def since(moment: datetime, now: datetime, zone: tzinfo) -> str:
    """When someone arrived, like 'since 09:14 · 2 h' or 'since Tue 09:14'."""
    return _("since {arrived}").format(arrived=arrived(moment, now, zone))


def ago(moment: datetime, now: datetime, zone: tzinfo) -> str:
    """How long ago, like 'just now', '25 min ago', '5 h ago', 'yesterday' or '12 Nov'."""
    minutes = int((now - moment).total_seconds() // 60)
    if minutes < 1:
        return _("just now")
    if minutes < 60:
        return _("{minutes} min ago").format(minutes=minutes)
    if minutes < 24 * 60:
        return _("{hours} h ago").format(hours=minutes // 60)
    return day_of(moment, now, zone)


def day_of(moment: datetime, now: datetime, zone: tzinfo) -> str:
    """The day of a moment, as `ago` says it past a day: 'today', 'yesterday', '3 days
    ago' or '12 Nov'."""
    days = (current_day(now, zone) - local_day(moment, zone)).days
    if days <= 0:
        return _("today")
    if days == 1:
        return _("yesterday")
    if days < 7:
        return language.ago(timedelta(days=days))
    return language.short_day(local_day(moment, zone))


def posted(moment: datetime, now: datetime, zone: tzinfo, day_only: bool) -> str:
    """When a shout-out was posted, as `ago` says it; its day alone for one written by a
    member here unseen (`ShoutOut.quiet`), whose time would say when they were here."""
    return day_of(moment, now, zone) if day_only else ago(moment, now, zone)


def public_order(moment: datetime, day_only: bool, zone: tzinfo) -> tuple[date, bool, float]:
    """A key that puts what members wrote newest first (sorted in reverse) as far as the
    public may tell: one written by a member here unseen (`day_only`) by its day alone,
    after that day's others, so that its neighbours never give its time away."""
    return (local_day(moment, zone), not day_only, 0.0 if day_only else moment.timestamp())


def nobody_here(came_today: int | None = None, *, sentence: bool = False) -> str:
    """What to say when nobody is here: "nobody here yet" only when nobody came today
    (`came_today`), since late in the day it would be wrong; "nobody here right now"
    otherwise, and when it is not known. As a `sentence` of its own: "Nobody here yet."."""
    if sentence:
        return _("Nobody here yet.") if came_today == 0 else _("Nobody here right now.")
    return _("nobody here yet") if came_today == 0 else _("nobody here right now")


def opening_status(hours: OpeningHours, now: datetime) -> str:
    """Whether the space is open and until when, or when it opens next, like "open until
    18:00", "closed · opens tomorrow at 09:00"; empty when no hours are set."""
    if not hours.is_set:
        return ""
    zone = hours.zone
    if is_open(hours, now):
        closing = closing_today(hours, now)
        assert closing is not None
        if _tonight(closing, now, zone):
            return _("open until {time}").format(time=clock_time(closing, zone))
        return _("open until {when}").format(when=_when(closing, now, zone))
    opens = next_opening(hours, now)
    if opens is None:
        return _("closed")
    return _("closed · opens {when}").format(when=_when(opens, now, zone))


def _tonight(moment: datetime, now: datetime, zone: tzinfo) -> bool:
    """Whether `moment` is today, or after midnight but before morning: still "tonight"."""
    days = (local_day(moment, zone) - current_day(now, zone)).days
    return days == 0 or (
        days == 1 and moment - now < timedelta(hours=12) and local_time(moment, zone).hour < 6
    )


def _when(moment: datetime, now: datetime, zone: tzinfo) -> str:
    """A moment soon after `now`, as "at 09:00", "tomorrow at 09:00", "Monday at
    09:00" (within a week) or "2 January at 09:00"."""
    local = local_time(moment, zone)
    days = (local_day(moment, zone) - current_day(now, zone)).days
    time = language.clock(local)
    if _tonight(moment, now, zone):
        return _("at {time}").format(time=time)
    if days == 1:
        return _("tomorrow at {time}").format(time=time)
    if days < 7:
        return _("{weekday} at {time}").format(weekday=language.weekday(local), time=time)
    return _("{day} at {time}").format(day=language.day_and_month(local), time=time)
