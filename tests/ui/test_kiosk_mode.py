"""By the door the kiosk looks after itself: it goes home when idle and needs the PIN to quit."""

from __future__ import annotations

from textual.widgets import Input

from screens.home import HomeScreen
from screens.member import MemberScreen
from screens.pin import PinScreen
from tests.ui.driving import PIN, let_time_pass, settle, shown, toasts, type_text


async def test_an_idle_kiosk_goes_home_and_forgets_what_was_typed(make_app):
    app = make_app(idle_timeout=60)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "zoe")
        await pilot.press("enter")
        assert isinstance(app.screen, MemberScreen)
        await let_time_pass(pilot, 59)
        assert isinstance(app.screen, MemberScreen)
        await let_time_pass(pilot, 1)
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#search", Input).value == ""


async def test_quitting_asks_for_the_host_pin(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, PinScreen)
        await type_text(pilot, "0000")
        await pilot.press("enter")
        await settle(pilot)
        assert "That PIN is not right." in shown(pilot)
        await type_text(pilot, PIN)
        await pilot.press("enter")
        await settle(pilot)
    assert app.return_code == 0


async def test_ctrl_c_and_the_command_palette_do_not_escape(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+c")
        assert isinstance(app.screen, PinScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        assert app.is_running


async def test_without_a_pin_set_the_kiosk_says_how_to_set_one(make_app):
    app = make_app(host_pin_hash="")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+q")
        assert "kiosk hash-pin" in shown(pilot)
        assert app.is_running


async def test_with_no_lock_ctrl_q_quits_at_once(make_app):
    app = make_app(lock=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_data_damaged_while_running_is_reported_once_and_the_kiosk_stays_up(
    make_app, demo_data
):
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        presence = demo_data / "presence.json"
        presence.write_bytes(presence.read_bytes()[:10])
        await let_time_pass(pilot, 1)
        await let_time_pass(pilot, 1)
        reports = [toast for toast in toasts(pilot) if "is damaged" in toast]
        assert len(reports) == 1
        assert str(presence) in reports[0]
        assert app.is_running
        assert "Åsa Lindqvist" in shown(pilot)  # the last good data stays on screen


async def test_an_idle_home_keeps_a_message_for_the_host(make_app, demo_data):
    app = make_app(idle_timeout=60)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        presence = demo_data / "presence.json"
        presence.write_bytes(presence.read_bytes()[:10])
        await let_time_pass(pilot, 1)
        await let_time_pass(pilot, 60)
        assert any("is damaged" in toast for toast in toasts(pilot))
