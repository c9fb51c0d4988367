"""Times and durations as the board shows them (local time is UTC in tests)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from kiosk.timekeeping import hours
from kiosk.timekeeping.opening import OpeningHours
from tests.core.berlin import cet, in_berlin

NINE = datetime(2026, 11, 26, 9, 14, tzinfo=UTC)


def test_clock_time_is_hours_and_minutes() -> None:
    assert hours.clock_time(NINE, UTC) == "09:14"


@pytest.mark.parametrize(
    ("span", "shown"),
    [
        (timedelta(seconds=59), "under a minute"),
        (timedelta(seconds=-30), "under a minute"),
        (timedelta(minutes=25, seconds=59), "25 min"),
        (timedelta(hours=2), "2 h"),
        (timedelta(hours=2, minutes=5), "2 h 5 min"),
        (timedelta(days=1, minutes=1), "24 h 1 min"),
    ],
)
def test_duration(span: timedelta, shown: str) -> None:
    assert hours.duration(span) == shown


@pytest.mark.parametrize(
    ("later", "shown"),
    [
        (timedelta(0), "since 09:14 · 0 min"),
        (timedelta(minutes=59), "since 09:14 · 59 min"),
        (timedelta(hours=2, minutes=40), "since 09:14 · 2 h"),
        (timedelta(minutes=-5), "since 09:14 · 0 min"),
    ],
)
def test_since(later: timedelta, shown: str) -> None:
    assert hours.since(NINE, NINE + later, UTC) == shown


@pytest.mark.parametrize(
    ("earlier", "shown"),
    [
        (timedelta(seconds=30), "just now"),
        (timedelta(minutes=-3), "just now"),
        (timedelta(minutes=25), "25 min ago"),
        (timedelta(hours=5, minutes=59), "5 h ago"),
        (timedelta(hours=30), "yesterday"),
        (timedelta(days=3), "3 days ago"),
        (timedelta(days=12), "14 Nov"),
        (timedelta(days=24), "2 Nov"),
    ],
)
def test_ago(earlier: timedelta, shown: str) -> None:
    assert hours.ago(NINE - earlier, NINE, UTC) == shown


def test_clock_time_in_a_named_zone() -> None:
    assert hours.clock_time(NINE, ZoneInfo("Europe/Berlin")) == "10:14"


# Weekdays 09:00 to 18:00 with a lunch break on Wednesdays, and Friday nights until 02:00.
OPENING_HOURS = in_berlin(
    "FREQ=WEEKLY;BYDAY=MO,TU,TH,FR 09:00-18:00",
    "FREQ=WEEKLY;BYDAY=WE 09:00-12:00",
    "FREQ=WEEKLY;BYDAY=WE 14:00-18:00",
    "FREQ=WEEKLY;BYDAY=FR 18:00-02:00",
    closed=["2026-12-24/2027-01-03"],
)


@pytest.mark.parametrize(
    ("now", "shown"),
    [
        (cet("2026-11-26", "10:00"), "open until 18:00"),  # a Thursday
        (cet("2026-11-26", "07:30"), "closed · opens at 09:00"),
        (cet("2026-11-26", "18:30"), "closed · opens tomorrow at 09:00"),
        (cet("2026-11-25", "12:30"), "closed · opens at 14:00"),  # Wednesday lunch
        (cet("2026-11-27", "20:00"), "open until 02:00"),  # Friday night
        (cet("2026-11-28", "01:00"), "open until 02:00"),
        (cet("2026-11-28", "10:00"), "closed · opens Monday at 09:00"),
        (cet("2026-12-23", "19:00"), "closed · opens 4 January at 09:00"),
    ],
)
def test_opening_status(now: datetime, shown: str) -> None:
    assert hours.opening_status(OPENING_HOURS, now) == shown


def test_without_hours_there_is_no_opening_status() -> None:
    assert hours.opening_status(OpeningHours(), NINE) == ""


def test_a_space_that_opens_no_more_is_closed() -> None:
    ended = in_berlin("FREQ=DAILY;COUNT=1 09:00-17:00")
    assert hours.opening_status(ended, NINE) == "closed"


@pytest.mark.parametrize(
    ("arrival", "shown"),
    [
        (NINE - timedelta(minutes=4), "since 09:10 · 4 min"),
        (NINE - timedelta(hours=2, minutes=5), "since 07:09 · 2 h"),
        # A visit left open from an earlier day names that day rather than "51 h".
        (datetime(2026, 11, 24, 6, 14, tzinfo=UTC), "since Tue 06:14"),
        (datetime(2026, 11, 10, 18, 0, tzinfo=UTC), "since 10 Nov, 18:00"),
    ],
)
def test_since_names_an_earlier_day(arrival: datetime, shown: str) -> None:
    assert hours.since(arrival, NINE, UTC) == shown
