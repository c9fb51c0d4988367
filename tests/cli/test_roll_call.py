"""`kiosk roll-call`: everyone in the building, read aloud, ticked off, printed (by a real
browser: one A4 sheet for each 40 people); from a read-only folder and a backup too."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from kiosk.community.community import Community
from kiosk.safety.roll_call import RollCall
from kiosk.storage.store import Store
from tests.cli.running import Kiosk
from tests.conftest import FakeClock
from tests.core.test_disk_errors import remount, small_disk
from tests.e2e.conftest import chromium

# The fixtures: a real small disk, remounted read-only here, and a headless Chromium.
__all__ = ["chromium", "small_disk"]

DATA = Path("kiosk-data")
SAFETY = "This list names everyone in the building, incognito members too: it is for safety.\n"


def spoken(name: str) -> str:
    """How names are put in order for reading aloud: without case or accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if c.isalnum()).casefold()


def demo_with_incognito_ines(kiosk: Kiosk, clock: FakeClock) -> None:
    """The demo (nine here, Sam Okoro among them as Jürgen Weiß's guest), then Inès,
    checked in incognito."""
    assert kiosk("demo").code == 0
    kiosk.add_member("Inès Dubois")
    clock.advance(minutes=1)
    assert kiosk("checkin", "Inès Dubois", "--status", "incognito").code == 0


def test_the_roll_call_names_everyone_here_incognito_members_and_guests_too(
    kiosk: Kiosk, clock: FakeClock
) -> None:
    demo_with_incognito_ines(kiosk, clock)
    here = kiosk("present", "--json").json()
    public = sorted(p["name"] for p in here if not p["name"].startswith("guest of "))
    called = kiosk("roll-call")
    assert (called.code, called.err) == (0, "")
    lines = called.out.splitlines()
    assert lines[0] == "Roll call at 09:01: 10 in the building, 0 accounted for, 10 not yet."
    assert lines[1] + "\n" == SAFETY
    names = [line.removeprefix("[ ] ").split("  since ")[0] for line in lines[2:]]
    assert "Inès Dubois" in names and "Inès Dubois" not in public
    assert "Sam Okoro, guest of Jürgen Weiß" in names
    assert set(public) <= set(names)
    assert names == sorted(names, key=spoken)


def test_the_status_says_who_is_not_yet_accounted_for(kiosk: Kiosk, clock: FakeClock) -> None:
    demo_with_incognito_ines(kiosk, clock)
    community = Community(Store.open(DATA), clock)
    ticks = RollCall(community.store)
    here = {p.visit.guest or p.member.name: p.visit.id for p in community.present_for_hosts()}
    clock.advance(minutes=2)
    for name in here:
        if name != "Inès Dubois":
            ticks.tick(here[name], True, clock(), here.values())
    status = kiosk("roll-call", "--status")
    assert status.out == (
        "Roll call at 09:03: 10 in the building, 9 accounted for, 1 not yet.\n"
        + SAFETY
        + "Not yet accounted for:\nInès Dubois  since 09:01\n"
    )
    as_json = kiosk("roll-call", "--json").json()
    assert [p["name"] for p in as_json if p["accounted_for"] is None] == ["Inès Dubois"]
    assert kiosk("roll-call", "--clear").out == "The roll call starts over: nobody is ticked off.\n"
    assert "0 accounted for, 10 not yet" in kiosk("roll-call", "--status").out


def test_a_tick_is_for_one_visit_and_goes_when_the_visit_ends(
    kiosk: Kiosk, clock: FakeClock
) -> None:
    kiosk.add_member("Zoë Martin")
    kiosk.add_member("Björn Andersson")
    kiosk("checkin", "Zoë Martin")
    kiosk("checkin", "Björn Andersson")
    community = Community(Store.open(DATA), clock)
    ticks = RollCall(community.store)
    zoe, bjorn = sorted(community.present_for_hosts(), key=lambda p: p.member.name != "Zoë Martin")
    ticks.tick(zoe.visit.id, True, clock(), [zoe.visit.id, bjorn.visit.id])
    # Zoë leaves and comes back: her new visit is not accounted for
    kiosk("checkout", "Zoë Martin")
    clock.advance(minutes=5)
    kiosk("checkin", "Zoë Martin")
    assert "[ ] Zoë Martin" in kiosk("roll-call").out
    # and the next tick forgets the tick of the visit that ended
    community.refresh()
    ticks.tick(bjorn.visit.id, True, clock(), [p.visit.id for p in community.present_for_hosts()])
    assert list(ticks.ticks()) == [bjorn.visit.id]


def test_the_roll_call_is_printed_and_kept_as_csv_for_the_owner_alone(
    kiosk: Kiosk, clock: FakeClock, tmp_path: Path
) -> None:
    demo_with_incognito_ines(kiosk, clock)
    kiosk.add_member("<b>Bobby</b> =SUM(A1)")
    kiosk("checkin", "<b>Bobby</b> =SUM(A1)")
    written = kiosk("roll-call", "--out", "roll-call.html")
    assert written.out == (
        "Wrote the roll call of 11 people: roll-call.html to print, "
        "roll-call.csv for a spreadsheet.\n"
    )
    page = (tmp_path / "roll-call.html").read_text()
    assert "Inès Dubois" in page and "Sam Okoro, guest of Jürgen Weiß" in page
    assert "&lt;b&gt;Bobby&lt;/b&gt; =SUM(A1)" in page and "<b>Bobby" not in page
    assert "incognito members too: it is for safety" in page
    rows = list(csv.DictReader(io.StringIO((tmp_path / "roll-call.csv").read_text())))
    assert len(rows) == 11
    assert {"name": "Sam Okoro", "guest_of": "Jürgen Weiß"}.items() <= next(
        row for row in rows if row["name"] == "Sam Okoro"
    ).items()
    assert any(row["name"] == "<b>Bobby</b> =SUM(A1)" for row in rows)
    for name in ("roll-call.html", "roll-call.csv"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o600


def test_a_csv_name_for_the_page_is_refused(kiosk: Kiosk) -> None:
    kiosk.add_member("Zoë Martin")
    refused = kiosk("roll-call", "--out", "list.csv")
    assert refused.code != 0
    assert "name the page to print, like roll-call.html" in refused.err


def test_the_roll_call_reads_a_backup_and_leaves_it_as_it_was(
    kiosk: Kiosk, clock: FakeClock
) -> None:
    demo_with_incognito_ines(kiosk, clock)
    assert kiosk("backup").code == 0
    backup = max(p for p in (DATA / "backups").iterdir() if p.name[:1].isdigit())
    before = {p: p.read_bytes() for p in backup.rglob("*") if p.is_file()}
    clock.advance(hours=1)
    kiosk("checkout", "Inès Dubois")
    called = kiosk("roll-call", "--data", str(backup))
    assert "Inès Dubois  since 09:01" in called.out
    assert {p: p.read_bytes() for p in backup.rglob("*") if p.is_file()} == before


def test_the_roll_call_reads_a_read_only_disk(
    kiosk: Kiosk, clock: FakeClock, small_disk: Path, tmp_path: Path
) -> None:
    data = small_disk / "data"
    kiosk.add_member("Zoë Martin", "--data", str(data))
    kiosk("checkin", "Zoë Martin", "--data", str(data), "--status", "incognito")
    remount(small_disk, "ro")
    called = kiosk("roll-call", "--data", str(data), "--out", str(tmp_path / "rc.html"))
    assert called.code == 0, called.err
    assert "Zoë Martin" in (tmp_path / "rc.csv").read_text()
    assert "[ ] Zoë Martin  since 09:00" in kiosk("roll-call", "--data", str(data)).out


def test_damaged_ticks_never_hide_anyone(kiosk: Kiosk, clock: FakeClock) -> None:
    kiosk.add_member("Zoë Martin")
    kiosk("checkin", "Zoë Martin")
    (DATA / "roll-call.json").write_text(json.dumps({"ticks": {"1": {"visit": 7}}}))
    called = kiosk("roll-call")
    assert called.code == 0
    assert "[ ] Zoë Martin  since 09:00" in called.out
    assert "roll-call.json is damaged" in called.err
    assert "kiosk roll-call --clear" in called.err
    kiosk("roll-call", "--clear")
    assert kiosk("roll-call").err == ""


@pytest.mark.parametrize(("here", "sheets"), [(40, 1), (41, 2), (90, 3)])
def test_the_printed_roll_call_takes_a_sheet_for_each_forty_people(
    kiosk: Kiosk, clock: FakeClock, chromium: str, tmp_path: Path, here: int, sheets: int
) -> None:
    # Given `here` people in the building, some with names far too long for a line
    for number in range(here):
        long = " Wolfeschlegelsteinhausenbergerdorff-Maximiliane" * (number % 4 == 0)
        name = f"Member {number:03d}{long}"
        kiosk.add_member(name)
        assert kiosk("checkin", name).code == 0
    assert kiosk("roll-call", "--out", "roll-call.html").code == 0
    # When a browser prints the page
    pdf = tmp_path / "roll-call.pdf"
    printed = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            (tmp_path / "roll-call.html").as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert printed.returncode == 0, printed.stderr
    # Then it takes one sheet for each forty people, whatever their names
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes())) == sheets
