"""The wall board: who is here by topic, the question of the week and shout-outs, kept
fresh from other processes, paged by itself, asking for nothing, showing nothing private."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Label, Static

from kiosk.cli.main import main as kiosk_cli
from kiosk.community.community import Community
from kiosk.config import Config
from kiosk.models import Member
from kiosk.storage.member_files import file_of
from kiosk.storage.store import Store
from kiosk.timekeeping.opening import read_hours
from screens.gathering_cards import GatheringCards
from screens.wall import WallScreen, page_blocks, page_starts
from screens.wall_app import NOT_READ, PAGE_TURN, WallApp
from tests.conftest import FakeClock
from tests.privacy import seed_secrets
from tests.ui.conftest import SnapCompare
from tests.ui.driving import everyone_here
from tests.ui.test_set_aside import many_cycles
from tests.ui.test_snapshots import EVERY_SIZE

HOURS = read_hours(
    {
        "timezone": "UTC",
        "open": [{"rule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "from": "09:00", "to": "18:00"}],
    }
)
"""Weekdays 09:00 to 18:00; every test's clock starts on a Thursday at 09:00."""

MakeWall = Callable[..., WallApp]


@pytest.fixture
def make_wall(clock: FakeClock) -> MakeWall:
    """A wall board on the data folder `data`, on the test clock."""

    def make(data: Path, **settings: Any) -> WallApp:
        config = replace(Config(space_name="Makerspace North", data_dir=data), **settings)
        return WallApp(Community(Store.open(data), clock, hours=config.hours), config)

    return make


async def settle(pilot: Pilot[None]) -> None:
    """Let the board look at the data, lay out what it found, and find its page."""
    await pilot.pause()
    # A finished look starts the laying out of what it found: wait for that one too.
    while any(not worker.is_finished for worker in pilot.app.workers):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    await pilot.pause()


def shown(app: WallApp, whole_board: bool = False) -> str:
    """The text on the board's current page (or on every page), header and footer too."""
    screen = app.wall
    parts = [str(label.render()) for label in screen.query(Label)]
    for widget in screen.query(".card"):
        if whole_board or not widget.has_class("-off-page"):
            assert isinstance(widget, Static)
            parts.append(str(widget.render()))
    return "\n".join(parts)


def card(app: WallApp, heading: str) -> str:
    """The text of the card whose first line is `heading`."""
    texts = [str(widget.render()) for widget in app.wall.query(".card")]
    found = [text for text in texts if text.split("\n")[0] == heading]
    assert len(found) == 1, f"no single card headed {heading!r} in {texts}"
    return found[0]


def regular(
    community: Community, clock: FakeClock, name: str, *topics: str, **profile: object
) -> Member:
    """A member who joined long ago and has come twice before: no milestone today."""
    today = clock.now
    clock.now = today - timedelta(days=300)
    member = community.add_member(name, topics)
    for _ in range(2):
        community.check_in(member.id)
        clock.advance(hours=2)
        community.check_out(member.id)
        clock.advance(days=7)
    clock.now = today
    return community.edit_member(member.id, **profile) if profile else member


# -- what the board shows ----------------------------------------------------------------


async def test_who_is_here_is_gathered_by_topic_with_newcomers_and_requests(
    make_wall: MakeWall, tmp_path: Path, clock: FakeClock
) -> None:
    # Given regulars sharing topics, one heads-down, one asking for a hand, and a newcomer
    data = tmp_path / "data"
    community = Community(Store.open(data), clock)
    ana = regular(community, clock, "Ana Alves", "climbing", "Rust", mentor=("Rust",))
    ben = regular(community, clock, "Ben Berg", "climbing")
    cy = regular(community, clock, "Cy Chen", "Rust")
    dee = regular(community, clock, "Dee Dunn", "chess")
    fay = regular(community, clock, "Fay Fox", "pottery", looking_for=("soldering",))
    gus = community.add_member("Gus Gray", ("pottery",))
    for member in (ana, ben, cy, fay, gus):
        community.check_in(member.id)
    community.check_in(dee.id, "heads-down")
    app = make_wall(data, hours=HOURS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        # Then each topic two share has its card, members by name, a mentor marked
        assert card(app, "climbing · 2").endswith("Ana Alves, Ben Berg")
        assert card(app, "pottery · 2").endswith("Fay Fox, Gus Gray")
        assert card(app, "Rust · 2").endswith("Ana Alves (mentor), Cy Chen")
        # and the heads-down member is listed without her topics
        assert card(app, "Heads-down") == "Heads-down\nDee Dunn"
        assert "chess" not in shown(app, whole_board=True)
        assert card(app, "Could use a hand") == "Could use a hand\nFay Fox: soldering"
        assert card(app, "Say hi") == "Say hi\nGus Gray · new here, say hi"
        # and the footer counts everyone and says how long the space is open
        assert "6 here now · 6 came today · open until 18:00" in shown(app)
        assert "Thursday 26 November · 09:00" in shown(app)


async def test_the_question_of_the_week_shows_with_answers_of_people_here_first(
    make_wall: MakeWall, tmp_path: Path, clock: FakeClock
) -> None:
    data = tmp_path / "data"
    community = Community(Store.open(data), clock)
    ana = regular(community, clock, "Ana Alves", "climbing")
    ben = regular(community, clock, "Ben Berg", "climbing")
    today = clock.now
    clock.advance(days=-1)
    community.ask("What did you make this week?")
    clock.advance(hours=1)
    community.answer(ben.id, "A birdhouse")
    clock.advance(hours=1)
    community.answer(ana.id, "A bread oven")
    clock.now = today
    community.check_in(ben.id)
    app = make_wall(data)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        texts = [str(widget.render()) for widget in app.wall.query(".card")]
        start = texts.index("What did you make this week?")
        # Ben is here, so his answer comes first although Ana's is newer
        assert texts[start + 1 : start + 3] == [
            "Ben Berg · here now\nA birdhouse",
            "Ana Alves\nA bread oven",
        ]


async def test_without_a_question_or_shout_outs_the_board_has_no_such_sections(
    make_wall: MakeWall, tmp_path: Path, clock: FakeClock
) -> None:
    data = tmp_path / "data"
    Community(Store.open(data), clock)
    app = make_wall(data)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        titles = [str(label.render()) for label in app.wall.query(".section-title")]
        assert titles == ["Who's here"]
        assert card(app, "Nobody on the board right now").endswith("Nobody here yet.")
        assert "nobody here yet" in shown(app)


async def test_late_in_the_day_nobody_here_is_not_nobody_yet(
    make_wall: MakeWall, tmp_path: Path, clock: FakeClock
) -> None:
    # Given a day on which Ana came and went
    data = tmp_path / "data"
    community = Community(Store.open(data), clock)
    ana = regular(community, clock, "Ana Alves", "climbing")
    community.check_in(ana.id)
    clock.advance(hours=8)
    community.check_out(ana.id)
    app = make_wall(data)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        # Then the board says nobody is here right now, and that one came today
        assert card(app, "Nobody on the board right now").endswith("Nobody here right now.")
        assert "nobody here right now · 1 came today" in shown(app)
        assert "yet" not in shown(app, whole_board=True)


async def test_a_shout_out_s_age_goes_with_its_names_on_a_narrow_card(
    make_wall: MakeWall, tmp_path: Path, clock: FakeClock
) -> None:
    data = tmp_path / "data"
    community = Community(Store.open(data), clock)
    ana = regular(community, clock, "Ana Alves", "climbing")
    ben = regular(community, clock, "Ben Berg", "climbing")
    community.post_shoutout(ana.id, ben.id, "Thanks for the belay, and for the chalk!")
    clock.advance(hours=1)
    app = make_wall(data)
    async with app.run_test(size=(40, 24)) as pilot:
        await settle(pilot)
        text = card(app, "Ana Alves to Ben Berg")
        assert text == "Ana Alves to Ben Berg\n1 h ago · Thanks for the belay, and for the chalk!"
        # Drawn on a narrow card, no line holds two spaces running or the age alone
        widget = next(w for w in app.wall.query(".card") if str(w.render()) == text)
        lines = [strip.text.rstrip() for strip in widget.render_lines(widget.region.reset_offset)]
        assert all("  " not in line.strip("▌▎█ ") for line in lines)
        assert not any(line.strip("▌▎█ ").startswith("·") for line in lines)


async def test_nothing_private_reaches_the_wall(
    make_wall: MakeWall, tmp_path: Path, clock: FakeClock
) -> None:
    data = tmp_path / "data"
    secrets = seed_secrets(data, clock)
    app = make_wall(data)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        everything = shown(app, whole_board=True)
        for word in secrets.kept:
            assert word not in everything
        for word in secrets.shown:
            assert word in everything
        # Counted as home counts: the member here incognito neither here nor come today
        assert f"{secrets.here} here now · {secrets.here} came today" in everything
        # The off-board member's shout-out is there, without her name
        said = card(app, "a member to Ana Shown")
        assert said == "a member to Ana Shown\njust now · Thanks from the quiet corner"


# -- fresh from other processes -------------------------------------------------------------


async def test_a_check_in_from_another_process_shows_at_the_next_look(
    make_wall: MakeWall, demo_data: Path, clock: FakeClock
) -> None:
    community = Community(Store.open(demo_data), clock)
    away = next(m for m in community.members() if community.visit_of(m.id) is None)
    app = make_wall(demo_data)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert away.name not in shown(app, whole_board=True)
        here = community.here_count()
        # When another process checks them in
        assert kiosk_cli(["checkin", away.id, "--data", str(demo_data)]) == 0
        # Then the board's next look, which comes every second, shows them
        assert app.refresh_seconds <= 1
        app.tick()
        await settle(pilot)
        assert away.name in shown(app, whole_board=True)
        assert f"{here + 1} here now" in shown(app)


async def test_the_clock_and_ages_move_on_with_the_minute(
    make_wall: MakeWall, demo_data: Path, clock: FakeClock
) -> None:
    app = make_wall(demo_data)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Thursday 26 November · 09:00" in shown(app)
        clock.advance(minutes=61)
        await settle(pilot)  # a look the board's own timer began before the clock moved
        app.tick()
        await settle(pilot)
        assert "Thursday 26 November · 10:01" in shown(app)


async def test_damaged_data_is_told_once_and_the_board_stays_up(
    make_wall: MakeWall, demo_data: Path, clock: FakeClock
) -> None:
    app = make_wall(demo_data)
    told: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.notify = lambda message, **how: told.append(message)  # type: ignore[method-assign]
        presence = demo_data / "presence.json"
        presence.write_text("{ not json", encoding="utf-8")
        for _ in range(3):
            app.tick()
            await settle(pilot)
        # The lobby is told once that the board is behind, and not which file or why
        assert told == [NOT_READ]
        assert app.is_running
        assert "Åsa Lindqvist" in shown(app)  # the last good picture stays up
    # Which the host hears on stderr once the board stops
    [problem] = app.problems
    assert problem.startswith(f"{presence} is damaged: it is cut short or not valid JSON")


async def test_a_damaged_member_file_is_told_and_everyone_else_here_still_shows(
    make_wall: MakeWall, demo_data: Path, clock: FakeClock
) -> None:
    # Given a member file that holds nobody who is here, damaged
    community = Community(Store.open(demo_data), clock)
    here = [presence.member for presence in community.present()]
    files_here = {file_of(member.id) for member in here}
    damaged = next(
        path
        for path in sorted((demo_data / "members").glob("*.json"))
        if path.name not in files_here
    )
    damaged.write_text("{ not json", encoding="utf-8")
    app = make_wall(demo_data)
    told: list[str] = []
    app.notify = lambda message, **how: told.append(message)  # type: ignore[method-assign]
    # When the board starts, and looks again
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.tick()
        await settle(pilot)
        # Then the lobby is told once that the board is behind, and those here still show
        assert told == [NOT_READ]
        on_board = shown(app, whole_board=True)
        assert here and all(member.name in on_board for member in here)
    [problem] = app.problems
    assert problem.startswith(f"{damaged} is damaged")


# -- pages -------------------------------------------------------------------------------


async def test_pages_turn_by_themselves_and_each_card_shows_whole_on_one(
    make_wall: MakeWall, tmp_path: Path, clock: FakeClock
) -> None:
    # Given more people than fit on a small screen, two to a topic
    data = tmp_path / "data"
    community = Community(Store.open(data), clock)
    for number in range(40):
        member = regular(community, clock, f"Member {number:02}", f"topic {number // 2:02}")
        community.check_in(member.id)
    app = make_wall(data)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.wall
        pages = screen.pages
        assert pages > 1
        assert f"page 1 of {pages}" in shown(app)
        board = screen.query_one("#board")
        seen: dict[str, int] = {}
        for page in range(pages):
            # Every card shown is whole within the board
            for widget in screen.query(".card"):
                if not widget.has_class("-off-page"):
                    assert board.region.contains_region(widget.region)
                    text = str(widget.render())
                    seen[text] = seen.get(text, 0) + 1
            # When the page has been up long enough, the next comes
            clock.advance(minutes=PAGE_TURN.total_seconds() / 60)
            app.tick()
            await settle(pilot)
            assert f"page {(page + 1) % pages + 1} of {pages}" in shown(app)
        # Then each card showed on exactly one page, and the first page is back
        cards = [str(widget.render()) for widget in screen.query(".card")]
        assert sorted(seen) == sorted(cards)
        assert set(seen.values()) == {1}


async def test_everything_fits_on_one_page_on_a_large_screen(
    make_wall: MakeWall, demo_data: Path
) -> None:
    app = make_wall(demo_data)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert app.wall.pages == 1
        assert "page" not in str(app.wall.query_one("#page", Label).render())


def test_a_page_begins_at_the_first_card_that_would_be_cut() -> None:
    # cards of 5 lines with a blank line between, 12 lines a page
    cards = [(0, 5), (6, 11), (12, 17), (18, 23)]
    assert page_starts(cards, 12) == [0, 12]
    # (a page may begin at the blank line above a card)
    assert page_starts([(0, 5), (5, 11), (11, 17)], 12) == [0, 11]
    # a card taller than a page goes on over as many pages as it needs
    assert page_starts([(0, 5), (6, 40)], 12) == [0, 6, 18, 30]
    assert page_starts([], 12) == [0]


# -- asking for nothing -------------------------------------------------------------------


async def test_keys_and_clicks_change_nothing_and_q_quits(
    make_wall: MakeWall, demo_data: Path
) -> None:
    app = make_wall(demo_data)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        before = shown(app, whole_board=True)
        await pilot.press("a", "enter", "escape", "tab", "down", "pagedown", "f2", "ctrl+p")
        await pilot.click("#board")
        await settle(pilot)
        assert isinstance(app.screen, WallScreen)
        assert app.focused is None
        assert shown(app, whole_board=True) == before
        await pilot.press("q")
    assert app.return_code == 0


# -- how it looks --------------------------------------------------------------------------


@pytest.fixture
def lively_demo(demo_data: Path, clock: FakeClock) -> Path:
    """The demo community with a question of the week, answers, a mentor and a request."""
    community = Community(Store.open(demo_data), clock)
    by_name = {member.name: member for member in community.members()}
    community.edit_member(by_name["Léa Fontaine"].id, mentor=("design",))
    community.edit_member(by_name["Rafał Nowak"].id, looking_for=("a lathe",))
    today = clock.now
    clock.advance(days=-2)
    community.ask("What are you making this month?")
    community.answer(by_name["Léa Fontaine"].id, "A photo book of the harbour")
    community.answer(by_name["Kofi Boateng"].id, "A synth from a kit")
    clock.now = today
    return demo_data


@pytest.mark.parametrize("size", EVERY_SIZE)
def test_the_wall_board_looks_right(
    snap_compare: SnapCompare,
    make_wall: MakeWall,
    lively_demo: Path,
    clock: FakeClock,
    size: tuple[int, int],
) -> None:
    """The board at 09:00 with thirty here: who is here by topic, the question, shout-outs;
    the first page."""
    everyone_here(lively_demo, clock)
    assert snap_compare(make_wall(lively_demo, hours=HOURS), terminal_size=size, run_before=settle)


def test_the_second_page_of_a_small_wall_board(
    snap_compare: SnapCompare, make_wall: MakeWall, lively_demo: Path, clock: FakeClock
) -> None:
    """At 80x24 the board's second page, after the first has been up long enough."""

    async def next_page(pilot: Pilot[None]) -> None:
        await settle(pilot)
        clock.advance(minutes=PAGE_TURN.total_seconds() / 60)
        app.tick()
        await settle(pilot)

    app = make_wall(lively_demo, hours=HOURS)
    assert snap_compare(app, terminal_size=(80, 24), run_before=next_page)


async def test_a_row_of_cards_shows_whole_or_waits_for_its_page(
    make_wall: MakeWall, lively_demo: Path
) -> None:
    # Given the board in two columns
    app = make_wall(lively_demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        board = app.wall.query_one("#board", GatheringCards)
        blocks = list(page_blocks(board))
        # Then each block that pages are made of holds whole rows: every card beside one
        # of its cards is in it too, and each section's title goes with its first row
        for _, _, widgets in blocks:
            rows = {widget.region.y for widget in widgets if widget.has_class("card")}
            beside = [w for w in app.wall.query(".card") if w.region.y in rows]
            assert set(beside) <= set(widgets)
        titles = [w for _, _, widgets in blocks for w in widgets if w.has_class("section-title")]
        assert len(titles) == len(app.wall.query(".section-title"))


async def test_a_board_left_running_frees_what_it_dropped_once_a_day_after_midnight(
    make_wall: MakeWall, demo_data: Path, clock: FakeClock
) -> None:
    # Given a board up since the morning, and much it held past a full pass of the
    # collector, in cycles as a widget and its styles are, and then dropped
    app = make_wall(demo_data)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        held = many_cycles()
        gone = weakref.ref(held[0])
        gc.collect()
        del held
        # When the day goes on, it stays set aside
        clock.advance(hours=14, minutes=59)
        app.tick()
        await settle(pilot)
        gc.collect()
        assert gone() is not None
        # Then at the first look after midnight it is freed
        clock.advance(minutes=2)
        app.tick()
        await settle(pilot)
        assert gone() is None
