"""Days as a host types them, read back in words; anything else refused with examples.

Today is Thursday 26 November 2026; the expected days were counted on a calendar."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.errors import Refused
from kiosk.timekeeping.dates import (
    EXAMPLES,
    coming_day_words,
    day_words,
    read_coming_day,
    read_day,
)

TODAY = date(2026, 11, 26)


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("2026-11-23", date(2026, 11, 23)),
        ("  2026-11-23 ", date(2026, 11, 23)),
        ("today", date(2026, 11, 26)),
        ("Today", date(2026, 11, 26)),
        ("yesterday", date(2026, 11, 25)),
        ("monday", date(2026, 11, 23)),
        ("Mon", date(2026, 11, 23)),
        ("thursday", date(2026, 11, 26)),  # today is a Thursday
        ("last thursday", date(2026, 11, 19)),
        ("last   monday", date(2026, 11, 23)),
        ("last thurs", date(2026, 11, 19)),
        ("friday", date(2026, 11, 20)),
        ("sunday", date(2026, 11, 22)),
        ("3 days ago", date(2026, 11, 23)),
        ("1 day ago", date(2026, 11, 25)),
        ("a week ago", date(2026, 11, 19)),
        ("2 weeks ago", date(2026, 11, 12)),
        ("one month ago", date(2026, 10, 26)),
        ("9 months ago", date(2026, 2, 26)),
        ("a year ago", date(2025, 11, 26)),
        ("this week", date(2026, 11, 23)),
        ("last week", date(2026, 11, 16)),
        ("this month", date(2026, 11, 1)),
        ("last month", date(2026, 10, 1)),
        ("this year", date(2026, 1, 1)),
        ("last year", date(2025, 1, 1)),
        ("23 November", date(2026, 11, 23)),
        ("23rd Nov", date(2026, 11, 23)),
        ("26 November", date(2026, 11, 26)),
        ("27 November", date(2025, 11, 27)),  # no year: the latest, today or before
        ("31 dec", date(2025, 12, 31)),
        ("29 February", date(2024, 2, 29)),  # the latest that was
        ("23 November 2026", date(2026, 11, 23)),
        ("November 23, 2026", date(2026, 11, 23)),
        ("Sept 1", date(2026, 9, 1)),
        ("1 Jan 2027", date(2027, 1, 1)),  # a year given is taken as given
    ],
)
def test_a_day_is_read(typed: str, day: date) -> None:
    assert read_day(typed, TODAY) == day


def test_last_week_on_a_monday_is_the_monday_before() -> None:
    monday = date(2026, 11, 23)
    assert read_day("last week", monday) == date(2026, 11, 16)
    assert read_day("this week", monday) == monday
    assert read_day("last monday", monday) == date(2026, 11, 16)
    assert read_day("monday", monday) == monday


def test_a_day_is_said_in_words() -> None:
    assert day_words(date(2026, 11, 23)) == "Monday, 23 November 2026"
    assert day_words(date(2027, 1, 9)) == "Saturday, 9 January 2027"


def test_a_day_to_come_is_said_as_a_person_says_it() -> None:
    thursday = date(2026, 12, 10)
    assert coming_day_words(thursday, thursday) == "today"
    assert coming_day_words(date(2026, 12, 11), thursday) == "tomorrow"
    assert coming_day_words(date(2026, 12, 24), thursday) == "Thursday 24 December"
    # Into the next year, the year is said too.
    assert coming_day_words(date(2027, 1, 8), thursday) == "Friday, 8 January 2027"


@pytest.mark.parametrize(
    "typed",
    [
        "fortnight",
        "03/04/2026",  # 3 April, or March 4?
        "2026-02-30",
        "30 February 2026",
        "Nov 2026",
        "November",
        "may",
        "next monday",
        "3 days from now",
        "99999 years ago",
        "23 Movember",
        "last tuesday week",
        "mo",
        "23 November 14:00",
    ],
)
def test_anything_else_is_refused_with_examples(typed: str) -> None:
    with pytest.raises(Refused) as error:
        read_day(typed, TODAY)
    message = str(error.value)
    assert message.startswith(f"“{typed}” is not a day I can read. Try 2026-11-23, ")
    assert message.endswith(", last week or last month.")
    assert all(example in message for example in EXAMPLES)


def test_every_example_can_be_read() -> None:
    assert all(read_day(example, TODAY) for example in EXAMPLES)


def test_nothing_typed_asks_for_a_day() -> None:
    with pytest.raises(Refused, match=r"^Please type a day, like 2026-11-23, 23 November,"):
        read_day("   ", TODAY)


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("tomorrow", date(2026, 11, 27)),
        ("today", date(2026, 11, 26)),
        ("thursday", date(2026, 11, 26)),
        ("monday", date(2026, 11, 30)),
        ("Fri", date(2026, 11, 27)),
        ("24 December", date(2026, 12, 24)),
        ("3 january", date(2027, 1, 3)),
        ("26 November", date(2026, 11, 26)),
        ("2027-02-01", date(2027, 2, 1)),
        ("yesterday", date(2026, 11, 25)),
        ("last monday", date(2026, 11, 23)),
        ("1 March 2026", date(2026, 3, 1)),
    ],
)
def test_a_day_to_come_is_the_next_such_day(typed: str, day: date) -> None:
    # A day that has passed is read as typed: inviting for it is refused where it is used.
    assert read_coming_day(typed, TODAY) == day
