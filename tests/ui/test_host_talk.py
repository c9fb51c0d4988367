"""What members say, looked after by hosts: shout-outs hidden from every public screen (in
every process) and restored, and the question of the week set and cleared."""

from __future__ import annotations

from pathlib import Path

from screens.confirm import ConfirmScreen
from tests.conftest import FakeClock
from tests.ui.driving import settle, shown, stored, type_text
from tests.ui.hosting import open_console


async def test_a_hidden_shout_out_leaves_every_public_screen_and_comes_back(
    make_app,
    demo_data: Path,
    clock: FakeClock,
):
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


async def test_the_host_sets_the_question_of_the_week(make_app, demo_data: Path, clock: FakeClock):
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
    make_app, demo_data: Path, clock: FakeClock
):
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
