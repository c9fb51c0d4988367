"""`kiosk inductions`: hosts record who is inducted on which tool, by whom and until when,
and mark who may induct others; a tool is one tool however it is typed."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from tests.cli.running import Kiosk
from tests.conftest import FakeClock


def two_members(kiosk: Kiosk) -> tuple[str, str]:
    """Ada, and Jürgen who runs the laser cutter induction."""
    return kiosk.add_member("Ada Lovelace"), kiosk.add_member("Jürgen Weiß")


def test_an_induction_is_added_listed_and_removed_whatever_the_spelling(
    kiosk: Kiosk, clock: FakeClock
) -> None:
    ada, jurgen = two_members(kiosk)
    # Given Jürgen marked as an inductor on the laser cutter
    marked = kiosk("inductions", "inductor", "Jürgen Weiß", "Laser cutter")
    assert (marked.code, marked.out) == (0, "Jürgen Weiß may induct others on Laser cutter.\n")
    # When he inducts Ada, the tool typed another way
    added = kiosk("inductions", "add", "Ada Lovelace", "  LASER  cutter ", "--by", "Jürgen Weiß")
    assert (added.code, added.err) == (0, "")
    assert added.out == "Ada Lovelace is inducted on LASER cutter by Jürgen Weiß.\n"
    # Then the list has it, found by the tool in any spelling
    listed = kiosk("inductions", "list", "--tool", "laser Cutter", "--json").json()
    assert [(i["member_id"], i["by"], i["expires"]) for i in listed["inductions"]] == [
        (ada, "Jürgen Weiß", None)
    ]
    assert [(i["member_id"], i["tool"]) for i in listed["inductors"]] == [(jurgen, "Laser cutter")]
    assert (
        kiosk("inductions", "list", "--member", "Jürgen Weiß", "--json").json()["inductions"] == []
    )
    # and removing it, spelled yet another way, leaves none; removing it again is refused
    assert kiosk("inductions", "remove", ada, "laser cutter").code == 0
    again = kiosk("inductions", "remove", ada, "laser cutter")
    assert again.code == 1
    assert "Ada Lovelace has no induction on laser cutter; nothing was changed." in again.err
    assert kiosk("inductions", "list").out == "May induct others:\n  Laser cutter: Jürgen Weiß\n"
    # and Jürgen no longer inducts once unmarked
    assert kiosk("inductions", "inductor", jurgen, "laser cutter", "--remove").code == 0
    assert kiosk("inductions", "list").out == "No inductions recorded yet.\n"


def test_a_new_induction_on_the_same_tool_renews_the_old(kiosk: Kiosk, clock: FakeClock) -> None:
    ada, _ = two_members(kiosk)
    assert kiosk("inductions", "inductor", "Jürgen Weiß", "Lathe").code == 0
    soon = (clock().date() + timedelta(days=10)).isoformat()
    later = (clock().date() + timedelta(days=400)).isoformat()
    assert (
        kiosk("inductions", "add", ada, "Lathe", "--by", "Jürgen Weiß", "--expires", soon).code == 0
    )
    clock.advance(days=5)
    assert (
        kiosk("inductions", "add", ada, "lathe", "--by", "Jürgen Weiß", "--expires", later).code
        == 0
    )
    listed = kiosk("inductions", "list", "--json").json()["inductions"]
    assert [(i["tool"], i["expires"]) for i in listed] == [("lathe", later)]


def test_an_expired_induction_is_listed_as_expired(kiosk: Kiosk, clock: FakeClock) -> None:
    ada, _ = two_members(kiosk)
    last_day = clock().date() + timedelta(days=3)
    assert (
        kiosk(
            "inductions",
            "add",
            ada,
            "Lathe",
            "--by",
            "Jürgen Weiß",
            "--expires",
            last_day.isoformat(),
        ).code
        == 0
    )
    # On its last day it still holds
    clock.advance(days=3)
    assert kiosk("inductions", "list", "--json").json()["inductions"][0]["expired"] is False
    # and the day after, it has expired
    clock.advance(days=1)
    assert kiosk("inductions", "list", "--json").json()["inductions"][0]["expired"] is True
    assert "; EXPIRED " in kiosk("inductions", "list").out


def test_wrong_inductions_are_refused_politely(kiosk: Kiosk, clock: FakeClock) -> None:
    ada, _ = two_members(kiosk)
    yesterday = (clock().date() - timedelta(days=1)).isoformat()
    cases = {
        ("add", ada, "Lathe", "--by", ada): "Ada Lovelace cannot induct themselves",
        ("add", ada, "Lathe", "--by", "Jürgen Weiß", "--expires", yesterday): "has passed",
        (
            "add",
            ada,
            "Lathe",
            "--by",
            "Jürgen Weiß",
            "--expires",
            "soonish",
        ): "not a day I can read",
        ("add", ada, "   ", "--by", "Jürgen Weiß"): "the tool or area",
        ("add", ada, "x" * 41, "--by", "Jürgen Weiß"): "40",
        ("add", ada, "Lathe", "--by", "Nobody Here"): "No member has the id or the name",
    }
    for args, said in cases.items():
        refused = kiosk("inductions", *args)
        assert refused.code != 0, args
        assert said in refused.err, (args, refused.err)
        assert "Traceback" not in refused.err
    assert kiosk("inductions", "list", "--json").json() == {"inductions": [], "inductors": []}


def test_an_inductor_who_is_not_marked_is_pointed_out(kiosk: Kiosk, clock: FakeClock) -> None:
    ada, jurgen = two_members(kiosk)
    added = kiosk("inductions", "add", ada, "Lathe", "--by", "Jürgen Weiß")
    assert added.code == 0
    assert f"kiosk inductions inductor {jurgen} 'Lathe'" in added.err


def test_a_damaged_inductions_file_is_named_by_doctor(kiosk: Kiosk, clock: FakeClock) -> None:
    ada, _ = two_members(kiosk)
    assert kiosk("inductions", "add", ada, "Lathe", "--by", "Jürgen Weiß").code == 0
    path = Path("kiosk-data") / "inductions.json"
    data = json.loads(path.read_text())
    data["inductions"]["1"]["tool"] = 7  # a hand edit gone wrong
    path.write_text(json.dumps(data))
    doctor = kiosk("doctor")
    assert doctor.code != 0
    assert "inductions.json is damaged" in doctor.out + doctor.err
    listed = kiosk("inductions", "list")
    assert listed.code != 0 and "tool should be text" in listed.err
