"""Shout-outs: written from a member's screen, to one member or to everyone."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList, TextArea

from kiosk.config import Chat
from kiosk.notices.delivery import deliver
from kiosk.notices.outbox import Outbox
from kiosk.notices.sending import send
from kiosk.storage.store import Store
from screens.composer import ComposeScreen
from screens.confirm import ConfirmScreen
from screens.home import HomeScreen
from screens.member import MemberScreen
from screens.shoutouts import WallScreen
from tests.conftest import FakeClock
from tests.receivers import web_hook
from tests.ui.conftest import MakeApp
from tests.ui.driving import settle, shown, stored, toasts, type_burst, type_text


async def open_composer(pilot: Pilot[None], name: str) -> None:
    await type_text(pilot, name)
    await pilot.press("enter")
    await pilot.click("#shoutout")
    assert isinstance(pilot.app.screen, ComposeScreen)


async def test_a_shout_out_to_one_member_is_stored_and_on_the_wall(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
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
        newest = stored(demo_data, clock).shoutouts()[0]
        assert (newest.from_id, newest.to_id) == ("m02demo", "m29demo")
        assert newest.text == "Thanks for the soldering tips!"
        assert "soldering tips!" in shown(pilot)  # home shows the latest
        await pilot.press("f3")
        assert isinstance(app.screen, WallScreen)
        assert shown(pilot).index("soldering tips") < shown(pilot).index("jammed printer")


async def test_a_shout_out_with_no_recipient_goes_to_everyone(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_composer(pilot, "zoe")
        assert "To everyone." in shown(pilot)
        await type_text(pilot, "Cake in the kitchen")
        await pilot.click("#post")
        await settle(pilot)
        newest = stored(demo_data, clock).shoutouts()[0]
        assert (newest.to_id, newest.text) == (None, "Cake in the kitchen")


async def test_the_counter_warns_past_280_and_posting_is_refused(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_composer(pilot, "zoe")
        app.screen.query_one("#text", TextArea).text = "x" * 290
        await pilot.pause()
        assert "290 / 280 · 10 too many" in shown(pilot)
        await pilot.click("#post")
        await settle(pilot)
        assert isinstance(app.screen, ComposeScreen)
        assert any("at most 280" in toast for toast in toasts(pilot))
        assert len(stored(demo_data, clock).shoutouts()) == 5


async def test_an_unknown_recipient_is_refused_politely(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
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
        assert len(stored(demo_data, clock).shoutouts()) == 5


async def test_a_namesake_is_chosen_by_what_tells_them_apart(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    community = stored(demo_data, clock)
    community.add_member("Sam Lee", ("pottery",))
    chess = community.add_member("Sam Lee", ("chess",))
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_composer(pilot, "zoe")
        await pilot.click("#to")
        await type_text(pilot, "sam lee")
        choices = app.screen.query_one("#to-matches", OptionList)
        prompts = [str(choices.get_option_at_index(i).prompt) for i in range(2)]
        assert all(p.startswith("Sam Lee") for p in prompts)
        await pilot.click(
            "#to-matches", offset=(2, prompts.index(next(p for p in prompts if "chess" in p)))
        )
        assert "To Sam Lee" in shown(pilot)
        await pilot.click("#text")
        await type_text(pilot, "Good game!")
        await pilot.press("enter")
        await settle(pilot)
        assert stored(demo_data, clock).shoutouts()[0].to_id == chess.id


async def test_coming_back_to_the_message_keeps_it_and_the_cursor_at_its_end(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_composer(pilot, "zoe")
        await type_text(pilot, "Thanks for everything")
        await pilot.press("shift+tab", "tab", "backspace")
        assert app.screen.query_one("#text", TextArea).text == "Thanks for everythin"


async def test_a_deleted_member_s_kept_shout_out_is_signed_as_everywhere_else(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given Björn's thanks to Kofi, kept without his name when he deleted his data
    community = stored(demo_data, clock)
    community.post_shoutout("m02demo", "m29demo", "Thanks for the soldering tips!")
    community.delete_member("m02demo", "anonymous")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        # Then home and the wall sign it as the welcome and the command line do
        assert "a former member to Kofi Boateng" in shown(pilot)
        await pilot.press("f3")
        await settle(pilot)
        assert "a former member to Kofi Boateng" in shown(pilot)


LONG = (
    "Thank you all for an amazing hack night. The soldering station is back in order, the "
    "3D printer has fresh filament, and somebody left a very tasty lemon cake in the "
    "kitchen. Whoever baked it: you are a legend! See you next Thursday for the repair "
    "cafe, and bring a broken lamp ok?"
)


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_the_whole_message_shows_while_it_is_written(
    make_app: MakeApp, size: tuple[int, int]
) -> None:
    assert len(LONG) == 280
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await open_composer(pilot, "zoe")
        await type_burst(pilot, LONG)
        box = app.screen.query_one("#text", TextArea)
        assert box.text == LONG
        assert "280 / 280" in shown(pilot)
        # Every line of it is in view, none scrolled away, and the buttons still show
        assert box.max_scroll_y == 0 and box.max_scroll_x == 0
        assert box.region.bottom <= app.screen.query_one("#post").region.y
        assert app.screen.query_one("#post").region.bottom < size[1]


async def test_escape_with_nothing_written_leaves_at_once(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_composer(pilot, "zoe")
        await pilot.press("escape")
        assert isinstance(app.screen, MemberScreen)


async def test_escape_asks_before_throwing_words_away(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        # Given Zoë halfway through a thank-you
        await open_composer(pilot, "zoe")
        await type_text(pilot, "Thanks for the")
        # When she presses Escape, she is asked, and Escape again goes back to writing
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Throw away what you wrote? It is not posted." in shown(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, ComposeScreen)
        assert app.focused is app.screen.query_one("#text", TextArea)
        await type_text(pilot, " cake")
        assert app.screen.query_one("#text", TextArea).text == "Thanks for the cake"
        # When she asks again and chooses to throw it away, she is back on her screen
        await pilot.press("escape")
        await pilot.click("#yes")
        await settle(pilot)
        assert isinstance(app.screen, MemberScreen)
        assert len(stored(demo_data, clock).shoutouts()) == 5


async def test_a_shout_out_ticked_for_the_chat_arrives_there_as_written(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given a space whose chat is a local web hook
    with web_hook() as chat:
        app = make_app(chat=Chat(url=chat.url))
        async with app.run_test(size=(100, 30)) as pilot:
            # When Zoë writes markup and mentions, and ticks "Also post to the chat"
            await open_composer(pilot, "zoe")
            await type_text(pilot, "@everyone **cake** <b>now</b>")
            await pilot.click("#to-chat")
            await pilot.click("#post")
            await settle(pilot)
        # Then it is on the wall, and the chat hears it once delivered, pinging nobody
        assert stored(demo_data, clock).shoutouts()[0].text == "@everyone **cake** <b>now</b>"
        deliver(Store.open(demo_data), clock, send, lambda seconds: None)
    # (after the news that the space is open: the demo has people here)
    (arrived,) = [a for a in chat.arrived if a.title == "A shout-out at Makerspace North"]
    assert "@everyone" not in arrived.message and "<b>" not in arrived.message
    assert arrived.message.replace("\u200b", "") == (
        "From Zoë Martin to everyone: @everyone **cake** <b>now</b>"
    )


async def test_a_shout_out_left_unticked_stays_off_the_chat(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app(chat=Chat(url="ntfy://ntfy.sh/makerspace-north"))
    async with app.run_test(size=(100, 30)) as pilot:
        await open_composer(pilot, "zoe")
        assert "Also post to the chat" in shown(pilot)
        await type_text(pilot, "Cake in the kitchen")
        await pilot.click("#post")
        await settle(pilot)
    assert stored(demo_data, clock).shoutouts()[0].text == "Cake in the kitchen"
    waiting = Outbox(Store.open(demo_data)).waiting()
    assert [n.title for n in waiting] == ["Makerspace North is open"]


async def test_the_chat_is_offered_only_where_there_is_one_and_the_author_is_seen(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Without a chat, no tick
    async with make_app().run_test(size=(100, 30)) as pilot:
        await open_composer(pilot, "zoe")
        assert "Also post to the chat" not in shown(pilot)
    # With one, none for Zoë while she is here incognito: the chat would tell she is here
    community = stored(demo_data, clock)
    zoe = community.find("Zoë Martin")
    if community.visit_of(zoe.id) is not None:
        community.check_out(zoe.id)
    community.check_in(zoe.id, "incognito")
    app = make_app(chat=Chat(url="ntfy://ntfy.sh/makerspace-north"))
    async with app.run_test(size=(100, 30)) as pilot:
        await open_composer(pilot, "zoe")
        assert "Also post to the chat" not in shown(pilot)
