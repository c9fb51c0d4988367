"""Events in the host console (Ctrl+E, or "Events…" under who is here): the coming week's
events, the feeds' marked as such, adding one as `kiosk events add` does and refused as it
refuses, and removing one hosts added after asking."""

from __future__ import annotations

from datetime import UTC, timedelta
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable

from kiosk.demo.seeding import seed_demo_events
from screens.confirm import ConfirmScreen
from screens.home import HomeScreen
from screens.host.events import EventsScreen
from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp, SnapCompare
from tests.ui.driving import settle, shown, stored, toasts, type_text
from tests.ui.hosting import open_console
from tests.ui.test_host_members import press_button

FEED = Path(__file__).parent.parent / "data" / "weekly-with-exdate.ics"
"""Soldering 101 on Thursdays at 19:00 in Berlin (18:00 here, where the kiosk keeps UTC),
but not on 3 December."""


async def open_events(pilot: Pilot[None]) -> None:
    await open_console(pilot)
    await press_button(pilot, "#events")
    assert isinstance(pilot.app.screen, EventsScreen)


async def fill_in(pilot: Pilot[None], *typed: str) -> None:
    """Type the form's fields in order, Enter after each, as a host would: Enter on the
    last one adds the event."""
    for words in typed:
        await type_text(pilot, words)
        await pilot.press("enter")
        await settle(pilot)


def listed(pilot: Pilot[None]) -> list[str]:
    """The events' list as shown: each row's cells, two spaces apart."""
    table = pilot.app.screen.query_one("#event-table", DataTable)
    return ["  ".join(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]


def titles(data: Path, clock: FakeClock) -> list[str]:
    return [event.title for event in stored(data, clock).hosted_events()]


async def test_the_host_adds_an_event_and_home_shows_it(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # Given the console's events, on Thursday morning with none added yet
        await open_events(pilot)
        assert "No events in the next 7 days." in shown(pilot)
        # When the host adds a weekly board games evening tonight, hosted by Kofi
        await fill_in(pilot, "Board games", "today 19:30", "3h", "weekly", "Kofi Boateng", "games")
        # Then it is kept as typed, read by the same rules as the command
        (event,) = stored(demo_data, clock).hosted_events()
        assert (event.title, event.topic, event.repeat) == ("Board games", "games", "FREQ=WEEKLY")
        assert event.starts == clock().replace(hour=19, minute=30)
        assert event.length == timedelta(hours=3)
        assert event.host_id == stored(demo_data, clock).find("Kofi Boateng").id
        # And the host is told, the form emptied, and the list shows tonight and next week
        page = shown(pilot)
        assert f"Added Board games (id {event.id}), Thursday, 26 November 2026 at 19:30" in page
        assert listed(pilot) == [
            "Tonight 19:30 Board games · with Kofi  added here",
            "Thursday 3 December 19:30 Board games · with Kofi  added here",
        ]
        # And home shows it too
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "Tonight 19:30 Board games · with Kofi" in shown(pilot)


async def test_a_time_gone_by_or_unreadable_is_refused_as_the_command_refuses_it(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_events(pilot)
        # When the host gives a time this morning that has passed
        await fill_in(pilot, "Breakfast", "today 08:00", "", "", "", "")
        # Then nothing is kept, and the host reads why
        assert "today 08:00 has passed; please give a time to come." in "".join(toasts(pilot))
        assert titles(demo_data, clock) == []
        # And what they typed stays, to mend: here an hour that is no time of day
        await pilot.click("#event-when")
        await pilot.press("end", "ctrl+u")  # clears what was typed
        await fill_in(pilot, "today 25:00", "", "", "", "")
        assert "25:00 is not a time of day; please write it like 18:00." in "".join(toasts(pilot))
        # And a host who is no member is named as the console names them
        await pilot.click("#event-when")
        await pilot.press("end", "ctrl+u")
        await fill_in(pilot, "friday 09:00", "", "", "Nobody Atall", "")
        assert "No member has the id or the name 'Nobody Atall'." in "".join(toasts(pilot))
        assert titles(demo_data, clock) == []


async def test_the_host_removes_an_event_after_asking(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given the demo's week of events
    seed_demo_events(demo_data, clock(), UTC)
    before = titles(demo_data, clock)
    assert before.count("Pizza and demos") == 1
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_events(pilot)
        # When the host chooses tomorrow's pizza and presses Enter
        table = app.screen.query_one("#event-table")
        table.focus()
        pizza = next(i for i, row in enumerate(listed(pilot)) if "Pizza and demos" in row)
        await pilot.press(*["down"] * pizza, "enter")
        await settle(pilot)
        # Then they are asked first; Cancel keeps it
        assert isinstance(app.screen, ConfirmScreen)
        assert "Remove the event Pizza and demos?" in shown(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert titles(demo_data, clock) == before
        # And saying so (Enter again, then Enter on Remove) removes it, stored and listed
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        await settle(pilot)
        after = titles(demo_data, clock)
        assert sorted([*after, "Pizza and demos"]) == sorted(before)
        assert "Removed Pizza and demos" in shown(pilot)
        assert not [row for row in listed(pilot) if "Pizza and demos" in row]


async def test_a_feeds_event_is_listed_as_a_feeds_and_not_removed_here(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app(event_feeds=(str(FEED),))
    async with app.run_test(size=(100, 30)) as pilot:
        # Given a feed with Soldering 101 on Thursdays
        await open_events(pilot)
        # Then tonight's is listed, marked as from a feed (next week's is called off)
        assert listed(pilot) == ["Tonight 18:00 Soldering 101  a feed"]
        # And Enter on one says where to change it, asking nothing
        app.screen.query_one("#event-table").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EventsScreen)
        assert "Soldering 101 comes from a feed; change it in that calendar." in shown(pilot)


def test_the_events_page_small(
    snap_compare: SnapCompare, make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    """The console's events at 80x24 with the demo's week: the list scrolls, the form
    stays whole below it."""
    seed_demo_events(demo_data, clock(), UTC)
    assert snap_compare(make_app(), run_before=open_events, terminal_size=(80, 24))


def test_the_events_page_large(
    snap_compare: SnapCompare, make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    """The console's events at 160x48 with the demo's week and a feed's Soldering 101."""
    seed_demo_events(demo_data, clock(), UTC)
    app = make_app(event_feeds=(str(FEED),))
    assert snap_compare(app, run_before=open_events, terminal_size=(160, 48))
