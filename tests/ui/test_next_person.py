"""The next person in line starts typing their name on someone's welcome or goodbye: home
comes back at once, empty, and takes every key, in order, at any speed."""

from __future__ import annotations

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import OptionList

from screens.app import KioskApp
from screens.confirmation import CheckedInScreen, CheckedOutScreen
from screens.home import HomeScreen
from screens.member import MemberScreen
from tests.ui.conftest import MakeApp
from tests.ui.driving import settle, showing, stopwatch, type_burst, type_every, type_text

SPEEDS = [
    pytest.param(None, id="scanner-speed"),
    pytest.param(0.02, id="20ms-a-key"),
]


def offered(app: KioskApp) -> list[str]:
    """The names home offers under the search, as shown."""
    matches = app.home.query_one("#matches", OptionList)
    if not matches.display:
        return []
    return [str(matches.get_option_at_index(i).prompt) for i in range(matches.option_count)]


async def type_at(pilot: Pilot[None], speed: float | None, text: str) -> None:
    if speed is None:
        await type_burst(pilot, text)
    else:
        await type_every(pilot, speed, text)


async def welcome_for(pilot: Pilot[None], name: str) -> None:
    """`name` checks in by typing it: their welcome is in front, their match under home."""
    await type_text(pilot, name)
    await pilot.press("enter", "enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CheckedInScreen)


@pytest.mark.parametrize("speed", SPEEDS)
async def test_a_name_with_a_space_typed_on_a_welcome_reaches_home_whole(
    make_app: MakeApp, speed: float | None
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # Given Zoë's welcome on the screen
        await welcome_for(pilot, "zoe")
        # When the next person types "maria jose" at once
        await type_at(pilot, speed, "maria jose")
        # Then home has all of it, the space too, and offers her
        assert isinstance(app.screen, HomeScreen)
        assert app.home.search_box.value == "maria jose"
        assert offered(app)[0].startswith("María José Pérez")


@pytest.mark.parametrize("speed", SPEEDS)
async def test_enter_after_a_name_typed_on_a_goodbye_opens_that_member(
    make_app: MakeApp, speed: float | None
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # Given Kofi's goodbye on the screen
        await type_text(pilot, "kofi")
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CheckedOutScreen)
        # When the next person types "kwame" and Enter at once
        await type_at(pilot, speed, "kwame\r")
        await settle(pilot)
        # Then their own screen opens, not the goodbye's Done
        assert showing(app.screen, MemberScreen)
        assert app.screen.member.name == "Kwame Mensah"


@pytest.mark.parametrize("speed", SPEEDS)
async def test_a_typo_fixed_at_once_is_fixed_at_home(
    make_app: MakeApp, speed: float | None
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await welcome_for(pilot, "zoe")
        await type_at(pilot, speed, "kwx")
        await pilot.press("backspace")
        await type_at(pilot, speed, "ame")
        assert app.home.search_box.value == "kwame"


async def test_space_alone_keeps_the_welcome_open_for_its_reader(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await welcome_for(pilot, "zoe")
        await pilot.press("space")
        assert isinstance(app.screen, CheckedInScreen)
        assert app.screen.kept_open


async def test_the_last_person_s_match_is_gone_the_moment_the_next_begins(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # Given Hiroshi's welcome, with "Hiroshi Tanaka" still under home's search
        await welcome_for(pilot, "hiroshi")
        assert [line.split("  ")[0] for line in offered(app)] == ["Hiroshi Tanaka"]
        # When the next person's first key is let through to the kiosk
        stopwatch(pilot).advance(1)
        await app.scan_gate.key(events.Key("m", "m"))
        stopwatch(pilot).advance(1)
        await app.scan_gate.let_typing_through()
        # Then home is in front at once, offering nobody until it has searched for "m"
        assert isinstance(app.screen, HomeScreen)
        assert offered(app) == []
        await type_every(pilot, 0.02, "aria")
        assert app.home.search_box.value == "maria"
        assert not any("Hiroshi" in line for line in offered(app))
