"""A badge at the door checks its member in with their usual status and topics, and out
again the next time, asking first when that comes soon after the check-in; a badge nobody
active has changes nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kiosk.community.community import Community
from kiosk.community.door import Door, Passage
from tests.conftest import FakeClock

MINUTE = timedelta(seconds=60)


def pass_badge(community: Community, code: str) -> Passage | None:
    """A badge at a door that asks within a minute of a check-in."""
    return Door(community, MINUTE).pass_badge(code)


def test_a_badge_checks_its_member_in_as_usual_then_out(
    community: Community, clock: FakeClock
) -> None:
    zoe = community.add_member("Zoë Martin", topics=("woodworking", "coffee"))
    arrival = pass_badge(community, zoe.badge.lower())
    assert arrival is not None and arrival.arrived
    assert (arrival.member.id, arrival.visit.status, arrival.visit.topics) == (
        zoe.id,
        "open",
        ("woodworking", "coffee"),
    )
    assert community.visit_of(zoe.id) == arrival.visit

    clock.advance(hours=2)
    departure = pass_badge(community, zoe.badge)
    assert departure is not None and not departure.arrived
    assert departure.visit.until == clock.now
    assert community.visit_of(zoe.id) is None


def test_an_unknown_badge_changes_nothing(community: Community) -> None:
    community.add_member("Zoë Martin")
    assert pass_badge(community, "0000000000") is None
    assert pass_badge(community, "not a badge") is None
    assert community.here_count() == 0


def test_a_replaced_badge_finds_nobody_and_the_new_one_works(community: Community) -> None:
    zoe = community.add_member("Zoë Martin")
    renewed = community.new_badge(zoe.id)
    assert pass_badge(community, zoe.badge) is None
    assert community.here_count() == 0
    passage = pass_badge(community, renewed.badge)
    assert passage is not None and passage.member.id == zoe.id


def test_a_paused_member_s_badge_checks_nobody_in(community: Community) -> None:
    zoe = community.add_member("Zoë Martin")
    community.set_active(zoe.id, False)
    assert pass_badge(community, zoe.badge) is None
    assert community.here_count() == 0


def test_a_second_scan_soon_after_checking_in_asks_and_the_next_checks_out(
    community: Community, clock: FakeClock
) -> None:
    # Given Zoë, who checked in with her badge
    zoe = community.add_member("Zoë Martin")
    door = Door(community, MINUTE)
    door.pass_badge(zoe.badge)
    # When she scans again 4 seconds later, not having heard the beep
    clock.now += timedelta(seconds=4)
    again = door.pass_badge(zoe.badge)
    # Then she stays in, and is told how long ago she checked in
    assert again is not None and not again.arrived
    assert again.asked_again == timedelta(seconds=4)
    assert community.visit_of(zoe.id) == again.visit
    # and when she scans once more, she is checked out
    clock.now += timedelta(seconds=5)
    out = door.pass_badge(zoe.badge)
    assert out is not None and out.asked_again is None and out.visit.until == clock.now
    assert community.visit_of(zoe.id) is None


@pytest.mark.parametrize("seconds", [60, 3600])
def test_a_scan_once_the_window_has_passed_checks_out_at_once(
    community: Community, clock: FakeClock, seconds: int
) -> None:
    zoe = community.add_member("Zoë Martin")
    door = Door(community, MINUTE)
    door.pass_badge(zoe.badge)
    clock.now += timedelta(seconds=seconds)
    out = door.pass_badge(zoe.badge)
    assert out is not None and out.visit.until == clock.now


def test_a_check_in_by_name_counts_as_much_as_one_by_badge(
    community: Community, clock: FakeClock
) -> None:
    zoe = community.add_member("Zoë Martin")
    community.check_in(zoe.id)
    clock.now += timedelta(seconds=20)
    again = Door(community, MINUTE).pass_badge(zoe.badge)
    assert again is not None and again.asked_again == timedelta(seconds=20)
    assert community.visit_of(zoe.id) is not None


def test_asking_once_is_for_that_visit_only(community: Community, clock: FakeClock) -> None:
    # Given Zoë, asked after one check-in, who then left by name and came back
    zoe = community.add_member("Zoë Martin")
    door = Door(community, MINUTE)
    door.pass_badge(zoe.badge)
    door.pass_badge(zoe.badge)
    community.check_out(zoe.id)
    clock.now += timedelta(minutes=5)
    door.pass_badge(zoe.badge)
    # When she scans again right after this new check-in
    clock.now += timedelta(seconds=2)
    again = door.pass_badge(zoe.badge)
    # Then she is asked again, not checked out on the strength of the earlier visit
    assert again is not None and again.asked_again == timedelta(seconds=2)


def test_a_window_of_zero_checks_out_at_once(community: Community, clock: FakeClock) -> None:
    zoe = community.add_member("Zoë Martin")
    door = Door(community, timedelta(0))
    door.pass_badge(zoe.badge)
    out = door.pass_badge(zoe.badge)
    assert out is not None and out.visit.until is not None


def test_a_clock_set_back_since_the_check_in_asks_and_says_no_less_than_nothing(
    community: Community, clock: FakeClock
) -> None:
    zoe = community.add_member("Zoë Martin")
    door = Door(community, MINUTE)
    door.pass_badge(zoe.badge)
    clock.now -= timedelta(seconds=30)
    again = door.pass_badge(zoe.badge)
    assert again is not None and again.asked_again == timedelta(0)
