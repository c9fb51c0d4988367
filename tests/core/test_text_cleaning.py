"""Cleaned text holds nothing that cannot be seen, by Unicode's own rules (categories and
Default_Ignorable_Code_Point), not by the cleaning code's table; and names that only differ
in what cannot be seen look the same."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk import text
from kiosk.errors import Refused
from tests.core.unseen import (
    DEFAULT_IGNORABLE,
    UNSEEN_CATEGORIES,
    ZWJ,
    ZWNJ,
    ignorable,
    unseen,
    variation_selector,
)

# Characters that tend to break cleaning, among any others.
AWKWARD = (
    *(ZWJ, ZWNJ, "\ufe0e", "\ufe0f", "\ufe00", "\U000e0100", "\U000e0041", "\U000e007f"),
    *("\u00ad", "\u061c", "\u2063", "\u3164", "\u180e", "\u034f", "\u115f", "\u202e"),
    *("\t", "\n", "\r", "\x85", "\u2028", "\u00a0", " ", "\x1b", "\x00", "\ud800"),
    *("\u0301", "\u0308", "\u0327", "\u1100", "\u1161", "\u11a8"),  # marks and jamo
    *("a", "e", "Z", "ß", "د", "ی", "ک"),  # letters, Persian ones that take a ZWNJ
    *("👩", "🔬", "❤", "\u2764", "★", "\U0001f3fb", "🏳", "🌈"),  # emoji and a skin tone
)
typed = st.text(st.one_of(st.sampled_from(AWKWARD), st.characters()))


def emoji(char: str) -> bool:
    """A symbol an emoji sequence can join: a pictograph, dingbat or modifier."""
    return unicodedata.category(char) in ("So", "Sk") or 0x1F000 <= ord(char) <= 0x1FAFF


def joins(cleaned: str, index: int) -> bool:
    """Whether the unseen character at `index` joins or styles what is around it: a ZWJ
    inside an emoji sequence, a ZWNJ between letters, a variation selector after a base."""
    char = cleaned[index]
    before = cleaned[index - 1] if index else ""
    after = cleaned[index + 1 : index + 2]
    if char == ZWJ:
        base = cleaned[index - 2] if variation_selector(before) and index > 1 else before
        return bool(base and after) and emoji(base) and emoji(after)
    if char == ZWNJ:
        return before.isalpha() and after.isalpha()
    if variation_selector(char):
        return bool(before) and not before.isspace() and not unseen(before)
    return False


def misplaced(cleaned: str) -> list[str]:
    """Unseen characters in `cleaned` that do not join or style what is around them."""
    return [
        f"U+{ord(char):04X} at {index}"
        for index, char in enumerate(cleaned)
        if unseen(char) and not joins(cleaned, index)
    ]


@settings(max_examples=1500, deadline=None)
@given(typed=typed)
def test_cleaned_text_holds_only_what_can_be_seen(typed: str) -> None:
    cleaned = text.clean(typed)
    assert misplaced(cleaned) == []
    assert unicodedata.is_normalized("NFC", cleaned)
    assert text.clean(cleaned) == cleaned
    # Spaces are single, and only spaces
    assert cleaned == " ".join(cleaned.split())
    assert not any(c.isspace() and c != " " for c in cleaned)


@settings(max_examples=500, deadline=None)
@given(
    before=typed,
    after=typed,
    hidden=st.sampled_from([chr(low) for low, _ in DEFAULT_IGNORABLE] + [ZWJ, ZWNJ, "\ufe0f"]),
)
def test_what_cannot_be_seen_does_not_change_how_a_name_looks(
    before: str, after: str, hidden: str
) -> None:
    assert text.looks(before + hidden + after) == text.looks(before + after)
    assert not any(unseen(c) for c in text.looks(before + hidden + after))


def test_the_unseen_table_matches_this_pythons_unicode_data() -> None:
    def points(ranges: tuple[tuple[int, int], ...]) -> set[int]:
        return set().union(*(range(low, high + 1) for low, high in ranges))

    expected = points(DEFAULT_IGNORABLE) | {
        point for point in range(0x110000) if unicodedata.category(chr(point)) in UNSEEN_CATEGORIES
    }
    table = points(text._UNSEEN)
    disagree = sorted(expected ^ table)
    assert disagree == [], f"Unicode {unicodedata.unidata_version}: " + ", ".join(
        f"U+{p:04X} ({unicodedata.category(chr(p))})" for p in disagree[:20]
    )
    # And is_unseen reads the table right, on both sides of every edge
    for low, high in text._UNSEEN:
        for point in (low - 1, low, high, high + 1):
            if 0 <= point < 0x110000:
                assert text.is_unseen(chr(point)) == (point in expected)


# -- names that look alike ---------------------------------------------------------

HIDDEN_IN_ADA = [
    "Ada\u061c Lovelace",  # Arabic letter mark
    "Ad\u00ada Lovelace",  # soft hyphen
    "Ada\u200d Lovelace",  # zero width joiner, outside any emoji
    "Ada Love\u2063lace",  # invisible separator
    "Ada Lovelace\U000e0041\U000e007f",  # tag characters
    "Ada\u3164 Lovelace",  # Hangul filler
    "Ada \u180eLovelace",  # Mongolian vowel separator
    "A\u034fda Lovelace",  # combining grapheme joiner
    "Ad\u200ca Lovelace",  # zero width non-joiner, between letters
    "Ada\ufe0f Lovelace",  # emoji style, after a letter
]


@pytest.mark.parametrize("name", HIDDEN_IN_ADA, ids=ascii)
def test_a_name_with_a_hidden_character_looks_like_the_plain_one(name: str) -> None:
    assert text.looks(name) == text.looks("Ada Lovelace")


@pytest.mark.parametrize("name", HIDDEN_IN_ADA[:8], ids=ascii)
def test_a_hidden_character_that_joins_nothing_is_cleaned_away(name: str) -> None:
    assert text.clean(name) == "Ada Lovelace"


@pytest.mark.parametrize(
    "blank", ["\u180e", "\u3164", "\u115f\u1160", "\u034f", ZWJ, "\U000e0020", " \u180e \u2063 "]
)
def test_a_name_of_hidden_characters_alone_is_blank(blank: str) -> None:
    assert text.clean(blank) == ""
    with pytest.raises(Refused, match="Please enter a name"):
        text.required(blank, "a name", text.NAME_LIMIT)


def test_joiners_that_join_are_kept() -> None:
    scientist, persian = "👩\u200d🔬", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    assert text.clean(f"Ngozi {scientist}") == f"Ngozi {scientist}"
    assert text.clean(persian) == persian
    assert text.clean("❤\ufe0f") == "❤\ufe0f"
    assert ignorable(ZWJ) and ignorable("\ufe0f")
