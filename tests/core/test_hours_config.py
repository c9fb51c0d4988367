"""The [hours] table of the config file: read into opening hours, every mistake named with
its key and what was expected."""

from __future__ import annotations

import re
from datetime import date, time, timedelta
from pathlib import Path

from kiosk.config import load_config
from kiosk.timekeeping.opening import RULE_START, Opening, OpeningHours

EXAMPLE = Path(__file__).parents[2] / "config.example.toml"


def config_file(folder: Path, toml: str) -> Path:
    path = folder / "kiosk.toml"
    path.write_text(toml, encoding="utf-8")
    return path


def test_without_an_hours_table_there_are_no_hours(tmp_path: Path) -> None:
    assert load_config(config_file(tmp_path, "")).hours == OpeningHours()


def test_every_key_is_read(tmp_path: Path) -> None:
    path = config_file(
        tmp_path,
        """
        [hours]
        timezone = "Europe/Berlin"
        closed = ["2026-12-25", "2026-12-28/2026-12-31"]

        [[hours.open]]
        rule = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
        from = "09:00"
        to = 18:00:00

        [[hours.open]]
        rule = "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA"
        starting = "2026-11-28"
        from = "20:00"
        for = "5h30m"
        """,
    )
    assert load_config(path).hours == OpeningHours(
        openings=(
            Opening("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", time(9), closes=time(18)),
            Opening(
                "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA",
                time(20),
                length=timedelta(hours=5, minutes=30),
                starting=date(2026, 11, 28),
            ),
        ),
        closed=(
            (date(2026, 12, 25), date(2026, 12, 25)),
            (date(2026, 12, 28), date(2026, 12, 31)),
        ),
        timezone="Europe/Berlin",
    )


def test_the_example_hours_in_the_example_config_are_read(tmp_path: Path) -> None:
    # The example shows [hours] commented out; without the comment marks it must load.
    example = EXAMPLE.read_text(encoding="utf-8")
    block = example[example.index("# [hours]") :]
    uncommented = re.sub(r"^# ?", "", block, flags=re.MULTILINE)
    hours = load_config(config_file(tmp_path, uncommented)).hours
    assert [o.rule for o in hours.openings] == [
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        "FREQ=WEEKLY;BYDAY=FR",
    ]
    assert hours.openings[1].closes == time(2)
    assert hours.openings[0].starting == RULE_START
