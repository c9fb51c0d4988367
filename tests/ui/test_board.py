"""The who's-here board follows check-ins made anywhere."""

from __future__ import annotations

from datetime import UTC

from textual.app import App, ComposeResult
from textual.content import Content

from kiosk.cli import main as kiosk_cli
from kiosk.gathering import gather
from screens.board import BoardScreen
from screens.board_table import BoardTable
from screens.gathering_lines import topic_lines
from screens.masthead import Masthead
from screens.starter_lines import StarterLines
from tests.conftest import FakeClock
from tests.core.test_gathering import NOW, here
from tests.ui.driving import everyone_here, let_time_pass, shown, stored


def names_on(board: BoardTable) -> list[str]:
    """The names on the board, top to bottom (without what is celebrated under them)."""
    return [str(board.row(key)[0]).split("\n")[0] for key in board.keys]


async def test_the_board_lists_who_is_here_newest_first(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2")
        assert isinstance(app.screen, BoardScreen)
        board = app.screen.query_one("#board", BoardTable)
        assert names_on(board) == [
            "Åsa Lindqvist",
            "Rafał Nowak",
            "Kofi Boateng",
            "Léa Fontaine",
            "Mei Lin Chen",
            "guest of Jürgen",
            "Jürgen Weiß",
            "Ngozi Okafor",
            "María José Pérez",
        ]
        first = [str(cell) for cell in board.row(board.keys[0])]
        assert first == ["Åsa Lindqvist", "08:56 · 4 min", "heads-down", "-"]
        # A guest is shown as their host was told, never by their own name.
        guest = [str(cell) for cell in board.row(board.keys[5])]
        assert guest == ["guest of Jürgen", "08:05 · 55 min", "guest", "-"]
        assert "Sam Okoro" not in shown(pilot)
        assert "9 people on the board." in shown(pilot)


async def test_a_check_in_from_another_process_shows_within_two_seconds(make_app, demo_data):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2")
        assert kiosk_cli(["checkin", "Zoë Martin", "--data", str(demo_data)]) == 0
        await let_time_pass(pilot, 1)
        board = app.screen.query_one("#board", BoardTable)
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
        assert "Quiet Quentin" not in names_on(app.screen.query_one("#board", BoardTable))
        assert "9 people on the board, and 1 more not shown." in shown(pilot)
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
        board = app.screen.query_one("#board", BoardTable)
        name, badge = str(board.row(board.keys[0])[0]).split("\n")
        assert name.startswith("Wolfeschlegel") and name.endswith("…")
        assert badge == "new here, say hi"  # joined today
        assert sum(width + 2 for width in board.widths) <= 78  # each with a cell either side
        drawn = [str(board.render_line(y).text) for y in range(3)]
        assert drawn[1].startswith(" Wolfeschlegel") and drawn[2].startswith(" new here, say hi")


async def test_a_change_keeps_the_board_where_it_was_scrolled(
    make_app, demo_data, clock: FakeClock
):
    community = stored(demo_data, clock)
    for member in community.members():
        if community.visit_of(member.id) is None:
            community.check_in(member.id)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        board = app.screen.query_one("#board", BoardTable)
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
        assert len(names_on(board)) == 29  # with Jürgen's guest


async def test_with_hundreds_here_a_check_in_adds_one_row_and_rebuilds_none(
    make_app, demo_data, clock
):
    community = stored(demo_data, clock)
    community.clock = clock
    for number in range(300):
        community.check_in(community.add_member(f"Member {number:03}").id)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2")
        board = app.screen.query_one("#board", BoardTable)
        assert board.row_count == 309  # and Jürgen's guest
        untouched = board.row("m01demo")[0]
        clock.advance(minutes=1)
        app.community.check_in("m02demo")
        app.community_changed.publish(None)
        await pilot.pause()
        assert board.row_count == 310
        assert names_on(board)[0] == "Björn Andersson"  # the newest first
        assert board.row("m01demo")[0] is untouched


def panel(pilot, name: str) -> list[str]:
    """The lines of one box of conversation starters beside the table."""
    return pilot.app.screen.query_one(f"#{name}-panel", StarterLines).text.splitlines()


async def test_the_board_gathers_who_is_here_by_what_they_are_open_to_chatting_about(make_app):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("f2")
        topics = panel(pilot, "topics")
        # Jürgen and Rafał offer woodworking today, and Jürgen is happy to mentor in it;
        # Kofi came for the first time this morning.
        assert "woodworking: Jürgen (mentor) · Rafał" in topics
        assert "electronics: Jürgen · Kofi (new here)" in topics
        assert topics.index("woodworking: Jürgen (mentor) · Rafał") < topics.index("data: Mei")
        # Heads-down members are listed, without their topics.
        assert topics[-1] == "heads-down: Åsa, Ngozi"
        assert not any("music" in line or "field recording" in line for line in topics)
        # Those here who could use a hand, and this week's answers, those here first.
        assert panel(pilot, "hands") == ["Kofi: home automation", "Mei: electronics"]
        answers = panel(pilot, "answers")
        assert answers[0] == "What are you making this week?"
        assert answers[1].startswith("Jürgen Weiß · here: A walnut box")
        assert answers[-1] == "Siobhán O'Connor: Chapter nine, finally"
        # Milestones under the names: Kofi's first visit, Mei Lin's tenth.
        board = app.screen.query_one("#board", BoardTable)
        assert str(board.row("m29demo")[0]) == "Kofi Boateng\nnew here, say hi"
        assert str(board.row("m17demo")[0]) == "Mei Lin Chen\n10th visit"


async def test_what_a_member_keeps_for_hosts_is_never_on_the_board(
    make_app, demo_data, clock: FakeClock
):
    community = stored(demo_data, clock)
    pat = community.add_member(
        "Pat Private", ("knitting",), looking_for=["a bookbinder"], mentor=["knitting"]
    )
    community.edit_member(pat.id, hosts_only=["topics", "looking_for", "mentor"])
    community.check_in(pat.id)
    community.check_in("m03demo")  # Chloé keeps "a co-founder" (looking for) for hosts
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("f2")
        board = app.screen.query_one("#board", BoardTable)
        assert [str(cell) for cell in board.row(pat.id)][2:] == ["open to chat", "-"]
        text = shown(pilot)
        assert "Pat" in text  # open to chat, with no topic shown
        cells = [str(cell) for key in board.keys for cell in board.row(key)]
        for kept in ("knitting", "a bookbinder", "a co-founder"):
            assert kept not in text
            assert not any(kept in cell for cell in cells)


async def test_topics_kept_for_hosts_are_not_beside_the_name_on_home_either(
    make_app, demo_data, clock: FakeClock
):
    stored(demo_data, clock).edit_member("m29demo", hosts_only=["topics"])
    app = make_app()
    async with app.run_test(size=(160, 48)):
        here = str(app.screen.query_one("#here").render())
        assert "Kofi Boateng  open to chat" in here
        assert "electronics, Python" not in here


def test_a_busy_topic_names_eight_and_counts_the_rest():
    """The panel stays readable on a busy day; the table beside it lists everyone."""
    people = [here(f"P{number:02}", ("Python",)) for number in range(11)]
    heads_down = [here(f"Q{number:02}", status="heads-down") for number in range(9)]
    lines = [line.plain for line in topic_lines(gather(people + heads_down, NOW, UTC), {})]
    assert lines == [
        "Python: " + " · ".join(f"P{number:02}" for number in range(8)) + " +3 more",
        "heads-down: " + ", ".join(f"Q{number:02}" for number in range(8)) + " +1 more",
    ]


def drawn(view: BoardTable | StarterLines) -> list[str]:
    """The lines a table or panel draws on the screen now, top to bottom."""
    return [view.render_line(y).text.rstrip() for y in range(view.scrollable_content_region.height)]


async def test_rows_that_come_and_go_below_the_fold_can_be_scrolled_to(make_app, demo_data, clock):
    everyone_here(demo_data, clock)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        board = app.screen.query_one("#board", BoardTable)
        await pilot.click("#board")
        await pilot.press("end")
        assert drawn(board)[-1].strip().startswith(names_on(board)[-1])

        # When five more come while the list runs past the screen, the end is theirs to see
        clock.advance(minutes=5)
        for number in range(5):
            app.community.check_in(app.community.add_member(f"Zed Late{number}").id)
        app.community_changed.publish(None)
        await pilot.pause()
        await pilot.press("home")
        assert names_on(board)[0].startswith("Zed Late")
        assert drawn(board)[1].strip().startswith(names_on(board)[0])
        await pilot.press("end")
        assert drawn(board)[-1].strip().startswith(names_on(board)[-1])

        # And when most leave, what is left is drawn from the top, nothing scrolled away
        for key in board.keys[3:]:
            if app.community.visit_of(key) is not None:
                app.community.check_out(key)
        app.community_changed.publish(None)
        await pilot.pause()
        assert board.scroll_y == 0
        assert len(names_on(board)) == 3
        rows = [line.split("  ")[0].strip() for line in drawn(board)[1:] if line]
        # each new member's row says so under their name
        assert rows[::2] == names_on(board)
        assert rows[1::2] == ["new here, say hi"] * 3


async def test_a_busy_panel_redraws_the_line_that_changed(make_app, demo_data, clock):
    everyone_here(demo_data, clock)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2")
        topics = app.screen.query_one("#topics-panel", StarterLines)
        assert topics.virtual_size.height > topics.scrollable_content_region.height
        assert "Aaron" not in " ".join(drawn(topics))

        aaron = app.community.add_member("Aaron Abbott", ("coffee",))
        app.community.check_in(aaron.id)
        app.community_changed.publish(None)
        await pilot.pause()

        assert drawn(topics)[0].startswith("coffee: Aaron")
        assert panel(pilot, "topics")[0].startswith("coffee: Aaron")


async def test_home_beneath_the_board_is_up_to_date_when_it_is_back(make_app, demo_data):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert "9 here" in shown(pilot)
        await pilot.press("f2")
        assert kiosk_cli(["checkin", "Zoë Martin", "--data", str(demo_data)]) == 0
        await let_time_pass(pilot, 1)
        assert "10 here" in shown(pilot)
        await pilot.press("escape")
        assert not isinstance(app.screen, BoardScreen)
        assert app.screen.query_one(Masthead).status.endswith("10 here")
        assert "Zoë Martin" in shown(pilot)


async def test_a_row_whose_look_changes_but_not_its_words_is_drawn_again():
    class Table(App[None]):
        def compose(self) -> ComposeResult:
            yield BoardTable()

    app = Table()
    async with app.run_test(size=(40, 6)) as pilot:
        table = app.query_one(BoardTable)
        table.set_columns(["Name"], [20])
        table.show([("ana", (Content.styled("Ana", "bold"),))])
        await pilot.pause()
        bold = [segment.style for segment in table.render_line(1) if segment.text == "Ana"]
        table.show([("ana", (Content.styled("Ana", "italic"),))])
        await pilot.pause()
        italic = [segment.style for segment in table.render_line(1) if segment.text == "Ana"]
        assert bold and bold[0].bold and not bold[0].italic
        assert italic and italic[0].italic and not italic[0].bold
