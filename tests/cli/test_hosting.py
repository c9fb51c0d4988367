"""Commands hosts and cron run: guests, closing the day, exports, the question of the
week, moderation, and member CSV files."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from textual.pilot import Pilot

from kiosk.access.hosts import DEMO_PIN_WARNING
from kiosk.access.pin import hash_pin
from screens.app import KioskApp
from tests.cli.running import Kiosk
from tests.conftest import FakeClock


def test_a_guest_is_signed_in_and_leaves_with_their_host(kiosk: Kiosk, clock: FakeClock) -> None:
    ana = kiosk.add_member("Ana Lima")
    kiosk("checkin", ana)
    signed = kiosk("guest", "Sam Okoro", "--of", "Ana Lima")
    assert signed.out == "Signed in Sam Okoro, guest of Ana Lima; they leave with Ana.\n"
    clock.advance(hours=1)
    kiosk("checkout", ana)
    rows = list(csv.DictReader(io.StringIO(kiosk("export", "visits", "--from", "today").out)))
    assert sorted((r["name"], r["guest-of"], r["minutes"]) for r in rows) == [
        ("Ana Lima", "", "60"),
        ("Sam Okoro", "Ana Lima", "60"),
    ]


def test_present_lists_guests_as_the_board_does(kiosk: Kiosk, clock: FakeClock) -> None:
    # Given Ana here on the board and Bo here incognito, each with a guest
    ana, bo = kiosk.add_member("Ana Lima"), kiosk.add_member("Bo Berg")
    kiosk("checkin", ana)
    kiosk("checkin", bo, "--status", "incognito")
    kiosk("guest", "Sam Okoro", "--of", "Ana Lima")
    clock.advance(minutes=5)
    kiosk("guest", "Kim Park", "--of", "Bo Berg")
    # When anyone asks who is here
    listed = kiosk("present").out
    shown = kiosk("present", "--json").out
    # Then Ana's guest is hers and Bo's is nobody's; no guest is named, nor is Bo
    assert "guest of Ana" in listed and "a guest" in listed
    assert '"guest of Ana"' in shown and '"a guest"' in shown
    for hidden in ("Sam", "Kim", "Bo"):
        assert hidden not in listed and hidden not in shown


def test_export_states_the_days_it_read_and_writes_a_file(
    kiosk: Kiosk, clock: FakeClock, tmp_path: Path
) -> None:
    ana = kiosk.add_member("Ana Lima")
    kiosk("checkin", ana)
    clock.advance(minutes=90)
    kiosk("checkout", ana)
    exported = kiosk("export", "visits", "--from", "yesterday", "--to", "today", "--out", "v.csv")
    assert (
        exported.err
        == "Visits from Wednesday, 25 November 2026 until Thursday, 26 November 2026.\n"
    )
    assert exported.out == "Wrote 1 visit to v.csv.\n"
    with (tmp_path / "v.csv").open(encoding="utf-8", newline="") as file:
        [row] = list(csv.DictReader(file))
    assert (row["member id"], row["status"], row["automatic"]) == (ana, "open", "no")


def test_an_export_of_days_the_wrong_way_round_is_refused(kiosk: Kiosk) -> None:
    kiosk.add_member("Ana Lima")
    refused = kiosk("export", "visits", "--from", "today", "--to", "yesterday")
    assert refused.code == 2 and "the wrong way round" in refused.err


def test_the_question_of_the_week_is_set_shown_and_cleared(kiosk: Kiosk) -> None:
    kiosk.add_member("Ana Lima")
    assert kiosk("question", "set", "What are you making?").code == 0
    assert kiosk("question", "show").out == "What are you making?\n"
    assert kiosk("question", "clear").out == "There is no question of the week now.\n"
    assert kiosk("question", "show").out == "There is no question of the week.\n"


def test_a_hidden_shout_out_is_listed_only_for_hosts(kiosk: Kiosk) -> None:
    ana = kiosk.add_member("Ana Lima")
    posted = kiosk("shoutout", "--from", ana, "Something rude").out.strip()
    assert kiosk("hide-shoutout", posted).code == 0
    assert kiosk("shoutouts", "--json").json() == []
    assert "[hidden]" in kiosk("shoutouts", "--all").out
    assert kiosk("restore-shoutout", posted).code == 0
    assert [s["id"] for s in kiosk("shoutouts", "--json").json()] == [posted]


def test_members_round_trip_through_a_csv_file_without_duplicates(
    kiosk: Kiosk, tmp_path: Path
) -> None:
    kiosk.add_member("Ana Lima", "--topic", "synths")
    assert kiosk("members", "export", "members.csv").out == "Wrote 1 member to members.csv.\n"
    again = kiosk("members", "import", "members.csv")
    assert again.out == "Imported members.csv: 0 added, 0 updated, 1 already as they are.\n"
    (tmp_path / "new.csv").write_text("name,topics,on_board\nBo Berg,wood; coffee,yes\n")
    added = kiosk("members", "import", "new.csv")
    assert added.out == "Imported new.csv: 1 added, 0 updated, 0 already as they are.\n"
    assert kiosk("members", "import", "new.csv").out.endswith("1 already as they are.\n")
    names = [m["name"] for m in kiosk("members", "list", "--json").json()]
    assert names == ["Ana Lima", "Bo Berg"]


def test_a_csv_with_a_bad_row_imports_nothing_unless_told_to_skip_it(
    kiosk: Kiosk, tmp_path: Path
) -> None:
    kiosk.add_member("Ana Lima")
    (tmp_path / "bad.csv").write_text("name,on_board\nBo Berg,yes\nCy Chen,maybe\n")
    refused = kiosk("members", "import", "bad.csv")
    assert refused.code == 1
    assert "bad.csv: line 3, column on_board: 'maybe' is not yes or no" in refused.err
    assert "Nothing was imported" in refused.err
    assert len(kiosk("members", "list", "--json").json()) == 1
    skipped = kiosk("members", "import", "bad.csv", "--skip-bad-rows")
    assert skipped.out.endswith("1 added, 0 updated, 0 already as they are, 1 skipped.\n")


def test_the_kiosk_tells_the_host_of_the_demo_pin_on_stderr_once_it_stops(
    kiosk: Kiosk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a real member, and a config with the published demo PIN
    kiosk.add_member("Ada Real")
    config = tmp_path / "kiosk.toml"
    config.write_text(f'host_pin_hash = "{hash_pin("1234", salt="tests")}"\n', encoding="utf-8")
    config.chmod(0o600)
    run = KioskApp.run

    def until_it_looked(app: KioskApp, **options: object) -> None:
        async def look_then_stop(pilot: Pilot[object]) -> None:
            looked = [w for w in pilot.app.workers if w.group == "host-warnings"]
            await pilot.app.workers.wait_for_complete(looked)
            await pilot.pause()
            pilot.app.exit()

        run(app, headless=True, size=(80, 24), auto_pilot=look_then_stop)

    monkeypatch.setattr(KioskApp, "run", until_it_looked)
    # When the kiosk runs and stops
    ran = kiosk("--config", str(config), "--data", str(tmp_path / "kiosk-data"))
    # Then stderr tells the host, once the screen is the terminal's again
    assert ran.code == 0
    assert ran.err == f"kiosk: warning: {DEMO_PIN_WARNING}\n"
