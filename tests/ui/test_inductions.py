"""Tool inductions at the kiosk: an inductor here is a reason to meet for a member looking
for an induction, the board names who can supervise each tool (never someone incognito or
off the board), and a member's profile lists their inductions and what expires soon."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from kiosk.exchange.wall import wall_view
from screens.board import BoardScreen
from screens.profile import ProfileScreen
from screens.ticks import TickList
from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp
from tests.ui.driving import settle, showing, shown, stored
from tests.ui.test_profile import ask_for_zoes_profile, open_member, type_pin
from tests.ui.test_welcome import check_in

TOMAS, BJORN, HIROSHI, KOFI = "m15demo", "m02demo", "m05demo", "m29demo"
"""Tomás is looking for a laser cutter induction; Björn inducts on the table saw, Hiroshi
on the 3D printers; none of them is here this morning. Kofi looks for no induction."""


async def test_an_inductor_here_is_the_first_reason_to_meet(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # Given Jürgen, who inducts on the laser cutter, here this morning
        # When Tomás, looking for a laser cutter induction, checks in
        await check_in(pilot, "tomas ruiz")
        # Then Jürgen comes first, and why
        people = shown(pilot).split("People here you might connect with\n")[1].splitlines()
        assert people[0] == (
            "Jürgen Weiß (he/him)  inducts on Laser cutter (you're looking for an induction)"
        )


async def test_a_typed_name_does_not_tell_what_a_member_keeps_for_hosts(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given Tomás keeps what he is looking for to hosts
    stored(demo_data, clock).edit_member(TOMAS, hosts_only=["looking_for"])
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # When someone types his name
        await check_in(pilot, "tomas ruiz")
        # Then no reason says what he looks for
        assert "inducts on" not in shown(pilot)


async def test_the_board_names_who_can_supervise_but_nobody_incognito_or_off_the_board(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given Björn (table saw) here incognito, Hiroshi (3D printers) here off the board
    community = stored(demo_data, clock)
    community.check_in(BJORN, status="incognito")
    community.edit_member(HIROSHI, on_board=False)
    community.check_in(HIROSHI)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        # When the board is opened
        await pilot.press("f2")
        await settle(pilot)
        assert showing(app.screen, BoardScreen)
        # Then each tool names the inductors here the board may name, and only them
        cards = [str(card.render()) for card in app.screen.query(".card")]
        (card,) = [card for card in cards if card.startswith("Can supervise or induct\n")]
        assert card.splitlines()[1:] == ["Laser cutter: Jürgen Weiß", "Table saw: Rafał Nowak"]
    # and the wall board says the same
    wall = wall_view(stored(demo_data, clock))
    assert [(s.tool, [m.name for m in s.members]) for s in wall.supervisors] == [
        ("Laser cutter", ["Jürgen Weiß"]),
        ("Table saw", ["Rafał Nowak"]),
    ]


async def test_a_member_sees_their_inductions_and_what_expires_soon(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    stored(demo_data, clock).set_pin("m00demo", "tiny-chairs")
    # Given Zoë's 3D printer induction ends in 20 days, her laser cutter one never
    clock.advance(days=6)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        # When she opens her profile
        await ask_for_zoes_profile(pilot)
        await type_pin(pilot, "tiny-chairs")
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen)
        # Then both are listed, and the one ending within 30 days says when
        text = shown(pilot)
        assert "My inductions\n" in text
        assert "3D printers · expires in 14 days\nLaser cutter" in text


async def test_a_tick_on_a_members_screen_asks_for_an_induction_and_meets_an_inductor(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given Kofi, who would like a hand with home automation, with a PIN, gone home
    community = stored(demo_data, clock)
    assert community.member(KOFI).looking_for == ("home automation",)
    community.set_pin(KOFI, "tiny-chairs")
    community.check_out(KOFI)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        # When he opens his profile, ticks "Table saw" and saves
        await open_member(pilot, "kofi")
        await pilot.press("f6")
        await type_pin(pilot, "tiny-chairs")
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen)
        wanted = app.screen.query_one("#wanted-inductions", TickList)
        offered = [str(wanted.get_option_at_index(i).prompt) for i in range(wanted.option_count)]
        assert offered == ["3D printers", "Laser cutter", "Table saw"]
        assert wanted.selected == []
        wanted.select("Table saw")
        await pilot.press("ctrl+s")
        await settle(pilot)
        # Then it is kept with what he'd like a hand with
        looking_for = stored(demo_data, clock).member(KOFI).looking_for
        assert looking_for == ("home automation", "Table saw induction")
        await pilot.press("escape")
        await settle(pilot)
        app.go_home()
        await settle(pilot)
        # and when he checks in, Rafał, who inducts on the table saw and is here, comes first
        await check_in(pilot, "kofi")
        people = shown(pilot).split("Checked in at 09:00 · open to chat\n")[1].splitlines()
        assert people[0] == (
            "Rafał Nowak (he/him)  inducts on Table saw (you're looking for an induction)"
        )


async def test_unticking_an_induction_stops_asking_for_it(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given Tomás, looking for a laser cutter induction and for help with soldering
    community = stored(demo_data, clock)
    community.edit_member(TOMAS, looking_for=["laser cutter induction", "soldering"])
    community.set_pin(TOMAS, "tiny-chairs")
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        # When he opens his profile, finds "Laser cutter" ticked, and unticks it
        await open_member(pilot, "tomas ruiz")
        await pilot.press("f6")
        await type_pin(pilot, "tiny-chairs")
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen)
        wanted = app.screen.query_one("#wanted-inductions", TickList)
        assert wanted.selected == ["Laser cutter"]
        wanted.deselect("Laser cutter")
        await pilot.press("ctrl+s")
        await settle(pilot)
        # Then only the soldering is kept, on the screen as in the store
        assert stored(demo_data, clock).member(TOMAS).looking_for == ("soldering",)
        looking_for = app.screen.query_one("#field-looking_for", Input).value
        assert looking_for == "soldering"
