"""What the command line lets out: no field a member keeps for hosts in a listing, and
every choice of who sees what (the board, hosts only, named online) kept through an
export and an import."""

from __future__ import annotations

from pathlib import Path

from tests.cli.running import Kiosk


def test_a_plain_listing_shows_no_topic_kept_for_hosts(kiosk: Kiosk) -> None:
    ana = kiosk.add_member("Ana Lima", "--topic", "tax forms")
    kiosk.add_member("Bo Berg", "--topic", "synths")
    kiosk("members", "edit", ana, "--hosts-only", "topics")
    listed = kiosk("members", "list").out
    assert "tax forms" not in listed
    assert "(synths)" in listed
    assert "topics" not in kiosk("members", "list", "--json").json()[0]


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
