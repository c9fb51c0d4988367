"""The welcome after check-in: the milestone, people to meet and why, shout-outs waiting,
and the question of the week to answer or skip."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input

from screens.board import BoardScreen
from screens.confirmation import CheckedInScreen
from screens.home import HomeScreen
from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp
from tests.ui.driving import (
    ada_with_a_shout_out,
    let_time_pass,
    scan_badges,
    settle,
    showing,
    shown,
    stored,
    type_text,
)


async def check_in(pilot: Pilot[None], name: str) -> None:
    await type_text(pilot, name)
    await pilot.press("enter", "enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CheckedInScreen)


async def test_people_to_meet_come_with_their_reason_and_their_own_words(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await check_in(pilot, "zoe")
        text = shown(pilot)
        # Zoë could use a hand with laser cutting, which Jürgen offers; she and Léa both
        # like design, she and Mei Lin 3D printing: three at the most, the best reason first.
        people = text.split("People here you might connect with\n")[1].splitlines()
        assert people[:2] == [
            "Jürgen Weiß (he/him)  can help with laser cutting (you're looking for a hand)",
            "“Cabinet maker. Runs the laser cutter induction.”",
        ]
        assert sum("you both like" in line for line in people) == 2


async def test_what_someone_keeps_for_hosts_is_not_shown_beside_their_name(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    stored(demo_data, clock).edit_member("m09demo", hosts_only=["pronouns", "intro"])
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await check_in(pilot, "zoe")
        text = shown(pilot)
        assert "Jürgen Weiß  can help with laser cutting" in text
        assert "he/him" not in text.split("Jürgen Weiß")[1].splitlines()[0]
        assert "Cabinet maker" not in text


async def test_shout_outs_left_since_the_last_visit_are_waiting(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await check_in(pilot, "zoe")
        text = shown(pilot)
        assert "Shout-outs for you\nFrom Hiroshi Tanaka\n1 h ago · Thanks for fixing" in text


async def test_a_first_visit_is_celebrated(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    stored(demo_data, clock).add_member("Ada Lovelace", ("electronics",))
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await check_in(pilot, "ada")
        milestone = str(app.screen.query_one("#milestone").render())
        assert milestone.startswith("Welcome to your first visit!")


async def test_a_first_visit_is_greeted_as_such_once_not_all_day(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given Ada, who registered this morning
    stored(demo_data, clock).add_member("Ada Lovelace", ("electronics",))
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # When she checks in for the first time, she is greeted as new
        await check_in(pilot, "ada")
        assert str(app.screen.query_one("#greeting").render()) == (
            "Welcome, Ada! Great to have you here."
        )
        assert app.screen.query("#milestone")
        await pilot.press("enter")
        # and when she pops out for lunch and comes back the same afternoon
        await type_text(pilot, "ada")
        await pilot.press("enter", "enter")
        await settle(pilot)
        clock.advance(hours=2)
        await check_in(pilot, "ada")
        # Then she is welcomed back, with no first visit to celebrate again
        assert str(app.screen.query_one("#greeting").render()) == "Welcome back, Ada!"
        assert not app.screen.query("#milestone")


async def test_the_tenth_visit_is_celebrated(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    community = stored(demo_data, clock)
    ada = community.add_member("Ada Lovelace")
    community.clock = clock
    for _ in range(9):
        community.check_in(ada.id)
        clock.advance(hours=2)
        community.check_out(ada.id)
        clock.advance(days=1)
    community.file_visits()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await check_in(pilot, "ada")
        milestone = str(app.screen.query_one("#milestone").render())
        assert milestone.startswith("This is your 10th visit.")


async def test_a_member_answers_the_question_of_the_week_and_the_board_shows_it(
    make_app: MakeApp,
    demo_data: Path,
    clock: FakeClock,
) -> None:
    app = make_app(confirmation_seconds=5)
    async with app.run_test(size=(100, 30)) as pilot:
        await check_in(pilot, "zoe")
        await pilot.press("tab")
        await type_text(pilot, "A dolls' house sofa")
        # While she writes, the kiosk does not go home under her.
        await let_time_pass(pilot, 40)
        assert isinstance(app.screen, CheckedInScreen)
        await pilot.press("enter")
        await settle(pilot)

        assert "Thank you! Your answer is on the board this week." in shown(pilot)
        answers = stored(demo_data, clock).answers()
        assert [(a.member_id, a.text) for a in answers if a.member_id == "m00demo"] == [
            ("m00demo", "A dolls' house sofa")
        ]
        # Then home comes back by itself, and the board has her answer among those here.
        await let_time_pass(pilot, 5)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("f2")
        assert showing(app.screen, BoardScreen)
        assert "Zoë Martin · here now\nA dolls' house sofa" in shown(pilot)


async def test_an_answer_given_here_incognito_reaches_the_board_once_she_has_left(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app(confirmation_seconds=5)
    async with app.run_test(size=(100, 30)) as pilot:
        # Given Zoë, who checks in incognito and answers the question at once
        await type_text(pilot, "zoe")
        await pilot.press("enter", "right", "right", "enter")
        await settle(pilot)
        assert "· incognito" in shown(pilot)
        await pilot.press("tab")
        await type_text(pilot, "A dolls' house sofa")
        await pilot.press("enter")
        await settle(pilot)
        # Then she is told it waits for her to leave
        assert "Your answer goes on the board once you have left." in shown(pilot)
        # And the board does not show it while she is here, which would say she came
        await let_time_pass(pilot, 5)
        await pilot.press("f2")
        assert "dolls' house sofa" not in shown(pilot)
        await pilot.press("escape")
        # Until her badge checks her out, a while later
        clock.advance(hours=1)
        await scan_badges(pilot, stored(demo_data, clock).member("m00demo").badge)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        assert "Zoë Martin\nA dolls' house sofa" in shown(pilot)


async def test_escape_skips_the_question_and_nothing_is_stored(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app(confirmation_seconds=5)
    async with app.run_test(size=(100, 30)) as pilot:
        await check_in(pilot, "zoe")
        await pilot.press("tab")
        await type_text(pilot, "Never mind")
        await pilot.press("escape")
        assert isinstance(app.screen, CheckedInScreen)
        assert "No answer this time" in shown(pilot)
        await let_time_pass(pilot, 15)  # past the countdown with time to read, not idle
        assert isinstance(app.screen, HomeScreen)
        assert not [a for a in stored(demo_data, clock).answers() if a.member_id == "m00demo"]


async def test_enter_is_done_without_answering(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await check_in(pilot, "zoe")
        await pilot.press("enter")
        assert isinstance(app.screen, HomeScreen)
        assert not [a for a in stored(demo_data, clock).answers() if a.member_id == "m00demo"]


async def test_an_earlier_answer_is_there_to_change(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    stored(demo_data, clock).answer("m00demo", "Tiny chairs")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await check_in(pilot, "zoe")
        assert "Tab to change your answer" in shown(pilot)
        await pilot.press("tab", "ctrl+u")
        await type_text(pilot, "Tiny tables")
        await pilot.press("enter")
        await settle(pilot)
        answers = [a.text for a in stored(demo_data, clock).answers() if a.member_id == "m00demo"]
        assert answers == ["Tiny tables"]


def in_view(pilot: Pilot[None], widget: Widget) -> bool:
    """Whether all of `widget` is on the screen, within what its scrolling shows."""
    region = widget.region
    visible = pilot.app.screen.find_widget(widget).visible_region
    return bool(region) and visible == region


async def test_at_80x24_the_shout_out_s_words_come_first_then_people_then_the_question(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    ada_with_a_shout_out(demo_data, clock)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await check_in(pilot, "ada")
        screen = app.screen
        # The words of Björn's shout-out are in view at once, without a key
        words = screen.query_one(".shoutout")
        assert "Welcome! Come by the workshop any time." in str(words.render())
        assert in_view(pilot, words)
        # then the people to meet, each with their own words, then the question
        people = screen.query_one("#to-meet")
        prompt = screen.query_one("#prompt")
        assert words.region.y < people.region.y < prompt.region.y
        assert len(screen.query(".intro")) == 3
        assert not in_view(pilot, prompt)


async def test_down_reads_on_to_the_question_and_keeps_the_welcome_open(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    ada_with_a_shout_out(demo_data, clock)
    app = make_app(confirmation_seconds=5)
    async with app.run_test(size=(80, 24)) as pilot:
        await check_in(pilot, "ada")
        assert app.screen.active_bindings["down"].binding.description == "Read on"
        for forward, back in (("down", "up"), ("pagedown", "pageup")):
            # When Ada presses the key until she is at the end
            for _ in range(12):
                if "down" not in app.screen.active_bindings:
                    break  # offered only while there is more below
                await pilot.press(forward)
            # Then the question is in view, and the welcome waits while she reads
            assert in_view(pilot, app.screen.query_one("#prompt")), forward
            # with the whole of its hint, not cut short
            box = app.screen.query_one("#answer", Input)
            assert box.content_size.width > len(box.placeholder)
            await let_time_pass(pilot, 30)
            assert isinstance(app.screen, CheckedInScreen)
            # and going back reaches the shout-out again
            for _ in range(12):
                await pilot.press(back)
            assert in_view(pilot, app.screen.query_one(".shoutout")), back


async def test_a_welcome_that_fits_offers_no_reading_on(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await check_in(pilot, "bjorn")
        assert "down" not in app.screen.active_bindings
        await pilot.press("down")
        assert isinstance(app.screen, CheckedInScreen)
        assert not app.screen.kept_open


@pytest.mark.parametrize("size", [(160, 48), (200, 60)])
async def test_a_big_welcome_uses_the_room(
    make_app: MakeApp, demo_data: Path, clock: FakeClock, size: tuple[int, int]
) -> None:
    ada_with_a_shout_out(demo_data, clock)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await check_in(pilot, "ada")
        screen = app.screen
        width, height = size
        for_you, to_meet, also = (
            screen.query_one(selector) for selector in ("#for-you", "#to-meet", "#here")
        )
        # Shout-outs, people to meet and who else is here side by side, across the screen
        assert for_you.region.right < to_meet.region.x < to_meet.region.right < also.region.x
        assert also.region.right > width * 0.9
        # each reaching down to the question and the buttons, most of the way down
        for box in (for_you, to_meet, also):
            assert box.region.bottom > height * 0.75
        assert all(in_view(pilot, box) for box in (for_you, to_meet, also))
        assert in_view(pilot, screen.query_one("#prompt"))
        # and who else is here is named there, not the member herself
        others = str(also.render())
        assert "Jürgen Weiß" in others and "Ada" not in others
