"""Members add topics by typing them, with the community's own topics suggested."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, SelectionList

from screens.member import MemberScreen
from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp
from tests.ui.driving import settle, shown, type_text, visit_now


def listed(pilot: Pilot[None]) -> list[str]:
    topics = pilot.app.screen.query_one("#topics", SelectionList)
    return [str(topics.get_option_at_index(i).value) for i in range(topics.option_count)]


def ticked(pilot: Pilot[None]) -> list[str]:
    return [str(topic) for topic in pilot.app.screen.query_one("#topics", SelectionList).selected]


async def open_zoe_and_start_typing_a_topic(pilot: Pilot[None]) -> None:
    await type_text(pilot, "zoe")
    await pilot.press("enter")
    assert isinstance(pilot.app.screen, MemberScreen)
    await pilot.click("#new-topic")
    await settle(pilot)  # the community's topics are counted meanwhile


async def test_typing_suggests_the_communitys_topics_and_one_is_picked(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_zoe_and_start_typing_a_topic(pilot)
        await type_text(pilot, "pyt")
        assert "Python" in shown(pilot)
        await pilot.press("down", "enter")
        assert ticked(pilot)[-1] == "Python"
        assert app.screen.query_one("#new-topic", Input).value == ""

        # With the box empty again, Enter checks in with the topics ticked.
        await pilot.press("enter")
        await settle(pilot)
        visit = visit_now(demo_data, clock, "m00demo")
        assert visit.topics == ("3D printing", "design", "Python")


async def test_a_topic_typed_in_another_spelling_is_the_communitys(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_zoe_and_start_typing_a_topic(pilot)
        # Priya is learning Rust: "rust " is the same topic, in the community's spelling.
        await type_text(pilot, "rust ")
        await pilot.press("enter")
        assert ticked(pilot)[-1] == "Rust"
        # A topic already in the list is ticked, not listed twice.
        await type_text(pilot, "DESIGN")
        await pilot.press("enter")
        assert [t for t in listed(pilot) if t.lower() == "design"] == ["design"]
        # A topic nobody has yet is taken as typed.
        await type_text(pilot, "Bookbinding")
        await pilot.press("enter")
        assert ticked(pilot)[-1] == "Bookbinding"
        await pilot.press("enter")
        await settle(pilot)
        visit = visit_now(demo_data, clock, "m00demo")
        assert visit.topics == ("3D printing", "design", "Rust", "Bookbinding")


async def test_topics_already_chosen_are_not_suggested(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_zoe_and_start_typing_a_topic(pilot)
        await type_text(pilot, "desi")
        suggestions = app.screen.query_one("#topic-suggestions", OptionList)
        offered = [
            str(suggestions.get_option_at_index(i).prompt) for i in range(suggestions.option_count)
        ]
        assert "design" not in offered


async def test_an_overlong_topic_is_explained_and_not_added(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_zoe_and_start_typing_a_topic(pilot)
        await type_text(pilot, "x" * 45)
        await pilot.press("enter")
        assert "a topic can be at most 40" in shown(pilot)
        assert len(listed(pilot)) == len(set(listed(pilot)))
        assert "x" * 45 not in listed(pilot)
