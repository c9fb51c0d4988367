"""Times and durations the way people read them on the board."""

from __future__ import annotations

from datetime import datetime, timedelta


def clock_time(moment: datetime) -> str:
    """Local time of day, like 09:14."""
    return f"{moment.astimezone():%H:%M}"


def duration(span: timedelta) -> str:
    """A visit's length, like '25 min' or '2 h 5 min'."""
    minutes = max(int(span.total_seconds() // 60), 0)
    if minutes < 1:
        return "under a minute"
    hours, minutes = divmod(minutes, 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h" if not minutes else f"{hours} h {minutes} min"


def arrived(moment: datetime, now: datetime) -> str:
    """When someone arrived: 'today 09:14 · 2 h' reads '09:14 · 2 h'; an earlier day is
    named instead of counted, like 'Tue 09:14', or '12 Nov 09:14' after a week."""
    local, today = moment.astimezone(), now.astimezone().date()
    days = (today - local.date()).days
    if days <= 0:
        minutes = max(int((now - moment).total_seconds() // 60), 0)
        ago = f"{minutes // 60} h" if minutes >= 60 else f"{minutes} min"
        return f"{clock_time(moment)} · {ago}"
    if days < 7:
        return f"{local:%a %H:%M}"
    return f"{local:%d %b %H:%M}".lstrip("0")


def since(moment: datetime, now: datetime) -> str:
    """When someone arrived, like 'since 09:14 · 2 h' or 'since Tue 09:14'."""
    return f"since {arrived(moment, now)}"


def ago(moment: datetime, now: datetime) -> str:
    """How long ago, like 'just now', '25 min ago', '5 h ago', 'yesterday' or '12 Nov'."""
    minutes = int((now - moment).total_seconds() // 60)
    if minutes < 1:
        return "just now"
    if minutes < 60:
        return f"{minutes} min ago"
    if minutes < 24 * 60:
        return f"{minutes // 60} h ago"
    days = (now.astimezone().date() - moment.astimezone().date()).days
    if days <= 1:
        return "yesterday"
    if days < 7:
        return f"{days} days ago"
    return f"{moment.astimezone():%d %b}".lstrip("0")
