"""Shout-outs: written from a member's screen, to one member or to everyone."""

from __future__ import annotations

from textual.widgets import Input

from screens.home import HomeScreen
from screens.shoutouts import ComposeScreen, WallScreen
from tests.ui.driving import settle, shown, stored, type_text


async def open_composer(pilot, name: str) -> None:
    await type_text(pilot, name)
    await pilot.press("enter")
    await pilot.click("#shoutout")
    assert isinstance(pilot.app.screen, ComposeScreen)


async def test_a_shout_out_to_one_member_is_stored_and_on_the_wall(make_app, demo_data):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_composer(pilot, "bjorn")
        await pilot.click("#to")
        await type_text(pilot, "kofi")
        assert "To Kofi Boateng." in shown(pilot)
        await pilot.click("#text")
        await type_text(pilot, "Thanks for the soldering tips!")
        assert "30 / 280" in shown(pilot)
        await pilot.press("enter")
        await settle(pilot)

        assert isinstance(app.screen, HomeScreen)
        newest = stored(demo_data).shoutouts()[0]
        assert (newest.from_id, newest.to_id) == ("m02demo", "m29demo")
        assert newest.text == "Thanks for the soldering tips!"
        assert "Thanks for the soldering tips!" in shown(pilot)  # home shows the latest three
        await pilot.press("f3")
        assert isinstance(app.screen, WallScreen)
        assert shown(pilot).index("soldering tips") < shown(pilot).index("jammed printer")


async def test_a_shout_out_with_no_recipient_goes_to_everyone(make_app, demo_data):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_composer(pilot, "zoe")
        assert "To everyone." in shown(pilot)
        await type_text(pilot, "Cake in the kitchen")
        await pilot.click("#post")
        await settle(pilot)
        newest = stored(demo_data).shoutouts()[0]
        assert (newest.to_id, newest.text) == (None, "Cake in the kitchen")


async def test_the_counter_warns_past_280_and_posting_is_refused(make_app, demo_data):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_composer(pilot, "zoe")
        app.screen.query_one("#text", Input).value = "x" * 290
        await pilot.pause()
        assert "290 / 280 · 10 too many" in shown(pilot)
        await pilot.click("#post")
        await settle(pilot)
        assert isinstance(app.screen, ComposeScreen)
        assert any("at most 280" in n.message for n in app._notifications)
        assert len(stored(demo_data).shoutouts()) == 5


async def test_an_unknown_recipient_is_refused_politely(make_app, demo_data):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_composer(pilot, "zoe")
        await pilot.click("#to")
        await type_text(pilot, "qqqqq")
        assert "Nobody matches “qqqqq”" in shown(pilot)
        await pilot.click("#text")
        await type_text(pilot, "hello")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ComposeScreen)
        assert len(stored(demo_data).shoutouts()) == 5
