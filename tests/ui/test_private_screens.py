"""A member's private screens (their profile with its badge code and PIN, deleting their
data, their own screen after their PIN) never stay up for the next person: anyone else's
badge scan, and any return home, closes them; a PIN is changed only with the current one
or the member's badge."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from screens.confirmation import CheckedInScreen
from screens.data_deletion import DeleteDataScreen
from screens.home import HomeScreen
from screens.member import MemberScreen
from screens.profile import ProfileScreen
from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp
from tests.ui.driving import kiosk_app, let_time_pass, scan_badges, settle, shown, stored, toasts
from tests.ui.test_door_privacy import ZOES_PIN, prove_with_pin
from tests.ui.test_profile import replace_text, tap

ZOE, BJORN = "m00demo", "m02demo"


def private_screens(pilot: Pilot[None]) -> list[str]:
    kinds = (ProfileScreen, DeleteDataScreen, MemberScreen)
    return [type(s).__name__ for s in pilot.app.screen_stack if isinstance(s, kinds)]


async def set_new_pin(pilot: Pilot[None], pin: str) -> None:
    await replace_text(pilot, "#new-pin", pin)
    await replace_text(pilot, "#pin-again", pin)
    await pilot.press("enter")
    await settle(pilot)


async def open_zoes_profile(pilot: Pilot[None]) -> None:
    app = kiosk_app(pilot)
    app.open_profile(app.community.member(ZOE))
    await settle(pilot)
    assert isinstance(app.screen, ProfileScreen)


async def test_someone_elses_badge_closes_her_profile_and_checks_them_in(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given Zoë's profile open, her badge code on it
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_zoes_profile(pilot)
        # When Björn scans his badge
        await scan_badges(pilot, app.community.member(BJORN).badge)
        # Then her profile is gone, and Björn is welcomed as at home
        assert private_screens(pilot) == []
        assert isinstance(app.screen, CheckedInScreen)
        assert "Welcome back, Björn!" in shown(pilot)
    assert stored(demo_data, clock).visit_of(BJORN) is not None


async def test_a_badge_nobody_has_closes_her_profile_too(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_zoes_profile(pilot)
        await scan_badges(pilot, "ZZZZ-ZZZZ-ZZ")
        assert isinstance(app.screen, HomeScreen)
        assert any("Nobody has this badge" in toast for toast in toasts(pilot))


async def test_someone_elses_badge_closes_the_deletion_of_her_data(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_zoes_profile(pilot)
        await tap(pilot, "#delete")
        assert isinstance(app.screen, DeleteDataScreen)
        await scan_badges(pilot, app.community.member(BJORN).badge)
        assert private_screens(pilot) == []
    assert stored(demo_data, clock).member(ZOE).name == "Zoë Martin"


async def test_her_screen_after_her_pin_closes_on_someone_elses_badge(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given Zoë, here incognito, who opened her screen with her PIN and left her profile
    community = stored(demo_data, clock)
    community.set_pin(ZOE, ZOES_PIN)
    community.check_in(ZOE, "incognito")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await prove_with_pin(pilot, "zoe", ZOES_PIN)
        assert "incognito" in shown(pilot)
        # When Björn scans his badge, her screen closes before his welcome
        await scan_badges(pilot, community.member(BJORN).badge)
        assert private_screens(pilot) == []
        assert "Welcome back, Björn!" in shown(pilot)


async def test_going_home_when_idle_closes_her_profile(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_zoes_profile(pilot)
        await let_time_pass(pilot, app.config.idle_timeout)
        assert isinstance(app.screen, HomeScreen)
        assert private_screens(pilot) == []


async def test_a_new_pin_needs_the_current_one(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given Zoë's profile, left open by her, with a PIN of hers
    stored(demo_data, clock).set_pin(ZOE, ZOES_PIN)
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_zoes_profile(pilot)
        # When someone sets a new PIN without hers, nothing changes
        await set_new_pin(pilot, "taken-over")
        assert any("not your current PIN" in toast for toast in toasts(pilot))
        assert stored(demo_data, clock).pin_opens(ZOE, ZOES_PIN)
        # And with her current PIN typed first, the new one replaces it
        await replace_text(pilot, "#current-pin", ZOES_PIN)
        await set_new_pin(pilot, "tinier-chairs")
        assert "Your PIN is set." in shown(pilot)
    assert stored(demo_data, clock).pin_opens(ZOE, "tinier-chairs")


async def test_her_own_badge_on_her_profile_stands_for_the_current_pin(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    stored(demo_data, clock).set_pin(ZOE, ZOES_PIN)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_zoes_profile(pilot)
        # Her own badge keeps her profile open, and checks her neither in nor out
        await scan_badges(pilot, app.community.member(ZOE).badge)
        assert isinstance(app.screen, ProfileScreen)
        assert "Your badge is scanned" in shown(pilot)
        assert stored(demo_data, clock).visit_of(ZOE) is None
        # Then a new PIN needs no current one
        await set_new_pin(pilot, "tinier-chairs")
        assert "Your PIN is set." in shown(pilot)
    assert stored(demo_data, clock).pin_opens(ZOE, "tinier-chairs")
