"""One time zone on every screen: on a machine running UTC (as every test's does), a kiosk
configured for Berlin shows Berlin's time on home, the welcome, the board and the host
console alike.

The moment is Thursday 26 November 2026, 23:30 UTC: 00:30 on Friday in Berlin."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable

from kiosk.config import load_config
from screens.confirmation import CheckedInScreen
from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp
from tests.ui.driving import settle, shown, type_text
from tests.ui.hosting import open_console

BERLIN = """\
timezone = "Europe/Berlin"

[[hours.open]]
rule = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
from = "09:00"
to = "18:00"
"""


def host_rows(pilot: Pilot[None]) -> list[list[str]]:
    table = pilot.app.screen.query_one("#here-table", DataTable)
    return [[str(cell) for cell in table.get_row_at(row)] for row in range(table.row_count)]


async def test_every_screen_shows_berlins_time(
    make_app: MakeApp, demo_data: Path, clock: FakeClock, tmp_path: Path
) -> None:
    # Given a kiosk configured for Berlin, late on Thursday evening by the machine's clock
    config_file = tmp_path / "kiosk.toml"
    config_file.write_text(BERLIN)
    config = load_config(config_file)
    clock.advance(hours=14, minutes=30)
    app = make_app(timezone=config.timezone, hours=config.hours)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        # Then home shows Berlin's clock, and the space opens at 09:00 today (Friday)
        assert "00:30 · closed · opens at 09:00" in shown(pilot)

        # When Dmitri checks in, the welcome says when, on the same clock
        await type_text(pilot, "dmitri")
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CheckedInScreen)
        assert "Checked in at 00:30" in shown(pilot)

        await pilot.press("enter")  # done: back home
        await settle(pilot)

        # And the host's board lists him since 00:30
        await open_console(pilot)
        [row] = [row for row in host_rows(pilot) if "Dmitri" in row[0]]
        assert row[1] == "00:30 · 0 min"
