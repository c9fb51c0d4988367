"""Safety in the host console: a member's inductions added and removed from their card by
the rules of `kiosk inductions`, the keyholder role toggled there, and the agreements tab
naming who has not accepted the current version of each."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Checkbox, Input

from kiosk.models.agreements import Acceptance
from kiosk.safety.inductions import Inductions
from screens.confirm import ConfirmScreen
from screens.host.inductions import InductionsScreen
from screens.host.member_card import MemberCard
from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp
from tests.ui.driving import settle, showing, shown, stored, toasts, type_text
from tests.ui.hosting import open_console
from tests.ui.test_agreements import house_rules
from tests.ui.test_host_members import open_member, press_button

ZOE, JURGEN, KOFI = "m00demo", "m09demo", "m29demo"
"""Zoë is inducted on the 3D printers and the laser cutter; Jürgen inducts on the laser
cutter; Kofi on nothing."""


def inductions_of(data: Path, clock: FakeClock, member_id: str) -> list[tuple[str, str, object]]:
    """The member's inductions as stored: (tool, by, last day)."""
    found = Inductions(stored(data, clock).store).inductions(member_id)
    return [(i.tool, i.by_id, i.expires) for i in found]


async def open_inductions(pilot: Pilot[None], typed: str) -> None:
    await open_member(pilot, typed)
    await press_button(pilot, "#inductions")
    assert isinstance(pilot.app.screen, InductionsScreen)


async def fill_in(pilot: Pilot[None], tool: str, by: str, last_day: str = "") -> None:
    """Type the form's three fields, Enter after each, as a host would."""
    for typed in (tool, by, last_day):
        await type_text(pilot, typed)
        await pilot.press("enter")
        await settle(pilot)


async def test_the_host_inducts_a_member_from_their_card(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # Given Kofi's card, with no inductions yet
        await open_inductions(pilot, "kofi")
        assert "is not inducted on anything yet." in shown(pilot)
        # When the host records Jürgen inducted him on the laser cutter until the end of 2027
        await fill_in(pilot, "laser CUTTER", "Jürgen Weiß", "31 December 2027")
        # Then it is kept, and listed with whom and until when
        assert inductions_of(demo_data, clock, KOFI) == [
            ("laser CUTTER", JURGEN, date(2027, 12, 31))
        ]
        assert (
            "Kofi Boateng is inducted on laser CUTTER by Jürgen Weiß, until Friday, 31 "
            "December 2027." in shown(pilot)
        )
        table = str(app.screen.query_one("#induction-table").render_line(1).text)
        assert "laser CUTTER" in table and "Jürgen Weiß" in table and "31 Dec 2027" in table


async def test_the_console_keeps_the_rules_of_the_command_line(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_inductions(pilot, "kofi")
        # When the host says Kofi inducted himself
        await fill_in(pilot, "Lathe", "Kofi Boateng")
        # Then it is refused, as the command line refuses it, and nothing is kept
        assert "Kofi Boateng cannot induct themselves" in "".join(toasts(pilot))
        # and so are a last day already past, and a name nobody has
        app.clear_notifications()
        app.screen.query_one("#induction-by", Input).value = "Jürgen Weiß"
        app.screen.query_one("#induction-expires", Input).value = "1 January 2026"
        await press_button(pilot, "#add-induction")
        assert "Thursday, 1 January 2026 has passed" in "".join(toasts(pilot))
        app.clear_notifications()
        app.screen.query_one("#induction-by", Input).value = "Nobody Atall"
        await press_button(pilot, "#add-induction")
        assert "No member has the id or the name 'Nobody Atall'." in "".join(toasts(pilot))
    assert inductions_of(demo_data, clock, KOFI) == []


async def test_a_renewal_is_asked_before_it_replaces_the_induction(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # Given Zoë, inducted on the laser cutter by Jürgen, not expiring
        await open_inductions(pilot, "zoe")
        # When the host records a laser cutter induction again, until a day, and cancels
        await fill_in(pilot, "Laser cutter", "Jürgen Weiß", "1 June 2027")
        assert showing(app.screen, ConfirmScreen)
        assert "Zoë Martin is already inducted on Laser cutter." in shown(pilot)
        await pilot.press("escape")
        await settle(pilot)
        # Then the one before stays
        assert ("Laser cutter", JURGEN, None) in inductions_of(demo_data, clock, ZOE)
        # When they do it again and replace it
        await press_button(pilot, "#add-induction")
        await pilot.press("enter")
        await settle(pilot)
        # Then the new one is the only laser cutter induction she has
        assert [i for i in inductions_of(demo_data, clock, ZOE) if i[0] == "Laser cutter"] == [
            ("Laser cutter", JURGEN, date(2027, 6, 1))
        ]


async def test_the_host_removes_an_induction_after_saying_so(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # Given Zoë's inductions: the 3D printers first, then the laser cutter
        await open_inductions(pilot, "zoe")
        # When the host picks the laser cutter one and presses Enter
        app.screen.query_one("#induction-table").focus()
        await pilot.press("down", "enter")
        await settle(pilot)
        # Then they are asked first; saying no keeps it
        assert showing(app.screen, ConfirmScreen)
        assert "Remove Zoë Martin's induction on Laser cutter?" in shown(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert len(inductions_of(demo_data, clock, ZOE)) == 2
        # and saying yes removes that one only
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert [i[0] for i in inductions_of(demo_data, clock, ZOE)] == ["3D printers"]
        assert "Removed Zoë Martin's induction on Laser cutter." in shown(pilot)


async def test_the_card_shows_what_a_member_may_induct_others_on(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_inductions(pilot, "jurgen")
        assert "May induct others on: Laser cutter." in shown(pilot)


async def test_the_host_makes_a_member_a_keyholder_and_back(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        # Given Kofi, who holds no key
        assert not stored(demo_data, clock).member(KOFI).keyholder
        # When the host ticks the keyholder box on his card and saves
        await open_member(pilot, "kofi")
        keyholder = app.screen.query_one("#keyholder", Checkbox)
        assert not keyholder.value
        keyholder.value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        # Then he is a keyholder
        assert stored(demo_data, clock).member(KOFI).keyholder
        # When the host unticks it again
        await open_member_again(pilot, "kofi")
        keyholder = app.screen.query_one("#keyholder", Checkbox)
        assert keyholder.value
        keyholder.value = False
        await pilot.press("ctrl+s")
        await settle(pilot)
        # Then he holds no key any more
        assert not stored(demo_data, clock).member(KOFI).keyholder


async def open_member_again(pilot: Pilot[None], typed: str) -> None:
    """From the members tab, where saving a card leaves the host."""
    search = pilot.app.screen.query_one("#member-search", Input)
    search.value = typed
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert showing(pilot.app.screen, MemberCard)


async def test_the_agreements_tab_names_who_has_not_accepted_the_current_version(
    make_app: MakeApp, demo_data: Path, clock: FakeClock, tmp_path: Path
) -> None:
    # Given house rules at version 2, which Zoë accepted and Kofi accepted at version 1 only
    rules = house_rules(tmp_path, version="2")
    community = stored(demo_data, clock)
    community.store.add_acceptances(
        [
            Acceptance(ZOE, "House rules", "2", clock()),
            Acceptance(KOFI, "House rules", "1", clock()),
        ]
    )
    # and Camille's membership paused
    community.set_active(community.find("Camille Laurent").id, False)
    app = make_app(agreements=(rules,))
    async with app.run_test(size=(100, 30)) as pilot:
        # When the host opens the agreements tab
        await open_console(pilot, "f8")
        await settle(pilot)
        # Then the rules are named with their version, and the active members who have
        # not accepted version 2: Kofi among them, Zoë and the paused Camille not
        text = shown(pilot)
        assert "House rules, version 2" in text
        waiting = text.split("Not accepted yet by ")[1].splitlines()
        active = [m for m in stored(demo_data, clock).members() if m.active]
        assert waiting[0] == f"{len(active) - 1} active members:"
        names = [line.removeprefix("· ") for line in waiting[1:] if line.startswith("· ")]
        assert "Kofi Boateng" in names
        assert "Zoë Martin" not in names and "Camille Laurent" not in names


async def test_the_agreements_tab_says_how_to_add_agreements_where_there_are_none(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_console(pilot, "f8")
        await settle(pilot)
        assert "The config names no agreements." in shown(pilot)
