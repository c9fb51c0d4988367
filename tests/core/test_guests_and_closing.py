"""Guests who come and go with their host, and visits nobody checked out."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.community.community import Community
from kiosk.errors import Refused
from kiosk.storage.store import Store
from kiosk.timekeeping.opening import read_hours
from tests.conftest import FakeClock

WEEKDAYS_9_TO_18 = read_hours(
    {"timezone": "UTC", "open": [{"rule": "FREQ=DAILY", "from": "09:00", "to": "18:00"}]}
)


@pytest.fixture
def ana(community: Community) -> str:
    """Ana, a member, checked in at 09:00."""
    member = community.add_member("Ana Lima", ("climbing",))
    community.check_in(member.id)
    return member.id


def test_a_guest_is_signed_in_by_a_member_who_is_here(community: Community, ana: str) -> None:
    guest = community.sign_in_guest(ana, "  Sam\tGuest ")
    assert (guest.guest, guest.member_id) == ("Sam Guest", ana)
    assert community.here_count() == 2
    # A guest is counted, shown apart from members, and never as a member on the board
    visit = community.visit_of(ana)
    assert visit is not None
    assert [p.visit.id for p in community.present()] == [visit.id]
    [shown] = community.gathering().guests
    assert (shown.shown_as, shown.visit_id) == ("guest of Ana", guest.id)


def test_a_member_who_is_not_here_cannot_sign_in_a_guest(community: Community) -> None:
    bo = community.add_member("Bo Berg")
    with pytest.raises(Refused, match="Bo Berg is not checked in; please check in first"):
        community.sign_in_guest(bo.id, "Sam")


def test_guests_count_towards_capacity(tmp_path: Path, clock: FakeClock) -> None:
    community = Community(Store.open(tmp_path / "data"), clock, capacity=2)
    ana = community.add_member("Ana Lima")
    bo = community.add_member("Bo Berg")
    community.check_in(ana.id)
    community.sign_in_guest(ana.id, "Sam")
    with pytest.raises(Refused, match="The space is full"):
        community.check_in(bo.id)


def test_guests_leave_with_their_host(community: Community, ana: str, clock: FakeClock) -> None:
    community.sign_in_guest(ana, "Sam")
    clock.advance(hours=2)
    community.check_out(ana)
    assert community.here_count() == 0
    [sam] = [v for v in community.past_visits(clock().date(), clock().date()) if v.guest]
    assert sam.until == clock()


def test_a_visit_from_a_day_that_is_over_ends_at_local_midnight_without_hours(
    community: Community, ana: str, clock: FakeClock
) -> None:
    # Given Ana forgot to check out two days ago
    clock.advance(days=2, hours=3)
    # When she checks out now, the visit ends at the end of that day, not now
    visit = community.check_out(ana)
    assert visit.until == datetime(2026, 11, 27, 0, 0, tzinfo=UTC)
    assert visit.automatic


def test_a_visit_from_a_day_that_is_over_ends_at_that_days_closing_time(
    tmp_path: Path, clock: FakeClock
) -> None:
    community = Community(Store.open(tmp_path / "data"), clock, hours=WEEKDAYS_9_TO_18)
    ana = community.add_member("Ana Lima")
    community.check_in(ana.id)
    clock.advance(days=2)
    visit = community.check_out(ana.id)
    assert visit.until == datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
    assert visit.automatic


def test_close_day_checks_out_everyone_at_closing_time_and_is_safe_to_run_twice(
    tmp_path: Path, clock: FakeClock
) -> None:
    community = Community(Store.open(tmp_path / "data"), clock, hours=WEEKDAYS_9_TO_18)
    ana = community.add_member("Ana Lima")
    community.check_in(ana.id)
    community.sign_in_guest(ana.id, "Sam")
    # Before closing, nobody is checked out: both stay
    clock.advance(hours=8)
    early = community.close_day()
    assert (early.ending, len(early.staying)) == ([], 2)
    # Run late, after closing: both end at 18:00, marked automatic, once
    clock.advance(hours=5)
    closed = community.close_day().ending
    assert {(v.until, v.automatic) for v in closed} == {
        (datetime(2026, 11, 26, 18, 0, tzinfo=UTC), True)
    }
    assert community.close_day().ending == []
    day = datetime(2026, 11, 26).date()
    assert len(list(community.past_visits(day, day))) == 2


def test_close_day_without_hours_leaves_today_unless_told_it_is_over(
    community: Community, ana: str, clock: FakeClock
) -> None:
    clock.advance(hours=10)
    assert community.close_day().ending == []
    [visit] = community.close_day(now_too=True).ending
    assert (visit.until, visit.automatic) == (clock(), True)


def test_close_day_without_hours_ends_an_earlier_day_at_its_midnight(
    community: Community, ana: str, clock: FakeClock
) -> None:
    clock.advance(days=1)
    [visit] = community.close_day().ending
    assert visit.until == datetime(2026, 11, 27, 0, 0, tzinfo=UTC)
