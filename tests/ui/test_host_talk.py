"""What members say, looked after by hosts: shout-outs hidden from every public screen (in
every process) and restored, and the question of the week set and cleared."""

from __future__ import annotations

from pathlib import Path

from screens.confirm import ConfirmScreen
from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp
from tests.ui.driving import settle, shown, stored, type_text
from tests.ui.hosting import open_console


async def test_a_hidden_shout_out_leaves_every_public_screen_and_comes_back(
    make_app: MakeApp,
    demo_data: Path,
    clock: FakeClock,
) -> None:
    # Given another process showing the shout-outs (a wall board), and the newest one
    elsewhere = stored(demo_data, clock)
    newest = elsewhere.shoutouts()[0]
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await open_console(pilot, "f4")
        # When the host hides the newest (highlighted first)
        await pilot.press("enter")
        await settle(pilot)
        assert "HIDDEN" in shown(pilot)
        # Then the other process's next look at the data folder (each second) leaves it out
        assert elsewhere.refresh()
        assert newest.id not in [s.id for s in elsewhere.shoutouts()]
        # And so does home here
        assert newest.text not in str(app.home.query_one("#latest").render())
        # When the host restores it, it is back everywhere
        await pilot.press("enter")
        await settle(pilot)
        assert elsewhere.refresh()
        assert elsewhere.shoutouts()[0].id == newest.id


async def test_the_host_sets_the_question_of_the_week(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await open_console(pilot, "f5")
        await type_text(pilot, "What did you fix this week?")
        await pilot.press("enter")
        await settle(pilot)
        # The demo's question has answers: the host is asked before they are let go
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert "“What did you fix this week?”" in shown(pilot)
    question = stored(demo_data, clock).question()
    assert question is not None and question.text == "What did you fix this week?"


async def test_the_host_clears_the_question_of_the_week(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await open_console(pilot, "f5")
        await pilot.click("#clear-question")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert "No question is asked right now." in shown(pilot)
    assert stored(demo_data, clock).question() is None


async def test_the_host_hides_an_answer_from_every_board_and_restores_it(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given the demo's answers, on the board of another process too
    elsewhere = stored(demo_data, clock)
    newest = max(elsewhere.answers(), key=lambda answer: answer.given)
    author = elsewhere.member(newest.member_id).name
    assert newest.text in [a.text for a in elsewhere.answers_shown(limit=100)]
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        # When the host opens the question, goes to the answers and presses Enter on the
        # newest (highlighted first)
        await open_console(pilot, "f5")
        answers = app.screen.query_one("#answer-list")
        for _ in range(5):  # Tab past the new question's box and buttons
            if app.screen.focused is answers:
                break
            await pilot.press("tab")
        assert app.screen.focused is answers
        await pilot.press("enter")
        await settle(pilot)
        # Then it is marked hidden here, and no board shows it
        assert f"HIDDEN {author}" in shown(pilot)
        assert elsewhere.refresh()
        assert newest.text not in [a.text for a in elsewhere.answers_shown(limit=100)]
        # And Enter again brings it back
        await pilot.press("enter")
        await settle(pilot)
        assert elsewhere.refresh()
        assert newest.text in [a.text for a in elsewhere.answers_shown(limit=100)]
