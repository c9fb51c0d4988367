"""Opening hours: open or not, today's closing, the next opening, and the closing time that
ends a visit nobody checked out, across midnight and across the clock changes in Berlin."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from kiosk.timekeeping.closing import visit_closing
from kiosk.timekeeping.opening import (
    OpeningHours,
    closing_today,
    day_closing,
    is_open,
    midnight_after,
    next_opening,
    read_hours,
)
from tests.core.berlin import cest, cet, in_berlin, opening

# Weekdays 09:00 to 18:00, and Friday and Saturday evenings until two in the morning;
# closed on Christmas Day (a Friday in 2026).
BERLIN = in_berlin(
    "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR 09:00-18:00",
    "FREQ=WEEKLY;BYDAY=FR,SA 18:00-02:00",
    closed=["2026-12-25"],
)
NO_HOURS = OpeningHours(timezone="Europe/Berlin")


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (cet("2026-11-26", "08:59"), False),  # Thursday, before opening
        (cet("2026-11-26", "09:00"), True),
        (cet("2026-11-26", "17:59"), True),
        (cet("2026-11-26", "18:00"), False),  # closing time itself is closed
        (cet("2026-11-27", "18:00"), True),  # Friday: the evening follows the day
        (cet("2026-11-27", "23:30"), True),
        (cet("2026-11-28", "01:59"), True),  # Saturday night, still Friday's opening
        (cet("2026-11-28", "02:00"), False),
        (cet("2026-11-28", "12:00"), False),  # no daytime opening on Saturday
        (cet("2026-11-28", "20:00"), True),
        (cet("2026-11-29", "01:00"), True),  # Sunday night, Saturday's opening
        (cet("2026-11-29", "03:00"), False),
        (cet("2026-12-24", "10:00"), True),
        (cet("2026-12-25", "10:00"), False),  # Christmas Day is closed
        (cet("2026-12-25", "20:00"), False),
        (cet("2026-12-26", "01:00"), False),  # the evening that would have begun on it
        (cet("2026-12-26", "20:00"), True),
    ],
)
def test_is_open(now: datetime, expected: bool) -> None:
    assert is_open(BERLIN, now) is expected


def test_without_hours_the_space_is_always_open() -> None:
    assert is_open(NO_HOURS, cet("2026-11-29", "03:00"))
    assert not NO_HOURS.is_set and BERLIN.is_set


@pytest.mark.parametrize(
    ("now", "closing"),
    [
        (cet("2026-11-26", "07:00"), cet("2026-11-26", "18:00")),  # not open yet today
        (cet("2026-11-26", "10:00"), cet("2026-11-26", "18:00")),
        (cet("2026-11-26", "20:00"), cet("2026-11-26", "18:00")),  # has closed today
        (cet("2026-11-27", "10:00"), cet("2026-11-28", "02:00")),  # Friday's evening
        (cet("2026-11-28", "01:00"), cet("2026-11-28", "02:00")),  # after midnight
        (cet("2026-11-28", "10:00"), cet("2026-11-29", "02:00")),
        (cet("2026-11-29", "01:00"), cet("2026-11-29", "02:00")),
        (cet("2026-11-29", "12:00"), None),  # Sunday: closed all day
        (cet("2026-12-25", "10:00"), None),
    ],
)
def test_closing_today(now: datetime, closing: datetime | None) -> None:
    assert closing_today(BERLIN, now) == closing


def test_without_hours_there_is_no_closing_and_no_opening() -> None:
    now = cet("2026-11-26", "10:00")
    assert closing_today(NO_HOURS, now) is None
    assert next_opening(NO_HOURS, now) is None


@pytest.mark.parametrize(
    ("now", "opens"),
    [
        (cet("2026-11-26", "08:00"), cet("2026-11-26", "09:00")),
        (cet("2026-11-26", "10:00"), cet("2026-11-27", "09:00")),
        # Friday's day runs on into its evening, so the doors next open on Saturday evening.
        (cet("2026-11-27", "10:00"), cet("2026-11-28", "18:00")),
        (cet("2026-11-29", "12:00"), cet("2026-11-30", "09:00")),
        (cet("2026-12-24", "19:00"), cet("2026-12-26", "18:00")),  # over Christmas Day
    ],
)
def test_next_opening(now: datetime, opens: datetime) -> None:
    assert next_opening(BERLIN, now) == opens


def test_a_rule_that_has_ended_opens_no_more() -> None:
    hours = in_berlin("FREQ=DAILY;UNTIL=20261130 09:00-17:00")
    assert next_opening(hours, cet("2026-11-29", "20:00")) == cet("2026-11-30", "09:00")
    assert next_opening(hours, cet("2026-11-30", "20:00")) is None


@pytest.mark.parametrize(
    ("since", "ends"),
    [
        (cet("2026-11-26", "10:00"), cet("2026-11-26", "18:00")),
        (cet("2026-11-26", "07:00"), cet("2026-11-26", "18:00")),  # came before opening
        (cet("2026-11-26", "19:00"), cet("2026-11-27", "00:00")),  # came after closing
        (cet("2026-11-27", "10:00"), cet("2026-11-28", "02:00")),  # Friday runs late
        (cet("2026-11-27", "23:00"), cet("2026-11-28", "02:00")),
        (cet("2026-11-28", "01:00"), cet("2026-11-28", "02:00")),
        (cet("2026-11-29", "12:00"), cet("2026-11-30", "00:00")),  # a closed Sunday
        (cet("2026-12-25", "10:00"), cet("2026-12-26", "00:00")),  # Christmas Day
    ],
)
def test_a_forgotten_visit_ends_at_its_days_closing(since: datetime, ends: datetime) -> None:
    assert visit_closing(BERLIN, since) == ends


@pytest.mark.parametrize(
    ("since", "ends"),
    [
        (cet("2026-11-26", "14:00"), cet("2026-11-27", "00:00")),
        (cet("2026-11-26", "00:00"), cet("2026-11-27", "00:00")),
        (cet("2026-11-26", "23:59"), cet("2026-11-27", "00:00")),
        # The night the clocks go forward is an hour short; the night they go back, long.
        (cet("2026-03-28", "22:00"), cet("2026-03-29", "00:00")),
        (cest("2026-03-29", "10:00"), cest("2026-03-30", "00:00")),
        (cest("2026-10-25", "01:30"), cet("2026-10-26", "00:00")),
    ],
)
def test_without_hours_a_forgotten_visit_ends_at_midnight(since: datetime, ends: datetime) -> None:
    assert visit_closing(NO_HOURS, since) == ends


def test_a_day_is_23_hours_when_summer_time_begins_and_25_when_it_ends() -> None:
    zone = NO_HOURS.zone
    spring = midnight_after(cet("2026-03-29", "00:00").date(), zone)
    assert spring - midnight_after(cet("2026-03-28", "00:00").date(), zone) == timedelta(hours=23)
    autumn = midnight_after(cet("2026-10-25", "00:00").date(), zone)
    assert autumn - midnight_after(cet("2026-10-24", "00:00").date(), zone) == timedelta(hours=25)


def test_without_a_timezone_the_machines_local_time_is_used() -> None:
    # The tests run with local time set to UTC.
    hours = read_hours({"open": [opening("FREQ=DAILY 09:00-17:00")]})
    now = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
    assert closing_today(hours, now) == datetime(2026, 11, 26, 17, 0, tzinfo=UTC)
    assert visit_closing(OpeningHours(), now) == datetime(2026, 11, 27, tzinfo=UTC)


# -- across the clock changes -------------------------------------------------------

EVENINGS = in_berlin("FREQ=WEEKLY;BYDAY=SA 18:00-02:00", "FREQ=WEEKLY;BYDAY=MO,FR 09:00-18:00")


@pytest.mark.parametrize(
    ("day", "opens", "closes"),
    [
        # 02:00 never shows on 29 March: the evening ends when the clocks jump to 03:00.
        ("2026-03-28", cet("2026-03-28", "18:00"), cest("2026-03-29", "03:00")),
        # 02:00 shows twice on 25 October: the evening ends the first time.
        ("2026-10-24", cest("2026-10-24", "18:00"), cest("2026-10-25", "02:00")),
        ("2026-03-27", cet("2026-03-27", "09:00"), cet("2026-03-27", "18:00")),
        ("2026-03-30", cest("2026-03-30", "09:00"), cest("2026-03-30", "18:00")),
        ("2026-10-26", cet("2026-10-26", "09:00"), cet("2026-10-26", "18:00")),
    ],
)
def test_openings_keep_to_the_clocks_on_the_wall(
    day: str, opens: datetime, closes: datetime
) -> None:
    the_day = datetime.fromisoformat(day).date()
    assert day_closing(EVENINGS, the_day) == closes
    assert next_opening(EVENINGS, opens - timedelta(minutes=1)) == opens
    assert is_open(EVENINGS, closes - timedelta(minutes=1))
    assert not is_open(EVENINGS, closes)


def test_an_opening_given_a_length_lasts_that_long_whatever_the_clocks_do() -> None:
    hours = in_berlin("FREQ=WEEKLY;BYDAY=SA 20:00 for 8h")
    # 20:00 CET plus eight hours is 04:00 CET, which the clocks show as 05:00 CEST.
    assert visit_closing(hours, cet("2026-03-28", "21:00")) == cest("2026-03-29", "05:00")
    assert visit_closing(hours, cest("2026-10-24", "21:00")) == cet("2026-10-25", "03:00")


# -- rules that name days -------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "starting", "now", "expected"),
    [
        ("FREQ=MONTHLY;BYDAY=1SA", "", "2026-12-05", True),  # the first Saturday
        ("FREQ=MONTHLY;BYDAY=1SA", "", "2026-12-12", False),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "2026-11-24", "2026-11-24", True),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "2026-11-24", "2026-12-01", False),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "2026-11-24", "2026-12-08", True),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "2026-11-24", "2026-11-10", False),  # before
        ("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31", "", "2026-12-31", True),
        ("freq=daily", "", "2026-11-29", True),
    ],
)
def test_rules_name_the_days(rule: str, starting: str, now: str, expected: bool) -> None:
    table = opening(f"{rule} 10:00-16:00") | ({"starting": starting} if starting else {})
    hours = read_hours({"timezone": "Europe/Berlin", "open": [table]})
    assert is_open(hours, cet(now, "12:00")) is expected


def test_a_range_of_closed_days_includes_both_ends() -> None:
    hours = in_berlin("FREQ=DAILY 10:00-24:00", closed=["2026-12-24/2026-12-31", date(2027, 1, 6)])
    opened = {
        day: is_open(hours, cet(day, "12:00"))
        for day in ("2026-12-23", "2026-12-24", "2026-12-31", "2027-01-01", "2027-01-06")
    }
    assert opened == {
        "2026-12-23": True,
        "2026-12-24": False,
        "2026-12-31": False,
        "2027-01-01": True,
        "2027-01-06": False,
    }
    assert closing_today(hours, cet("2026-12-23", "12:00")) == cet("2026-12-24", "00:00")
