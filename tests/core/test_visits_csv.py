"""The visits export: the columns hosts asked for, guests beside their hosts, local times,
and no cell a spreadsheet would run."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.exchange.spreadsheet import guarded, unguarded
from kiosk.exchange.visits_csv import write_visits
from kiosk.models import Member, Visit

NINE = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")


def member(id: str, name: str) -> Member:
    return Member(id=id, name=name, joined=NINE - timedelta(days=100))


MEMBERS = {m.id: m for m in (member("ana", "Ana Lima"), member("zoe", "Zoë 李"))}


def exported(visits: list[Visit], members: dict[str, Member] = MEMBERS) -> list[list[str]]:
    file = io.StringIO(newline="")
    count = write_visits(file, visits, members, BERLIN)
    rows = list(csv.reader(io.StringIO(file.getvalue(), newline="")))
    assert count == len(rows) - 1
    return rows


HEADER = [
    *("member id", "name", "guest-of", "since", "until", "minutes", "status", "automatic"),
    *("in progress", "event"),
]


def test_each_visit_is_a_row_under_the_header() -> None:
    visits = [
        Visit("v1", "ana", NINE, until=NINE + timedelta(hours=2, minutes=30, seconds=59)),
        Visit("v2", "ana", NINE, until=NINE + timedelta(hours=1), guest="Bo Berg"),
        Visit("v3", "zoe", NINE + timedelta(hours=1), status="heads-down", event="Soldering 101"),
        Visit("v4", "ana", NINE, until=NINE + timedelta(hours=8), automatic=True),
        Visit("v5", "", NINE, until=NINE + timedelta(minutes=5), status="incognito"),
    ]
    # Berlin is an hour ahead of UTC in November.
    # Zoë is still here: no end, no length, and "in progress" says so; she came for an event.
    assert exported(visits) == [
        HEADER,
        [
            *("ana", "Ana Lima", "", "2026-11-26 10:00", "2026-11-26 12:30", "150", "open"),
            *("no", "no", ""),
        ],
        [
            "",
            "Bo Berg",
            "Ana Lima",
            "2026-11-26 10:00",
            "2026-11-26 11:00",
            "60",
            "open",
            "no",
            "no",
            "",
        ],
        [
            *("zoe", "Zoë 李", "", "2026-11-26 11:00", "", "", "heads-down", "no", "yes"),
            "Soldering 101",
        ],
        [
            *("ana", "Ana Lima", "", "2026-11-26 10:00", "2026-11-26 18:00", "480", "open"),
            *("yes", "no", ""),
        ],
        ["", "", "", "2026-11-26 10:00", "2026-11-26 10:05", "5", "incognito", "no", "no", ""],
    ]


def test_no_visits_is_the_header_alone() -> None:
    assert exported([]) == [HEADER]


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1 555", "'+1 555"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("Ana = Bo", "Ana = Bo"),
        ("'quoted'", "'quoted'"),
        ("", ""),
    ],
)
def test_a_cell_a_spreadsheet_would_run_is_shown_as_text(cell: str, shown: str) -> None:
    assert guarded(cell) == shown
    assert unguarded(guarded(cell)) == cell


def test_names_that_look_like_formulas_are_exported_as_text() -> None:
    members = {"m1": member("m1", "=cmd|' /C calc'!A0"), "m2": member("m2", "@Ana")}
    visits = [Visit("v1", "m1", NINE), Visit("v2", "m2", NINE, guest="+Bo")]
    rows = exported(visits, members)
    assert [row[:3] for row in rows[1:]] == [
        ["m1", "'=cmd|' /C calc'!A0", ""],
        ["", "'+Bo", "'@Ana"],
    ]


def test_the_file_is_utf8(tmp_path: Path) -> None:
    path = tmp_path / "visits.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        write_visits(file, [Visit("v1", "zoe", NINE)], MEMBERS, BERLIN)
    assert "zoe,Zoë 李,,2026-11-26 10:00".encode() in path.read_bytes()
