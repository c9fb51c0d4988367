"""The who's-here board follows check-ins made anywhere."""

from __future__ import annotations

from textual.widgets import DataTable

from kiosk.cli import main as kiosk_cli
from screens.board import BoardScreen
from tests.ui.driving import settle, shown


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
        assert first == ["Åsa Lindqvist", "since 08:56 · 4 min", "heads-down", "-"]
        assert "8 people on the board, and 1 more not shown." in shown(pilot)


async def test_a_check_in_from_another_process_shows_within_two_seconds(make_app, demo_data):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2")
        assert kiosk_cli(["checkin", "Zoë Martin", "--data", str(demo_data)]) == 0
        await pilot.pause(2.0)
        await settle(pilot)
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
        assert name.startswith("Wolfeschlegelsteinh") and name.endswith("…")
        assert len(name) == 20
        assert sum(column.get_render_width(board) for column in board.columns.values()) <= 78
