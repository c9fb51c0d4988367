"""The host's board: everyone here, incognito members and guests marked, counted against
the space's capacity; sorted, filtered, and checked out one by one or all at once."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widgets import DataTable

from screens.confirm import ConfirmScreen
from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp
from tests.ui.driving import settle, showing, shown, stored, type_text
from tests.ui.hosting import open_console


def names_on_board(pilot: Pilot[None]) -> list[str]:
    table = pilot.app.screen.query_one("#here-table", DataTable)
    return [str(table.get_row_at(row)[0]) for row in range(table.row_count)]


def row_of(pilot: Pilot[None], name: str) -> list[str]:
    table = pilot.app.screen.query_one("#here-table", DataTable)
    for row in range(table.row_count):
        cells = [str(cell) for cell in table.get_row_at(row)]
        if cells[0] == name:
            return cells
    raise AssertionError(f"{name} is not on the board")


async def test_everyone_here_is_on_the_hosts_board_incognito_and_guests_marked(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given Zoë checked in incognito, beside the demo's eight members and Jürgen's guest
    community = stored(demo_data, clock)
    community.clock = clock
    zoe = community.find("Zoë Martin")
    community.check_in(zoe.id, "incognito")
    everyone = community.here_count()
    app = make_app(capacity=40)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_console(pilot)
        # Then each of them has a row, Zoë's and the guest's saying how they are here
        assert len(names_on_board(pilot)) == everyone == 10
        assert row_of(pilot, "Zoë Martin")[2] == "incognito · counted only"
        assert row_of(pilot, "Sam Okoro")[2] == "guest of Jürgen Weiß"
        # And the count is against the space's capacity
        assert f"{everyone} of 40 here · 1 guest · 1 incognito" in shown(pilot)


async def test_the_head_count_counts_a_member_here_incognito_on_host_screens_only(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given Zoë here incognito, beside the demo's nine people
    stored(demo_data, clock).check_in("m00demo", "incognito")
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        # Then home counts the nine the public may count
        assert "· 9 here" in shown(pilot)
        # And the host console all ten
        await open_console(pilot)
        assert "· 10 here" in shown(pilot)


async def test_the_board_sorts_by_name_and_filters_as_the_host_types(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    community = stored(demo_data, clock)
    newest_first = [p.visit.guest or p.member.name for p in community.present_for_hosts()]
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await open_console(pilot)
        assert names_on_board(pilot) == newest_first
        await pilot.press("ctrl+s")
        # A to Z, accents aside
        assert names_on_board(pilot) == [
            "Åsa Lindqvist",
            "Jürgen Weiß",
            "Kofi Boateng",
            "Léa Fontaine",
            "María José Pérez",
            "Mei Lin Chen",
            "Ngozi Okafor",
            "Rafał Nowak",
            "Sam Okoro",
        ]
        # Typing on the board filters it, by name or by what is typed in a row
        await type_text(pilot, "guest")
        assert names_on_board(pilot) == ["Sam Okoro"]
        await pilot.press(*["backspace"] * 5)
        await type_text(pilot, "heads")
        heads_down = [p.member.name for p in community.present() if p.visit.status == "heads-down"]
        assert sorted(names_on_board(pilot)) == sorted(heads_down)


async def test_the_host_checks_out_one_person_with_their_guests(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await open_console(pilot)
        # When the host finds Jürgen (his guest is found with him) and presses Enter on his row
        await type_text(pilot, "jurgen")
        await pilot.press("enter")  # from the filter to the board
        assert names_on_board(pilot) == ["Sam Okoro", "Jürgen Weiß"]
        await pilot.press("down", "enter")
        await settle(pilot)
        # Then the host is asked first, naming his guest, and nobody has left yet
        assert isinstance(app.screen, ConfirmScreen)
        assert "Check out Jürgen Weiß, with the guest they signed in (Sam Okoro)?" in shown(pilot)
        assert stored(demo_data, clock).here_count() == 9
        # And once the host says so (Enter: the dialog's button for one person)
        await pilot.press("enter")
        await settle(pilot)
    # Then he is checked out, and Sam, his guest, leaves with him
    community = stored(demo_data, clock)
    jurgen = community.find("Jürgen Weiß")
    assert community.visit_of(jurgen.id) is None
    assert community.guests_of(jurgen.id) == []
    assert community.here_count() == 7


async def test_a_guest_can_be_checked_out_alone(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await open_console(pilot)
        await type_text(pilot, "sam")
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert "Check out Sam Okoro?" in shown(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "Sam Okoro" not in names_on_board(pilot)
    community = stored(demo_data, clock)
    jurgen = community.find("Jürgen Weiß")
    assert community.guests_of(jurgen.id) == []
    assert community.visit_of(jurgen.id) is not None


async def test_checking_everyone_out_asks_first(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await open_console(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "Check out all 9 people here now?" in shown(pilot)
        # Escape leaves everyone here
        await pilot.press("escape")
        await settle(pilot)
        assert stored(demo_data, clock).here_count() == 9
        # Enter on the dialog is Cancel: a second Enter never empties the room
        await pilot.press("ctrl+o")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert not showing(app.screen, ConfirmScreen)
        assert stored(demo_data, clock).here_count() == 9
        # Choosing the button itself checks everyone out
        await pilot.press("ctrl+o")
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        assert names_on_board(pilot) == []
    assert stored(demo_data, clock).here_count() == 0


async def test_escape_on_the_question_leaves_the_person_here(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await open_console(pilot)
        await type_text(pilot, "asa")
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert "Check out Åsa Lindqvist?" in shown(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert "Åsa Lindqvist" in names_on_board(pilot)
    assert stored(demo_data, clock).here_count() == 9


async def test_keys_in_a_burst_ask_to_check_out_the_person_they_reach(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await open_console(pilot)
        third = names_on_board(pilot)[2]
        # When a quick host presses ↓ ↓ ⏎ all at once
        for key in ("down", "down", "enter"):
            app.post_message(events.Key(key, None))
        await pilot.pause()
        await settle(pilot)
        # Then the question is about the third person, where the keys led
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.question.startswith(f"Check out {third}")
