"""`kiosk members show/edit/delete/new-badge/deactivate/merge` and `kiosk topics merge`."""

from __future__ import annotations

from pathlib import Path

from tests.cli.running import Kiosk


def test_a_host_edits_a_profile_and_sees_it_with_what_is_kept_for_hosts(kiosk: Kiosk) -> None:
    ana = kiosk.add_member("Ana Lima")
    edited = kiosk(
        "members", "edit", "Ana Lima",
        "--intro", "Builds synths",
        "--ask-me-about", "Python", "--ask-me-about", "soldering",
        "--looking-for", "a ride home",
        "--learning", "Rust",
        "--mentor", "Python",
        "--hosts-only", "looking_for",
    )  # fmt: skip
    assert (edited.code, edited.out) == (0, "Saved the profile of Ana Lima.\n")
    shown = kiosk("members", "show", ana)
    assert "  about me: Builds synths\n" in shown.out
    assert "  ask me about: Python, soldering\n" in shown.out
    assert "  could use a hand with: a ride home  (hosts only)\n" in shown.out
    as_json = kiosk("members", "show", ana, "--json").json()
    assert as_json["learning"] == ["Rust"] and as_json["hosts_only"] == ["looking_for"]
    # A field kept for hosts is never in a listing
    assert "looking_for" not in kiosk("members", "list", "--json").json()[0]
    kiosk("checkin", ana)
    assert "a ride home" not in kiosk("present", "--json").out


def test_on_board_no_takes_a_member_off_every_public_listing(kiosk: Kiosk) -> None:
    ana = kiosk.add_member("Ana Lima")
    kiosk("checkin", ana)
    assert kiosk("members", "edit", ana, "--on-board", "no").code == 0
    assert kiosk("present", "--json").json() == []


def test_edit_with_nothing_to_change_says_so(kiosk: Kiosk) -> None:
    kiosk.add_member("Ana Lima")
    refused = kiosk("members", "edit", "Ana Lima")
    assert refused.code == 2
    assert "Nothing to change" in refused.err


def test_incognito_is_counted_but_shown_nowhere(kiosk: Kiosk) -> None:
    ana = kiosk.add_member("Ana Lima")
    assert kiosk("checkin", ana, "--status", "incognito").out.endswith("(incognito).\n")
    assert kiosk("present", "--json").json() == []
    assert "Ana" not in kiosk("present").out


def test_a_new_badge_replaces_the_old_code(kiosk: Kiosk) -> None:
    ana = kiosk.add_member("Ana Lima")
    old = kiosk("members", "list", "--json").json()[0]["badge"]
    renewed = kiosk("members", "new-badge", ana)
    new = kiosk("members", "list", "--json").json()[0]["badge"]
    assert new != old
    assert renewed.out == f"Ana Lima's new badge code is {new}; the old badge no longer works.\n"


def test_a_paused_member_cannot_check_in_until_reactivated(kiosk: Kiosk) -> None:
    ana = kiosk.add_member("Ana Lima")
    assert kiosk("members", "deactivate", ana).code == 0
    assert "[paused]" in kiosk("members", "list").out
    refused = kiosk("checkin", ana)
    assert (refused.code, refused.err) == (
        1,
        "kiosk: Ana Lima's membership is paused. Please check with a host.\n",
    )
    assert kiosk("members", "reactivate", ana).code == 0
    assert kiosk("checkin", ana).code == 0


def test_delete_asks_to_be_confirmed_and_then_leaves_no_trace(kiosk: Kiosk, tmp_path: Path) -> None:
    ana = kiosk.add_member("Ana Lima")
    kiosk("checkin", ana)
    kiosk("shoutout", "--from", ana, "Thanks all")
    refused = kiosk("members", "delete", ana)
    assert refused.code == 1 and "add --yes to confirm" in refused.err
    deleted = kiosk("members", "delete", ana, "--yes")
    assert deleted.code == 0, deleted.err
    assert "their visits stay as anonymous counts" in deleted.out
    live = [p for p in (tmp_path / "kiosk-data").rglob("*.json") if "backups" not in p.parts]
    assert not any(ana in p.read_text() or "Ana Lima" in p.read_text() for p in live)
    assert kiosk("shoutouts", "--json").json() == []


def test_two_records_are_merged_into_one(kiosk: Kiosk) -> None:
    ana = kiosk.add_member("Ana Lima", "--topic", "synths")
    copy = kiosk.add_member("Ana L.", "--topic", "Rust")
    merged = kiosk("members", "merge", ana, copy)
    assert merged.out == f"Merged Ana L. ({copy}) into Ana Lima ({ana}).\n"
    [member] = kiosk("members", "list", "--json").json()
    assert member["topics"] == ["synths", "Rust"]


def test_topics_are_merged_for_every_member(kiosk: Kiosk) -> None:
    kiosk.add_member("Ana Lima", "--topic", "3-D printing")
    kiosk.add_member("Bo Berg", "--topic", "3d printing", "--topic", "wood")
    merged = kiosk("topics", "merge", "3-D printing", "3D printing")
    # Bo had the new topic in another spelling: it is written one way now
    assert merged.out == "Merged '3-D printing' into '3D printing' for 2 members.\n"
    topics = [m["topics"] for m in kiosk("members", "list", "--json").json()]
    assert topics == [["3D printing"], ["3D printing", "wood"]]
    unknown = kiosk("topics", "merge", "knitting", "yarn")
    assert (unknown.code, unknown.err) == (1, "kiosk: No member has the topic 'knitting'.\n")
