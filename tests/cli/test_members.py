"""`kiosk members add`, `kiosk members list` and `kiosk members new-badge`."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest

from tests.cli.running import Kiosk
from tests.cli.test_badges import give_badges


def test_add_prints_only_the_new_members_id(kiosk: Kiosk) -> None:
    added = kiosk("members", "add", "Zoë Martin")
    assert added.code == 0
    assert added.err == ""
    zoe = added.out.strip()
    listed = kiosk("members", "list")
    assert listed.out == f"{zoe}  {printed_badge(kiosk, zoe)}  Zoë Martin\n"


def printed_badge(kiosk: Kiosk, member: str) -> str:
    """The member's badge code as printed under the QR code: its two halves, hyphened."""
    code = kiosk("members", "show", member, "--json").json()["badge"]
    assert len(code) == 10
    return f"{code[:5]}-{code[5:]}"


def test_add_with_topics_and_list_them_with_their_badge_codes(kiosk: Kiosk) -> None:
    zoe = kiosk.add_member("Zoë Martin", "--topic", "design", "--topic", "3D printing")
    badge = printed_badge(kiosk, zoe)
    assert kiosk("members", "list").out == f"{zoe}  {badge}  Zoë Martin  (design, 3D printing)\n"


def test_list_is_sorted_by_name_ignoring_accents(kiosk: Kiosk) -> None:
    for name in ("Zoë Martin", "Émile Zola", "Ada Lovelace"):
        kiosk.add_member(name)
    names = [line.split("  ")[2] for line in kiosk("members", "list").out.splitlines()]
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


def test_a_name_already_there_is_refused_without_a_person_to_ask(kiosk: Kiosk) -> None:
    # Given Zoë Martin is a member
    zoe = kiosk.add_member("Zoë Martin")

    # When a script adds "zoe martin" again (no terminal to ask at)
    refused = kiosk("members", "add", "zoe martin")

    # Then it is refused, naming the member there is and what to do
    assert (refused.code, refused.out) == (1, "")
    assert refused.err == (
        f"kiosk: Zoë Martin ({zoe}) is already a member. If this is someone else, add "
        "--allow-duplicate; if not, use `kiosk members edit` on the one there is.\n"
    )
    # And --allow-duplicate adds a second Zoë
    assert kiosk("members", "add", "Zoë Martin", "--allow-duplicate").code == 0
    assert len(kiosk("members", "list", "--json").json()) == 2


@pytest.mark.parametrize(("typed", "added"), [("y\n", 2), ("\n", 1)])
def test_at_a_terminal_a_name_already_there_is_asked_about(
    kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch, typed: str, added: int
) -> None:
    kiosk.add_member("Zoë Martin")
    monkeypatch.setattr(sys, "stdin", Keyboard(typed))
    result = kiosk("members", "add", "Zoë Martin")
    assert "Zoë Martin" in result.out and "Add another member all the same? [y/N]" in result.out
    assert len(kiosk("members", "list", "--json").json()) == added


class Keyboard(io.StringIO):
    """Standard input a person types at."""

    def isatty(self) -> bool:
        return True


def test_new_badge_for_everyone_without_one(kiosk: Kiosk, tmp_path: Path) -> None:
    # Given two members whose records came without badge codes, and one with a badge
    ana, bo = kiosk.add_member("Ana Lima"), kiosk.add_member("Bo Berg")
    cy = kiosk.add_member("Cy Dorn")
    badge_of_cy = kiosk("members", "show", cy, "--json").json()["badge"]
    give_badges(tmp_path / "kiosk-data", {ana: "", bo: ""})

    # When the host gives badges to all who have none
    given = kiosk("members", "new-badge", "--all-missing")

    # Then Ana and Bo get codes of their own, and Cy keeps hers
    assert given.code == 0, given.err
    badges = {m["id"]: m["badge"] for m in kiosk("members", "list", "--json").json()}
    assert badges[cy] == badge_of_cy
    assert len({badges[ana], badges[bo], badges[cy]}) == 3
    assert given.out.splitlines()[0] == "Gave 2 members a badge code:"
    assert f"  Ana Lima ({ana}): {badges[ana]}" in given.out.splitlines()
    # And a second time there is nothing to do
    assert kiosk("members", "new-badge", "--all-missing").out == (
        "Every member has a badge already.\n"
    )


def test_new_badge_needs_a_member_or_all_missing(kiosk: Kiosk) -> None:
    ana = kiosk.add_member("Ana Lima")
    for wrong in ((), (ana, "--all-missing")):
        refused = kiosk("members", "new-badge", *wrong)
        assert refused.code == 2
        assert "Name one member, or give --all-missing" in refused.err
