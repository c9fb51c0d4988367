"""What the command line lets out: no field a member keeps for hosts in a listing, and
every choice of who sees what (the board, hosts only, named online) kept through an
export and an import, files a host exports for their owner alone, no incognito visit
named in them, and no shout-out that says when a member was here unseen."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.community.community import Community
from kiosk.storage.store import Store
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


def test_an_answer_given_here_unseen_is_listed_once_she_left_by_its_day(
    kiosk: Kiosk, clock: FakeClock, tmp_path: Path
) -> None:
    # Given Ana, here incognito, who answers the question of the week at 09:00
    ana = kiosk.add_member("Ana Lima")
    kiosk("question", "set", "What are you making this week?")
    kiosk("checkin", ana, "--status", "incognito")
    Community(Store.open(tmp_path / "kiosk-data"), clock).answer(ana, "A secret garden")
    # Then the board's answers, as the command lists them, leave hers out while she is here
    assert kiosk("question", "show", "--json").json()["answers"] == []
    # And once she has left, hers is there, with its day and never its time
    clock.advance(hours=2)
    kiosk("checkout", ana)
    [listed] = kiosk("question", "show", "--json").json()["answers"]
    assert (listed["text"], listed["given"]) == ("A secret garden", "2026-11-26")
    # While hosts see it as it was
    [exact] = kiosk("question", "show", "--all", "--json").json()["answers"]
    assert exact["given"] == "2026-11-26T09:00:00+00:00"


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


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A umask that lets every user read new files, as many desktop sessions have."""
    before = os.umask(0o022)
    yield
    os.umask(before)


@pytest.mark.usefixtures("open_umask")
def test_what_a_host_exports_is_theirs_alone_and_never_written_through_a_planted_link(
    kiosk: Kiosk, tmp_path: Path
) -> None:
    # Given Ana, who keeps what she is looking for for hosts, here today; and at each
    # path a host will export to, a link another user planted to a file of their own
    ana = kiosk.add_member("Ana Lima")
    kiosk("members", "edit", ana, "--looking-for", "a lawyer", "--hosts-only", "looking_for")
    kiosk("checkin", ana)
    planted = tmp_path / "theirs.txt"
    planted.write_text("planted\n")
    members, visits = tmp_path / "members.csv", tmp_path / "visits.csv"
    for path in (members, visits):
        path.symlink_to(planted)
    # When the host exports members, visits and badges
    assert kiosk("members", "export", str(members)).code == 0
    assert kiosk("export", "visits", "--from", "today", "--out", str(visits)).code == 0
    assert kiosk("badges", "--out", str(tmp_path / "badges" / "today")).code == 0
    # Then each file is a file of the host's alone, and the planted one is as it was
    assert planted.read_text() == "planted\n"
    printed = sorted((tmp_path / "badges" / "today").iterdir())
    for path in (members, visits, *printed):
        assert not path.is_symlink()
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE((tmp_path / "badges" / "today").stat().st_mode) == 0o700
    # And the members' file keeps what Ana keeps for hosts, so a move loses nothing
    assert "a lawyer" in members.read_text(encoding="utf-8")


def test_an_incognito_visit_is_counted_in_the_visits_export_but_names_nobody(
    kiosk: Kiosk, clock: FakeClock
) -> None:
    # Given Ana here incognito with a guest she signed in, and Bo here open to chat
    ana, bo = kiosk.add_member("Ana Inc"), kiosk.add_member("Bo Berg")
    kiosk("checkin", ana, "--status", "incognito")
    kiosk("guest", "Robin Hale", "--of", ana)
    clock.advance(minutes=5)
    kiosk("checkin", bo)
    # When a host exports today's visits
    exported = kiosk("export", "visits", "--from", "today")
    # Then all three are counted, and neither Ana nor her being a host is named
    assert exported.code == 0, exported.err
    assert "Ana" not in exported.out and ana not in exported.out
    rows = list(csv.DictReader(io.StringIO(exported.out, newline="")))
    assert [(r["member id"], r["name"], r["guest-of"], r["status"]) for r in rows] == [
        ("", "", "", "incognito"),
        ("", "Robin Hale", "", "open"),
        (bo, "Bo Berg", "", "open"),
    ]


def test_public_shout_outs_carry_no_id_of_a_member_they_do_not_name(
    kiosk: Kiosk, clock: FakeClock
) -> None:
    # Given Olga, off the board, who thanks Zoë and is thanked by Bo
    olga = kiosk.add_member("Olga Off")
    kiosk("members", "edit", olga, "--on-board", "no")
    zoe, bo = kiosk.add_member("Zoë Martin"), kiosk.add_member("Bo Berg")
    kiosk("shoutout", "--from", olga, "--to", zoe, "Thanks for the loom")
    clock.advance(minutes=1)
    kiosk("shoutout", "--from", bo, "--to", olga, "Lovely scarf")
    # When the wall is listed as anyone may read it
    wall = kiosk("shoutouts", "--json").json()
    # Then Olga is "a member" in both, with no id to tie the two together
    assert [(s["from"], s["from_id"], s["to"], s["to_id"]) for s in wall] == [
        ("Bo Berg", bo, "a member", None),  # the newest first
        ("a member", None, "Zoë Martin", zoe),
    ]
    assert olga not in kiosk("shoutouts", "--json").out
    # While hosts see who wrote to whom
    assert olga in kiosk("shoutouts", "--all", "--json").out
