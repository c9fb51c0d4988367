"""Closing the day: forgotten visits end at their day's closing time, whenever the plan
runs, and running it twice changes nothing more."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.models import Visit
from kiosk.timekeeping.closing import plan_close_day
from kiosk.timekeeping.opening import OpeningHours
from tests.core.berlin import cest, cet, in_berlin

# Weekdays 09:00 to 18:00; Fridays on until two in the morning.
HOURS = in_berlin(
    "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR 09:00-18:00", "FREQ=WEEKLY;BYDAY=FR 18:00-02:00"
)
NO_HOURS = OpeningHours(timezone="Europe/Berlin")


def visit(since: datetime, **fields: object) -> Visit:
    return Visit(id=f"v{since:%d%H%M}", member_id="ana", since=since, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("hours", "since", "now", "until"),
    [
        # Thursday 26 November: open until 18:00.
        (HOURS, cet("2026-11-26", "10:00"), cet("2026-11-26", "17:00"), None),  # still open
        (HOURS, cet("2026-11-26", "10:00"), cet("2026-11-26", "18:00"), cet("2026-11-26", "18:00")),
        (HOURS, cet("2026-11-26", "10:00"), cet("2026-11-26", "23:00"), cet("2026-11-26", "18:00")),
        # Run late, days later: still that day's closing, not the moment it ran.
        (HOURS, cet("2026-11-26", "10:00"), cet("2026-11-30", "08:00"), cet("2026-11-26", "18:00")),
        # Friday runs into the night; a run at midnight leaves Friday's visits be.
        (HOURS, cet("2026-11-27", "10:00"), cet("2026-11-28", "00:00"), None),
        (HOURS, cet("2026-11-27", "23:00"), cet("2026-11-28", "02:30"), cet("2026-11-28", "02:00")),
        # Came after closing: ends when the run says the day is over, or at midnight.
        (HOURS, cet("2026-11-26", "19:00"), cet("2026-11-26", "21:00"), cet("2026-11-26", "21:00")),
        (HOURS, cet("2026-11-26", "19:00"), cet("2026-11-27", "08:00"), cet("2026-11-27", "00:00")),
        # A Sunday, with no opening: the same.
        (HOURS, cet("2026-11-29", "11:00"), cet("2026-11-29", "20:00"), cet("2026-11-29", "20:00")),
    ],
)  # fmt: skip
def test_a_forgotten_visit_is_closed_at_its_days_closing(
    hours: OpeningHours, since: datetime, now: datetime, until: datetime | None
) -> None:
    forgotten = visit(since)
    closed = plan_close_day(hours, [forgotten], now)
    expected = [] if until is None else [replace(forgotten, until=until, automatic=True)]
    assert closed == expected


@pytest.mark.parametrize(
    ("since", "now", "until"),
    [
        # Today's visits end now, earlier days' at their midnight.
        (cet("2026-11-26", "10:00"), cet("2026-11-26", "20:00"), cet("2026-11-26", "20:00")),
        (cet("2026-11-25", "10:00"), cet("2026-11-26", "20:00"), cet("2026-11-26", "00:00")),
        (cet("2026-11-25", "23:50"), cet("2026-11-26", "00:10"), cet("2026-11-26", "00:00")),
        # The night summer time begins is an hour short.
        (cet("2026-03-28", "20:00"), cest("2026-03-29", "09:00"), cet("2026-03-29", "00:00")),
        (cest("2026-03-29", "20:00"), cest("2026-03-30", "09:00"), cest("2026-03-30", "00:00")),
    ],
)
def test_without_hours_the_run_ends_the_day(
    since: datetime, now: datetime, until: datetime
) -> None:
    forgotten = visit(since)
    closed = plan_close_day(NO_HOURS, [forgotten], now)
    assert closed == [replace(forgotten, until=until, automatic=True)]


def test_visits_already_closed_or_not_yet_begun_are_left_alone() -> None:
    now = cet("2026-11-26", "20:00")
    done = visit(cet("2026-11-26", "10:00"), until=cet("2026-11-26", "12:00"))
    later = visit(cet("2026-11-26", "21:00"))
    assert plan_close_day(HOURS, [done, later], now) == []


def test_running_twice_or_later_gives_the_same_closing_times() -> None:
    # Given visits from two days, some left open
    visits = [
        visit(cet("2026-11-24", "09:30"), topics=("coffee",), status="heads-down"),
        visit(cet("2026-11-25", "11:00"), guest="Bo"),
        visit(cet("2026-11-26", "09:15")),
        visit(cet("2026-11-26", "10:00"), until=cet("2026-11-26", "11:00")),
    ]
    # When the day is closed once, after closing time
    first = plan_close_day(HOURS, visits, cet("2026-11-26", "18:05"))
    # Then every open visit ends at its own day's closing, and only the end is changed
    assert [(v.since, v.until) for v in first] == [
        (cet("2026-11-24", "09:30"), cet("2026-11-24", "18:00")),
        (cet("2026-11-25", "11:00"), cet("2026-11-25", "18:00")),
        (cet("2026-11-26", "09:15"), cet("2026-11-26", "18:00")),
    ]
    assert first[0].topics == ("coffee",) and first[0].status == "heads-down"
    assert first[1].guest == "Bo" and all(v.automatic for v in first)
    # And running it again a day later, before or after the plan was applied, agrees
    assert plan_close_day(HOURS, visits, cet("2026-11-27", "09:00")) == first
    closed_ids = {v.id for v in first}
    applied = [v for v in visits if v.id not in closed_ids] + first
    assert plan_close_day(HOURS, applied, cet("2026-11-27", "09:00")) == []


MOMENTS = st.datetimes(
    min_value=datetime(2026, 1, 1), max_value=datetime(2027, 1, 1), timezones=st.just(UTC)
)


@settings(max_examples=300, deadline=None)
@given(since=MOMENTS, first=st.timedeltas(timedelta(0), timedelta(days=3)), later=MOMENTS)
def test_a_visit_is_closed_after_it_began_and_once_for_all(
    since: datetime, first: timedelta, later: datetime
) -> None:
    # Whatever the hours and the clocks do, a visit ends when or after it began, within
    # its day or the night after, and a later run keeps an end that is not "now".
    now = since + first
    for hours in (HOURS, NO_HOURS):
        closed = plan_close_day(hours, [visit(since)], now)
        if not closed:
            continue
        until = closed[0].until
        assert until is not None and since <= until <= min(now, since + timedelta(hours=27))
        if until < now:
            assert plan_close_day(hours, [visit(since)], max(later, now)) == closed
