"""Events at the kiosk: home and the boards show what is on today and next, the welcome
asks a member who comes while one is on whether they came for it (one key, or a tap) and
keeps the answer with their visit, and an event whose topic they follow is a reason on
their welcome."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

import pytest
from textual.pilot import Pilot

from kiosk import language
from kiosk.community.community import Community
from kiosk.config import Config
from kiosk.demo.seeding import seed_demo_events
from kiosk.storage.store import Store
from screens.board import BoardScreen
from screens.confirmation import CheckedInScreen
from screens.wall_app import WallApp
from tests.cli.test_event_feeds import FEED, calendar_server
from tests.conftest import FakeClock
from tests.core.test_language import catalog_with
from tests.ui.conftest import MakeApp, SnapCompare
from tests.ui.driving import (
    everyone_here,
    let_time_pass,
    settle,
    shown,
    stored,
    type_text,
    visit_now,
)
from tests.ui.test_snapshots import pressing
from tests.ui.test_wall import HOURS


async def check_in(pilot: Pilot[None], name: str) -> None:
    await type_text(pilot, name)
    await pilot.press("enter", "enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CheckedInScreen)


async def test_home_and_the_board_show_today_and_the_next_event(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given the demo's week of events, on Thursday at 09:00
    seed_demo_events(demo_data, clock(), UTC)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        # Then home shows today's two and tomorrow's first, each host by first name
        home = shown(pilot)
        assert "Today 12:30 Lunch and learn: Python · with Priya" in home
        assert "Tonight 19:00 Soldering 101 · with Jürgen" in home
        assert "Tomorrow 18:00 Pizza and demos · with Kwame" in home
        # And so does the board (F2)
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, BoardScreen)
        assert "Tonight 19:00 Soldering 101 · with Jürgen" in shown(pilot)


async def test_home_says_the_events_in_the_language_chosen_and_again_in_its_own(
    make_app: MakeApp,
    demo_data: Path,
    clock: FakeClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Given the demo's events, and a German catalog that knows how an evening event reads
    seed_demo_events(demo_data, clock(), UTC)
    catalog_with(
        tmp_path / "catalogs",
        "de",
        ("Tonight {time}", "Heute Abend {time}"),
        ("{when} {title} · with {host}", "{when} {title} · mit {host}"),
    )
    monkeypatch.setattr(language, "CATALOGS", tmp_path / "catalogs")
    async with make_app(idle_timeout=60).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "Tonight 19:00 Soldering 101 · with Jürgen" in shown(pilot)

        # When someone chooses German at the door (F8), in the same minute
        await pilot.press("f8")
        await settle(pilot)

        # Then home's events speak German too, not the lines it had written in English
        assert "Heute Abend 19:00 Soldering 101 · mit Jürgen" in shown(pilot)

        # And once home is the kiosk's own again, English
        await let_time_pass(pilot, 61)
        assert "Tonight 19:00 Soldering 101 · with Jürgen" in shown(pilot)


async def test_a_member_who_comes_while_an_event_is_on_says_they_came_for_it(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given lunch and learn at 12:30, and Zoë coming in at 12:15
    seed_demo_events(demo_data, clock(), UTC)
    clock.advance(hours=3, minutes=15)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await check_in(pilot, "zoe")
        # Then the welcome asks her
        assert "Here for Lunch and learn: Python?" in shown(pilot)
        # When she says yes with one key
        await pilot.press("f5")
        await settle(pilot)
        # Then she is thanked, and her visit keeps it
        assert "Glad you came for Lunch and learn: Python!" in shown(pilot)
        assert visit_now(demo_data, clock, "m00demo").event == "Lunch and learn: Python"
        # And a second press keeps nothing twice, nor asks again
        await pilot.press("f5")
        await settle(pilot)
        assert "Here for" not in shown(pilot)


async def test_a_tap_says_yes_too_and_no_answer_keeps_nothing(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    seed_demo_events(demo_data, clock(), UTC)
    clock.advance(hours=10)  # 19:00: Soldering 101 has begun
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await check_in(pilot, "zoe")
        await pilot.click("#here-for-yes")
        await settle(pilot)
        assert visit_now(demo_data, clock, "m00demo").event == "Soldering 101"
        # Björn comes too, and goes on without answering
        await pilot.press("enter")
        await settle(pilot)
        await check_in(pilot, "bjorn")
        assert "Here for Soldering 101?" in shown(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert visit_now(demo_data, clock, "m02demo").event == ""


async def test_no_event_on_asks_nothing(make_app: MakeApp, demo_data: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await check_in(pilot, "zoe")
        assert "Here for" not in shown(pilot)
        assert not app.screen.query("#here-for")


async def test_an_event_whose_topic_a_member_follows_is_a_reason_on_their_welcome(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given Soldering 101 tonight, and Zoë, who is learning electronics
    seed_demo_events(demo_data, clock(), UTC)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await check_in(pilot, "zoe")
        # Then her welcome says why it is for her
        text = shown(pilot)
        assert "Events for you\nTonight 19:00 Soldering 101 · with Jürgen  you're learning" in (
            text
        )
        # And not the lunch about Python, which she does not follow
        assert "Lunch and learn" not in text.split("Events for you")[1].split("People")[0]


async def test_a_field_kept_for_hosts_gives_no_reason_after_a_check_in_by_name(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    seed_demo_events(demo_data, clock(), UTC)
    stored(demo_data, clock).edit_member("m00demo", hosts_only=["learning"])
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await check_in(pilot, "zoe")
        assert "Events for you" not in shown(pilot)


async def test_the_kiosk_fetches_a_feed_in_the_background_and_keeps_it_offline(
    make_app: MakeApp, clock: FakeClock
) -> None:
    # Given a kiosk whose calendar is on a server that answers
    with calendar_server(FEED) as url:
        app = make_app(event_feeds=(url,))
        async with app.run_test(size=(100, 30)) as pilot:
            # When the kiosk has looked at its feeds once
            await let_time_pass(pilot, 1)
            await app.workers.wait_for_complete()
            await let_time_pass(pilot, 1)
            # Then home shows the feed's event tonight (at 19:00 Berlin time: 18:00 UTC)
            assert "Tonight 18:00 Soldering 101" in shown(pilot)
            assert not [w for w in app.host_warnings.now if "Calendar feed" in w]
    # When the server is gone, and the copy is due to be fetched again two hours later
    app = make_app(event_feeds=(url,))
    clock.advance(hours=2)
    async with app.run_test(size=(100, 30)) as pilot:
        await let_time_pass(pilot, 1)
        await app.workers.wait_for_complete()
        await let_time_pass(pilot, 1)
        # Then the kept copy is shown, and the host told how old it is
        assert "Tonight 18:00 Soldering 101" in shown(pilot)
        (warning,) = [w for w in app.host_warnings.now if "Calendar feed" in w]
        assert warning.startswith(f"Calendar feed {url}: it could not be reached (")
        assert warning.endswith("; showing the copy fetched 2 h ago.")


def test_home_with_two_events_today(
    snap_compare: SnapCompare, make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    """Home at 09:00 with the demo's events: lunch and learn and soldering today, and
    tomorrow's pizza, under the search."""
    seed_demo_events(demo_data, clock(), UTC)
    assert snap_compare(make_app(), run_before=pressing(), terminal_size=(100, 30))


def test_the_wall_board_with_two_events_today(
    snap_compare: SnapCompare, demo_data: Path, clock: FakeClock
) -> None:
    """The wall board at 09:00 with thirty here and the demo's events on a card of their
    own, first."""
    seed_demo_events(demo_data, clock(), UTC)
    everyone_here(demo_data, clock)
    config = Config(space_name="Makerspace North", data_dir=demo_data, hours=HOURS)
    wall = WallApp(Community(Store.open(demo_data), clock, hours=HOURS), config)
    assert snap_compare(wall, terminal_size=(160, 48), run_before=settle)
