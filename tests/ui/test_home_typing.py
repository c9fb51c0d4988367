"""Home always takes typing: whatever happened before, the next keys reach the search box."""

from __future__ import annotations

import threading

from textual.widgets import Input, OptionList

from screens.app import KioskApp
from screens.home import HomeScreen
from tests.ui.conftest import MakeApp
from tests.ui.driving import settle, shown, type_burst, type_text


def search_box(app: KioskApp) -> Input:
    return app.screen.query_one("#search", Input)


async def test_a_burst_of_keys_on_the_welcome_reaches_home_whole(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "zoe")
        await pilot.press("enter", "enter")
        await settle(pilot)
        await type_burst(pilot, "kwame")
        assert isinstance(app.screen, HomeScreen)
        assert search_box(app).value == "kwame"


async def test_typing_after_tapping_the_shout_outs_still_searches(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.click("#latest")
        await type_text(pilot, "ng")
        assert search_box(app).value == "ng"


async def test_typing_after_leaving_register_still_searches(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.click("#register")
        await pilot.press("escape")
        await type_text(pilot, "ng")
        assert isinstance(app.screen, HomeScreen)
        assert search_box(app).value == "ng"


async def test_a_name_typed_without_its_spaces_or_apostrophe_is_found(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        for typed, member in (
            ("meilin", "Mei Lin Chen"),
            ("mariajose", "María José Pérez"),
            ("o connor", "Siobhán O'Connor"),
            ("oconnor", "Siobhán O'Connor"),
        ):
            await pilot.press("escape")
            await type_text(pilot, typed)
            matches = app.screen.query_one("#matches", OptionList)
            assert str(matches.get_option_at_index(0).prompt).startswith(member), typed


async def test_keys_typed_while_members_are_still_being_read_show_and_find_once_read(
    make_app: MakeApp,
) -> None:
    # Given a kiosk just started, still reading its members for search
    app = make_app()
    reading_done = threading.Event()
    read_everyone = app.community.prepare_search

    def slow_read() -> None:
        reading_done.wait()
        read_everyone()

    app.community.prepare_search = slow_read  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        try:
            # When a member types her name at once
            await type_text(pilot, "zoe")
            # Then the box shows what she typed, and says her matches are coming
            assert search_box(app).value == "zoe"
            assert "Reading the member list" in shown(pilot)
            assert app.screen.query_one("#matches", OptionList).option_count == 0
        finally:
            reading_done.set()
        # And once everyone is read, she is found without typing again
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert "Zoë Martin" in shown(pilot)
        assert "Reading the member list" not in shown(pilot)
