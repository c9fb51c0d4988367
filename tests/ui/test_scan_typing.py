"""Scanner or person: a badge scanner's burst is a scan, each scan is taken once, and what a
person types always reaches the screen, in order, never taken for a scan."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from screens.confirmation import CheckedInScreen, CheckedOutScreen
from screens.home import HomeScreen
from screens.member import MemberScreen
from screens.pin import PinScreen
from tests.conftest import FakeClock
from tests.core.test_scanning import PERSON
from tests.ui.conftest import MakeApp
from tests.ui.driving import (
    keys_go_quiet,
    let_time_pass,
    scan_badges,
    settle,
    shown,
    stopwatch,
    stored,
    toasts,
    type_burst,
)
from tests.ui.test_scan_checkin import KOFI, MARIA, ZOE, badge

NOT_KNOWN = (
    "Badge not known\nNobody has this badge. It may have been replaced by a newer one. "
    "Type your name to check in, or ask a host."
)
ZOE_SCANNED_ALREADY = (
    "Scanned already\nZoë is checked in: the badge was scanned a moment ago, and once is enough."
)


async def test_a_slow_typist_sees_each_key_as_they_type_and_is_never_a_scan(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        search = app.home.search_box
        typed = "kwame"
        for count, key in enumerate(typed):
            stopwatch(pilot).advance(PERSON)
            await pilot.press(key)
            # Each key shows once the next comes, or a moment after (see below).
            assert search.value == typed[:count]
        await keys_go_quiet(pilot)
        assert search.value == "kwame"
        await pilot.press("enter")
        assert isinstance(app.screen, MemberScreen)
        assert app.screen.member.name == "Kwame Mensah"


async def test_a_badge_code_typed_slowly_is_typing_until_enter(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        code = badge(demo_data, ZOE)
        for key in code:
            stopwatch(pilot).advance(PERSON)
            await pilot.press(key)
        await keys_go_quiet(pilot)
        assert app.home.search_box.value == code
        assert stored(demo_data, clock).visit_of(ZOE) is None


async def test_a_quick_burst_that_is_no_badge_reaches_the_search_whole_with_its_enter(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_burst(pilot, "kwame")
        assert app.home.search_box.value == "kwame"
        await pilot.press("enter")
        assert isinstance(app.screen, MemberScreen)


async def test_two_scans_back_to_back_are_two_check_ins(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await scan_badges(pilot, badge(demo_data, ZOE), badge(demo_data, KOFI))

        community = stored(demo_data, clock)
        assert community.visit_of(ZOE) is not None  # Zoë came in
        assert community.visit_of(KOFI) is None  # Kofi went out
        # One of them sees their screen; the other is told in a notification.
        assert isinstance(app.screen, CheckedInScreen | CheckedOutScreen)
        said = "\n".join([shown(pilot), *toasts(pilot)])
        assert "Zoë" in said and "Kofi" in said
        assert app.home.search_box.value == ""


async def test_the_next_scan_in_a_moment_takes_the_screen_and_the_one_before_is_told(
    make_app: MakeApp, demo_data: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await scan_badges(pilot, badge(demo_data, ZOE))
        await let_time_pass(pilot, 1)
        await scan_badges(pilot, badge(demo_data, KOFI))

        assert "See you soon, Kofi!" in shown(pilot)
        assert toasts(pilot) == ["Badge scanned\nWelcome, Zoë! You are checked in."]
        # Kofi has read his goodbye by now: the next scan just takes the screen.
        await let_time_pass(pilot, 4)
        await scan_badges(pilot, badge(demo_data, MARIA))
        assert "See you soon, María!" in shown(pilot)
        assert toasts(pilot) == []


async def seconds_pass(pilot: Pilot[None], clock: FakeClock, seconds: float) -> None:
    """The kiosk's timer and the community's clock move on together."""
    clock.advance(minutes=seconds / 60)
    await let_time_pass(pilot, seconds)


async def test_the_same_badge_twice_within_three_seconds_is_taken_once(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        code = badge(demo_data, ZOE)
        await scan_badges(pilot, code)
        await seconds_pass(pilot, clock, 2)
        await scan_badges(pilot, code)

        assert isinstance(app.screen, CheckedInScreen)
        assert toasts(pilot) == [ZOE_SCANNED_ALREADY]
        assert stored(demo_data, clock).visit_of(ZOE) is not None  # still in, not out again


async def test_a_badge_held_under_the_scanner_is_taken_once_and_said_so(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        # When the scanner reads Zoë's badge twice at its own speed, the second while the
        # first check-in is still being saved
        code = badge(demo_data, ZOE)
        await scan_badges(pilot, code, code)
        # Then she is welcomed once, and the welcome says the second scan was not lost on
        # anyone
        assert isinstance(app.screen, CheckedInScreen)
        assert toasts(pilot) == [ZOE_SCANNED_ALREADY]
        assert stored(demo_data, clock).visit_of(ZOE) is not None


async def test_a_second_scan_soon_after_checking_in_asks_before_checking_out(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        # Given Zoë, who checked in with her badge and did not hear the beep
        code = badge(demo_data, ZOE)
        await scan_badges(pilot, code)
        # When she scans again four seconds later
        await seconds_pass(pilot, clock, 4)
        await scan_badges(pilot, code)
        # Then she stays in, on her welcome, and is told what to do if she means to leave
        assert isinstance(app.screen, CheckedInScreen)
        assert toasts(pilot) == [
            "Zoë, you are still checked in\nYou checked in 4 s ago. Scan again to check out."
        ]
        assert stored(demo_data, clock).visit_of(ZOE) is not None
        # and when she does scan again, she is checked out
        await seconds_pass(pilot, clock, 5)
        await scan_badges(pilot, code)
        assert isinstance(app.screen, CheckedOutScreen)
        assert stored(demo_data, clock).visit_of(ZOE) is None


async def test_the_window_for_a_second_scan_is_a_setting(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app(second_scan_seconds=0)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        code = badge(demo_data, ZOE)
        await scan_badges(pilot, code)
        await seconds_pass(pilot, clock, 4)
        await scan_badges(pilot, code)
        assert isinstance(app.screen, CheckedOutScreen)
        assert stored(demo_data, clock).visit_of(ZOE) is None


async def test_an_unknown_badge_is_told_politely_and_changes_nothing(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await scan_badges(pilot, "0000000000")

        assert isinstance(app.screen, HomeScreen)
        assert toasts(pilot) == [NOT_KNOWN]
        assert app.home.search_box.value == ""
        assert stored(demo_data, clock).here_count() == 9


async def test_a_replaced_badge_finds_nobody_and_the_new_one_checks_in(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    old_code = badge(demo_data, ZOE)
    new_code = stored(demo_data, clock).new_badge(ZOE).badge
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await scan_badges(pilot, old_code)
        assert toasts(pilot) == [NOT_KNOWN]
        assert stored(demo_data, clock).visit_of(ZOE) is None

        await scan_badges(pilot, new_code)
        assert isinstance(app.screen, CheckedInScreen)
        assert stored(demo_data, clock).visit_of(ZOE) is not None


async def test_a_scan_at_the_host_pin_prompt_checks_nobody_in_and_is_no_pin(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("ctrl+q")
        await settle(pilot)
        await scan_badges(pilot, badge(demo_data, ZOE))

        assert isinstance(app.screen, PinScreen)
        entry = app.screen.query_one("#pin", Input)
        assert (entry.value, entry.disabled) == ("", False)  # not taken as a wrong PIN
        assert toasts(pilot) == [
            "Badge not taken\nThe kiosk is waiting for the host's PIN. Scan your badge "
            "again once the host is done."
        ]
        assert stored(demo_data, clock).visit_of(ZOE) is None

        # Once the host is done, the same badge at once is a new scan, not a repeat.
        await pilot.press("escape")
        await scan_badges(pilot, badge(demo_data, ZOE))
        assert isinstance(app.screen, CheckedInScreen)
        assert stored(demo_data, clock).visit_of(ZOE) is not None
