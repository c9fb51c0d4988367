"""The who's-here board (F2): who is here by topic, laid out as the wall board lays it out,
following check-ins made anywhere, at every size."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widget import Widget

from kiosk.cli.main import main as kiosk_cli
from kiosk.community.gathering import gather
from screens.board import BoardScreen
from screens.gathering_cards import GatheringCards, board_sections
from screens.masthead import Masthead
from tests.conftest import FakeClock
from tests.core.test_gathering import NOW, here
from tests.ui.conftest import MakeApp
from tests.ui.driving import everyone_here, let_time_pass, settle, shown, stored


async def open_board(pilot: Pilot[None]) -> GatheringCards:
    await pilot.press("f2")
    await settle(pilot)
    assert isinstance(pilot.app.screen, BoardScreen)
    return pilot.app.screen.query_one("#board", GatheringCards)


def cards(pilot: Pilot[None]) -> dict[str, str]:
    """The board's cards by their first line, each with the lines below it."""
    texts = [str(widget.render()) for widget in pilot.app.screen.query(".card")]
    return {text.split("\n")[0]: "\n".join(text.split("\n")[1:]) for text in texts}


def lines_in_view(pilot: Pilot[None], card: Widget) -> str:
    """The lines of a card that show on the screen (a card has no edge above its text)."""
    visible = pilot.app.screen.find_widget(card).visible_region
    lines = str(card.render()).split("\n")
    return "\n".join(lines[visible.y - card.region.y : visible.bottom - card.region.y])


def summary(pilot: Pilot[None]) -> str:
    return str(pilot.app.screen.query_one("#summary").render())


async def test_the_board_gathers_who_is_here_by_what_they_are_open_to_chatting_about(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await open_board(pilot)
        board = cards(pilot)
        # Jürgen and Rafał offer woodworking today, and Jürgen is happy to mentor in it
        assert board["woodworking · 2"] == "Jürgen Weiß (mentor), Rafał Nowak"
        assert board["electronics · 2"] == "Jürgen Weiß, Kofi Boateng"
        # A topic one person offers is on one card with the others like it
        assert "gardening: María José Pérez" in board["Also happy to talk about"]
        # Heads-down members have a card of their own, and are on no topic's
        assert board["Heads-down"] == "Åsa Lindqvist, Ngozi Okafor"
        for heading, names in board.items():
            if heading != "Heads-down":
                assert "Åsa" not in names and "Ngozi" not in names, heading
        assert "music" not in shown(pilot)  # Åsa's and Ngozi's topics
        # Milestones: Kofi's first visit, Mei Lin's tenth; those who could use a hand
        assert board["Say hi"] == "Kofi Boateng · new here, say hi\nMei Lin Chen · 10th visit"
        assert board["Could use a hand"] == (
            "Kofi Boateng: home automation\nMei Lin Chen: electronics"
        )
        assert board["Guests"] == "guest of Jürgen"  # as he was told, never by her name
        assert "Sam Okoro" not in shown(pilot)
        # This week's question and answers, those here first; no shout-outs (F3 has them)
        assert "What are you making this week?" in board
        assert board["Jürgen Weiß · here now"] == "A walnut box with a sliding lid"
        assert "Shout-outs" not in shown(pilot)
        assert summary(pilot) == "9 people on the board."


async def test_a_check_in_from_another_process_shows_within_two_seconds(
    make_app: MakeApp, demo_data: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_board(pilot)
        assert kiosk_cli(["checkin", "Zoë Martin", "--data", str(demo_data)]) == 0
        await let_time_pass(pilot, 1)
        assert "Zoë Martin" in cards(pilot)["design · 2"]
        assert "10 here" in shown(pilot)
        assert summary(pilot) == "10 people on the board."


async def test_members_who_keep_off_the_board_are_counted_and_said_to_be(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_board(pilot)
        hidden = app.community.add_member("Quiet Quentin", ("knitting",), on_board=False)
        app.community.check_in(hidden.id)
        app.community_changed.publish(None)
        await settle(pilot)
        assert "Quiet Quentin" not in shown(pilot)
        assert summary(pilot) == "9 people on the board, and 1 more here who is not on it."
        assert "10 here" in shown(pilot)
        # Zoë here incognito is counted for hosts alone: the board says nothing of her
        app.community.check_in("m00demo", "incognito")
        app.community_changed.publish(None)
        await settle(pilot)
        assert summary(pilot) == "9 people on the board, and 1 more here who is not on it."
        assert "10 here" in shown(pilot)


async def test_with_nobody_here_the_board_says_so_at_any_hour(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    stored(demo_data, clock).check_out_everyone()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_board(pilot)
        assert summary(pilot) == "Nobody here right now."
        assert "yet" not in shown(pilot)


async def test_escape_goes_back_home(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2", "escape")
        assert not isinstance(app.screen, BoardScreen)


async def test_at_80x24_everyone_on_the_board_is_in_view(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        # Each person the board names shows in view at once, a milestone beside its name
        names = ["Kofi Boateng", "Mei Lin Chen", "Jürgen Weiß", "Rafał Nowak"]
        names += ["Åsa Lindqvist", "Ngozi Okafor", "guest of Jürgen", "Léa Fontaine", "María José"]
        seen = "\n".join(lines_in_view(pilot, widget) for widget in app.screen.query(".card"))
        for name in names:
            assert name in seen, name
        assert "Kofi Boateng · new here, say hi" in seen


async def test_a_very_long_name_wraps_within_its_card(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        long = app.community.add_member("Wolfeschlegelsteinhausenbergerdorff " * 2)
        app.community.check_in(long.id)
        await open_board(pilot)
        for widget in app.screen.query(".card"):
            assert widget.region.right <= 80


async def test_the_keys_scroll_a_board_longer_than_the_screen(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    everyone_here(demo_data, clock)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        assert board.max_scroll_y > 0
        for key in ("down", "pagedown", "end"):
            await pilot.press(key)
            assert board.scroll_y > 0, key
            await pilot.press("home")
            assert board.scroll_y == 0


async def test_a_change_keeps_the_board_where_it_was_scrolled(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    everyone_here(demo_data, clock)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        await pilot.press("pagedown")
        scrolled = board.scroll_y
        assert scrolled > 0
        app.community.update_visit("m00demo", "heads-down", ())
        app.community_changed.publish(None)
        await settle(pilot)
        assert board.scroll_y == scrolled
        assert "Zoë Martin" in cards(pilot)["Heads-down"]


async def test_with_hundreds_here_a_check_in_writes_only_the_card_it_touches(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given 300 more here, open to chat without topics
    community = stored(demo_data, clock)
    community.clock = clock
    for number in range(300):
        community.check_in(community.add_member(f"Member {number:03}").id)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_board(pilot)
        before = {str(w.render()).split("\n")[0]: w for w in app.screen.query(".card")}
        drawn = {heading: str(w.render()) for heading, w in before.items()}
        # When one more comes, open to chat without a topic
        late = app.community.add_member("Member 300")
        app.community.check_in(late.id)
        app.community_changed.publish(None)
        await settle(pilot)
        # Then only the cards that name them changed (new today, they are greeted too), and
        # every card is the one it was
        after = {str(w.render()).split("\n")[0]: w for w in app.screen.query(".card")}
        assert after.keys() == before.keys()
        assert all(after[heading] is widget for heading, widget in before.items())
        changed = [h for h, w in after.items() if str(w.render()) != drawn[h]]
        assert changed == ["Say hi", "Open to chat"]
        assert cards(pilot)["Open to chat"].endswith("Member 019 +281 more")  # 280 before


async def test_what_a_member_keeps_for_hosts_is_never_on_the_board(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    community = stored(demo_data, clock)
    pat = community.add_member(
        "Pat Private", ("knitting",), looking_for=["a bookbinder"], mentor=["knitting"]
    )
    community.edit_member(pat.id, hosts_only=["topics", "looking_for", "mentor"])
    community.check_in(pat.id)
    community.check_in("m03demo")  # Chloé keeps "a co-founder" (looking for) for hosts
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await open_board(pilot)
        assert "Pat Private" in cards(pilot)["Open to chat"]  # with no topic shown
        text = shown(pilot)
        for kept in ("knitting", "a bookbinder", "a co-founder"):
            assert kept not in text


async def test_topics_kept_for_hosts_are_not_beside_the_name_on_home_either(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    stored(demo_data, clock).edit_member("m29demo", hosts_only=["topics"])
    app = make_app()
    async with app.run_test(size=(160, 48)):
        here = str(app.screen.query_one("#here").render())
        assert "Kofi Boateng  open to chat" in here
        assert "electronics, Python" not in here


async def test_home_beneath_the_board_is_up_to_date_when_it_is_back(
    make_app: MakeApp, demo_data: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert "9 here" in shown(pilot)
        await open_board(pilot)
        assert kiosk_cli(["checkin", "Zoë Martin", "--data", str(demo_data)]) == 0
        await let_time_pass(pilot, 1)
        assert "10 here" in shown(pilot)
        await pilot.press("escape")
        assert not isinstance(app.screen, BoardScreen)
        assert app.screen.query_one(Masthead).status.endswith("10 here")
        assert "Zoë Martin" in shown(pilot)


@pytest.mark.parametrize(("size", "columns"), [((80, 24), 2), ((160, 48), 3), ((200, 60), 4)])
async def test_a_bigger_screen_has_more_columns_of_cards(
    make_app: MakeApp, demo_data: Path, clock: FakeClock, size: tuple[int, int], columns: int
) -> None:
    everyone_here(demo_data, clock)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await open_board(pilot)
        lefts = {widget.region.x for widget in app.screen.query(".card")}
        assert len(lefts) == columns
        # the cards reach across the screen, with no column left empty
        rights = max(widget.region.right for widget in app.screen.query(".card"))
        assert rights >= size[0] - 4


def test_a_busy_card_names_twenty_and_counts_the_rest() -> None:
    """A card stays one a person can read on a busy day, and the same height."""
    people = [here(f"P{number:02}", ("Python",)) for number in range(23)]
    heads_down = [here(f"Q{number:02}", status="heads-down") for number in range(21)]
    (who,) = board_sections(
        gather(people + heads_down, NOW, UTC),
        here=44,
        came_today=None,
        supervisors=(),
        question=None,
        answers=(),
        shoutouts=(),
        now=NOW,
        zone=UTC,
    )
    cards = {card.text.plain.split("\n")[0]: card.text.plain.split("\n")[1] for card in who.cards}
    assert cards["Python · 23"] == ", ".join(f"P{n:02}" for n in range(20)) + " +3 more"
    assert cards["Heads-down"] == ", ".join(f"Q{n:02}" for n in range(20)) + " +1 more"
