"""By the door the kiosk looks after itself: it goes home when idle and needs the PIN to quit."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Input

from kiosk.storage.files import write_atomically
from kiosk.storage.member_files import file_of
from screens.home import HomeScreen
from screens.member import MemberScreen
from screens.pin import PinScreen
from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp
from tests.ui.driving import PIN, let_time_pass, settle, shown, toasts, type_text
from tests.ui.hosting import open_console

ZOE = "m00demo"
SECRET = "hanasecret private topic"
"""What a member keeps for hosts, in a record a careless hand damaged."""


async def test_an_idle_kiosk_goes_home_and_forgets_what_was_typed(make_app: MakeApp) -> None:
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


async def test_quitting_asks_for_the_host_pin(make_app: MakeApp) -> None:
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


async def test_ctrl_c_and_the_command_palette_do_not_escape(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+c")
        assert isinstance(app.screen, PinScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        assert app.is_running


async def test_without_a_pin_set_the_kiosk_says_how_to_set_one(make_app: MakeApp) -> None:
    app = make_app(host_pin_hash="")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+q")
        assert "kiosk hash-pin" in shown(pilot)
        assert app.is_running


async def test_with_no_lock_ctrl_q_quits_at_once(make_app: MakeApp) -> None:
    app = make_app(lock=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_data_damaged_while_running_is_told_to_the_host_alone_and_the_kiosk_stays_up(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given a kiosk that has read everyone, and Zoë's file then edited by a careless hand,
    # her hosts-only topics written as plain text where a list belongs
    app = make_app(idle_timeout=60)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        path = demo_data / "members" / file_of(ZOE)
        data = json.loads(path.read_text())
        next(d for d in data["members"].values() if d["id"] == ZOE)["topics"] = SECRET
        write_atomically(path, json.dumps(data).encode())
        await let_time_pass(pilot, 1)
        await let_time_pass(pilot, 60)
        # Then the public screen says nothing of it, and the kiosk stays up as it was
        assert toasts(pilot) == []
        assert "damaged" not in shown(pilot) and SECRET not in shown(pilot)
        assert app.is_running
        assert "Åsa Lindqvist" in shown(pilot)  # the last good data stays on screen
        # And the host console names the file and the problem, never what the file holds
        await open_console(pilot)
        told = shown(pilot).replace("\n", " ")
        assert f"{path} is damaged" in told
        assert "topics should be a list of texts, not text" in told
        assert SECRET not in told
        # As stderr will, once the kiosk stops
        assert [w for w in app.host_warnings.given if "is damaged" in w] == [
            f"{path} is damaged: a record in its members is incomplete or wrong "
            "(topics should be a list of texts, not text)."
        ]


async def test_a_check_in_the_damage_stops_is_refused_politely_and_told_to_the_host(
    make_app: MakeApp, demo_data: Path
) -> None:
    # Given who is here damaged while the kiosk runs
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        presence = demo_data / "presence.json"
        presence.write_bytes(presence.read_bytes()[:10])
        # When Zoë checks in
        await type_text(pilot, "zoe")
        await pilot.press("enter", "enter")
        await settle(pilot)
        # Then she is told, without a file name, that a host is needed
        assert toasts(pilot) == [
            "Sorry\nThis could not be saved: some of the kiosk's data needs a host's care."
        ]
        # And the host console says which file and what is wrong
        await pilot.press("escape")
        await settle(pilot)
        await open_console(pilot)
        assert f"{presence} is damaged" in shown(pilot).replace("\n", " ")


async def test_an_unknown_theme_is_told_to_the_host_not_to_the_door(make_app: MakeApp) -> None:
    app = make_app(theme="no-such-theme")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        assert toasts(pilot) == []
        await open_console(pilot)
        assert "The theme 'no-such-theme' is unknown" in shown(pilot)


async def test_a_backup_not_made_is_told_to_the_host_until_one_is(
    make_app: MakeApp, demo_data: Path
) -> None:
    # Given a kiosk running while the last backup failed for a full disk
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        problem = demo_data / "backups" / "problem.txt"
        problem.parent.mkdir(exist_ok=True)
        write_atomically(problem, b"The backup was not made: the disk is full.")
        await let_time_pass(pilot, 2)
        # Then the door shows nothing of it, and the host console does
        assert toasts(pilot) == []
        await open_console(pilot)
        assert "The backup was not made: the disk is full." in shown(pilot)
        # When a backup works again, the warning goes
        problem.unlink()
        await let_time_pass(pilot, 2)
        assert "The backup was not made" not in shown(pilot)
