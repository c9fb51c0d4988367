"""F1 on any screen lists that screen's keys and what each does, for members and hosts."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Static

from screens.confirmation import CheckedInScreen
from screens.home import HomeScreen
from screens.host.console import ConsoleScreen
from screens.key_help import KeysScreen
from screens.member import MemberScreen
from tests.ui.conftest import MakeApp
from tests.ui.driving import settle, type_text
from tests.ui.hosting import open_console


def listed(pilot: Pilot[None]) -> dict[str, str]:
    """What the keys list says, key by key: {"f2": "Who's here: Everyone here now…"}."""
    screen = pilot.app.screen
    assert isinstance(screen, KeysScreen)
    rows = [row.query(Static).results(Static) for row in screen.query(".key")]
    return {str(keys.render()): str(said.render()) for keys, said in rows}


async def test_f1_at_the_door_tells_what_each_key_does(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        keys = listed(pilot)
        assert (
            keys["f2"] == "Who's here: Everyone here now, and what they are open to chatting about."
        )
        assert keys["f4"] == "New here?: Register as a new member."
        assert keys["f9"].startswith("Host: ")
        # F1 again, or Escape, goes back to where the person was, as it was
        await pilot.press("f1")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("f1", "escape")
        assert isinstance(app.screen, HomeScreen)


async def test_f1_while_typing_a_name_lists_the_keys_and_keeps_the_name(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "zo")
        await pilot.press("f1")
        assert "esc" in listed(pilot)
        await pilot.press("escape")
        assert app.home.search_box.value == "zo"


async def test_f1_on_a_member_s_screen_names_what_enter_does_there(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "zoe")
        await pilot.press("enter")
        assert isinstance(app.screen, MemberScreen)
        await pilot.press("f1")
        keys = listed(pilot)
        assert keys["⏎"] == "Check in: Check in with the status and topics chosen."
        assert keys["f6"].startswith("My profile: ")
        assert keys["^s"].startswith("Write a shout-out: ")


async def test_f1_on_a_welcome_lists_its_keys_with_both_of_done_s(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "zoe")
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CheckedInScreen)
        await pilot.press("f1")
        keys = listed(pilot)
        assert keys["⏎ / esc"].startswith("Done: ")
        assert keys["space"].startswith("Keep open: ")


async def test_f1_in_the_host_console_tells_what_f2_to_f6_mean_there(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_console(pilot)
        await pilot.press("f1")
        keys = listed(pilot)
        assert keys["f2"].startswith("Here now: Everyone here, incognito members and guests")
        assert keys["f3"].startswith("Members: ")
        assert keys["f4"].startswith("Shout-outs: Every shout-out, hidden ones too")
        assert keys["f5"].startswith("Question: ")
        assert keys["f6"].startswith("Stats: ")
        await pilot.press("escape")
        assert isinstance(app.screen, ConsoleScreen)


async def test_f1_on_the_board_says_how_to_see_the_rest_of_it(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("f1")
        keys = listed(pilot)
        assert keys["↓"] == "Down: Move down the board a line; ↑ moves back up."
        assert keys["PgDn"] == "Page down: Move down the board a screenful; PageUp moves back up."
