"""The host's stats: figures counted from the history off the UI thread, and shown."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kiosk.community import stats
from kiosk.community.figures import CHART_DAYS, gather
from kiosk.community.stats import Period
from kiosk.timekeeping.opening import local_day
from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp
from tests.ui.driving import shown, stored
from tests.ui.hosting import open_console


def test_newcomers_are_told_apart_as_the_whole_history_would_tell_them(
    demo_data: Path, clock: FakeClock
) -> None:
    # Given the demo's eight weeks, and a member who first came long before them
    community = stored(demo_data, clock)
    today = local_day(community.clock(), community.zone)
    month = Period.last_days(today, CHART_DAYS, community.zone)
    everything = [
        *community.past_visits(date(2000, 1, 1), today),
        *(p.visit for p in community.present_for_hosts()),
    ]
    # When the figures are gathered a month at a time
    figures = gather(community)
    # Then new and returning members are what the whole history says
    assert figures.newcomers == stats.newcomers(everything, month)
    assert figures.newcomers.new + figures.newcomers.returning > 0
    assert figures.per_day == stats.people_per_day(everything, month)


async def test_the_stats_show_who_is_here_today_and_the_last_month(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    community = stored(demo_data, clock)
    figures = gather(community)
    app = make_app(capacity=40)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_console(pilot, "f6")
        text = shown(pilot)
        # Eight members and a guest are here, of forty the space holds
        assert "9 of 40\n8 + 1 guest" in text
        assert f"{figures.newcomers.new} new\n{figures.newcomers.returning} returning" in text
