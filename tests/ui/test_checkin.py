"""Members find themselves and check in or out with a few keys."""

from __future__ import annotations

import errno
import gc
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from textual.widgets import Button, Input, OptionList

from kiosk.storage.files import FolderLock
from screens.confirmation import CheckedInScreen, CheckedOutScreen
from screens.home import HomeScreen
from screens.member import MemberScreen
from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp
from tests.ui.driving import (
    let_time_pass,
    settle,
    showing,
    shown,
    stored,
    toasts,
    type_text,
    visit_now,
)


async def test_home_greets_with_the_space_the_time_and_who_is_here(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        text = shown(pilot)
        assert "Makerspace North" in text
        assert "09:00 · 9 here" in text
        assert "Åsa Lindqvist" in text
        assert app.focused is app.screen.query_one("#search", Input)


async def test_typing_finds_members_ignoring_accents_and_case(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "zoe")
        matches = app.screen.query_one("#matches", OptionList)
        assert str(matches.get_option_at_index(0).prompt) == "Zoë Martin"
        assert matches.highlighted == 0


async def test_a_few_letters_enter_enter_checks_a_member_in(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "zoe")
        await pilot.press("enter")
        assert isinstance(app.screen, MemberScreen)
        await pilot.press("enter")
        await settle(pilot)

        assert showing(app.screen, CheckedInScreen)
        text = shown(pilot)
        assert "Welcome back, Zoë!" in text
        # Zoë could use a hand with laser cutting, which Jürgen offers: he comes first.
        assert (
            "People here you might connect with\n"
            "Jürgen Weiß (he/him)  can help with laser cutting (you're looking for a hand)"
        ) in text
        assert "Léa Fontaine (she/her)  you both like design" in text
        visit = visit_now(demo_data, clock, "m00demo")
        assert visit.status == "open"
        assert visit.topics == ("3D printing", "design")


async def test_the_confirmation_returns_home_by_itself(make_app: MakeApp) -> None:
    app = make_app(confirmation_seconds=4)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "zoe")
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CheckedInScreen)
        # Four seconds, two more for each of the three people to meet, and three for the
        # shout-out Hiroshi left her.
        await let_time_pass(pilot, 12)
        assert "Back to the start in 1 second." in shown(pilot)
        await let_time_pass(pilot, 1)
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#search", Input).value == ""


async def test_status_and_topics_can_be_changed_before_checking_in(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "zoe")
        await pilot.press("enter")
        # A touch screen: tap "Heads-down", tap "3D printing" off, tap Check in.
        await pilot.click("#status .heads-down")
        await pilot.click("#topics", offset=(8, 0))
        await pilot.click("#primary")
        await settle(pilot)

        assert "heads-down" in shown(pilot)
        visit = visit_now(demo_data, clock, "m00demo")
        assert visit.status == "heads-down"
        assert visit.topics == ("design",)


async def test_enter_checks_out_a_member_who_is_here_and_says_how_long(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "maria jose")
        await pilot.press("enter")
        assert "Check out" in str(app.screen.query_one("#primary", Button).label)
        await pilot.press("enter")
        await settle(pilot)

        assert isinstance(app.screen, CheckedOutScreen)
        assert "You were here 2 h 30 min." in shown(pilot)
        community = stored(demo_data, clock)
        assert community.visit_of("m01demo") is None
        past = list(community.past_visits(clock.now.date(), clock.now.date()))
        assert [v.member_id for v in past] == ["m01demo"]


async def test_clicking_a_match_opens_the_member(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "ngozi")
        await pilot.click("#matches", offset=(3, 0))
        await pilot.pause()
        assert isinstance(app.screen, MemberScreen)
        assert app.screen.member.name == "Ngozi Okafor"


async def test_people_text_is_shown_as_typed_never_as_markup(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    stored(demo_data, clock).add_member("[bold]Bob[/] Builder")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "bob")
        assert "[bold]Bob[/] Builder" in shown(pilot)
        await pilot.press("enter")
        assert "[bold]Bob[/] Builder" in shown(pilot)


async def test_a_refused_check_in_is_explained_and_nothing_changes(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app(capacity=6)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await type_text(pilot, "zoe")
        await pilot.press("enter", "enter")
        await settle(pilot)

        assert isinstance(app.screen, MemberScreen)
        assert any("The space is full (6 people)" in toast for toast in toasts(pilot))
        assert stored(demo_data, clock).visit_of("m00demo") is None


async def test_a_full_disk_refuses_the_check_in_and_the_kiosk_stays_up(
    make_app: MakeApp,
    demo_data: Path,
    monkeypatch: pytest.MonkeyPatch,
    clock: FakeClock,
) -> None:
    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await type_text(pilot, "zoe")
        await pilot.press("enter")
        monkeypatch.setattr(os, "fsync", disk_full)
        await pilot.press("enter")
        await settle(pilot)

        assert isinstance(app.screen, MemberScreen)
        assert any("Not saved: the disk holding" in t and "is full" in t for t in toasts(pilot))
        monkeypatch.undo()
        assert stored(demo_data, clock).visit_of("m00demo") is None
        assert not list(demo_data.glob(".*.tmp"))

        # The person reads the message, then tries again.
        await pilot.press("enter")
        await settle(pilot)
        assert showing(app.screen, CheckedInScreen)


async def test_the_keyboard_alone_chooses_heads_down(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "zoe")
        await pilot.press("enter", "right", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CheckedInScreen)
        assert visit_now(demo_data, clock, "m00demo").status == "heads-down"


async def test_the_next_person_can_start_typing_on_a_confirmation(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "zoe")
        await pilot.press("enter", "enter")
        await settle(pilot)
        await type_text(pilot, "ng")
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#search", Input).value == "ng"
        assert "Ngozi Okafor" in shown(pilot)


@contextmanager
def data_held_by_another_program(data: Path) -> Iterator[threading.Event]:
    """Another program holds the data folder's lock until the event is set."""
    taken, release = threading.Event(), threading.Event()

    def hold() -> None:
        with FolderLock(data / ".lock").held():
            taken.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    taken.wait(5)
    try:
        yield release
    finally:
        release.set()
        holder.join()


async def test_a_slow_save_finishing_after_the_member_left_is_still_confirmed(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        with data_held_by_another_program(demo_data) as release:
            await type_text(pilot, "zoe")
            await pilot.press("enter", "enter", "enter")  # impatient: Enter twice
            await pilot.press("escape")
            assert isinstance(app.screen, HomeScreen)
            release.set()
            await settle(pilot)

        assert app.is_running
        assert isinstance(app.screen, HomeScreen)
        assert any("Zoë Martin is checked in." in toast for toast in toasts(pilot))
        assert not any("already checked in" in toast for toast in toasts(pilot))
        assert stored(demo_data, clock).visit_of("m00demo") is not None


async def test_members_off_the_board_are_not_marked_here_in_search(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        quiet = app.community.add_member("Quiet Quentin", on_board=False)
        app.community.check_in(quiet.id)
        await type_text(pilot, "quiet quentin")  # off the board: found by the whole name
        assert "Quiet Quentin" in shown(pilot)
        assert "here now" not in shown(pilot)


async def test_two_members_of_one_name_are_told_apart_by_their_topics(
    make_app: MakeApp, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.community.add_member("Sam Kim", ("chess",))
        clock.advance(days=3)
        quiet = app.community.add_member("Sam Kim")
        await type_text(pilot, "sam k")
        assert "Sam Kim  chess" in shown(pilot)
        # Without topics, the day they joined; never an id, which means nothing to people.
        assert "Sam Kim  joined 29 Nov 2026" in shown(pilot)
        assert quiet.id not in shown(pilot)


async def test_members_read_at_the_start_are_set_aside_from_the_collector_until_the_end(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.community.search_ready
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0  # what the kiosk left behind can be collected


async def test_a_member_off_the_board_is_told_what_is_true_for_them(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # Given Quentin, who keeps off the board, at his own screen
        app.community.add_member("Quiet Quentin", on_board=False)
        await type_text(pilot, "quiet quentin")
        await pilot.press("enter")
        await settle(pilot)
        # Then no status promises him a place on the board
        assert "On the board" not in shown(pilot)
        assert "Off the board, as you chose: counted, never named." in shown(pilot)
        # Whichever he chooses
        await pilot.press("right")
        await settle(pilot)
        assert "never named; heads-down for hosts." in shown(pilot)
        assert "On the board" not in shown(pilot)
