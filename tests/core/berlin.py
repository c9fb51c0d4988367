"""Times in Berlin for tests of opening hours, written with the offset the clocks there
show (CET is UTC+1 in winter, CEST UTC+2 in summer; in 2026 summer time runs from
29 March 01:00 UTC to 25 October 01:00 UTC), so that expected times are not computed by
the code under test."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from kiosk.timekeeping.opening import OpeningHours, read_hours

CET = timezone(timedelta(hours=1))
CEST = timezone(timedelta(hours=2))


def cet(day: str, clock: str) -> datetime:
    return datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=CET)


def cest(day: str, clock: str) -> datetime:
    return datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=CEST)


def in_berlin(*openings: str, **table: object) -> OpeningHours:
    """Hours in Berlin, each opening written "RULE from-to" or "RULE from for LENGTH"."""
    return read_hours({"timezone": "Europe/Berlin", "open": [*map(opening, openings)], **table})


def opening(written: str) -> dict[str, str]:
    """An [[hours.open]] table written "RULE from-to" or "RULE from for LENGTH"."""
    rule, times, *length = written.split()
    start, _, end = times.partition("-")
    return {"rule": rule, "from": start, **({"for": length[-1]} if length else {"to": end})}
