"""Attendance figures: who is here, how many came, the busiest moment and hours, how long
people stay, who is new; guests always counted apart from members."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from kiosk.community.stats import (
    HOUR,
    Newcomers,
    Peak,
    Period,
    average_stay,
    busiest_hours,
    newcomers,
    peak,
    people,
    people_per_day,
    present,
)
from kiosk.models import Visit
from tests.core.berlin import cest, cet

THURSDAY = date(2026, 11, 26)


def utc(day: date, clock: str) -> datetime:
    return datetime.combine(day, datetime.strptime(clock, "%H:%M").time(), tzinfo=UTC)


def visit(written: str, day: date = THURSDAY, guest: str = "", automatic: bool = False) -> Visit:
    """A visit written "member 09:00-12:00", or "member 11:00-" while still open."""
    member, span = written.split()
    since, _, until = span.partition("-")
    return Visit(
        id=f"{member or 'gone'}{day:%d}{since.replace(':', '')}{guest}",
        member_id="" if member == "-" else member,
        since=utc(day, since),
        until=utc(day, until) if until else None,
        guest=guest,
        automatic=automatic,
    )


# A Thursday: Ana comes twice and brings Dee; two members who since deleted their data
# dropped in; Cy is still here.
DAY = [
    visit("ana 09:00-12:00"),
    visit("ana 13:00-17:00"),
    visit("ana 09:30-11:30", guest="Dee"),
    visit("bo 10:00-11:00"),
    visit("- 10:30-10:45"),
    visit("- 10:40-10:50"),
    visit("cy 11:00-"),
]
TODAY = Period.day(THURSDAY, UTC)
EVENING = utc(THURSDAY, "18:00")


@pytest.mark.parametrize(
    ("clock", "members", "guests"),
    [
        ("08:59", 0, 0),
        ("09:00", 1, 0),
        ("10:00", 2, 1),  # Bo arrives as the clock strikes
        ("10:42", 4, 1),  # both members who deleted their data count, each as one
        ("12:30", 1, 0),  # Ana out for lunch, Cy here
        ("15:00", 2, 0),
        ("17:00", 1, 0),  # Ana left at 17:00
    ],
)
def test_present(clock: str, members: int, guests: int) -> None:
    now = utc(THURSDAY, clock)
    assert present(DAY, now) == members
    assert present(DAY, now, "guests") == guests


def test_todays_total_counts_each_person_once() -> None:
    assert people(DAY, TODAY) == 5  # Ana, Bo, Cy and two who left no name
    assert people(DAY, TODAY, "guests") == 1
    assert people(DAY, Period.day(THURSDAY + timedelta(days=1), UTC)) == 0


@pytest.mark.parametrize(
    ("visits", "expected"),
    [
        ([], Peak(0, None)),
        (DAY, Peak(4, utc(THURSDAY, "10:40"))),
        # One leaving as another arrives are not here together.
        ([visit("ana 09:00-10:00"), visit("bo 10:00-11:00")], Peak(1, utc(THURSDAY, "09:00"))),
        # Two visits of one member that overlap are one person.
        ([visit("ana 09:00-12:00"), visit("ana 11:00-13:00")], Peak(1, utc(THURSDAY, "09:00"))),
        (
            [visit("ana 09:00-12:00"), visit("bo 11:00-12:00"), visit("cy 11:30-")],
            Peak(3, utc(THURSDAY, "11:30")),
        ),
        # A night through: here from midnight on; a visit of the day before is not.
        (
            [
                Visit(
                    id="night",
                    member_id="ana",
                    since=utc(THURSDAY, "00:00") - HOUR,
                    until=utc(THURSDAY, "08:30"),
                ),
                visit("cy 20:00-23:00", day=THURSDAY - timedelta(days=1)),
                visit("bo 08:00-09:00"),
            ],
            Peak(2, utc(THURSDAY, "08:00")),
        ),
        ([visit("ana 08:00-09:00")], Peak(1, utc(THURSDAY, "08:00"))),
    ],
)
def test_peak(visits: list[Visit], expected: Peak) -> None:
    assert peak(visits, TODAY, EVENING) == expected


def test_the_peak_of_guests_is_their_own() -> None:
    guests = [visit("ana 09:30-11:30", guest="Dee"), visit("bo 10:00-12:00", guest="Eve")]
    assert peak(DAY + guests[1:], TODAY, EVENING, "guests") == Peak(2, utc(THURSDAY, "10:00"))
    assert peak(guests, TODAY, EVENING) == Peak(0, None)


def test_an_open_visit_counts_until_now_only() -> None:
    visits = [visit("ana 09:00-"), visit("bo 12:00-13:00")]
    assert peak(visits, TODAY, utc(THURSDAY, "11:00")) == Peak(1, utc(THURSDAY, "09:00"))
    assert peak(visits, TODAY, utc(THURSDAY, "12:30")) == Peak(2, utc(THURSDAY, "12:00"))


def test_people_per_day_over_the_last_days_include_empty_days() -> None:
    tuesday = THURSDAY - timedelta(days=2)
    visits = [
        *DAY,
        visit("ana 09:00-10:00", day=tuesday),
        visit("ana 15:00-16:00", day=tuesday),
        visit("ana 09:00-10:00", day=tuesday - timedelta(days=1)),  # before the period
        visit("ana 09:00-10:00", day=tuesday, guest="Dee"),
    ]
    period = Period.last_days(THURSDAY, 3, UTC)
    assert people_per_day(visits, period) == [
        (date(2026, 11, 24), 1),
        (date(2026, 11, 25), 0),
        (date(2026, 11, 26), 5),
    ]
    assert [n for _, n in people_per_day(visits, period, "guests")] == [1, 0, 1]
    assert len(people_per_day([], Period.last_days(THURSDAY, 30, UTC))) == 30


def test_busiest_hours_count_who_was_here_in_each_hour() -> None:
    grid = busiest_hours(DAY, TODAY, EVENING)
    thursday = grid[3]
    assert thursday[8:19] == (0, 1, 4, 2, 1, 2, 2, 2, 2, 1, 0)
    assert sum(map(sum, grid)) == sum(thursday)
    assert busiest_hours(DAY, TODAY, EVENING, "guests")[3][9:12] == (1, 1, 1)


def test_busiest_hours_add_up_over_weeks_and_across_midnight() -> None:
    sunday = THURSDAY + timedelta(days=3)
    visits = [
        visit("ana 09:15-09:45"),
        visit("ana 09:10-09:20", day=THURSDAY + timedelta(days=7)),
        Visit(
            id="late",
            member_id="bo",
            since=utc(sunday, "23:30"),
            until=utc(sunday, "23:30") + timedelta(hours=1),
        ),
    ]
    a_week_later = THURSDAY + timedelta(days=7)
    grid = busiest_hours(visits, Period.last_days(a_week_later, 8, UTC), utc(a_week_later, "18:00"))
    assert grid[3][9] == 2
    assert grid[6][23] == 1 and grid[0][0] == 1
    assert sum(map(sum, grid)) == 4


@pytest.mark.parametrize(
    ("since", "until", "hours"),
    [
        # The clocks go back at 03:00 CEST: the hour from 02:00 shows twice, counted once.
        (cest("2026-10-25", "00:30"), cet("2026-10-25", "03:30"), [0, 1, 2, 3]),
        # The clocks go forward at 02:00 CET: there is no hour from 02:00.
        (cet("2026-03-29", "01:30"), cest("2026-03-29", "03:30"), [1, 3]),
    ],
)
def test_busiest_hours_follow_the_clocks_on_the_wall(
    since: datetime, until: datetime, hours: list[int]
) -> None:
    berlin = ZoneInfo("Europe/Berlin")
    stay = Visit(id="v1", member_id="ana", since=since, until=until)
    day = since.date()
    sunday = busiest_hours([stay], Period.day(day, berlin), until)[6]
    assert [hour for hour, count in enumerate(sunday) if count] == hours
    assert set(sunday) <= {0, 1}


def test_average_stay_leaves_out_open_and_automatic_visits() -> None:
    visits = [*DAY, visit("bo 14:00-18:00", automatic=True)]
    # Ana 3 h and 4 h, Bo 1 h, and 15 and 10 minutes: 505 minutes over five visits.
    assert average_stay(visits, TODAY) == timedelta(minutes=101)
    assert average_stay(visits, TODAY, "guests") == timedelta(hours=2)
    assert average_stay([visit("cy 11:00-")], TODAY) is None
    assert average_stay(DAY, Period.day(THURSDAY - timedelta(days=1), UTC)) is None


def test_newcomers_came_for_the_first_time_in_the_period() -> None:
    monday = THURSDAY - timedelta(days=3)
    visits = [
        *DAY,
        visit("ana 09:00-10:00", day=date(2026, 11, 2)),  # Ana has been before
        visit("dan 09:00-10:00", day=date(2026, 11, 2)),  # Dan came before, not since
        visit("cy 09:00-10:00", day=monday),  # Cy's first visit was this Monday
        visit("eli 09:00-10:00", day=monday, guest="Fay"),  # a guest is no member
    ]
    week = Period(monday, THURSDAY, UTC)
    assert newcomers(visits, week) == Newcomers(new=2, returning=1)  # Bo, Cy; Ana
    assert newcomers(visits, TODAY) == Newcomers(new=1, returning=2)  # Bo; Ana, Cy
    assert newcomers([], TODAY) == Newcomers(0, 0)
