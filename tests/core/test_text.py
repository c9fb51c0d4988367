"""Text people type: cleaned on the way in, limited politely, folded for matching."""

from __future__ import annotations

import pytest

from kiosk import text
from kiosk.errors import Refused

# -- clean ---------------------------------------------------------------------


def test_markup_lookalikes_are_kept_as_typed() -> None:
    assert text.clean("[bold]Bob[/]") == "[bold]Bob[/]"
    assert text.clean("<b>Ann</b> & :smile:") == "<b>Ann</b> & :smile:"


def test_control_characters_are_dropped() -> None:
    # A bell, an escape sequence's ESC, a NUL and DEL: nothing a terminal should receive.
    assert text.clean("Bo\x07b\x1b[31m Smith\x00\x7f") == "Bob[31m Smith"


def test_line_breaks_and_tabs_become_single_spaces_and_ends_are_trimmed() -> None:
    assert text.clean("  Thanks\r\nfor\tthe\u2028help!\n") == "Thanks for the help!"


def test_bidirectional_overrides_are_dropped() -> None:
    # U+202E would make "Bob" followed by "txt.exe" display reversed.
    assert text.clean("Bob\u202eexe.txt\u2066") == "Bobexe.txt"


def test_accents_typed_as_two_code_points_are_joined() -> None:
    decomposed = "Zoe\u0308"
    assert text.clean(decomposed) == "Zoë"
    assert len(text.clean(decomposed)) == 3


def test_letters_emoji_and_joiners_of_any_alphabet_are_kept() -> None:
    assert text.clean("Ngozi 👩‍🔬 Хорошо 東京 ★") == "Ngozi 👩‍🔬 Хорошо 東京 ★"


# -- required ------------------------------------------------------------------


def test_required_returns_the_cleaned_text() -> None:
    assert text.required("  Zoë\tMartin ", "a name", text.NAME_LIMIT) == "Zoë Martin"


@pytest.mark.parametrize("typed", ["", "   ", "\n\t", "\x07\x1b"])
def test_required_refuses_nothing_but_blanks_or_controls(typed: str) -> None:
    with pytest.raises(Refused, match="Please enter a name"):
        text.required(typed, "a name", text.NAME_LIMIT)


def test_required_accepts_exactly_the_limit() -> None:
    assert len(text.required("a" * 80, "a name", text.NAME_LIMIT)) == 80


def test_required_explains_how_much_too_long_text_is() -> None:
    with pytest.raises(Refused) as refused:
        text.required("a" * 281, "a shout-out", text.SHOUTOUT_LIMIT)
    assert str(refused.value) == (
        "That is too long for a shout-out: 281 characters, and at most 280 fit. Please shorten it."
    )


def test_required_measures_length_after_cleaning() -> None:
    padded = "  " + "a" * 80 + "\n\n"
    assert text.required(padded, "a name", text.NAME_LIMIT) == "a" * 80


# -- topics --------------------------------------------------------------------


def test_topics_are_cleaned_and_blanks_skipped() -> None:
    assert text.topics(["  3D\nprinting ", "", "   ", "coffee"]) == ("3D printing", "coffee")


def test_topics_drop_repeats_ignoring_case_and_accents_and_keep_the_first_spelling() -> None:
    assert text.topics(["Python", "python", "Café", "cafe", "PYTHON"]) == ("Python", "Café")


def test_a_topic_over_the_limit_is_refused_with_its_start_and_length() -> None:
    long_topic = "restoring vintage mechanical typewriters!"
    assert len(long_topic) == 41
    with pytest.raises(Refused) as refused:
        text.topics(["coffee", long_topic])
    assert "“restoring vintage me…” is 41 characters" in str(refused.value)
    assert "at most 40" in str(refused.value)


def test_more_than_twelve_topics_are_refused() -> None:
    twelve = [f"topic {n}" for n in range(12)]
    assert len(text.topics(twelve)) == 12
    with pytest.raises(Refused, match="That is 13 topics; please pick at most 12"):
        text.topics([*twelve, "one more"])


def test_repeats_do_not_count_towards_the_topic_limit() -> None:
    assert len(text.topics([f"topic {n}" for n in range(12)] * 2)) == 12


def test_split_topics_reads_a_comma_separated_line() -> None:
    assert text.split_topics("coffee, Python,, design ,coffee") == ("coffee", "Python", "design")


# -- fold ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Zoë", "zoe"),
        ("CHLOÉ", "chloe"),
        ("Jürgen Weiß", "jurgen weiss"),
        ("Rafał", "rafal"),
        ("Øyvind Æsir", "oyvind aesir"),
        ("Þóra", "thora"),
        ("Elif Yılmaz", "elif yilmaz"),
        ("Siobhán O’Connor", "siobhan o'connor"),
        ("Ǿrsted", "orsted"),
    ],
)
def test_fold_removes_case_and_accents(typed: str, folded: str) -> None:
    assert text.fold(typed) == folded


def test_fold_treats_precomposed_and_decomposed_accents_alike() -> None:
    assert text.fold("Zo\u00eb") == text.fold("Zoe\u0308") == "zoe"


def test_invisible_marks_are_dropped_so_lookalike_names_are_the_same() -> None:
    assert text.clean("Zo\u200bë\ufeff \u200eMartin\u2060") == "Zoë Martin"
