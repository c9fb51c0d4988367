"""A badge scan checks its member in, or out, on whatever screen is in front, and says so;
what anyone was typing there stays as it was."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import Input, Label, TextArea

from screens.composer import ComposeScreen
from screens.confirmation import CheckedInScreen, CheckedOutScreen
from screens.home import HomeScreen
from screens.kiosk_screen import KioskScreen
from screens.member import MemberScreen
from screens.register import RegisterScreen
from screens.scanner import BadgeScanned
from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp
from tests.ui.driving import scan_badges, settle, showing, shown, stored, toasts, type_text

ZOE = "m00demo"
"""Zoë Martin, not here yet; her usual topics are 3D printing and design."""
MARIA = "m01demo"
"""María José Pérez, here since this morning."""
KOFI = "m29demo"
"""Kofi Boateng, here."""


def badge(data: Path, member_id: str) -> str:
    return stored(data, FakeClock()).member(member_id).badge


async def test_a_scan_on_home_checks_in_as_usual_and_welcomes(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await scan_badges(pilot, badge(demo_data, ZOE))

        assert isinstance(app.screen, CheckedInScreen)
        assert "Welcome back, Zoë!" in shown(pilot)
        visit = stored(demo_data, clock).visit_of(ZOE)
        assert visit is not None
        assert (visit.status, visit.topics) == ("open", ("3D printing", "design"))
        # Under the welcome, home is as the next person should find it.
        assert app.home.search_box.value == ""


async def test_a_scan_of_someone_here_checks_them_out(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await scan_badges(pilot, badge(demo_data, MARIA))

        assert isinstance(app.screen, CheckedOutScreen)
        assert "See you soon, María!" in shown(pilot)
        assert stored(demo_data, clock).visit_of(MARIA) is None


async def test_a_scan_while_a_name_is_half_typed_on_home_checks_in_and_types_nothing(
    make_app: MakeApp,
    demo_data: Path,
    clock: FakeClock,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "ngo")
        await scan_badges(pilot, badge(demo_data, ZOE))

        assert isinstance(app.screen, CheckedInScreen)
        assert stored(demo_data, clock).visit_of(ZOE) is not None
        assert badge(demo_data, ZOE) not in app.home.search_box.value


async def test_a_scan_on_the_member_screen_checks_in_as_enter_would(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "zoe")
        await pilot.press("enter")
        assert isinstance(app.screen, MemberScreen)
        await scan_badges(pilot, badge(demo_data, ZOE))

        assert showing(app.screen, CheckedInScreen)
        assert "Welcome back, Zoë!" in shown(pilot)
        assert stored(demo_data, clock).visit_of(ZOE) is not None
        assert len(app.screen_stack) == 2  # home, and the welcome over it


async def test_a_scan_on_someone_s_welcome_welcomes_the_next_person(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "zoe")
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert "Welcome back, Zoë!" in shown(pilot)
        await scan_badges(pilot, badge(demo_data, KOFI))

        assert isinstance(app.screen, CheckedOutScreen)
        assert "See you soon, Kofi!" in shown(pilot)
        community = stored(demo_data, clock)
        assert community.visit_of(ZOE) is not None
        assert community.visit_of(KOFI) is None


async def test_a_scan_on_a_half_filled_register_form_keeps_it_and_says_who_came_in(
    make_app: MakeApp,
    demo_data: Path,
    clock: FakeClock,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("f4")
        await type_text(pilot, "Ada Lov")
        await scan_badges(pilot, badge(demo_data, ZOE))

        assert isinstance(app.screen, RegisterScreen)
        name_box = app.screen.query_one("#name", Input)
        assert (name_box.value, name_box.cursor_position) == ("Ada Lov", 7)
        assert app.focused is name_box
        assert toasts(pilot) == ["Badge scanned\nWelcome, Zoë! You are checked in."]
        assert stored(demo_data, clock).visit_of(ZOE) is not None
        # The form goes on where it was.
        await type_text(pilot, "elace")
        assert name_box.value == "Ada Lovelace"


async def test_a_scan_while_writing_a_shout_out_keeps_the_message(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await type_text(pilot, "bjorn")
        await pilot.press("enter")
        await pilot.click("#shoutout")
        assert isinstance(app.screen, ComposeScreen)
        await type_text(pilot, "Thanks for")
        await scan_badges(pilot, badge(demo_data, KOFI))

        assert isinstance(app.screen, ComposeScreen)
        assert app.screen.query_one("#text", TextArea).text == "Thanks for"
        assert toasts(pilot) == ["Badge scanned\nSee you soon, Kofi! You are checked out."]
        assert stored(demo_data, clock).visit_of(KOFI) is None


async def test_scanners_ending_with_tab_or_a_line_feed_check_in_too(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await scan_badges(pilot, badge(demo_data, ZOE), end="tab")
        assert isinstance(app.screen, CheckedInScreen)
        await pilot.press("enter")  # Done
        await scan_badges(pilot, badge(demo_data, KOFI), end="ctrl+j")
        assert isinstance(app.screen, CheckedOutScreen)
        community = stored(demo_data, clock)
        assert community.visit_of(ZOE) is not None
        assert community.visit_of(KOFI) is None


async def test_a_code_typed_by_hand_in_the_search_checks_in(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # A scan that came as slowly as typing (a busy machine) reaches the search box whole.
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, badge(demo_data, ZOE).lower())
        await pilot.press("enter")
        await settle(pilot)

        assert isinstance(app.screen, CheckedInScreen)
        assert stored(demo_data, clock).visit_of(ZOE) is not None


async def test_a_scan_on_the_board_or_the_wall_welcomes_and_home_comes_back(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        for key, member_id in (("f2", ZOE), ("f3", KOFI)):
            await pilot.press(key)
            await scan_badges(pilot, badge(demo_data, member_id))
            assert isinstance(app.screen, CheckedInScreen | CheckedOutScreen)
            await pilot.press("enter")  # Done
            assert isinstance(app.screen, HomeScreen)
        community = stored(demo_data, clock)
        assert community.visit_of(ZOE) is not None
        assert community.visit_of(KOFI) is None


class ProveWhoYouAre(KioskScreen):
    """A screen that gives a scan its own meaning: the badge proves who is at the kiosk."""

    def compose_body(self) -> ComposeResult:
        yield Label("Scan your badge to open your profile.", id="ask")

    def on_badge_scanned(self, scanned: BadgeScanned) -> None:
        scanned.stop()  # taken here: nobody is checked in or out
        member = self.app.community.by_badge(scanned.code)
        self.query_one("#ask", Label).update(f"Hello, {member.first_name if member else '?'}")


async def test_a_screen_may_take_a_scan_for_itself(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(ProveWhoYouAre())
        await scan_badges(pilot, badge(demo_data, ZOE))

        assert isinstance(app.screen, ProveWhoYouAre)
        assert "Hello, Zoë" in shown(pilot)
        assert stored(demo_data, clock).visit_of(ZOE) is None
