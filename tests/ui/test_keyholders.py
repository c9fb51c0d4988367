"""The last keyholder to leave while others are here is told so before the check-out:
asked on their screen, and by badge told to scan once more."""

from __future__ import annotations

from pathlib import Path

from screens.confirm import ConfirmScreen
from screens.confirmation import CheckedOutScreen
from screens.member import MemberScreen
from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp
from tests.ui.driving import scan_badges, settle, showing, shown, stored, toasts, type_text
from tests.ui.hosting import open_console
from tests.ui.test_host_board import row_of
from tests.ui.test_scan_checkin import badge
from tests.ui.test_scan_typing import seconds_pass

BJORN = "m02demo"
"""Björn Andersson, one of the demo's two keyholders; neither is here this morning."""


def bjorn_comes_in(demo_data: Path, clock: FakeClock) -> int:
    """Björn checks in beside the morning's people; returns how many the public counts
    besides him."""
    community = stored(demo_data, clock)
    community.check_in(BJORN)
    clock.advance(hours=1)
    return community.public_count() - 1


async def test_the_last_keyholder_is_asked_before_checking_out_by_name(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    others = bjorn_comes_in(demo_data, clock)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # Given Björn on his screen, here with the rest of the morning's people
        await type_text(pilot, "bjorn andersson")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MemberScreen)
        # When he checks out
        await pilot.press("enter")
        await settle(pilot)
        # Then he is asked first, told how many stay without a keyholder
        assert showing(app.screen, ConfirmScreen)
        assert (
            f"You are the last keyholder; {others} people are still here. "
            "Check out all the same?" in shown(pilot)
        )
        # Enter keeps him in: staying is the default
        await pilot.press("enter")
        await settle(pilot)
        assert showing(app.screen, MemberScreen)
        assert stored(demo_data, clock).visit_of(BJORN) is not None
        # and choosing to check out does
        await pilot.press("enter")
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        assert showing(app.screen, CheckedOutScreen)
        assert stored(demo_data, clock).visit_of(BJORN) is None


async def test_the_last_keyholder_s_badge_asks_for_one_more_scan(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    others = bjorn_comes_in(demo_data, clock)
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await scan_badges(pilot, badge(demo_data, BJORN))
        assert toasts(pilot) == [
            "Björn, you are still checked in\nYou are the last keyholder; "
            f"{others} people are still here. Scan again to check out."
        ]
        assert stored(demo_data, clock).visit_of(BJORN) is not None
        # and his next scan, a few seconds on, checks him out
        await seconds_pass(pilot, clock, 5)
        await scan_badges(pilot, badge(demo_data, BJORN))
        assert showing(app.screen, CheckedOutScreen)
        assert stored(demo_data, clock).visit_of(BJORN) is None


async def test_the_hosts_board_marks_a_keyholder_here(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    bjorn_comes_in(demo_data, clock)
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await open_console(pilot)
        assert row_of(pilot, "Björn Andersson")[2] == "open to chat · keyholder"
