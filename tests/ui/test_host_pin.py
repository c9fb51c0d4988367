"""Quitting needs the host PIN, and the wait wrong PINs earn belongs to the kiosk: a new
prompt, keys typed during the wait, or a restart do not cut it short."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from screens.confirmation import CheckedInScreen
from screens.home import HomeScreen
from screens.pin import PinScreen
from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp
from tests.ui.driving import PIN, let_time_pass, settle, showing, shown, type_text


async def try_pin(pilot: Pilot[None], pin: str) -> None:
    await type_text(pilot, pin)
    await pilot.press("enter")
    await settle(pilot)


async def open_prompt(pilot: Pilot[None]) -> None:
    await pilot.press("ctrl+q")
    await settle(pilot)
    assert isinstance(pilot.app.screen, PinScreen)


def pin_entry(pilot: Pilot[None]) -> Input:
    return pilot.app.screen.query_one("#pin", Input)


def later(clock: FakeClock, seconds: float) -> None:
    clock.now += timedelta(seconds=seconds)


async def wrong_pins(pilot: Pilot[None], clock: FakeClock, count: int) -> None:
    """Type `count` wrong PINs at the open prompt, each once the wait before it is over."""
    for _ in range(count):
        later(clock, 60)
        prompt = pilot.app.screen
        assert isinstance(prompt, PinScreen)
        prompt.show_wait()
        await try_pin(pilot, "0000")


async def test_after_three_wrong_pins_each_try_has_to_wait(
    make_app: MakeApp, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # Given two wrong PINs, which cost nothing
        await open_prompt(pilot)
        for _ in range(2):
            await try_pin(pilot, "0000")
            assert "That PIN is not right. Try again." in shown(pilot)
            assert not pin_entry(pilot).disabled
        # When a third is typed, the next try has to wait 2 seconds
        await try_pin(pilot, "0000")
        assert "That PIN is not right. Wait 2 seconds, then try again." in shown(pilot)
        assert pin_entry(pilot).disabled
        # Then, once the clock has moved on, the prompt's look at it each second lets
        # the host type again
        later(clock, 2)
        assert isinstance(app.screen, PinScreen)
        app.screen.show_wait()
        assert not pin_entry(pilot).disabled
        assert "Try again, or Escape to go back." in shown(pilot)
        await try_pin(pilot, PIN)
    assert app.return_code == 0


async def test_a_new_prompt_keeps_to_the_wait(make_app: MakeApp, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # Given three wrong PINs: 2 seconds to wait
        await open_prompt(pilot)
        await wrong_pins(pilot, clock, 3)
        assert "Wait 2 seconds, then try again." in shown(pilot)

        # When the host goes back and asks to quit again at once
        await pilot.press("escape")
        await open_prompt(pilot)

        # Then the new prompt waits out the same 2 seconds, whatever is typed meanwhile
        assert "Wait 2 seconds, then try again." in shown(pilot)
        assert pin_entry(pilot).disabled
        await try_pin(pilot, PIN)
        assert app.is_running
        assert isinstance(app.screen, PinScreen)

        # And when the wait is over, the right PIN quits
        later(clock, 2)
        app.screen.show_wait()
        await try_pin(pilot, PIN)
    assert app.return_code == 0


async def test_a_restarted_kiosk_keeps_to_the_wait(
    make_app: MakeApp, clock: FakeClock, demo_data: Path
) -> None:
    # Given a kiosk stopped during a 16 second wait
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_prompt(pilot)
        await wrong_pins(pilot, clock, 6)
        assert "Wait 16 seconds" in shown(pilot)
    assert (demo_data / "host-access.json").exists()

    # When it is started again 10 seconds later and asked to quit
    later(clock, 10)
    restarted = make_app()
    async with restarted.run_test(size=(100, 30)) as pilot:
        await open_prompt(pilot)
        # Then the host waits the 6 seconds left, and even the right PIN cannot quit
        assert "Wait 6 seconds, then try again." in shown(pilot)
        await try_pin(pilot, PIN)
        assert restarted.is_running


async def test_a_host_prompt_over_a_welcome_holds_every_countdown(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # Given a welcome counting down after a check-in
        await type_text(pilot, "zoe")
        await pilot.press("enter", "enter")
        await settle(pilot)
        welcome = app.screen
        assert isinstance(welcome, CheckedInScreen)
        # When the host asks to quit, and the welcome's time and the idle time go by
        await open_prompt(pilot)
        await let_time_pass(pilot, welcome.reading_seconds() + app.config.idle_timeout)
        # Then the prompt is still there, and the host's keys land in it
        assert isinstance(app.screen, PinScreen)
        await type_text(pilot, "1234")
        assert pin_entry(pilot).value == "1234"
        # And once the host goes back, the welcome counts down what it had left, then
        # home comes back with nothing typed in the name field
        await pilot.press("escape")
        await let_time_pass(pilot, 1)
        assert showing(app.screen, CheckedInScreen)
        assert app.screen is welcome
        await let_time_pass(pilot, welcome.reading_seconds())
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.search_box.value == ""
