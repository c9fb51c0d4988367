"""What the command line writes: text a terminal can only show, never obey, and JSON that
stays so (the records' JSON forms are in kiosk.record_json).

Whatever the data holds (a hand edit, another program), nothing printed can move the
cursor, clear the screen, retitle the window or hide and reorder text: control characters
(but the line break) and characters that cannot be seen are dropped from plain text, and
escaped in JSON, which stays valid and means the same.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

from kiosk.language import _
from kiosk.text import UNSEEN, ZWJ, ZWNJ

_HARMLESS = {"\n", ZWJ, ZWNJ, "\ufe0e", "\ufe0f"}
"""Kept in plain text: the line break, and the joiners and emoji or text style selectors
that `text.clean` leaves only where they join (an emoji sequence would fall apart)."""


def visible(text: str) -> str:
    """`text` with every control character but the line break, and every character that
    cannot be seen, dropped."""
    return UNSEEN.sub(lambda found: found[0] if found[0] in _HARMLESS else "", text)


def say(text: str = "", *, err: bool = False) -> None:
    """Print `text` and a line break on stdout, or stderr when `err`, showing only what
    can be seen."""
    print(visible(text), file=sys.stderr if err else sys.stdout)


def warn(warning: str) -> None:
    """Tell the host of `warning` on stderr, as a warning from the kiosk."""
    say(_("kiosk: warning: {warning}").format(warning=warning), err=True)


def json_text(value: Any) -> str:
    """`value` as indented JSON, with every character that cannot be seen escaped (JSON
    leaves U+0080 to U+009F, format characters and lone surrogates as they are)."""
    return UNSEEN.sub(_escaped, json.dumps(value, ensure_ascii=False, indent=2))


def _escaped(found: re.Match[str]) -> str:
    char = found[0]
    if char == "\n":  # the indentation's; json.dumps escapes those inside strings
        return char
    point = ord(char)
    if point <= 0xFFFF:
        return f"\\u{point:04x}"
    point -= 0x10000  # written as a surrogate pair, as JSON spells code points past U+FFFF
    return f"\\u{0xD800 + (point >> 10):04x}\\u{0xDC00 + (point & 0x3FF):04x}"
