"""Milestones: a first visit, the 10th, 50th and 100th, and each year a member, on the
kiosk's local days."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

import pytest
from dateutil import tz

from kiosk.community.milestones import milestone_at_check_in, milestone_on_board, newcomer_today
from kiosk.models import Member, Visit
from kiosk.timekeeping.opening import local_day, time_zone
from tests.conftest import machine_time_zone

NEW_YORK_WINTER = timezone(timedelta(hours=-5))
TOKYO = timezone(timedelta(hours=9))
JOINED = datetime(2025, 3, 1, 10, 0, tzinfo=UTC)


def at(text: str) -> datetime:
    """A moment written "2026-03-01 09:00", in UTC unless an offset is given."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def ana(visits: int = 3, joined: datetime = JOINED) -> Member:
    return Member("ana", "Ana Lima", joined, visits=visits)


def visit_since(since: datetime, guest: str = "") -> Visit:
    return Visit("v1", "ana", since, guest=guest)


def badge_at_check_in(member: Member, now: str, tz: tzinfo = UTC) -> str | None:
    milestone = milestone_at_check_in(member, at(now), tz)
    return None if milestone is None else milestone.badge


# -- at check-in ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("visits_before", "badge"),
    [
        (0, "new here, say hi"),
        (1, None),
        (8, None),
        (9, "10th visit"),
        (10, None),
        (49, "50th visit"),
        (99, "100th visit"),
        (100, None),
        (149, None),
    ],
)
def test_visits_celebrated_by_their_number(visits_before: int, badge: str | None) -> None:
    # Ana joined on 1 March 2025; 20 June is no anniversary
    assert badge_at_check_in(ana(visits_before), "2025-06-20 09:00") == badge


def test_the_kind_and_the_welcome_of_each_milestone() -> None:
    first = milestone_at_check_in(ana(0), at("2025-06-20 09:00"), UTC)
    tenth = milestone_at_check_in(ana(9), at("2025-06-20 09:00"), UTC)
    year = milestone_at_check_in(ana(3), at("2026-03-01 09:00"), UTC)
    assert first is not None and tenth is not None and year is not None
    assert (first.kind, tenth.kind, year.kind) == ("first-visit", "visits", "anniversary")
    assert "first visit" in first.welcome
    assert "10th visit" in tenth.welcome
    assert "1 year a member today" in year.welcome


@pytest.mark.parametrize(
    ("now", "badge"),
    [
        ("2025-03-01 18:00", None),  # the day of joining is no anniversary
        ("2026-02-28 09:00", None),
        ("2026-03-01 00:00", "1 year a member today"),
        ("2026-03-01 23:59", "1 year a member today"),
        ("2026-03-02 00:00", None),
        ("2027-03-01 12:00", "2 years a member today"),
        ("2035-03-01 12:00", "10 years a member today"),
        ("2026-09-01 12:00", None),  # the same day of another month
    ],
)
def test_anniversaries_of_joining(now: str, badge: str | None) -> None:
    assert badge_at_check_in(ana(3), now) == badge


@pytest.mark.parametrize(
    ("now", "badge"),
    [
        # in a common year the anniversary of 29 February is on 28 February
        ("2025-02-28 12:00", "1 year a member today"),
        ("2025-03-01 12:00", None),
        ("2027-02-28 12:00", "3 years a member today"),
        # in a leap year it is on the day itself
        ("2028-02-28 12:00", None),
        ("2028-02-29 12:00", "4 years a member today"),
        ("2028-03-01 12:00", None),
    ],
)
def test_members_who_joined_on_29_february(now: str, badge: str | None) -> None:
    leap_day = ana(3, joined=at("2024-02-29 15:00"))
    assert badge_at_check_in(leap_day, now) == badge


@pytest.mark.parametrize(
    ("now", "tz", "badge"),
    [
        # Ana joined at 23:30 on 1 March in New York, 04:30 on 2 March in UTC
        ("2026-03-02 03:00", NEW_YORK_WINTER, "1 year a member today"),  # 22:00 on 1 March
        ("2026-03-02 06:00", NEW_YORK_WINTER, None),  # 01:00 on 2 March
        ("2026-03-02 06:00", UTC, "1 year a member today"),
        ("2026-03-01 20:00", UTC, None),
        # in Tokyo she joined at 13:30 on 2 March; 1 March 16:00 UTC is 01:00 on 2 March
        ("2026-03-01 16:00", TOKYO, "1 year a member today"),
        ("2026-03-01 14:00", TOKYO, None),
    ],
)
def test_anniversaries_follow_the_local_day(now: str, tz: timezone, badge: str | None) -> None:
    late_joiner = ana(3, joined=at("2025-03-01 23:30-05:00"))
    assert badge_at_check_in(late_joiner, now, tz) == badge


@pytest.fixture
def kiosk_in_new_york() -> Iterator[None]:
    """The machine's local time five hours behind UTC (a POSIX rule, no time zone files)."""
    with machine_time_zone("EST+5"):
        yield


@pytest.mark.usefixtures("kiosk_in_new_york")
def test_without_a_time_zone_the_machine_local_time_decides() -> None:
    late_joiner = ana(3, joined=at("2025-03-01 23:30-05:00"))
    machine = time_zone("")  # no zone named: the machine's own
    assert badge_at_check_in(late_joiner, "2026-03-02 03:00", machine) == "1 year a member today"
    assert badge_at_check_in(late_joiner, "2026-03-02 06:00", machine) is None


@pytest.mark.parametrize(
    ("visits_before", "now", "badge"),
    [
        (0, "2026-03-01 09:00", "new here, say hi"),  # a first visit on the anniversary
        (9, "2026-03-01 09:00", "10th visit"),
        (3, "2026-03-01 09:00", "1 year a member today"),
    ],
)
def test_the_rarer_milestone_is_told_when_two_fall_together(
    visits_before: int, now: str, badge: str
) -> None:
    assert badge_at_check_in(ana(visits_before), now) == badge


# -- new here, say hi ------------------------------------------------------------


@pytest.mark.parametrize(
    ("visits_after", "joined", "since", "now", "new"),
    [
        (1, JOINED, "2026-11-26 09:00", "2026-11-26 09:00", True),
        (1, JOINED, "2026-11-26 09:00", "2026-11-26 23:59", True),  # all that day
        (1, JOINED, "2026-11-26 09:00", "2026-11-27 00:00", False),  # still here at midnight
        (2, JOINED, "2026-11-26 15:00", "2026-11-26 15:00", False),  # came before
        # registered this morning, checked out, and back in the afternoon
        (2, at("2026-11-26 08:55"), "2026-11-26 15:00", "2026-11-26 15:00", True),
        (2, at("2026-11-25 08:55"), "2026-11-26 15:00", "2026-11-26 15:00", False),
    ],
)
def test_newcomers_are_flagged_all_the_day_of_their_first_visit(
    visits_after: int, joined: datetime, since: str, now: str, new: bool
) -> None:
    member = ana(visits_after, joined=joined)
    assert newcomer_today(member, visit_since(at(since)), at(now), UTC) is new


def test_the_newcomer_day_is_the_local_day() -> None:
    # Checked in at 18:30 in New York, which is 23:30 UTC; now it is 23:00 in New York
    first = visit_since(at("2026-11-26 18:30-05:00"))
    now = at("2026-11-26 23:00-05:00")
    assert newcomer_today(ana(1), first, now, NEW_YORK_WINTER) is True
    assert newcomer_today(ana(1), first, now, UTC) is False


def test_a_guest_is_no_newcomer_member() -> None:
    guest = visit_since(at("2026-11-26 09:00"), guest="Kim")
    assert newcomer_today(ana(1), guest, at("2026-11-26 10:00"), UTC) is False


# -- on the board ----------------------------------------------------------------


def board_badge(visits_after: int, since: str, now: str) -> str | None:
    milestone = milestone_on_board(ana(visits_after), visit_since(at(since)), at(now), UTC)
    return None if milestone is None else milestone.badge


@pytest.mark.parametrize(
    ("visits_after", "since", "now", "badge"),
    [
        (1, "2026-11-26 09:00", "2026-11-26 17:00", "new here, say hi"),
        (10, "2026-11-26 09:00", "2026-11-26 17:00", "10th visit"),
        (50, "2026-11-26 09:00", "2026-11-26 17:00", "50th visit"),
        (11, "2026-11-26 09:00", "2026-11-26 17:00", None),
        # a visit of yesterday, still open after midnight, is no longer today's milestone
        (10, "2026-11-25 20:00", "2026-11-26 01:00", None),
        # an anniversary shows all its day, whenever the visit began
        (11, "2026-02-28 20:00", "2026-03-01 01:00", "1 year a member today"),
        (10, "2026-03-01 08:00", "2026-03-01 12:00", "10th visit"),
    ],
)
def test_milestones_on_the_board(visits_after: int, since: str, now: str, badge: str) -> None:
    assert board_badge(visits_after, since, now) == badge


def test_a_guest_visit_shows_no_milestone_of_the_member_who_brought_them() -> None:
    guest = visit_since(at("2026-03-01 09:00"), guest="Kim")
    assert milestone_on_board(ana(10), guest, at("2026-03-01 10:00"), UTC) is None


def test_a_moment_falls_on_the_day_of_the_zone_asked_about_every_time() -> None:
    late_evening = datetime(2026, 11, 26, 23, 30, tzinfo=UTC)
    berlin, new_york = tz.gettz("Europe/Berlin"), tz.gettz("America/New_York")
    assert berlin is not None and new_york is not None
    for _ in range(2):  # the second time from what was worked out the first
        assert local_day(late_evening, berlin) == date(2026, 11, 27)
        assert local_day(late_evening, new_york) == date(2026, 11, 26)
        assert local_day(late_evening, UTC) == date(2026, 11, 26)
