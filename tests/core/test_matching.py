"""Finding a member by a few typed letters: accents and case ignored, one typo forgiven."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.community.matching import MOST_FOUND, MemberIndex, rows_of, same_name, within_one_edit
from kiosk.demo.seeding import FIRST_NAMES, LAST_NAMES
from kiosk.models import Member
from kiosk.text import fold
from tests.typed_keys import typed_keys

JOINED = datetime(2026, 1, 5, tzinfo=UTC)


def index_of(*names: str) -> MemberIndex:
    """An index of members with these names, each with an id that names them too."""
    return MemberIndex(rows_of(Member(f"{name}#{n}", name, JOINED) for n, name in enumerate(names)))


def names(found: list[str]) -> list[str]:
    return [member_id.rsplit("#", 1)[0] for member_id in found]


# -- accents and case ----------------------------------------------------------


def test_typing_without_accents_finds_an_accented_name() -> None:
    index = index_of("Zoë Martin", "Björn Andersson")
    assert names(index.search("zoe")) == ["Zoë Martin"]
    assert names(index.search("BJORN")) == ["Björn Andersson"]


def test_typing_with_accents_finds_a_name_written_without_them() -> None:
    index = index_of("Zoe Martin")
    assert names(index.search("Zoë")) == ["Zoe Martin"]


def test_letters_without_a_decomposition_fold_too() -> None:
    index = index_of("Elif Yılmaz", "Rafał Nowak", "Jürgen Weiß")
    assert names(index.search("yilmaz")) == ["Elif Yılmaz"]
    assert names(index.search("rafal")) == ["Rafał Nowak"]
    assert names(index.search("weiss")) == ["Jürgen Weiß"]


def test_blank_queries_find_nobody() -> None:
    index = index_of("Zoë Martin")
    assert index.search("") == []
    assert index.search("   ") == []


# -- ranking -------------------------------------------------------------------


def test_name_prefix_then_part_prefix_then_substring_then_near_miss() -> None:
    # Given four members who each match "mar" in a different way
    index = index_of(
        "Zoë Martin",  # a later part starts with "mar"
        "Omar Kaya",  # "mar" inside a part
        "Mara Lind",  # the name starts with "mar"
        "Mira Tan",  # "mir" is one typo away from "mar"
    )
    # When someone types "mar"
    found = names(index.search("mar"))
    # Then the better kinds of match come first
    assert found == ["Mara Lind", "Zoë Martin", "Omar Kaya", "Mira Tan"]


def test_within_a_rank_names_come_in_alphabetical_order_ignoring_accents() -> None:
    index = index_of("Zara Ali", "Ángel Zamora", "Zach Ng")
    assert names(index.search("za")) == ["Zach Ng", "Zara Ali", "Ángel Zamora"]


def test_hyphenated_names_split_into_parts() -> None:
    index = index_of("Noa Ben-David", "Davide Rossi")
    assert names(index.search("david")) == ["Davide Rossi", "Noa Ben-David"]


# -- one typo forgiven ---------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "typo"),
    [
        ("marton", "substitution"),
        ("mrtin", "deletion"),
        ("marrtin", "insertion"),
        ("amrtin", "swap"),
        ("matrin", "swap in the middle"),
    ],
)
def test_one_typo_is_forgiven(typed: str, typo: str) -> None:
    index = index_of("Zoë Martin", "Kwame Mensah")
    assert names(index.search(typed)) == ["Zoë Martin"], typo


def test_a_typo_in_a_half_typed_name_is_forgiven() -> None:
    # Typing "Nowak" letter by letter with a slip: "Nwo..."
    index = index_of("Rafał Nowak")
    assert names(index.search("nwoa")) == ["Rafał Nowak"]


def test_two_typos_are_not_forgiven() -> None:
    index = index_of("Zoë Martin")
    assert index.search("mtrain") == []


def test_no_typo_is_forgiven_below_three_letters() -> None:
    # Given a member whose name starts with "zo"
    index = index_of("Zoë Martin")
    # Then "xo" (one substitution away) finds nobody, but "zox" (three letters) does
    assert index.search("xo") == []
    assert names(index.search("zox")) == ["Zoë Martin"]


# -- several words -------------------------------------------------------------


def test_first_name_and_the_start_of_the_last_name_find_one_member() -> None:
    index = index_of("Pedro Álvarez", "Pedro Costa", "Ana Álvarez")
    assert names(index.search("pedro al")) == ["Pedro Álvarez"]


def test_extra_spaces_in_a_query_are_ignored() -> None:
    index = index_of("María José Pérez")
    assert names(index.search("  maria   jose ")) == ["María José Pérez"]


def test_words_may_skip_a_middle_name_or_come_in_any_order() -> None:
    index = index_of("María José Pérez", "Zoë Martin")
    assert names(index.search("maria perez")) == ["María José Pérez"]
    assert names(index.search("martin zoe")) == ["Zoë Martin"]


def test_a_typo_in_any_word_of_a_full_name_is_forgiven() -> None:
    index = index_of("Zoë Martin")
    assert names(index.search("zoe martni")) == ["Zoë Martin"]
    assert names(index.search("zeo martin")) == ["Zoë Martin"]


def test_every_word_must_match_not_just_the_last_one() -> None:
    # Given two members who share a last name
    index = index_of("Pedro Álvarez", "Ana Álvarez", "Zoë Martin")
    # When the first name of one is typed, then a bit of the last name
    # Then the other Álvarez is not offered, and neither is a name one word misses
    assert names(index.search("pedro alv")) == ["Pedro Álvarez"]
    assert index.search("xyz zoe") == []
    assert index.search("pedro jsoe") == []


# -- spaces, apostrophes and hyphens ------------------------------------------


@pytest.mark.parametrize(
    ("typed", "member"),
    [
        ("mariajose", "María José Pérez"),
        ("mariajoseperez", "María José Pérez"),
        ("meilin", "Mei Lin Chen"),
        ("meilinchen", "Mei Lin Chen"),
        ("oconnor", "Siobhán O'Connor"),
        ("o connor", "Siobhán O'Connor"),
        ("o'connor", "Siobhán O'Connor"),
        ("o’connor", "Siobhán O'Connor"),
        ("siobhan oconnor", "Siobhán O'Connor"),
        ("bendavid", "Noa Ben-David"),
        ("ben david", "Noa Ben-David"),
        ("mari ajose", "María José Pérez"),
    ],
)
def test_spaces_apostrophes_and_hyphens_inside_a_name_may_be_left_out_or_put_in(
    typed: str, member: str
) -> None:
    # Given members whose names hold a space, an apostrophe or a hyphen, and others
    index = index_of(
        "María José Pérez", "Mei Lin Chen", "Siobhán O'Connor", "Noa Ben-David", "Zoë Martin"
    )
    # When the name is typed with them left out, or put elsewhere
    # Then that member is found, and first
    assert names(index.search(typed))[:1] == [member]


def test_a_name_typed_with_its_spaces_still_ranks_before_a_name_run_together() -> None:
    # "an a" is no beginning of "Anaïs Ng" until its space is left out: the name that
    # begins with what was typed, space and all, comes first
    index = index_of("Anaïs Ng", "An Alvarez")
    assert names(index.search("an a")) == ["An Alvarez", "Anaïs Ng"]


def test_a_query_of_only_apostrophes_and_hyphens_finds_nobody_by_leaving_them_out() -> None:
    # Left out, they leave nothing to look for: not every name
    index = index_of("Siobhán O'Connor", "Noa Ben-David", "Zoë Martin")
    assert index.search("- '") == []
    assert names(index.search("'")) == ["Siobhán O'Connor"]


# -- limit ---------------------------------------------------------------------


def test_search_returns_at_most_the_limit_best_first() -> None:
    # Given twenty Sams, and a Sam with a typo in his name
    index = index_of("Sma Ng", *(f"Sam {n:02d}" for n in range(20)))
    # Then eight are shown by default, and only exact matches make the cut
    assert names(index.search("sam")) == [f"Sam {n:02d}" for n in range(8)]
    assert len(index.search("sam", limit=3)) == 3


def test_near_misses_fill_the_list_only_when_it_has_room() -> None:
    index = index_of("Sma Ng", "Sam Kim")
    assert names(index.search("sam", limit=1)) == ["Sam Kim"]
    assert names(index.search("sam", limit=2)) == ["Sam Kim", "Sma Ng"]


# -- the building blocks -------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("martin", "martin", True),
        ("martin", "marton", True),  # substitution
        ("martin", "artin", True),  # deletion at the start
        ("martin", "marti", True),  # deletion at the end
        ("martin", "marxtin", True),  # insertion
        ("martin", "amrtin", True),  # swap at the start
        ("martin", "martni", True),  # swap at the end
        ("martin", "mratni", False),  # two swaps
        ("martin", "mart", False),  # two deletions
        ("martin", "nitram", False),
        ("", "a", True),
        ("", "ab", False),
    ],
)
def test_within_one_edit(a: str, b: str, expected: bool) -> None:
    assert within_one_edit(a, b) is expected
    assert within_one_edit(b, a) is expected


def test_same_name_finds_exact_and_one_typo_names_for_a_newcomer() -> None:
    people = [Member(f"m{n}", name, JOINED) for n, name in enumerate(["Zoë Martin", "Zoe Marten"])]
    assert [m.name for m in same_name("zoe  martin", people)] == ["Zoë Martin", "Zoe Marten"]
    assert same_name("Zoe Marine", people) == []


WORDS = st.text(alphabet="abcde", min_size=3, max_size=8)


@st.composite
def name_and_typo(draw: st.DrawFn) -> tuple[str, str]:
    """A name part, and a prefix of it (three letters or more) with one edit made to it."""
    part = draw(WORDS)
    typed = part[: draw(st.integers(3, len(part)))]
    at = draw(st.integers(0, len(typed) - 1))
    letter = draw(st.sampled_from("abcde"))
    edit = draw(st.sampled_from(["substitute", "delete", "insert", "swap"]))
    if edit == "substitute":
        typed = typed[:at] + letter + typed[at + 1 :]
    elif edit == "delete":
        typed = typed[:at] + typed[at + 1 :]
    elif edit == "insert":
        typed = typed[:at] + letter + typed[at:]
    elif at + 1 < len(typed):
        typed = typed[:at] + typed[at + 1] + typed[at] + typed[at + 2 :]
    return part, typed


@given(name_and_typo())
def test_the_near_miss_index_never_loses_a_typed_prefix_with_one_typo(
    pair: tuple[str, str],
) -> None:
    part, typed = pair
    index = index_of(f"Ann {part}")
    if len(typed) >= 3:
        assert names(index.search(typed)) == [f"Ann {part}"]


# -- every key a person types, against the rule written plainly ------------------------


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether `b` is `a`, or `a` with one letter dropped, put in, replaced or two
    neighbours swapped: every such string of `a` made, then looked in."""
    letters = set(b)
    edits = {a[:i] + a[i + 1 :] for i in range(len(a))}
    edits |= {a[:i] + a[i + 1] + a[i] + a[i + 2 :] for i in range(len(a) - 1)}
    edits |= {a[:i] + c + a[i + 1 :] for i in range(len(a)) for c in letters}
    edits |= {a[:i] + c + a[i:] for i in range(len(a) + 1) for c in letters}
    return b == a or b in edits


def _plain_search(people: list[Member], query: str, limit: int) -> list[str]:
    """The search's rule, member by member: the name starts with the key; a later part
    does; the key is within the name, or within it squashed (spaces, apostrophes and
    hyphens left out); the key squashed is within the name squashed; every typed word
    starts a part of the name, or, from three letters, is one edit from a part's start.
    Alphabetical by name (then id) within each."""

    def clean(text: str) -> str:
        return " ".join(fold(text).split())

    def squash(text: str) -> str:
        return "".join(c for c in text if c not in " '-")

    wanted = clean(query)
    if not wanted or limit < 1:
        return []
    typed = wanted.replace("-", " ").split()

    @cache
    def starts(word: str, part: str) -> bool:
        if part.startswith(word):
            return True
        # One edit changes the length by one at most.
        cuts = (part[:n] for n in range(len(word) - 1, len(word) + 2))
        return len(word) >= 3 and any(_one_edit_apart(word, cut) for cut in cuts)

    def rank(name: str) -> int | None:
        parts = name.replace("-", " ").split()
        if name.startswith(wanted):
            return 0
        if f" {wanted}" in name or f"-{wanted}" in name:
            return 1
        if wanted in name or wanted in squash(name):
            return 2
        if squash(wanted) and squash(wanted) in squash(name):
            return 3
        if max(map(len, typed)) >= 3 and all(any(starts(w, p) for p in parts) for w in typed):
            return 4
        return None

    names = {member.id: clean(member.name) for member in people}
    ranks = {member_id: rank(name) for member_id, name in names.items()}
    ranked = sorted((r, names[i], i) for i, r in ranks.items() if r is not None)
    return [member_id for _, _, member_id in ranked][:limit]


SHARED_NAMES = [
    *(f"{first} {last}" for first in FIRST_NAMES[:12] for last in LAST_NAMES[8:20]),
    *("Mei Lin Chen", "María José Pérez", "Noa Ben-David", "Siobhán O'Connor", "Li"),
    *("An Alvarez", "Anaïs Ng", "Jürgen Weiß", "Zoë Martin", "Omar Kaya", "Mara Lind"),
]
"""Names that share their first and last parts, as a big community's do, and names with
spaces, apostrophes, hyphens, accents and few letters."""


def test_every_typed_key_finds_whom_the_plain_rule_finds_in_its_order() -> None:
    # Given a community where names repeat and share parts (a namesake or two each)
    people = [Member(f"m{n:04d}", name, JOINED) for n, name in enumerate(SHARED_NAMES * 2)]
    index = MemberIndex(rows_of(people))
    # When people type the names: prefixes, slips, accents and joiners varied
    keys = typed_keys(SHARED_NAMES, count=1500)
    # Then the index lists whom the plain rule lists, in its order, the first few and all
    for key in keys:
        everyone = _plain_search(people, key, len(people))
        assert index.search(key, len(people)) == everyone, key
        assert index.search(key, MOST_FOUND) == everyone[:MOST_FOUND], key
