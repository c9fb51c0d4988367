"""At closing time the kiosk checks out whoever is still here, at closing time, and every
screen says until when the space is open, or when it opens next."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from textual.pilot import Pilot

from kiosk.timekeeping.opening import Opening, OpeningHours
from screens.masthead import Masthead
from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp
from tests.ui.driving import let_time_pass, settle, stored, toasts

DAILY = OpeningHours((Opening("FREQ=DAILY", time(8), time(18)),), timezone="UTC")
"""Open every day from 08:00 to 18:00 (UTC, as the tests' clock)."""
CLOSING = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
"""Closing time on the day the tests' clock starts, a Thursday at 09:00."""


def masthead(pilot: Pilot[None]) -> str:
    return str(pilot.app.screen.query_one(Masthead).render())


async def test_at_closing_time_everyone_still_here_is_checked_out_at_closing_time(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    here = {p.visit.id for p in stored(demo_data, clock).present_for_hosts()}
    app = make_app(hours=DAILY)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        # Before closing, nobody is checked out
        clock.now = CLOSING - timedelta(seconds=1)
        await let_time_pass(pilot, 1)
        assert stored(demo_data, clock).here_count() == len(here) == 9
        # When closing time passes while the kiosk runs
        clock.now = CLOSING + timedelta(seconds=1)
        await let_time_pass(pilot, 1)
        await settle(pilot)
        # Then everyone still here is checked out at 18:00, by the kiosk, and it says so
        assert any(
            "The space has closed: 9 people still here are checked out" in toast
            for toast in toasts(pilot)
        )
        assert "nobody here right now" in masthead(pilot)  # not "yet", after a whole day
    community = stored(demo_data, clock)
    assert community.here_count() == 0
    today = CLOSING.date()
    closed = [v for v in community.past_visits(today, today) if v.id in here]
    assert len(closed) == len(here)
    assert all(v.until == CLOSING and v.automatic for v in closed)


async def test_a_kiosk_started_after_closing_time_closes_the_day(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    clock.now = CLOSING + timedelta(hours=3)
    app = make_app(hours=DAILY)
    async with app.run_test(size=(100, 30)) as pilot:
        await let_time_pass(pilot, 1)
    community = stored(demo_data, clock)
    assert community.here_count() == 0
    today = CLOSING.date()
    assert all(v.until == CLOSING for v in community.past_visits(today, today) if v.automatic)


async def test_without_opening_hours_the_kiosk_writes_no_closing_by_itself(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given no opening hours, two days pass with the kiosk running
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        clock.now += timedelta(days=2)
        await let_time_pass(pilot, 1)
    # Then the visits nobody checked out ended at their day's midnight, so nobody is
    # here; but the kiosk wrote nothing by itself: the next change writes their ends
    reopened = stored(demo_data, clock)
    assert reopened.here_count() == 0
    assert len(reopened.store.open_visits()) == 9


async def test_every_screen_says_until_when_the_space_is_open(
    make_app: MakeApp, clock: FakeClock
) -> None:
    app = make_app(hours=DAILY)
    async with app.run_test(size=(100, 30)) as pilot:
        assert "09:00 · open until 18:00 · 9 here" in masthead(pilot)
        await pilot.press("f2")
        assert "open until 18:00" in masthead(pilot)
        clock.now = CLOSING + timedelta(minutes=30)
        await let_time_pass(pilot, 1)
        assert "18:30 · closed · opens tomorrow at 08:00" in masthead(pilot)
