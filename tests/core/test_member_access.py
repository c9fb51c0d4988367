"""Members' own PINs at the kiosk: wrong ones earn the kiosk a wait, whoever they were for."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.access.members import MemberAccess
from tests.conftest import FakeClock

PINS = {"ana": "ana-secret", "ben": "ben-secret"}


def opens(member_id: str, pin: str) -> bool:
    return PINS.get(member_id) == pin


@pytest.fixture
def access(tmp_path: Path, clock: FakeClock) -> MemberAccess:
    return MemberAccess(tmp_path, opens, clock)


def guess(access: MemberAccess, clock: FakeClock, member_id: str, count: int) -> list[float]:
    """`count` wrong PINs for `member_id`, each as soon as allowed; the waits they earned."""
    waits = []
    for _ in range(count):
        clock.now += access.wait()
        verdict = access.try_pin(member_id, "not-it")
        assert verdict.outcome == "wrong"
        waits.append(verdict.wait.total_seconds())
    return waits


def test_the_right_pin_opens_and_a_wrong_one_does_not(access: MemberAccess) -> None:
    assert access.try_pin("ana", "ana-secret").outcome == "right"
    assert access.try_pin("ana", "ben-secret").outcome == "wrong"


def test_two_wrong_pins_are_free_then_the_waits_double_as_for_the_host_pin(
    access: MemberAccess, clock: FakeClock
) -> None:
    assert guess(access, clock, "ana", 9) == [0, 0, 2, 4, 8, 16, 32, 60, 60]


def test_going_from_name_to_name_does_not_escape_the_wait(
    access: MemberAccess, clock: FakeClock
) -> None:
    # Given three wrong PINs for Ana
    guess(access, clock, "ana", 3)
    # Then the first guess for Ben waits too, and earns a longer wait
    assert access.try_pin("ben", "ben-secret").outcome == "too soon"
    assert guess(access, clock, "ben", 1) == [4]


def test_opening_ones_own_profile_does_not_wipe_out_the_wrong_tries(
    access: MemberAccess, clock: FakeClock
) -> None:
    # Given four wrong PINs for Ben, by someone who knows Ana's PIN
    guess(access, clock, "ben", 4)
    clock.now += access.wait()
    # When they open Ana's profile with her PIN
    assert access.try_pin("ana", "ana-secret").outcome == "right"
    # Then the next guess for Ben still earns a longer wait, not two free ones
    assert guess(access, clock, "ben", 1) == [8]


def test_the_right_pin_during_the_wait_is_not_even_checked(
    access: MemberAccess, clock: FakeClock
) -> None:
    guess(access, clock, "ana", 4)  # 4 seconds to wait
    clock.now += timedelta(seconds=3)
    verdict = access.try_pin("ana", "ana-secret")
    assert (verdict.outcome, verdict.wait) == ("too soon", timedelta(seconds=1))


def test_wrong_tries_an_hour_old_are_forgotten(access: MemberAccess, clock: FakeClock) -> None:
    guess(access, clock, "ana", 7)
    clock.advance(hours=1)
    assert access.wait() == timedelta(0)
    assert guess(access, clock, "ana", 3) == [0, 0, 2]
