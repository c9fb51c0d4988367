"""Inviting a guest from one's own profile at the kiosk: the code and its QR code on
screen, sent to the guest when asked, refused politely with nothing kept, and private to
the member; the guests to come listed there, soonest first and without their codes, each
cancelled after asking."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Label

from kiosk.badges.codes import spaced_badge_code
from kiosk.notices.delivery import deliver
from kiosk.notices.sending import send
from kiosk.storage.store import Store
from screens.confirm import ConfirmScreen
from screens.invite import InviteScreen
from screens.profile import ProfileScreen
from screens.qr import QRCode
from tests.conftest import FakeClock
from tests.receivers import web_hook
from tests.ui.conftest import MakeApp
from tests.ui.driving import (
    kiosk_app,
    let_time_pass,
    scan_badges,
    settle,
    shown,
    stored,
    toasts,
)
from tests.ui.test_profile import ask_for_zoes_profile, replace_text, tap

ZOE, BJORN = "m00demo", "m02demo"
TODAY = date(2026, 11, 26)


async def open_zoes_profile(pilot: Pilot[None]) -> None:
    """Zoë asks for her profile, and proves who she is with her badge."""
    await ask_for_zoes_profile(pilot)
    await scan_badges(pilot, kiosk_app(pilot).community.member(ZOE).badge)
    assert isinstance(pilot.app.screen, ProfileScreen)


async def open_invite(pilot: Pilot[None]) -> None:
    """Zoë, on her profile, taps "Invite a guest…"."""
    await open_zoes_profile(pilot)
    await tap(pilot, "#invite")
    await settle(pilot)
    assert isinstance(pilot.app.screen, InviteScreen)


async def fill_in(pilot: Pilot[None], guest: str, day: str, send_to: str = "") -> None:
    for selector, typed in (("#guest", guest), ("#day", day), ("#send-to", send_to)):
        await replace_text(pilot, selector, typed)
    await pilot.press("enter")  # from the last line: invite
    await settle(pilot)


async def invite_from_profile(pilot: Pilot[None], guest: str, day: str) -> None:
    """Zoë, on her profile, invites `guest` for `day`, and taps Done to come back."""
    await tap(pilot, "#invite")
    await settle(pilot)
    await fill_in(pilot, guest, day)
    await tap(pilot, "#done")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ProfileScreen)


async def test_zoe_invites_a_guest_and_sees_the_code_to_give_them(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        # When Zoë invites Sam for tomorrow from her profile
        await open_invite(pilot)
        await fill_in(pilot, "Sam Guest", "tomorrow")
        # Then the invitation is kept, hers, for tomorrow
        (invitation,) = stored(demo_data, clock).coming_invitations()
        assert (invitation.guest, invitation.member_id) == ("Sam Guest", ZOE)
        assert invitation.day == date(2026, 11, 27)
        # And the screen shows its day, its QR code and its code in letters
        assert "Sam Guest is invited for Friday, 27 November 2026" in shown(pilot)
        assert app.screen.query_one("#invitation-qr", QRCode).data == invitation.code
        assert f"Code {spaced_badge_code(invitation.code)}." in shown(pilot)
        # And Done takes her back to her profile
        await pilot.click("#done")
        assert isinstance(app.screen, ProfileScreen)


async def test_the_code_is_sent_to_the_guest_when_zoe_gives_where(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    with web_hook() as guests_phone:
        app = make_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await open_invite(pilot)
            await fill_in(pilot, "Sam Guest", "today", guests_phone.url)
            assert "The code is on its way to your guest." in shown(pilot)
        (invitation,) = stored(demo_data, clock).coming_invitations()
        deliver(Store.open(demo_data), clock, send, lambda seconds: None)
    (arrived,) = guests_phone.arrived
    assert arrived.title == "You are invited to Makerspace North"
    assert spaced_badge_code(invitation.code) in arrived.message
    assert "Zoë Martin invites you" in arrived.message


async def test_a_day_gone_or_an_address_that_is_none_is_refused_and_nothing_kept(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_invite(pilot)
        await fill_in(pilot, "Sam Guest", "2026-11-01")
        assert any("has passed" in toast for toast in toasts(pilot))
        app.clear_notifications()
        await fill_in(pilot, "Sam Guest", "today", "her phone")
        assert isinstance(app.screen, InviteScreen)
        assert any("not a notification channel" in toast for toast in toasts(pilot))
    # An invitation whose code could not be sent is not made either
    assert stored(demo_data, clock).coming_invitations() == []


async def test_someone_elses_badge_closes_the_invitation(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_invite(pilot)
        await scan_badges(pilot, app.community.member(BJORN).badge)
        assert not any(isinstance(s, (InviteScreen, ProfileScreen)) for s in app.screen_stack)


def guests_listed(pilot: Pilot[None]) -> list[str]:
    """The guests to come as the profile lists them, top to bottom."""
    return [str(line.render()) for line in pilot.app.screen.query(".guest-name").results(Label)]


async def test_a_guest_zoe_invites_is_listed_on_her_profile_soonest_first(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        # Given Zoë invited Ana for Friday 11 December from her profile
        await open_zoes_profile(pilot)
        await invite_from_profile(pilot, "Ana Lima", "2026-12-11")
        assert guests_listed(pilot) == ["Ana Lima · Friday 11 December"]
        # When she invites Sam for tomorrow too
        await invite_from_profile(pilot, "Sam Guest", "tomorrow")
        # Then her profile lists both, the sooner first
        assert guests_listed(pilot) == ["Sam Guest · tomorrow", "Ana Lima · Friday 11 December"]
        # And neither code is on it: a code lets a person in
        for invitation in stored(demo_data, clock).coming_invitations():
            assert invitation.code not in shown(pilot)
            assert spaced_badge_code(invitation.code) not in shown(pilot)


async def test_only_zoes_own_guests_to_come_are_listed(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given Björn invited Kim for today, and Zoë invited Sam, who came, and Ana
    community = stored(demo_data, clock)
    community.invite(BJORN, "Kim Other", TODAY)
    community.admit_invited(community.invite(ZOE, "Sam Guest", TODAY).code)
    community.invite(ZOE, "Ana Lima", TODAY)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # When Zoë opens her profile
        await open_zoes_profile(pilot)
        # Then only her guest still to come is listed
        assert guests_listed(pilot) == ["Ana Lima · today"]
        assert "Kim Other" not in shown(pilot)


async def test_zoe_cancels_a_guest_after_being_asked_and_the_code_lets_nobody_in(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given Zoë invited Sam for today
    code = stored(demo_data, clock).invite(ZOE, "Sam Guest", TODAY).code
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_zoes_profile(pilot)
        assert guests_listed(pilot) == ["Sam Guest · today"]
        # When she taps Cancel… beside Sam, she is asked first, and may keep him invited
        await tap(pilot, ".cancel-guest")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Cancel the invitation of Sam Guest for today?" in shown(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen)
        assert [i.code for i in stored(demo_data, clock).coming_invitations()] == [code]
        # When she taps it again and says yes (Enter)
        await tap(pilot, ".cancel-guest")
        await pilot.press("enter")
        await settle(pilot)
        # Then Sam is gone from her list, and she is told so
        assert isinstance(app.screen, ProfileScreen)
        assert guests_listed(pilot) == []
        assert "Cancelled the invitation of Sam Guest for Thursday, 26 November 2026" in shown(
            pilot
        )
        # And Sam's code, scanned at the door, lets nobody in
        await scan_badges(pilot, code)
        assert any("This invitation was cancelled" in toast for toast in toasts(pilot))
    assert stored(demo_data, clock).guests_of(ZOE) == []


async def test_a_guest_who_comes_meanwhile_leaves_the_list(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given Zoë's profile lists Sam, invited for today
    code = stored(demo_data, clock).invite(ZOE, "Sam Guest", TODAY).code
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_zoes_profile(pilot)
        assert guests_listed(pilot) == ["Sam Guest · today"]
        # When Sam is let in at another kiosk on the same data
        stored(demo_data, clock).admit_invited(code)
        await let_time_pass(pilot, 1)
        # Then he is no longer listed as to come
        assert guests_listed(pilot) == []
