"""A member's own profile: reached with their PIN or a badge scan, never with a typed name
alone; edited in their own words, with what each line shows; their data deleted at will."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from kiosk.badges.codes import spaced_badge_code
from screens.app import KioskApp
from screens.data_deletion import DeleteDataScreen
from screens.home import HomeScreen
from screens.member import MemberScreen
from screens.profile import ProfileScreen
from screens.profile_access import ProfilePinScreen
from screens.qr import QRCode
from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp
from tests.ui.driving import (
    let_time_pass,
    scan_badges,
    settle,
    shown,
    stored,
    toasts,
    type_text,
)

ZOES_PIN = "tiny-chairs"


async def open_member(pilot: Pilot[None], name: str) -> None:
    await type_text(pilot, name)
    await pilot.press("enter")
    assert isinstance(pilot.app.screen, MemberScreen)


async def ask_for_zoes_profile(pilot: Pilot[None]) -> None:
    await open_member(pilot, "zoe")
    await pilot.press("f6")
    assert isinstance(pilot.app.screen, ProfilePinScreen)


async def type_pin(pilot: Pilot[None], pin: str) -> None:
    await type_text(pilot, pin)
    await pilot.press("enter")
    await settle(pilot)


async def tap(pilot: Pilot[None], selector: str) -> None:
    """Scroll to the widget, as a finger would, and tap it."""
    pilot.app.screen.query_one(selector).scroll_visible(animate=False, immediate=True)
    await pilot.pause()
    await pilot.click(selector)


async def replace_text(pilot: Pilot[None], selector: str, text: str) -> None:
    await tap(pilot, selector)
    await pilot.press("end", "ctrl+u")
    await type_text(pilot, text)


async def test_a_member_edits_their_profile_after_their_pin(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    stored(demo_data, clock).set_pin("m00demo", ZOES_PIN)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await ask_for_zoes_profile(pilot)
        await type_pin(pilot, ZOES_PIN)
        assert isinstance(app.screen, ProfileScreen)
        # What she keeps is hers to see, and to change.
        assert app.screen.query_one("#field-looking_for", Input).value == "laser cutting"
        await replace_text(pilot, "#field-intro", "Makes tiny furniture, big plans.")
        await replace_text(pilot, "#field-learning", "electronics, Rust")
        await tap(pilot, "#hosts-looking_for")
        await pilot.press("ctrl+s")
        await settle(pilot)

        assert "Saved." in shown(pilot)
        zoe = stored(demo_data, clock).member("m00demo")
        assert zoe.intro == "Makes tiny furniture, big plans."
        assert zoe.learning == ("electronics", "Rust")
        assert zoe.hosts_only == {"looking_for"}
        assert zoe.on_board


async def test_a_wrong_pin_is_refused_and_the_next_tries_wait(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    stored(demo_data, clock).set_pin("m00demo", ZOES_PIN)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ask_for_zoes_profile(pilot)
        for guess in ("123456", "654321"):
            await type_pin(pilot, guess)
            assert "That PIN is not right. Try again" in shown(pilot)
        await type_pin(pilot, "111111")
        # The third wrong PIN in a row: two seconds before anyone may try again.
        assert "Too many wrong PINs: wait 2 seconds" in shown(pilot)
        assert app.screen.query_one("#pin", Input).disabled
        assert isinstance(app.screen, ProfilePinScreen)

        clock.advance(minutes=2 / 60)
        await let_time_pass(pilot, 2)
        assert not app.screen.query_one("#pin", Input).disabled
        await type_pin(pilot, ZOES_PIN)
        assert isinstance(app.screen, ProfileScreen)


async def test_a_member_without_a_pin_is_told_how_to_get_in(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ask_for_zoes_profile(pilot)
        assert "scan your badge" in shown(pilot)
        assert "ask a host" in shown(pilot)
        assert not app.screen.query("#pin")
        await pilot.press("escape")
        assert isinstance(app.screen, MemberScreen)


async def test_a_badge_scan_opens_the_profile_in_place_of_the_pin_prompt(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ask_for_zoes_profile(pilot)
        # Someone else's badge opens nothing, and checks nobody in or out
        bjorn = app.community.member("m02demo")
        await scan_badges(pilot, bjorn.badge)
        assert isinstance(app.screen, ProfilePinScreen)
        assert "That badge is not Zoë Martin's" in shown(pilot)
        assert app.community.visit_of("m02demo") is None
        # Her own badge does, in place of the PIN
        await scan_badges(pilot, app.community.member("m00demo").badge)
        assert isinstance(app.screen, ProfileScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, MemberScreen)


async def test_the_profile_shows_the_badge_code_and_recent_visits(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    zoe = stored(demo_data, clock).member("m00demo")
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        app.open_profile(zoe)
        await settle(pilot)
        assert app.screen.query_one("#badge-qr", QRCode).data == zoe.badge
        text = shown(pilot)
        assert f"Code {spaced_badge_code(zoe.badge)}" in text
        assert f"{zoe.visits} visits in all; the latest:" in text


async def test_a_new_member_sets_up_a_profile_and_a_pin_right_after_registering(
    make_app: MakeApp,
    demo_data: Path,
    clock: FakeClock,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4")
        await type_text(pilot, "Ada Lovelace")
        await pilot.click("#register")
        await settle(pilot)
        assert "F6 sets up your profile" in shown(pilot)
        # Registered a moment ago, here: no PIN is asked for.
        await pilot.press("f6")
        assert isinstance(app.screen, ProfileScreen)
        await replace_text(pilot, "#field-mentor", "maths")
        await pilot.press("ctrl+s")
        await replace_text(pilot, "#new-pin", "analytical")
        await replace_text(pilot, "#pin-again", "analytical")
        await pilot.press("enter")
        await settle(pilot)

        assert "Your PIN is set." in shown(pilot)
        community = stored(demo_data, clock)
        ada = community.find("Ada Lovelace")
        assert ada.mentor == ("maths",)
        assert community.pin_opens(ada.id, "analytical")


async def test_two_different_pins_are_not_set(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_profile(app.community.member("m00demo"))
        await pilot.pause()
        await replace_text(pilot, "#new-pin", "analytical")
        await replace_text(pilot, "#pin-again", "analytica1")
        await pilot.press("enter")
        await settle(pilot)
        assert "The two PINs are not the same" in shown(pilot)
        assert not stored(demo_data, clock).member("m00demo").pin_hash


async def test_a_member_deletes_their_data_keeping_their_shout_outs_without_their_name(
    make_app: MakeApp,
    demo_data: Path,
    clock: FakeClock,
) -> None:
    hiroshi = stored(demo_data, clock).member("m05demo")
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        app.open_profile(hiroshi)
        await pilot.pause()
        await tap(pilot, "#delete")
        assert isinstance(app.screen, DeleteDataScreen)
        assert "This cannot be undone." in shown(pilot)
        await pilot.click("#their-shoutouts RadioButton.anonymous")
        await pilot.click("#delete")
        await settle(pilot)

        assert isinstance(app.screen, HomeScreen)
        assert any("Your data is deleted." in toast for toast in toasts(pilot))
        community = stored(demo_data, clock)
        assert all(member.id != hiroshi.id for member in community.members())
        thanks = [s for s in community.shoutouts() if s.text.startswith("Thanks for fixing")]
        assert [s.from_id for s in thanks] == [None]


async def test_keeping_ones_data_deletes_nothing(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_profile(app.community.member("m05demo"))
        await pilot.pause()
        await tap(pilot, "#delete")
        await pilot.press("escape")
        assert isinstance(app.screen, ProfileScreen)
        await tap(pilot, "#delete")
        await pilot.press("enter")  # "Keep my data" has the focus
        assert isinstance(app.screen, ProfileScreen)
        assert stored(demo_data, clock).member("m05demo").name == "Hiroshi Tanaka"


async def test_a_new_kiosk_process_keeps_to_the_wait_for_personal_pins(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given three wrong PINs for Zoë's profile: a wait of 2 seconds
    stored(demo_data, clock).set_pin("m00demo", ZOES_PIN)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ask_for_zoes_profile(pilot)
        for guess in ("123456", "654321", "111111"):
            await type_pin(pilot, guess)
        assert "Too many wrong PINs: wait 2 seconds" in shown(pilot)
    # When the kiosk starts afresh (a browser reconnects: a new process)
    again = make_app()
    async with again.run_test(size=(100, 30)) as pilot:
        await ask_for_zoes_profile(pilot)
        await settle(pilot)
        # Then the wait still holds, and even her PIN opens nothing yet
        assert "Too many wrong PINs: wait 2 seconds" in shown(pilot)
        await type_pin(pilot, ZOES_PIN)
        assert isinstance(again.screen, ProfilePinScreen)


async def test_a_member_agrees_on_her_profile_to_be_named_online(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_profile(app.community.member("m00demo"))
        await settle(pilot)
        assert not stored(demo_data, clock).member("m00demo").named_online
        await tap(pilot, "#named-online")
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert stored(demo_data, clock).member("m00demo").named_online


async def test_in_a_terminal_the_kiosk_says_how_to_get_one_s_data(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_profile(app.community.member("m00demo"))
        await settle(pilot)
        await tap(pilot, "#take-data")
        await settle(pilot)
        assert "This kiosk cannot hand you a file." in shown(pilot)


async def test_in_a_browser_a_member_downloads_her_data(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given the kiosk in a browser, which takes whatever file it is handed
    delivered: list[tuple[str, str]] = []

    def deliver(app: KioskApp, file: TextIO, *, save_filename: str, **_: object) -> None:
        delivered.append((save_filename, file.read()))

    monkeypatch.setattr(KioskApp, "is_web", property(lambda app: True))
    monkeypatch.setattr(KioskApp, "deliver_text", deliver)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_profile(app.community.member("m00demo"))
        await settle(pilot)
        # When Zoë asks for her data
        await tap(pilot, "#take-data")
        await settle(pilot)
        # Then the browser is handed all of it, as JSON
        [(name, document)] = delivered
        assert name == "my-data.json"
        assert json.loads(document)["profile"]["name"] == "Zoë Martin"
        assert "on its way" in shown(pilot)
