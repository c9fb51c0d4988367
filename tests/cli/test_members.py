"""`kiosk members add` and `kiosk members list`."""

from __future__ import annotations

import re

from tests.cli.running import Kiosk


def test_add_prints_only_the_new_members_id(kiosk: Kiosk) -> None:
    added = kiosk("members", "add", "Zoë Martin")
    assert added.code == 0
    assert added.err == ""
    listed = kiosk("members", "list")
    assert listed.out == f"{added.out.strip()}  Zoë Martin\n"


def test_add_with_topics_and_list_them(kiosk: Kiosk) -> None:
    zoe = kiosk.add_member("Zoë Martin", "--topic", "design", "--topic", "3D printing")
    assert kiosk("members", "list").out == f"{zoe}  Zoë Martin  (design, 3D printing)\n"


def test_list_is_sorted_by_name_ignoring_accents(kiosk: Kiosk) -> None:
    for name in ("Zoë Martin", "Émile Zola", "Ada Lovelace"):
        kiosk.add_member(name)
    names = [line.split("  ")[1] for line in kiosk("members", "list").out.splitlines()]
    assert names == ["Ada Lovelace", "Émile Zola", "Zoë Martin"]


def test_list_says_so_when_there_are_no_members(no_one_yet: Kiosk) -> None:
    listed = no_one_yet("members", "list")
    assert (listed.code, listed.out, listed.err) == (0, "No members yet.\n", "")


def test_list_as_json(kiosk: Kiosk) -> None:
    zoe = kiosk.add_member("Zoë Martin", "--topic", "design")
    hidden = kiosk.add_member("Ann Onymous", "--hidden")
    listed = kiosk("members", "list", "--json").json()
    profile = {
        "pronouns": "",
        "intro": "",
        "ask_me_about": [],
        "looking_for": [],
        "learning": [],
        "mentor": [],
    }
    assert [(m["id"], m["name"], m["topics"], m["on_board"]) for m in listed] == [
        (hidden, "Ann Onymous", [], False),
        (zoe, "Zoë Martin", ["design"], True),
    ]
    for member in listed:
        assert member["joined"] == "2026-11-26T09:00:00+00:00"
        assert member["active"] is True
        assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{10}", member["badge"])
        assert {k: member[k] for k in profile} == profile


def test_list_as_json_with_no_members_is_an_empty_list(no_one_yet: Kiosk) -> None:
    assert no_one_yet("members", "list", "--json").json() == []


def test_members_needs_a_command(kiosk: Kiosk) -> None:
    bare = kiosk("members")
    assert bare.code == 2
    assert "the following arguments are required: COMMAND" in bare.err


def test_a_blank_name_is_refused(kiosk: Kiosk) -> None:
    refused = kiosk("members", "add", "  ")
    assert (refused.code, refused.out) == (1, "")
    assert refused.err == "kiosk: Please enter a name.\n"


def test_too_many_topics_are_refused(kiosk: Kiosk) -> None:
    topics = [arg for n in range(13) for arg in ("--topic", f"topic {n}")]
    refused = kiosk("members", "add", "Zoë Martin", *topics)
    assert refused.code == 1
    assert refused.err == "kiosk: That is 13 topics; please pick at most 12.\n"
    assert kiosk("members", "list").out == "No members yet.\n"
