"""Text that people type, or that reaches the data folder any other way: cleaned, limited,
and never read as markup.

`clean` keeps what a person can see. It drops control characters, format characters
(bidirectional marks, soft hyphens, zero-width marks, tag characters) and the other
default-ignorable code points (fillers, variation selectors on their own), and keeps a
joiner only where it joins: a zero-width joiner inside an emoji sequence, a non-joiner
between letters, a variation selector after the character it styles.
"""

from __future__ import annotations

import re
import sys
import unicodedata

from kiosk.errors import Refused
from kiosk.language import N_, _

NAME_LIMIT = 80
TOPIC_LIMIT = 40
EVENT_TITLE_LIMIT = 80
REPEAT_LIMIT = 200
"""The longest repeating rule of an event (an RRULE) the kiosk keeps."""
TOPICS_LIMIT = 12
SHOUTOUT_LIMIT = 280
PRONOUNS_LIMIT = 20
INTRO_LIMIT = 120
QUESTION_LIMIT = 140
ANSWER_LIMIT = 140
CHANNEL_LIMIT = 1000
AGREEMENT_TITLE_LIMIT = 80
"""The longest title or version of one of the house's agreements."""
"""The longest notification channel (an Apprise URL, with its tokens)."""

# Code points that cannot be seen on their own: categories Cc, Cf, Cs, Co, Zl and Zp, and
# Unicode's Default_Ignorable_Code_Point, as of Unicode 14 (tests compare this table with
# the categories of the running Python). Line breaks and tabs are handled before.
_UNSEEN = (
    (0x0000, 0x001F),
    (0x007F, 0x009F),
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x2028, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xD800, 0xF8FF),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x13438),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
    (0xF0000, 0xFFFFD),
    (0x100000, 0x10FFFD),
)
_UNSEEN_CLASS = "".join(
    re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"
    for low, high in _UNSEEN
)
UNSEEN = re.compile(f"[{_UNSEEN_CLASS}]")
"""Any one code point that `is_unseen` is true of, to find or replace them all at once."""
_NEEDS_CARE = re.compile(f"[{_UNSEEN_CLASS}]|\\s\\s|^\\s|\\s$|[^\\S ]")
"""Anything `clean` would change besides normalization: most text has none of it."""

ZWNJ, ZWJ = "\u200c", "\u200d"
_STYLES = "\ufe0e\ufe0f"
"""Variation selectors choosing text or emoji style for the character before them."""

# Letters that Unicode does not decompose into a base letter and an accent, and the
# typographic apostrophe that phones type for "'".
_FOLDS = str.maketrans(
    {
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ı": "i",
        "\u2019": "'",
    }
)
# Cyrillic and Greek letters drawn like Latin ones, so that names that look alike on the
# screen also compare alike.
_LOOKALIKES = str.maketrans(
    {
        "а": "a",
        "в": "b",
        "е": "e",
        "ё": "e",
        "к": "k",
        "м": "m",
        "н": "h",
        "о": "o",
        "р": "p",
        "с": "c",
        "т": "t",
        "у": "y",
        "х": "x",
        "і": "i",
        "ј": "j",
        "ѕ": "s",
        "α": "a",
        "β": "b",
        "ε": "e",
        "η": "n",
        "ι": "i",
        "κ": "k",
        "ν": "v",
        "ο": "o",
        "ρ": "p",
        "τ": "t",
        "υ": "u",
        "χ": "x",
        "0": "o",
        "1": "l",
        # What `clean` keeps where it joins cannot be seen either: "Ada" with a zero-width
        # non-joiner, or with an emoji-style selector, looks like "Ada".
        ZWNJ: None,
        ZWJ: None,
        "\ufe0e": None,
        "\ufe0f": None,
    }
)
_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


def is_unseen(char: str) -> bool:
    """Whether `char` is in the table of code points that cannot be seen on their own."""
    point = ord(char)
    return any(low <= point <= high for low, high in _UNSEEN)


def _pictographic(char: str) -> bool:
    point = ord(char)
    return (
        unicodedata.category(char) == "So"
        or 0x1F000 <= point <= 0x1FAFF
        or 0x1F3FB <= point <= 0x1F3FF  # skin tones
    )


def clean(text: str) -> str:
    """Keep what can be seen: drop control and invisible characters, turn line breaks
    and tabs into spaces, join accents to their letters (NFC) and trim."""
    if not _NEEDS_CARE.search(text) and unicodedata.is_normalized("NFC", text):
        return text
    kept: list[str] = []
    for index, char in enumerate(text):
        if char in "\t\n\r\v\f\x1c\x1d\x1e\x1f\x85\u2028\u2029":
            kept.append(" ")
        elif not is_unseen(char) or _joins(text, index, kept):
            kept.append(char)
    # Normalized after dropping, since a dropped character can leave two marks unordered.
    return " ".join(unicodedata.normalize("NFC", "".join(kept)).split())


def _joins(chars: str, index: int, kept: list[str]) -> bool:
    """Whether the invisible `chars[index]` joins or styles the visible text around it."""
    char = chars[index]
    before = kept[-1] if kept else ""
    after = chars[index + 1] if index + 1 < len(chars) else ""
    if char in _STYLES:
        return bool(before) and not before.isspace() and before not in _STYLES
    if char == ZWJ:
        base = before
        if base in _STYLES and len(kept) > 1:
            base = kept[-2]
        return bool(base and after) and _pictographic(base) and _pictographic(after)
    if char == ZWNJ:
        return before.isalpha() and after.isalpha()
    return False


def required(text: str, what: str, limit: int) -> str:
    """Clean `text`, refusing it politely when it is empty or longer than `limit`; `what`
    it is, like "a name", is marked with `N_` and said in the language speaking."""
    cleaned = clean(text)
    if not cleaned:
        raise Refused(_("Please enter {what}.").format(what=_(what)))
    return limited(cleaned, what, limit)


def optional(text: str, what: str, limit: int) -> str:
    """Clean `text`, which may be empty, refusing it politely when longer than `limit`."""
    return limited(clean(text), what, limit)


def limited(cleaned: str, what: str, limit: int) -> str:
    if len(cleaned) > limit:
        raise Refused(
            _(
                "That is too long for {what}: {count} characters, and at most {limit} fit. "
                "Please shorten it."
            ).format(what=_(what), count=len(cleaned), limit=limit)
        )
    return cleaned


def topics(values: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Clean a list of topics: no blanks, no repeats (ignoring case), each within the limit."""
    seen: set[str] = set()
    result: list[str] = []
    for value in values:
        topic = clean(value)
        key = topic_key(topic)
        if not key or key in seen:
            continue
        if len(topic) > TOPIC_LIMIT:
            raise Refused(
                _(
                    "The topic “{topic}…” is {count} characters; a topic can be at most {limit}."
                ).format(topic=topic[:20], count=len(topic), limit=TOPIC_LIMIT)
            )
        seen.add(key)
        # Kept once in memory however many members share it.
        result.append(sys.intern(topic))
    if len(result) > TOPICS_LIMIT:
        raise Refused(
            _("That is {count} topics; please pick at most {limit}.").format(
                count=len(result), limit=TOPICS_LIMIT
            )
        )
    return tuple(result)


def split_topics(text: str) -> tuple[str, ...]:
    """Topics typed in one line, separated by commas."""
    return topics(text.split(","))


def topic_key(topic: str) -> str:
    """What makes two topics one: "Rust", "rust " and "RUST" share a key."""
    return " ".join(fold(topic).split())


def fold(text: str) -> str:
    """Text reduced for matching: no accents, no case ("Zoë" and "zoe" fold alike)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_FOLDS)


def looks(text: str) -> str:
    """Text reduced to how it looks: folded, with lookalike letters made one, so that
    "Ada Lovelace" written with a Cyrillic a (U+0430) compares equal to the Latin one."""
    return " ".join(fold(clean(text)).translate(_LOOKALIKES).split())


def is_id(value: str) -> bool:
    """Whether `value` has the shape of an id or badge code: letters, digits, - and _."""
    return _ID.fullmatch(value) is not None


def channel(value: str) -> str:
    """A notification channel as typed (an Apprise URL like ntfy://topic or
    mailto://user:password@example.org), trimmed; refused politely when it cannot be one.
    Whether a service is known by that scheme is for Apprise to say when it sends."""
    url = value.strip()
    scheme, separator, rest = url.partition("://")
    if (
        not separator
        or not rest
        or _SCHEME.fullmatch(scheme) is None
        or not url.isprintable()
        or any(char.isspace() for char in url)
    ):
        raise Refused(
            _(
                "That is not a notification channel: give an address like "
                "ntfy://ntfy.sh/my-topic or mailto://user:password@example.org "
                "(one URL, without spaces)."
            )
        )
    return limited(url, N_("a notification channel"), CHANNEL_LIMIT)


_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]{0,31}")


def shortened(value: str, limit: int = 60) -> str:
    """`value` cut to `limit` characters for a message, with an ellipsis when longer."""
    value = clean(value)
    return value if len(value) <= limit else value[: limit - 1] + "…"
