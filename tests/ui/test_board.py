"""The who's-here board follows check-ins made anywhere."""

from __future__ import annotations

from textual.widgets import DataTable

from kiosk.cli import main as kiosk_cli
from screens.board import BoardScreen
from tests.ui.driving import let_time_pass, shown, stored


def names_on(board: DataTable) -> list[str]:
    return [str(board.get_row_at(row)[0]) for row in range(board.row_count)]


async def test_the_board_lists_who_is_here_newest_first(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2")
        assert isinstance(app.screen, BoardScreen)
        board = app.screen.query_one("#board", DataTable)
        assert names_on(board) == [
            "Åsa Lindqvist",
            "Rafał Nowak",
            "Kofi Boateng",
            "Léa Fontaine",
            "Mei Lin Chen",
            "Jürgen Weiß",
            "Ngozi Okafor",
            "María José Pérez",
        ]
        first = [str(cell) for cell in board.get_row_at(0)]
        assert first == ["Åsa Lindqvist", "08:56 · 4 min", "heads-down", "-"]
        assert "8 people on the board, and 1 more not shown." in shown(pilot)


async def test_a_check_in_from_another_process_shows_within_two_seconds(make_app, demo_data):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2")
        assert kiosk_cli(["checkin", "Zoë Martin", "--data", str(demo_data)]) == 0
        await let_time_pass(pilot, 1)
        board = app.screen.query_one("#board", DataTable)
        assert "Zoë Martin" in names_on(board)
        assert "10 here" in shown(pilot)


async def test_members_who_keep_off_the_board_are_counted_but_not_named(make_app, demo_data):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2")
        hidden = app.community.add_member("Quiet Quentin", on_board=False)
        app.community.check_in(hidden.id)
        app.community_changed.publish(None)
        await pilot.pause()
        assert "Quiet Quentin" not in names_on(app.screen.query_one("#board", DataTable))
        assert "8 people on the board, and 2 more not shown." in shown(pilot)
        assert "10 here" in shown(pilot)


async def test_escape_goes_back_home(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2", "escape")
        assert not isinstance(app.screen, BoardScreen)


async def test_a_very_long_name_is_shortened_and_every_column_still_fits(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        long = app.community.add_member("Wolfeschlegelsteinhausenbergerdorff " * 2)
        app.community.check_in(long.id)
        await pilot.press("f2")
        board = app.screen.query_one("#board", DataTable)
        name = str(board.get_row_at(0)[0])
        assert name.startswith("Wolfeschlegel") and name.endswith("…")
        assert sum(column.get_render_width(board) for column in board.columns.values()) <= 78


async def test_a_change_keeps_the_board_where_it_was_scrolled(make_app, demo_data):
    community = stored(demo_data)
    for member in community.members():
        if community.visit_of(member.id) is None:
            community.check_in(member.id)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        board = app.screen.query_one("#board", DataTable)
        await pilot.click("#board")
        await pilot.press("pagedown")
        scrolled = board.scroll_y
        assert scrolled > 0
        app.community.update_visit("m00demo", "heads-down", ())
        app.community_changed.publish(None)
        await pilot.pause()
        assert board.scroll_y == scrolled
        app.community.check_out("m01demo")
        app.community_changed.publish(None)
        await pilot.pause()
        assert board.scroll_y > 0
        assert "María José Pérez" not in names_on(board)
        assert len(names_on(board)) == 28


async def test_with_hundreds_here_a_check_in_adds_one_row_and_rebuilds_none(
    make_app, demo_data, clock
):
    community = stored(demo_data)
    community.clock = clock
    for number in range(300):
        community.check_in(community.add_member(f"Member {number:03}").id)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2")
        board = app.screen.query_one("#board", DataTable)
        assert board.row_count == 308
        untouched = board.get_cell("m01demo", "name")
        clock.advance(minutes=1)
        app.community.check_in("m02demo")
        app.community_changed.publish(None)
        await pilot.pause()
        assert board.row_count == 309
        assert names_on(board)[0] == "Björn Andersson"  # the newest first
        assert board.get_cell("m01demo", "name") is untouched
