"""People here you might connect with: who is suggested, why, in what order, and what a
reason may never reveal."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.community.connections import Suggestion, suggestions
from kiosk.models import PROFILE_FIELDS, Member, Presence, ProfileField, Status, Visit
from kiosk.text import fold, topic_key

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def person(name: str, **profile: Any) -> Member:
    return Member(name.lower(), name, NOW, **profile)


def here(
    member: Member, topics: tuple[str, ...] = (), status: Status = "open", guest: str = ""
) -> Presence:
    visit = Visit(f"v-{member.id}-{guest}", member.id, NOW, status, topics, guest=guest)
    return Presence(member, visit)


def my_visit(topics: tuple[str, ...] = ()) -> Visit:
    return Visit("v-me", "me", NOW, "open", topics)


def lines(found: list[Suggestion]) -> list[tuple[str, str]]:
    return [(s.member.name, s.reason) for s in found]


# -- each rule -------------------------------------------------------------------

RULES = [
    # (what I have, my topics today, what they have, their topics today, expected line)
    pytest.param(
        {"looking_for": ("Rust",)},
        (),
        {"ask_me_about": ("rust",)},
        (),
        ("offers", "can help with rust (you're looking for a hand)"),
        id="they are asked about what I look for",
    ),
    pytest.param(
        {"looking_for": ("Rust", "sourdough")},
        (),
        {"mentor": ("Sourdough",)},
        (),
        ("offers", "can help with Sourdough (you're looking for a hand)"),
        id="they mentor in what I look for",
    ),
    pytest.param(
        {"learning": ("woodworking",)},
        (),
        {"mentor": ("Woodworking",)},
        (),
        ("mentoring", "mentors in Woodworking, which you're learning"),
        id="they mentor in what I learn",
    ),
    pytest.param(
        {"mentor": ("Spanish",)},
        (),
        {"learning": ("spanish",)},
        (),
        ("mentoring", "learning spanish, which you mentor in"),
        id="they learn what I mentor in",
    ),
    pytest.param(
        {},
        ("climbing", "Coffee", "chess"),
        {},
        ("coffee", "Climbing", "go"),
        ("shared-topics", "you both like coffee, Climbing"),
        id="both open to chatting about a topic today",
    ),
    pytest.param(
        {"learning": ("Spanish",)},
        (),
        {"learning": ("Spanish",)},
        (),
        ("learning-together", "also learning Spanish"),
        id="both learning one thing",
    ),
    pytest.param(
        {"topics": ("climbing",), "ask_me_about": ("Rust",), "learning": ("jazz",)},
        (),
        {"topics": ("climbing",), "looking_for": ("Rust",), "learning": ("piano",)},
        (),
        None,
        id="profile topics alone are not today's topics, and offers go one way",
    ),
    pytest.param(
        {"learning": ("a", "b", "c", "d", "e")},
        (),
        {"learning": ("e", "d", "c", "b", "a")},
        (),
        ("learning-together", "also learning e, d, c and 2 more"),
        id="a long list is cut short",
    ),
]


@pytest.mark.parametrize(("mine", "my_topics", "theirs", "their_topics", "expected"), RULES)
def test_each_rule(
    mine: dict[str, Any],
    my_topics: tuple[str, ...],
    theirs: dict[str, Any],
    their_topics: tuple[str, ...],
    expected: tuple[str, str] | None,
) -> None:
    me = person("Me", **mine)
    found = suggestions(me, my_visit(my_topics), [here(person("Ana", **theirs), their_topics)])
    assert [(s.kind, s.reason) for s in found] == ([] if expected is None else [expected])


def test_a_better_reason_is_given_when_several_apply() -> None:
    me = person("Me", looking_for=("Rust",), learning=("Rust",))
    ana = person("Ana", mentor=("Rust",), learning=("Rust",))
    (found,) = suggestions(me, my_visit(("Rust",)), [here(ana, ("Rust",))])
    assert found.kind == "offers"


# -- the ranking -----------------------------------------------------------------


def test_reasons_rank_offers_then_mentoring_then_shared_topics_then_learning() -> None:
    me = person("Me", looking_for=("Go",), learning=("jazz", "Welsh"), mentor=("knitting",))
    present = [
        here(person("Ada", learning=("Welsh",))),  # learning together
        here(person("Bo"), ("coffee",)),  # shared topic today
        here(person("Cy", learning=("knitting",))),  # I mentor what Cy learns
        here(person("Di", mentor=("jazz",))),  # Di mentors what I learn
        here(person("Ed", ask_me_about=("Go",))),  # Ed offers what I look for
    ]
    found = suggestions(me, my_visit(("coffee",)), present, limit=5)
    # mentoring either way is one rank, so Cy and Di come by name
    assert [s.member.name for s in found] == ["Ed", "Cy", "Di", "Bo", "Ada"]


def test_only_three_by_default() -> None:
    me = person("Me")
    present = [here(person(name), ("coffee",)) for name in ("Ada", "Bo", "Cy", "Di")]
    assert len(suggestions(me, my_visit(("coffee",)), present)) == 3
    assert suggestions(me, my_visit(("coffee",)), present, limit=0) == []


def test_ties_go_to_more_in_common_then_to_the_name() -> None:
    me = person("Me")
    present = [
        here(person("Zoë"), ("coffee", "chess")),
        here(person("ana"), ("coffee",)),
        here(person("Ábel"), ("coffee",)),
        here(person("Bea"), ("chess",)),
    ]
    found = suggestions(me, my_visit(("coffee", "chess")), present, limit=4)
    # Zoë shares two topics; the others one each, in alphabetical order ignoring accents
    assert [s.member.name for s in found] == ["Zoë", "Ábel", "ana", "Bea"]


def test_the_order_does_not_depend_on_who_checked_in_first() -> None:
    me = person("Me")
    present = [here(person(name), ("coffee",)) for name in ("Di", "Ada", "Cy", "Bo")]
    forward = suggestions(me, my_visit(("coffee",)), present)
    backward = suggestions(me, my_visit(("coffee",)), present[::-1])
    assert [s.member.name for s in forward] == [s.member.name for s in backward]


# -- who is never suggested ----------------------------------------------------


@pytest.mark.parametrize(
    "presence",
    [
        pytest.param(here(person("Ana"), ("coffee",), status="heads-down"), id="heads-down"),
        pytest.param(here(person("Ana"), ("coffee",), status="incognito"), id="incognito"),
        pytest.param(here(person("Ana"), ("coffee",), guest="Kim"), id="a guest"),
        pytest.param(here(person("Ana", on_board=False), ("coffee",)), id="not on the board"),
        pytest.param(here(person("Me"), ("coffee",)), id="myself"),
    ],
)
def test_who_is_never_suggested(presence: Presence) -> None:
    me = person("Me")
    assert suggestions(me, my_visit(("coffee",)), [presence]) == []


def test_heads_down_and_incognito_members_are_left_out_among_others() -> None:
    me = person("Me")
    present = [
        here(person("Ada"), ("coffee",), status="heads-down"),
        here(person("Bo"), ("coffee",)),
        here(person("Cy"), ("coffee",), status="incognito"),
    ]
    assert lines(suggestions(me, my_visit(("coffee",)), present)) == [
        ("Bo", "you both like coffee")
    ]


# -- fields kept for hosts -------------------------------------------------------


@pytest.mark.parametrize(
    ("mine", "my_topics", "theirs", "kept", "their_topics"),
    [
        ({"looking_for": ("Rust",)}, (), {"ask_me_about": ("Rust",)}, "ask_me_about", ()),
        ({"looking_for": ("Rust",)}, (), {"mentor": ("Rust",)}, "mentor", ()),
        ({"learning": ("Welsh",)}, (), {"mentor": ("Welsh",)}, "mentor", ()),
        ({"mentor": ("Welsh",)}, (), {"learning": ("Welsh",)}, "learning", ()),
        ({"learning": ("Welsh",)}, (), {"learning": ("Welsh",)}, "learning", ()),
        ({}, ("coffee",), {}, "topics", ("coffee",)),
    ],
)
def test_a_field_kept_for_hosts_causes_no_suggestion(
    mine: dict[str, Any],
    my_topics: tuple[str, ...],
    theirs: dict[str, Any],
    kept: str,
    their_topics: tuple[str, ...],
) -> None:
    me = person("Me", **mine)
    ana = person("Ana", hosts_only=frozenset({kept}), **theirs)
    assert suggestions(me, my_visit(my_topics), [here(ana, their_topics)]) == []


def test_of_two_matching_fields_only_the_public_one_is_named() -> None:
    me = person("Me", looking_for=("Rust", "taxes"))
    ana = person("Ana", ask_me_about=("Rust",), mentor=("taxes",), hosts_only=frozenset({"mentor"}))
    assert lines(suggestions(me, my_visit(), [here(ana)])) == [
        ("Ana", "can help with Rust (you're looking for a hand)")
    ]


@pytest.mark.parametrize(
    ("mine", "kept", "my_topics", "theirs", "their_topics", "reason"),
    [
        (
            {"looking_for": ("Rust",)},
            "looking_for",
            (),
            {"mentor": ("Rust",)},
            (),
            "can help with Rust",
        ),
        ({"learning": ("Welsh",)}, "learning", (), {"mentor": ("Welsh",)}, (), "mentors in Welsh"),
        ({"mentor": ("Welsh",)}, "mentor", (), {"learning": ("Welsh",)}, (), "learning Welsh"),
        ({}, "topics", ("coffee",), {}, ("coffee",), "open to chatting about coffee"),
        ({"learning": ("Welsh",)}, "learning", (), {"learning": ("Welsh",)}, (), "learning Welsh"),
    ],
)
def test_once_i_proved_who_i_am_my_kept_fields_find_people_but_the_reason_hides_them(
    mine: dict[str, Any],
    kept: str,
    my_topics: tuple[str, ...],
    theirs: dict[str, Any],
    their_topics: tuple[str, ...],
    reason: str,
) -> None:
    me = person("Me", hosts_only=frozenset({kept}), **mine)
    ana = here(person("Ana", **theirs), their_topics)
    found = suggestions(me, my_visit(my_topics), [ana], proven=True)
    assert [s.reason for s in found] == [reason]
    # While after a check-in by name, which anyone may make, they find nobody: "can help
    # with Rust" would tell whoever typed my name what I am looking for
    assert suggestions(me, my_visit(my_topics), [ana]) == []


def test_after_a_check_in_by_name_a_member_off_the_board_is_found_nobody_by_their_fields() -> None:
    me = person("Me", looking_for=("Rust",), on_board=False)
    ana = here(person("Ana", mentor=("Rust",)))
    assert suggestions(me, my_visit(), [ana]) == []
    assert lines(suggestions(me, my_visit(), [ana], proven=True)) == [("Ana", "can help with Rust")]


# -- an independent check over many made-up rooms --------------------------------

WORDS = ("alpha", "bravo", "charlie", "delta", "golf", "kilo", "oscar", "tango")
"""Topic words that appear nowhere in the wording of a reason."""
LIST_FIELDS: tuple[ProfileField, ...] = (
    "topics",
    "ask_me_about",
    "looking_for",
    "learning",
    "mentor",
)

topic_lists = st.lists(
    st.sampled_from(WORDS).flatmap(lambda w: st.sampled_from([w, w.upper(), w.title()])),
    max_size=4,
    unique_by=topic_key,
).map(tuple)
members = st.builds(
    lambda number, fields, kept, on_board: Member(
        f"m{number}", f"Member {number}", NOW, on_board=on_board, hosts_only=kept, **fields
    ),
    st.integers(0, 5),
    st.fixed_dictionaries({field: topic_lists for field in LIST_FIELDS}),
    st.frozensets(st.sampled_from(PROFILE_FIELDS)),
    st.booleans(),
)
presences = st.builds(
    lambda member, topics, status, guest: Presence(
        member, Visit(f"v{member.id}{guest}", member.id, NOW, status, topics, guest=guest)
    ),
    members,
    topic_lists,
    st.sampled_from(["open", "heads-down", "incognito"]),
    st.sampled_from(["", "", "", "Kim"]),
)


def public_words(presence: Presence) -> set[str]:
    """Every topic a public screen may show of this member today, folded."""
    member = presence.member
    shown = [
        topic for field in LIST_FIELDS if member.shows(field) for topic in getattr(member, field)
    ]
    if member.shows("topics"):
        shown += presence.visit.topics
    return {fold(topic) for topic in shown}


@settings(max_examples=200)
@given(
    me=members,
    my_topics=topic_lists,
    present=st.lists(presences, max_size=6, unique_by=lambda p: p.member.id),
    proven=st.booleans(),
)
def test_a_reason_names_only_what_the_member_shows_publicly(
    me: Member, my_topics: tuple[str, ...], present: list[Presence], proven: bool
) -> None:
    visit = Visit("v-me", me.id, NOW, "open", my_topics)
    for found in suggestions(me, visit, present, limit=6, proven=proven):
        # the one who is suggested is here, open to chat, on the board, and not me
        (presence,) = [p for p in present if p.member == found.member and not p.visit.guest][:1]
        assert presence.visit.status == "open"
        assert found.member.on_board and found.member.id != me.id
        # and each topic word in the reason stands in a public field of theirs
        named = {word for word in WORDS if word in fold(found.reason)}
        assert named, found.reason
        assert named <= public_words(presence), (found.reason, found.member)
        # and, after a check-in by name, in a public field of mine too
        if not proven:
            assert named <= public_words(Presence(me, visit)), (found.reason, me)
