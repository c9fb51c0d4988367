"""The kiosk in the members' languages: chosen at the door, kept in a member's profile,
and home back in the kiosk's own language for the next person."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from kiosk import language
from screens.home import HomeScreen
from screens.member import MemberScreen
from tests.conftest import FakeClock
from tests.core.test_language import catalog_with
from tests.ui.conftest import MakeApp
from tests.ui.driving import (
    let_time_pass,
    scan_badges,
    settle,
    showing,
    shown,
    stored,
    type_text,
)

HOME_TITLE = "Type your name to check in or out."
TODAY = "Today I am"
GERMAN = {HOME_TITLE: "Tippe deinen Namen, um ein- oder auszuchecken.", TODAY: "Heute bin ich"}
FRENCH = {HOME_TITLE: "Tapez votre nom pour entrer ou sortir.", TODAY: "Aujourd'hui, je suis"}


@pytest.fixture(autouse=True)
def some_german_and_french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Catalogs that know home's title and the member screen's "Today I am", and no more:
    the words these tests look for, whatever the shipped catalogs hold by now."""
    folder = tmp_path / "catalogs"
    catalog_with(folder, "de", *GERMAN.items())
    catalog_with(folder, "fr", *FRENCH.items())
    monkeypatch.setattr(language, "CATALOGS", folder)


async def open_member(pilot: Pilot[None], name: str) -> None:
    await type_text(pilot, name)
    await pilot.press("enter")
    await settle(pilot)
    assert showing(pilot.app.screen, MemberScreen)


async def test_a_language_chosen_at_the_door_speaks_until_home_is_for_the_next_person(
    make_app: MakeApp,
) -> None:
    async with make_app(idle_timeout=60).run_test(size=(80, 24)) as pilot:
        # Given home in the kiosk's English, offering each language by its own name
        await settle(pilot)
        assert HOME_TITLE in shown(pilot)
        assert "English · Deutsch · Français · Español" in shown(pilot)

        # When someone presses F8, the next language
        await pilot.press("f8")
        await settle(pilot)

        # Then home speaks German
        assert GERMAN[HOME_TITLE] in shown(pilot)

        # And when nobody touches the kiosk for a minute, home is English again
        await let_time_pass(pilot, 61)
        assert HOME_TITLE in shown(pilot)
        assert language.speaking() == "en"


async def test_a_tap_on_a_language_chooses_it(make_app: MakeApp) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)

        # When someone taps "Français" in the row of languages
        await home.run_action("choose_language('fr')")
        await settle(pilot)

        # Then home speaks French
        assert FRENCH[HOME_TITLE] in shown(pilot)


async def test_a_members_choice_is_kept_and_spoken_on_their_screens_next_time(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    async with make_app(idle_timeout=60).run_test(size=(80, 24)) as pilot:
        # Given Zoë chooses Deutsch at the door and opens her screen
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        await open_member(pilot, "zoe")

        # Then her screen speaks German, and her profile keeps her choice
        assert GERMAN[TODAY] in shown(pilot)
        assert stored(demo_data, clock).member("m00demo").language == "de"

        # When she leaves it, the next person finds home in English
        await let_time_pass(pilot, 61)
        assert HOME_TITLE in shown(pilot)

        # And when she comes back and types her name, without choosing anything
        await open_member(pilot, "zoe")

        # Then her screen speaks German again, while home stays the kiosk's
        assert GERMAN[TODAY] in shown(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert HOME_TITLE in shown(pilot)


async def test_a_member_who_never_chose_sees_the_kiosks_own_language(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given a kiosk that speaks French
    async with make_app(language="fr").run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert FRENCH[HOME_TITLE] in shown(pilot)

        # When Zoë, who never chose a language, opens her screen
        await open_member(pilot, "zoe")

        # Then it speaks French, and nothing is kept in her profile
        assert FRENCH[TODAY] in shown(pilot)
        assert stored(demo_data, clock).member("m00demo").language == ""


async def test_a_badge_scan_welcomes_a_member_in_their_kept_language(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given Kofi, who is out, once chose French
    community = stored(demo_data, clock)
    kofi = community.edit_member("m29demo", language="fr")
    community.check_out(kofi.id)
    async with make_app().run_test(size=(80, 24)) as pilot:
        await settle(pilot)

        # When he scans his badge at an English kiosk
        await scan_badges(pilot, kofi.badge)
        await settle(pilot)

        # Then his welcome speaks French
        assert language.speaking() == "fr"
        assert kofi.first_name in shown(pilot)
