"""What the command line prints can be shown by a terminal, never obeyed by it; its JSON
stays valid and means the same."""

from __future__ import annotations

import json
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.output import json_text, visible
from tests.core.unseen import ZWJ, ZWNJ, unseen

HOSTILE = "\x1b]0;PWNED\x07\x1b[2J"
"""Retitles the terminal window, then clears the screen."""

# Text a terminal or a reader could be fooled by, mixed with ordinary text.
tricky = st.lists(
    st.one_of(
        st.characters(),
        st.characters(categories=("Cc", "Cf", "Cs", "Co", "Zl", "Zp")),
        st.sampled_from([HOSTILE, "\x9b2J", "\u202eevil", "👩\u200d🔬", "\ufe0f", "\n"]),
    )
).map("".join)


def terminal_safe(printed: str) -> bool:
    """No control character but the line break, and nothing unseen but the joiners and
    style selectors that hold emoji and words together."""
    return not any(unseen(c) and c not in ("\n", ZWJ, ZWNJ, "\ufe0e", "\ufe0f") for c in printed)


def test_an_escape_sequence_is_shown_as_harmless_text() -> None:
    assert visible(f"Ada {HOSTILE}Lovelace") == "Ada ]0;PWNED[2JLovelace"


def test_line_breaks_and_joined_emoji_are_kept() -> None:
    assert visible("Ngozi 👩\u200d🔬\nline two ★\ufe0f") == "Ngozi 👩\u200d🔬\nline two ★\ufe0f"


def test_single_byte_controls_and_direction_overrides_are_dropped() -> None:
    # CSI (U+009B) starts an escape sequence on some terminals on its own.
    assert visible("a\x9b2Jb\u202ecd\u2028e\ud800f\U000e0041") == "a2Jbcdef"


@settings(max_examples=300)
@given(text=tricky)
def test_nothing_printed_can_steer_a_terminal(text: str) -> None:
    printed = visible(text)
    assert terminal_safe(printed)
    # And all that can be seen is kept, in order
    assert printed == "".join(c for c in text if not unseen(c) or c in printed)


def test_json_escapes_what_json_dumps_leaves_raw() -> None:
    value = {"name": f"Ada\x85{HOSTILE}\u202e\u2028\ud800\U000e0041"}
    printed = json_text(value)
    assert "\\u0085" in printed
    assert "\\u202e" in printed
    assert "\\udb40\\udc41" in printed  # a tag character, as a surrogate pair
    assert json.loads(printed) == value


@settings(max_examples=300)
@given(value=st.one_of(tricky, st.lists(tricky), st.dictionaries(tricky, tricky)))
def test_json_stays_valid_means_the_same_and_shows_nothing_unseen(value: object) -> None:
    printed = json_text(value)
    # The same as the standard library's JSON of it (two lone surrogates in a row read
    # back as the one character they spell, in any JSON)
    assert json.loads(printed) == json.loads(json.dumps(value))
    assert not any(unseen(c) and c != "\n" for c in printed)
    assert all(unicodedata.category(c) != "Cc" for c in printed.replace("\n", ""))
