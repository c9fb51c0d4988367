"""What the command line lets out: no field a member keeps for hosts in a listing, and
every choice of who sees what (the board, hosts only, named online) kept through an
export and an import, and no shout-out that says when a member was here unseen."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.running import Kiosk
from tests.conftest import FakeClock


def test_no_listing_shows_a_topic_kept_for_hosts(kiosk: Kiosk) -> None:
    ana = kiosk.add_member("Ana Lima", "--topic", "tax forms")
    kiosk.add_member("Bo Berg", "--topic", "synths")
    kiosk("members", "edit", ana, "--hosts-only", "topics")
    listed = kiosk("members", "list").out
    assert "tax forms" not in listed
    assert "(synths)" in listed
    assert "topics" not in kiosk("members", "list", "--json").json()[0]
    # Nor does the list of who is here, though she brought them today
    kiosk("checkin", ana)
    assert "tax forms" not in kiosk("present").out
    assert "tax forms" not in kiosk("present", "--json").out


def test_an_export_imported_into_a_new_folder_keeps_who_sees_what(
    kiosk: Kiosk, tmp_path: Path
) -> None:
    # Given Ana, who keeps what she is looking for and her topics for hosts and agreed to
    # be named online, and Bo, off the board
    ana = kiosk.add_member("Ana Lima", "--topic", "tax forms")
    kiosk(
        "members", "edit", ana, "--looking-for", "a lawyer", "--hosts-only", "looking_for", "topics"
    )
    kiosk("members", "edit", ana, "--named-online", "yes")
    kiosk.add_member("Bo Berg", "--hidden")
    export = tmp_path / "members.csv"
    assert kiosk("members", "export", str(export)).code == 0
    # When the file is imported into a new data folder
    moved = str(tmp_path / "moved")
    imported = kiosk("--data", moved, "members", "import", str(export))
    assert imported.code == 0, imported.err
    # Then each choice came along: nothing kept for hosts is listed or shown
    shown = kiosk("--data", moved, "members", "show", "Ana Lima", "--json").json()
    assert shown["hosts_only"] == ["looking_for", "topics"]
    assert shown["named_online"] is True
    assert "tax forms" not in kiosk("--data", moved, "members", "list").out
    assert (
        kiosk("--data", moved, "members", "show", "Bo Berg", "--json").json()["on_board"] is False
    )
    kiosk("--data", moved, "checkin", "Ana Lima")
    kiosk("--data", moved, "checkin", "Bo Berg")
    here = kiosk("--data", moved, "present", "--json").out
    assert "Bo Berg" not in here
    assert "a lawyer" not in here and "tax forms" not in here


def test_a_shout_out_written_here_unseen_is_listed_once_its_author_left_by_its_day(
    kiosk: Kiosk, clock: FakeClock
) -> None:
    # Given Ana, here incognito, who thanks everyone at 09:00
    ana = kiosk.add_member("Ana Lima")
    kiosk("checkin", ana, "--status", "incognito")
    kiosk("shoutout", "--from", ana, "Cake in the kitchen")
    # Then the wall as the public sees it lists nothing while she is here
    assert kiosk("shoutouts", "--json").json() == []
    # And once she has left, it is listed with its day, never its time
    clock.advance(hours=2)
    kiosk("checkout", ana)
    [listed] = kiosk("shoutouts", "--json").json()
    assert listed["created"] == "2026-11-26"
    assert "09:00" not in kiosk("shoutouts").out
    # While hosts see it as it was
    [exact] = kiosk("shoutouts", "--all", "--json").json()
    assert exact["created"] == "2026-11-26T09:00:00+00:00"


def test_the_daily_backup_makes_visits_older_than_the_days_kept_anonymous(
    kiosk: Kiosk, clock: FakeClock, tmp_path: Path
) -> None:
    # Given Ana, who came 40 days ago, and a config that keeps visits named for 30 days
    ana = kiosk.add_member("Ana Lima")
    kiosk("checkin", ana)
    clock.advance(hours=3)
    kiosk("checkout", ana)
    kiosk("close-day")  # files her visit into the history
    clock.advance(days=40)
    settings = tmp_path / "kiosk.toml"
    settings.write_text('data_dir = "kiosk-data"\nanonymous_after_days = 30\n', encoding="utf-8")
    # When the day's backup is made
    assert kiosk("--config", str(settings), "backup").code == 0
    # Then her old visit counts still, and names nobody
    old = kiosk("export", "visits", "--from", "2026-11-26").out
    assert "Ana Lima" not in old and ana not in old
    assert old.count("\n") == 2  # the header, and the visit


def test_a_host_gives_a_member_all_of_her_data_as_a_file_of_her_own(
    kiosk: Kiosk, tmp_path: Path
) -> None:
    ana = kiosk.add_member("Ana Lima", "--topic", "tax forms")
    kiosk("members", "edit", ana, "--hosts-only", "topics")
    kiosk("checkin", ana)
    kiosk.add_member("Bo Berg")
    out = tmp_path / "ana.json"
    written = kiosk("members", "data", "Ana Lima", "--out", str(out))
    assert (written.code, written.out) == (0, f"Wrote Ana Lima's data to {out}.\n")
    assert out.stat().st_mode & 0o777 == 0o600  # hers: nobody else on the machine reads it
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["profile"]["topics"] == ["tax forms"]
    assert len(data["visits"]) == 1
    assert "Bo Berg" not in out.read_text(encoding="utf-8")
    assert json.loads(kiosk("members", "data", ana).out) == data
