"""A guest's invitation scanned at the kiosk: on its day it signs them in as their member's
guest, before the member comes, and the member hears of it on their own channel; on
another day, or a second time, it is refused with a polite word on screen."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from kiosk.config import Config
from kiosk.notices.delivery import deliver
from kiosk.notices.sending import send
from kiosk.storage.store import Store
from screens.home import HomeScreen
from tests.conftest import FakeClock
from tests.receivers import web_hook
from tests.ui.conftest import MakeApp
from tests.ui.driving import scan_badges, settle, stored, toasts, type_text

ZOE = "m00demo"
"""Zoë Martin, not here yet."""
TODAY = date(2026, 11, 26)


async def test_an_invitation_scanned_on_its_day_signs_the_guest_in_and_tells_the_member(
    make_app: MakeApp, demo_data: Path, clock: FakeClock, deliveries_started: list[Config]
) -> None:
    with web_hook() as hook:
        # Given Zoë, who is not here, invited Sam for today and keeps a channel
        community = stored(demo_data, clock)
        community.edit_member(ZOE, notify=hook.url)
        code = community.invite(ZOE, "Sam Okafor", TODAY).code
        app = make_app()
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            # When Sam scans the invitation at the kiosk
            await scan_badges(pilot, f"{code[:6]}-{code[6:]}")
            # Then Sam is welcomed, without a name anyone nearby could read
            assert isinstance(app.screen, HomeScreen)
            [said] = toasts(pilot)
            assert "Welcome!" in said
            assert "You are signed in as a guest" in said
            assert "Sam" not in said and "Zoë" not in said
        # And Sam is here as Zoë's guest, though Zoë is not
        here = stored(demo_data, clock)
        assert here.visit_of(ZOE) is None
        assert [v.guest for v in here.guests_of(ZOE)] == ["Sam Okafor"]
        # And Zoë hears of it on her channel, as with any guest: its delivery was started
        # (the kiosk's own round, which starts one while notices wait, may have too)
        assert deliveries_started
        deliver(Store.open(demo_data), clock, send, lambda seconds: None)
    assert [a.message for a in hook.arrived] == [
        "Zoë Martin's guest Sam Okafor has arrived at Makerspace North."
    ]


async def test_an_invitation_scanned_on_another_day_or_twice_is_refused_politely(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given an invitation for tomorrow, and one for today already used
    community = stored(demo_data, clock)
    tomorrow = community.invite(ZOE, "Sam Okafor", TODAY + timedelta(days=1)).code
    used = community.invite(ZOE, "Ada Ng", TODAY).code
    community.admit_invited(used)
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        # When tomorrow's is scanned today
        await scan_badges(pilot, tomorrow)
        # Then the guest is told when to come, and nobody is signed in
        [said] = toasts(pilot)
        assert "This invitation is for Friday, 27 November 2026. Please come back then" in said
        app.clear_notifications()
        # When the used one is scanned again
        await scan_badges(pilot, used)
        [said] = toasts(pilot)
        assert "used already: it lets its guest in once" in said
    assert [v.guest for v in stored(demo_data, clock).guests_of(ZOE)] == ["Ada Ng"]


async def test_an_invitation_code_typed_by_hand_at_home_signs_the_guest_in(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given an invitation for today, whose card the scanner cannot read
    code = stored(demo_data, clock).invite(ZOE, "Sam Okafor", TODAY).code
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        # When the guest types its code where members type their name
        await type_text(pilot, code.lower())
        await pilot.press("enter")
        await settle(pilot)
        # Then they are welcomed, and home is empty again for the next person
        assert any("Welcome!" in said for said in toasts(pilot))
        assert app.home.search_box.value == ""
    assert [v.guest for v in stored(demo_data, clock).guests_of(ZOE)] == ["Sam Okafor"]
