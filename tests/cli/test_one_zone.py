"""One time zone for everything the command line shows or writes: on a machine running
UTC (as every test's does), a config in Berlin shows Berlin's time everywhere.

The test's moment is Thursday 26 November 2026, 23:30 UTC: 00:30 on Friday 27 November
in Berlin (UTC+1 in winter), so a time or a day taken from the machine's zone shows."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.cli.conftest import HOSTS_CONFIG
from tests.cli.running import Kiosk
from tests.conftest import FakeClock

BERLIN = """\
space_name = "Makerspace North"
timezone = "Europe/Berlin"

[spaceapi]
logo = "https://example.org/logo.png"
url = "https://example.org"

[[hours.open]]
rule = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
from = "09:00"
to = "18:00"
"""


@pytest.fixture
def in_berlin(kiosk: Kiosk, clock: FakeClock) -> str:
    """A space in Berlin; Ana, a member since the test began, checks in at 23:30 UTC.
    Returns her id."""
    HOSTS_CONFIG.write_text(BERLIN)
    ana = kiosk.add_member("Ana Lima")
    clock.advance(hours=14, minutes=30)
    return ana


def test_every_command_shows_berlins_time_and_day(
    kiosk: Kiosk, in_berlin: str, tmp_path: Path
) -> None:
    # Checking in says the time on the space's clocks
    assert kiosk("checkin", in_berlin).out == "Checked in Ana Lima at 00:30 (open to chat).\n"
    # Who is here, since when
    assert kiosk("present").out.startswith("Ana Lima  since 00:30 · 0 min")
    # "today" is Friday in Berlin, and the export's times are Berlin's
    exported = kiosk("export", "visits", "--from", "today")
    assert exported.err == "Visits from Friday, 27 November 2026 until Friday, 27 November 2026.\n"
    [row] = list(csv.DictReader(io.StringIO(exported.out, newline="")))
    assert (row["since"], row["in progress"]) == ("2026-11-27 00:30", "yes")
    # The member joined on Thursday in Berlin too (10:00 there)
    assert "  joined Thursday, 26 November 2026" in kiosk("members", "show", in_berlin).out
    # The SpaceAPI file says the space opens at 09:00 today, Friday, not "tomorrow"
    state = json.loads(kiosk("spaceapi").out)["state"]
    assert state == {"open": False, "message": "closed · opens at 09:00"}
    # `kiosk config` tells the time it makes it
    assert 'now = "2026-11-27 00:30"' in kiosk("config").out.splitlines()
    # And backups are named for the day in Berlin: the first of Thursday (when Ana was
    # added, at 10:00), then the first of Friday, and the one made now
    assert kiosk("backup").code == 0
    backups = sorted(p.name for p in (tmp_path / "kiosk-data" / "backups").glob("0*"))
    assert [name[7:] for name in backups] == ["2026-11-26", "2026-11-27", "2026-11-27"]


def test_the_older_hours_time_zone_is_the_same_one_zone(kiosk: Kiosk, in_berlin: str) -> None:
    HOSTS_CONFIG.write_text(
        BERLIN.replace('timezone = "Europe/Berlin"\n', "").replace(
            "[[hours.open]]", '[hours]\ntimezone = "Europe/Berlin"\n\n[[hours.open]]'
        )
    )
    assert kiosk("checkin", in_berlin).out == "Checked in Ana Lima at 00:30 (open to chat).\n"
