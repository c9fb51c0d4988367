"""Times and durations as the board shows them (local time is UTC in tests)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from kiosk import hours

NINE = datetime(2026, 11, 26, 9, 14, tzinfo=UTC)


def test_clock_time_is_hours_and_minutes() -> None:
    assert hours.clock_time(NINE) == "09:14"


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
    assert hours.since(NINE, NINE + later) == shown


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
    assert hours.ago(NINE - earlier, NINE) == shown


@pytest.mark.parametrize(
    ("arrival", "shown"),
    [
        (NINE - timedelta(minutes=4), "since 09:10 · 4 min"),
        (NINE - timedelta(hours=2, minutes=5), "since 07:09 · 2 h"),
        # A visit left open from an earlier day names that day rather than "51 h".
        (datetime(2026, 11, 24, 6, 14, tzinfo=UTC), "since Tue 06:14"),
        (datetime(2026, 11, 10, 18, 0, tzinfo=UTC), "since 10 Nov 18:00"),
    ],
)
def test_since_names_an_earlier_day(arrival: datetime, shown: str) -> None:
    assert hours.since(arrival, NINE) == shown
