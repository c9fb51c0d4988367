"""`kiosk export visits`: to a file or to standard output, visits in progress included."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest

from kiosk.storage.member_files import file_of
from tests.cli.running import Kiosk
from tests.conftest import FakeClock


@pytest.fixture
def a_morning(kiosk: Kiosk, clock: FakeClock) -> Kiosk:
    """Ana came at 09:00 and left at 10:30; Bo came at 10:00 and is still here."""
    ana, bo = kiosk.add_member("Ana Lima"), kiosk.add_member("Bo Berg")
    kiosk("checkin", ana)
    clock.advance(hours=1)
    kiosk("checkin", bo)
    clock.advance(minutes=30)
    kiosk("checkout", ana)
    return kiosk


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_a_dash_writes_to_standard_output_with_visits_in_progress(
    a_morning: Kiosk, tmp_path: Path
) -> None:
    exported = a_morning("export", "visits", "--from", "today", "--out", "-")
    assert exported.code == 0, exported.err
    assert [(r["name"], r["since"], r["until"], r["minutes"], r["in progress"]) for r in
            rows(exported.out)] == [
        ("Ana Lima", "2026-11-26 09:00", "2026-11-26 10:30", "90", "no"),
        ("Bo Berg", "2026-11-26 10:00", "", "", "yes"),
    ]  # fmt: skip
    assert not (tmp_path / "-").exists()


def test_standard_output_is_the_default(a_morning: Kiosk) -> None:
    to_dash = a_morning("export", "visits", "--from", "today", "--out", "-").out
    assert a_morning("export", "visits", "--from", "today").out == to_dash


class ClosedPipe(io.StringIO):
    """Standard output whose reader went away, as `| head -1` does after a line."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_pipe_is_quiet(a_morning: Kiosk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    exported = a_morning("export", "visits", "--from", "today")
    assert exported.code == 0
    assert (
        exported.err == "Visits from Thursday, 26 November 2026 until Thursday, 26 November 2026.\n"
    )


def test_help_explains_every_column(a_morning: Kiosk) -> None:
    header = next(csv.reader(io.StringIO(a_morning("export", "visits", "--from", "today").out)))
    helped = a_morning("export", "visits", "--help")
    assert helped.code == 0
    explained = helped.out.split("columns:\n", 1)[1].splitlines()
    assert [line[2:15].strip() for line in explained] == header
    assert all(len(line[15:].strip()) > 10 for line in explained)


def test_the_export_reads_only_the_members_it_names(a_morning: Kiosk, tmp_path: Path) -> None:
    # Given a member who did not come today, whose file (shared with nobody who came)
    # is damaged
    members = tmp_path / "kiosk-data" / "members"
    came = {file_of(row["member id"]) for row in rows(a_morning("export", "visits").out)}
    away = a_morning.add_member("Cy Dahl")
    while file_of(away) in came:  # one file in a thousand holds both: another member then
        away = a_morning.add_member("Cy Dahl")
    (members / file_of(away)).write_text("{not json")
    # When a host exports today's visits
    exported = a_morning("export", "visits", "--from", "today")
    # Then those who came are named, read from their own files alone
    assert exported.code == 0, exported.err
    assert [row["name"] for row in rows(exported.out)] == ["Ana Lima", "Bo Berg"]
