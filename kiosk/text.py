"""Text that people type: cleaned on the way in, limited, and never read as markup."""

from __future__ import annotations

import unicodedata

from kiosk.errors import Refused

NAME_LIMIT = 80
TOPIC_LIMIT = 40
TOPICS_LIMIT = 12
SHOUTOUT_LIMIT = 280

# Bidirectional overrides can make a name display as something else entirely, and
# invisible marks make two names that look the same differ.
_INVISIBLE = {
    chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200B, 0x200E, 0x200F, 0x2060)
} | {"\ufeff"}
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


def clean(text: str) -> str:
    """Drop control characters, turn line breaks and tabs into spaces, and trim."""
    kept = []
    for char in unicodedata.normalize("NFC", text):
        category = unicodedata.category(char)
        if char in "\t\n\r\v\f\u2028\u2029":
            kept.append(" ")
        elif category in ("Cc", "Cs") or char in _INVISIBLE:
            continue
        else:
            kept.append(char)
    return " ".join("".join(kept).split())


def required(text: str, what: str, limit: int) -> str:
    """Clean `text`, refusing it politely when it is empty or longer than `limit`."""
    cleaned = clean(text)
    if not cleaned:
        raise Refused(f"Please enter {what}.")
    if len(cleaned) > limit:
        raise Refused(
            f"That is too long for {what}: {len(cleaned)} characters, "
            f"and at most {limit} fit. Please shorten it."
        )
    return cleaned


def topics(values: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Clean a list of topics: no blanks, no repeats (ignoring case), each within the limit."""
    seen: set[str] = set()
    result: list[str] = []
    for value in values:
        topic = clean(value)
        if not topic or fold(topic) in seen:
            continue
        if len(topic) > TOPIC_LIMIT:
            raise Refused(
                f"The topic “{topic[:20]}…” is {len(topic)} characters; "
                f"a topic can be at most {TOPIC_LIMIT}."
            )
        seen.add(fold(topic))
        result.append(topic)
    if len(result) > TOPICS_LIMIT:
        raise Refused(f"That is {len(result)} topics; please pick at most {TOPICS_LIMIT}.")
    return tuple(result)


def split_topics(text: str) -> tuple[str, ...]:
    """Topics typed in one line, separated by commas."""
    return topics(text.split(","))


def fold(text: str) -> str:
    """Text reduced for matching: no accents, no case ("Zoë" and "zoe" fold alike)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_FOLDS)
