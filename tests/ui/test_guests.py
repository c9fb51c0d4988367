"""A member who is here signs in a guest at the kiosk: a name, nothing else."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from screens.guest import GuestScreen
from screens.home import HomeScreen
from screens.member import MemberScreen
from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp
from tests.ui.driving import settle, shown, stored, toasts, type_text


async def open_maria(pilot: Pilot[None]) -> None:
    """María José, who is here since this morning, opens her screen."""
    await type_text(pilot, "maria")
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, MemberScreen)


def guests_of(data_dir: Path, member_id: str, clock: FakeClock) -> list[str]:
    community = stored(data_dir, clock)
    return [visit.guest for visit in community.guests_of(member_id) if visit.guest]


async def test_a_member_here_signs_in_a_guest_who_shows_on_the_board(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_maria(pilot)
        await pilot.press("ctrl+g")
        assert isinstance(app.screen, GuestScreen)
        assert "A guest of María José Pérez" in shown(pilot)
        await type_text(pilot, "Tomás Ruiz")
        await pilot.press("enter")
        await settle(pilot)

        assert isinstance(app.screen, HomeScreen)
        assert toasts(pilot) == [
            "Guest signed in\nWelcome! Your guest shows on the board as “guest of María”."
        ]
        assert guests_of(demo_data, "m01demo", clock) == ["Tomás Ruiz"]
        # Home counts both guests as guests, who are on the board, not as members who
        # keep off it (the demo has no such member)
        here = str(app.screen.query_one("#here").render())
        assert here.splitlines()[-1] == "+ 2 guests (F2)"
        assert "not on the board" not in here
        await pilot.press("f2")
        await settle(pilot)
        guests = [str(w.render()) for w in app.screen.query(".card") if "Guests" in str(w.render())]
        # As she was told, and never by the guest's own name
        assert guests == ["Guests\nguest of Jürgen\nguest of María"]
        assert "Tomás" not in shown(pilot)


async def test_a_tap_on_the_button_does_the_same(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_maria(pilot)
        await pilot.click("#guest")
        await type_text(pilot, "Tomás")
        await pilot.click("#sign-in")
        await settle(pilot)
        assert guests_of(demo_data, "m01demo", clock) == ["Tomás"]


async def test_a_guest_needs_a_name_and_escape_signs_in_nobody(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_maria(pilot)
        await pilot.press("ctrl+g")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, GuestScreen)
        assert toasts(pilot) == ["Sorry\nPlease enter the guest's name."]
        await pilot.press("escape")
        assert isinstance(app.screen, MemberScreen)
        assert guests_of(demo_data, "m01demo", clock) == []


async def test_only_a_member_who_is_here_can_bring_a_guest(
    make_app: MakeApp, demo_data: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "zoe")
        await pilot.press("enter")
        await settle(pilot)
        assert not app.screen.query("#guest")
        await pilot.press("ctrl+g")
        assert isinstance(app.screen, MemberScreen)
        assert "Bring a guest" not in shown(pilot)
