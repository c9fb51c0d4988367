"""A visit left open from a day that is over has ended at that day's end (its closing time,
or local midnight when no hours are set), before anything else happens: the next morning
the member is checked in, not out, and nobody from yesterday is shown as here."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from kiosk.community.community import Community
from kiosk.community.door import Door
from kiosk.models import Visit
from kiosk.storage.store import Store
from kiosk.timekeeping.opening import read_hours
from tests.conftest import FakeClock, machine_time_zone

CET = timezone(timedelta(hours=1))


@pytest.fixture
def forgot(community: Community, clock: FakeClock) -> str:
    """Ana came at 09:00 with a guest, and nobody checked her out; it is now 08:30 the
    next day (no opening hours are set)."""
    ana = community.add_member("Ana Lima")
    community.check_in(ana.id)
    community.sign_in_guest(ana.id, "Sam")
    clock.advance(hours=23, minutes=30)
    return ana.id


def finished(community: Community, clock: FakeClock) -> list[Visit]:
    day = clock().date() - timedelta(days=1)
    return sorted(community.past_visits(day, day), key=lambda visit: visit.guest)


def test_the_morning_badge_checks_a_member_in_whose_visit_of_yesterday_was_left_open(
    community: Community, forgot: str, clock: FakeClock
) -> None:
    # When Ana's badge is scanned in the morning
    passage = Door(community, timedelta(0)).pass_badge(community.member(forgot).badge)

    # Then she is checked in, as she meant to be
    assert passage is not None and passage.arrived
    assert community.visit_of(forgot) == passage.visit
    assert passage.visit.since == clock()
    # And yesterday's visit, and her guest's, ended at midnight, marked as ended by the kiosk
    midnight = datetime(2026, 11, 27, 0, 0, tzinfo=UTC)
    assert [(v.guest, v.until, v.automatic) for v in finished(community, clock)] == [
        ("", midnight, True),
        ("Sam", midnight, True),
    ]


def test_nobody_from_yesterday_is_shown_as_here_before_anything_is_written(
    community: Community, forgot: str, clock: FakeClock, tmp_path: Path
) -> None:
    # Then a board that opens in the morning, before any change, shows nobody here
    board = Community(Store.open(tmp_path / "data"), clock)
    assert (board.here_count(), board.present(), board.visit_of(forgot)) == (0, [], None)
    # And a kiosk that was running all night sees them go at midnight
    assert community.here_count() == 0
    # And close-day tells who it checked out: Ana and her guest, at midnight
    closed = community.close_day().ending
    assert sorted((v.guest, v.until) for v in closed) == [
        ("", datetime(2026, 11, 27, tzinfo=UTC)),
        ("Sam", datetime(2026, 11, 27, tzinfo=UTC)),
    ]
    assert community.close_day().ending == []


def test_checking_out_the_morning_after_ends_the_visit_at_midnight(
    community: Community, forgot: str, clock: FakeClock
) -> None:
    visit = community.check_out(forgot)
    assert (visit.until, visit.automatic) == (datetime(2026, 11, 27, tzinfo=UTC), True)
    assert community.here_count() == 0


def test_at_closing_time_the_kiosk_knows_the_day_is_over(tmp_path: Path, clock: FakeClock) -> None:
    # Given opening hours until 18:00, and Ana here at 09:00
    hours = read_hours(
        {"timezone": "UTC", "open": [{"rule": "FREQ=DAILY", "from": "09:00", "to": "18:00"}]}
    )
    community = Community(Store.open(tmp_path / "data"), clock, hours=hours)
    ana = community.add_member("Ana Lima")
    community.check_in(ana.id)

    # When the clock passes 18:00, she is no longer here, and closing the day says so
    clock.advance(hours=9, minutes=1)
    assert community.here_count() == 0
    [closed] = community.close_day().ending
    assert (closed.until, closed.automatic) == (datetime(2026, 11, 26, 18, 0, tzinfo=UTC), True)


@pytest.fixture
def machine_in_berlin() -> Iterator[None]:
    """The machine's local time is Berlin's (no time zone in the config)."""
    with machine_time_zone("Europe/Berlin"):
        yield


@pytest.mark.usefixtures("machine_in_berlin")
def test_a_visit_begun_in_the_hour_the_clocks_repeat_ends_at_that_days_midnight(
    tmp_path: Path,
) -> None:
    # Given the night the clocks go back in Berlin (03:00 summer time becomes 02:00 winter
    # time), and Ana checking in at 02:30 the second time the clocks show it
    clock = FakeClock(datetime(2026, 10, 25, 2, 30, tzinfo=CET))
    community = Community(Store.open(tmp_path / "data"), clock)
    ana = community.add_member("Ana Lima")
    community.check_in(ana.id)

    # When her badge is scanned the next morning
    clock.now = datetime(2026, 10, 26, 8, 0, tzinfo=CET)
    passage = Door(community, timedelta(0)).pass_badge(community.member(ana.id).badge)

    # Then she is checked in, and the night's visit ended at that day's midnight: 21 hours
    # and a half, not a day and more
    assert passage is not None and passage.arrived
    [night] = community.past_visits(datetime(2026, 10, 25).date(), datetime(2026, 10, 25).date())
    assert night.until == datetime(2026, 10, 26, 0, 0, tzinfo=CET)
    assert night.until - night.since == timedelta(hours=21, minutes=30)
