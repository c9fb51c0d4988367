"""Profiles in members' own words, what they keep for hosts, badges, PINs and pauses."""

from __future__ import annotations

import pytest

from kiosk.community.community import Community
from kiosk.errors import Refused
from kiosk.storage.store import Store
from tests.conftest import FakeClock


def reopened(community: Community) -> Community:
    return Community(Store.open(community.store.root), community.clock)


def test_a_profile_is_stored_cleaned_and_read_back(community: Community) -> None:
    # When Ana registers with a full profile, typed untidily
    ana = community.add_member(
        "Ana Lima",
        ("climbing ",),
        pronouns=" she/her ",
        intro="Builds\tsynths; ask me\x07 anything",
        ask_me_about=["Python", "python"],
        looking_for=["soldering"],
        learning=["Rust"],
        mentor=["Python"],
    )
    # Then it is kept cleaned, and survives reopening the data folder
    assert (ana.pronouns, ana.intro, ana.ask_me_about, ana.topics) == (
        "she/her",
        "Builds synths; ask me anything",
        ("Python",),
        ("climbing",),
    )
    assert reopened(community).member(ana.id) == ana


def test_an_intro_over_120_characters_is_refused_saying_by_how_much(
    community: Community,
) -> None:
    ana = community.add_member("Ana Lima")
    with pytest.raises(Refused, match="121 characters, and at most 120 fit"):
        community.edit_member(ana.id, intro="x" * 121)
    assert reopened(community).member(ana.id).intro == ""


def test_a_member_edits_their_profile_and_keeps_fields_for_hosts(community: Community) -> None:
    ana = community.add_member("Ana Lima")
    edited = community.edit_member(
        ana.id, looking_for=["a ride home"], hosts_only=["looking_for"], on_board=False
    )
    assert edited.looking_for == ("a ride home",)
    assert not edited.shows("looking_for") and not edited.on_board
    assert reopened(community).member(ana.id) == edited


def test_a_field_that_is_not_a_profile_field_cannot_be_kept_for_hosts(
    community: Community,
) -> None:
    ana = community.add_member("Ana Lima")
    with pytest.raises(Refused, match="Only profile fields can be kept for hosts"):
        community.edit_member(ana.id, hosts_only=["name"])


def test_a_renamed_member_is_found_by_the_new_name_only(community: Community) -> None:
    ana = community.add_member("Ana Lima")
    community.edit_member(ana.id, name="Ana Lima-Costa")
    fresh = reopened(community)
    assert fresh.find("Ana Lima-Costa").id == ana.id
    with pytest.raises(Refused, match="No member has the id or the name 'Ana Lima'"):
        fresh.find("Ana Lima")


def test_every_new_member_gets_a_badge_code_of_their_own(community: Community) -> None:
    codes = {community.add_member(f"Member {n}").badge for n in range(30)}
    assert len(codes) == 30
    assert all(len(code) == 10 and code.isalnum() and code.isupper() for code in codes)


def test_a_new_badge_replaces_the_old_one_which_stops_working(community: Community) -> None:
    ana = community.add_member("Ana Lima")
    renewed = community.new_badge(ana.id)
    assert renewed.badge != ana.badge
    fresh = reopened(community)
    assert fresh.by_badge(renewed.badge) == renewed
    assert fresh.by_badge(ana.badge) is None


def test_a_badge_is_found_however_the_scanner_typed_it(community: Community) -> None:
    ana = community.add_member("Ana Lima")
    typed = ana.badge.lower()[:5] + "-" + ana.badge.lower()[5:]
    assert community.by_badge(typed) == ana
    assert community.by_badge("NOTACODE!!") is None


def test_a_paused_member_is_not_found_nor_checked_in_until_resumed(
    community: Community,
) -> None:
    ana = community.add_member("Ana Lima")
    community.set_active(ana.id, False)
    assert community.search("ana") == []
    assert community.by_badge(ana.badge) is None
    with pytest.raises(Refused, match="membership is paused"):
        community.check_in(ana.id)
    community.set_active(ana.id, True)
    assert community.search("ana") == [community.member(ana.id)]
    community.check_in(ana.id)


def test_a_personal_pin_is_kept_hashed_and_opens_only_its_profile(
    community: Community,
) -> None:
    ana = community.add_member("Ana Lima")
    bo = community.add_member("Bo Berg")
    assert not community.pin_opens(ana.id, "")  # no PIN set opens nothing
    community.set_pin(ana.id, "271828")
    stored = reopened(community).member(ana.id).pin_hash
    assert "271828" not in stored and stored.startswith("scrypt$")
    assert community.pin_opens(ana.id, "271828")
    assert not community.pin_opens(ana.id, "271829")
    assert not community.pin_opens(bo.id, "271828")


def test_a_short_pin_is_refused(community: Community) -> None:
    ana = community.add_member("Ana Lima")
    with pytest.raises(Refused, match="at least 6 characters"):
        community.set_pin(ana.id, "1234")


# -- topics ----------------------------------------------------------------------


def test_topics_are_one_however_they_are_written(community: Community) -> None:
    community.add_member("Ana Lima", ("Rust",))
    community.add_member("Bo Berg", ("rust ",), learning=["RUST"])
    index = community.topic_index()
    assert index.suggest("ru") == ["Rust"]


def test_merging_two_topics_changes_every_member_who_named_either(
    community: Community, clock: FakeClock
) -> None:
    ana = community.add_member("Ana Lima", ("3d printing",), mentor=["3-D printing"])
    bo = community.add_member("Bo Berg", ("woodwork",))
    changed = community.merge_topics("3-D printing", "3D printing")
    assert [m.id for m in changed] == [ana.id]
    fresh = reopened(community)
    assert fresh.member(ana.id).topics == ("3D printing",)
    assert fresh.member(ana.id).mentor == ("3D printing",)
    assert fresh.member(bo.id).topics == ("woodwork",)
