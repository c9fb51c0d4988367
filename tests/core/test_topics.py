"""Topics across the community: one topic however spelled, suggestions as a member types,
and merging two topics into one."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kiosk.community.topics import TopicIndex, merged, plan_merge, spelling
from kiosk.errors import Refused
from kiosk.models import Member

JOINED = datetime(2025, 3, 1, tzinfo=UTC)


def member(number: int, **profile: object) -> Member:
    return Member(f"m{number}", f"Member {number}", JOINED, **profile)  # type: ignore[arg-type]


def index_of(*topic_lists: tuple[str, ...]) -> TopicIndex:
    return TopicIndex.of(member(n, topics=topics) for n, topics in enumerate(topic_lists))


# -- one topic however spelled --------------------------------------------------


def test_spellings_of_one_topic_are_counted_together() -> None:
    index = index_of(("Rust",), ("rust",), ("RUST",), ("Go",))
    assert [(use.key, use.members) for use in index.uses] == [("rust", 3), ("go", 1)]


def test_a_topic_is_shown_in_the_spelling_most_members_use() -> None:
    index = index_of(("rust",), ("Rust",), ("Rust",))
    assert index.suggest("ru") == ["Rust"]


def test_spelling_ties_are_broken_the_same_way_whatever_the_order() -> None:
    assert spelling(["rust", "Rust"]) == spelling(["Rust", "rust"]) == "Rust"


def test_accents_fold_into_one_topic() -> None:
    index = index_of(("Café culture",), ("cafe culture",))
    assert [use.members for use in index.uses] == [2]


def test_a_member_counts_once_for_a_topic_in_several_fields() -> None:
    index = TopicIndex.of([member(1, topics=("Rust",), mentor=("rust",), learning=("RUST",))])
    assert [use.members for use in index.uses] == [1]


# -- only what public screens may show is suggested ------------------------------


def test_topics_kept_for_hosts_are_never_suggested() -> None:
    index = TopicIndex.of(
        [
            member(1, looking_for=("divorce lawyer",), hosts_only=frozenset({"looking_for"})),
            member(2, topics=("diving",)),
        ]
    )
    assert index.suggest("di") == ["diving"]


def test_topics_of_members_not_on_the_board_are_never_suggested() -> None:
    index = TopicIndex.of([member(1, topics=("falconry",), on_board=False)])
    assert index.suggest("fal") == []


def test_topics_of_deactivated_members_are_not_suggested() -> None:
    index = TopicIndex.of([member(1, topics=("falconry",), active=False)])
    assert index.suggest("fal") == []


def test_every_topic_field_feeds_the_suggestions() -> None:
    index = TopicIndex.of(
        [
            member(1, ask_me_about=("sailing",)),
            member(2, looking_for=("sanding",)),
            member(3, learning=("salsa",)),
            member(4, mentor=("sauces",)),
        ]
    )
    assert index.suggest("sa") == ["sailing", "salsa", "sanding", "sauces"]


# -- suggestions as a member types -------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # the topic starts with it, then a later word starts with it, then it is inside
        ("ru", ["Rust", "Ruby", "trail running"]),
        ("run", ["trail running"]),
        ("RUST", ["Rust"]),
        ("  rust ", ["Rust"]),
        ("ail", ["trail running"]),
        ("ust", ["Rust"]),
        ("xyz", []),
        ("", []),
        ("   ", []),
    ],
)
def test_suggestions_as_a_member_types(typed: str, expected: list[str]) -> None:
    index = index_of(("Rust", "Ruby"), ("Rust",), ("trail running",))
    assert index.suggest(typed) == expected


def test_most_used_topics_come_first_within_a_kind_of_match() -> None:
    # "Ceramics" is used by three members, "Cello" by two, "Cerulean" by one
    index = index_of(
        ("Cerulean", "Cello", "Ceramics"), ("Cello", "Ceramics"), ("Ceramics",), ("pottery",)
    )
    assert index.suggest("ce") == ["Ceramics", "Cello", "Cerulean"]


def test_a_better_kind_of_match_beats_a_more_used_topic() -> None:
    index = index_of(("board games",), ("board games",), ("gardening",))
    assert index.suggest("ga") == ["gardening", "board games"]


def test_equally_used_topics_come_alphabetically() -> None:
    index = index_of(("Python",), ("Pottery",), ("Photography",))
    assert index.suggest("p") == ["Photography", "Pottery", "Python"]


def test_a_hyphen_separates_words() -> None:
    index = index_of(("e-bikes",), ("bikepacking",))
    assert index.suggest("bike") == ["bikepacking", "e-bikes"]


def test_topics_already_chosen_are_left_out_in_any_spelling() -> None:
    index = index_of(("Rust", "Ruby"))
    assert index.suggest("ru", chosen=["RUST"]) == ["Ruby"]


def test_suggestions_stop_at_the_limit() -> None:
    index = index_of(tuple(f"topic {n:02}" for n in range(12)))
    assert index.suggest("top", limit=3) == ["topic 00", "topic 01", "topic 02"]
    assert index.suggest("top", limit=0) == []


def test_an_empty_community_suggests_nothing() -> None:
    assert TopicIndex.of([]).suggest("a") == []


# -- merging two topics ----------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # old becomes new where it stood
        (("Go", "rust-lang", "C"), ("Go", "Rust", "C")),
        # old in another spelling
        (("RUST-LANG",), ("Rust",)),
        # both present: one left, where the first of them stood
        (("rust-lang", "Go", "Rust"), ("Rust", "Go")),
        (("rust", "Go", "rust-lang"), ("Rust", "Go")),
        # new alone in another spelling takes the chosen one
        (("Go", "rust"), ("Go", "Rust")),
        # neither: unchanged
        (("Go", "C"), ("Go", "C")),
        ((), ()),
    ],
)
def test_merging_keeps_order_and_leaves_no_repeats(
    before: tuple[str, ...], after: tuple[str, ...]
) -> None:
    assert merged(before, "rust-lang", "Rust") == after


def test_a_merge_plan_names_only_the_members_who_change() -> None:
    # Given members who have the old topic in different fields, and one who has neither
    ana = member(1, topics=("rust-lang", "climbing"))
    ben = member(2, mentor=("Rust-Lang",), learning=("rust",))
    cy = member(3, topics=("climbing",))
    dee = member(4, topics=("Rust",))  # already has the new topic, as written
    # When the plan for merging "rust-lang" into "Rust" is made
    plan = plan_merge([ana, ben, cy, dee], "rust-lang", "Rust")
    # Then only Ana and Ben change, in every field they had it
    assert [(m.id, m.topics, m.mentor, m.learning) for m in plan] == [
        ("m1", ("Rust", "climbing"), (), ()),
        ("m2", (), ("Rust",), ("Rust",)),
    ]


def test_a_merge_plan_changes_nothing_else_about_a_member() -> None:
    ana = member(1, topics=("rust-lang",), intro="Hi", hosts_only=frozenset({"intro"}), visits=4)
    (after,) = plan_merge([ana], "rust-lang", "Rust")
    assert after == Member(
        "m1",
        "Member 1",
        JOINED,
        topics=("Rust",),
        intro="Hi",
        hosts_only=frozenset({"intro"}),
        visits=4,
    )


def test_every_topic_field_is_merged() -> None:
    everywhere = ("rust-lang",)
    ana = member(
        1,
        topics=everywhere,
        ask_me_about=everywhere,
        looking_for=everywhere,
        learning=everywhere,
        mentor=everywhere,
    )
    (after,) = plan_merge([ana], "rust-lang", "Rust")
    fields = (after.topics, after.ask_me_about, after.looking_for, after.learning, after.mentor)
    assert fields == (("Rust",),) * 5


def test_a_merge_into_the_same_topic_respells_it() -> None:
    plan = plan_merge([member(1, topics=("rust",)), member(2, topics=("Rust",))], "rust", "Rust")
    assert [(m.id, m.topics) for m in plan] == [("m1", ("Rust",))]


def test_merge_topics_are_cleaned_as_typed_text_is() -> None:
    (after,) = plan_merge([member(1, topics=("rust-lang",))], "  rust-lang ", " Rust\t")
    assert after.topics == ("Rust",)


@pytest.mark.parametrize(("old", "new"), [("", "Rust"), ("rust-lang", "  "), ("Go", "x" * 41)])
def test_a_blank_or_too_long_topic_is_refused(old: str, new: str) -> None:
    with pytest.raises(Refused):
        plan_merge([member(1, topics=("Go",))], old, new)
