"""Where everything on a badge goes, in millimetres, so a drawing on paper (SVG) and one in
pixels (PNG) come out the same."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from kiosk.badges.codes import spaced_badge_code
from kiosk.badges.qr import Modules, qr_modules

BADGE_WIDTH = 85.0
BADGE_HEIGHT = 54.0
"""A credit card's size, which badge holders and lanyard sleeves are made for."""

PAGE_WIDTH = 210.0
PAGE_HEIGHT = 297.0
"""A4, upright."""

COLUMNS = 2
ROWS = 5
BADGES_PER_PAGE = COLUMNS * ROWS
_COLUMN_GAP = 10.0
_ROW_GAP = 2.0

INK = "#000000"
PAPER = "#ffffff"
BAND = "#1f2937"
"""The dark band across the top that carries the space's name."""
QUIET_INK = "#4b5563"
"""Pronouns and the typed code: there to read, not to stand out."""
CUT_LINE = "#b0b0b0"

_MARGIN = 5.0
_BAND_HEIGHT = 11.0
_QR_SIZE = 36.0
"""The QR code with its margin of four light modules: about 1.2 mm a module."""
_NAME_SIZES = tuple(size / 10 for size in range(72, 35, -2))
_SPACE_SIZES = (4.6, 4.2, 3.8, 3.4, 3.0)
_PRONOUNS_SIZE = 3.4
_CODE_SIZE = 3.4

Measure = Callable[[str, float, bool], float]
"""The width in mm of a text at a font size in mm, bold or not."""


@dataclass(frozen=True, slots=True)
class Text:
    """One line of text; (x, y) is the start of its baseline."""

    text: str
    x: float
    y: float
    size: float
    colour: str
    bold: bool = False
    mono: bool = False


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle, filled or outlined (with a line 0.2 mm wide)."""

    x: float
    y: float
    width: float
    height: float
    fill: str | None = None
    outline: str | None = None


@dataclass(frozen=True, slots=True)
class BadgeLayout:
    """A badge: its boxes drawn in order, then the QR code (dark modules in INK on PAPER),
    then the texts."""

    width: float
    height: float
    boxes: tuple[Box, ...]
    texts: tuple[Text, ...]
    qr_x: float
    qr_y: float
    qr_module: float
    """The side of one module, in mm."""
    modules: Modules
    """The QR code, its light margin included."""


def badge_layout(
    space_name: str, name: str, pronouns: str, code: str, measure: Measure | None = None
) -> BadgeLayout:
    """The badge of the member `name` (with `pronouns`, if they show them) and badge `code`."""
    measure = measure or estimated_width
    modules = qr_modules(code, "H")
    module = _QR_SIZE / len(modules)
    qr_x = BADGE_WIDTH - _QR_SIZE - 1.5
    qr_y = _BAND_HEIGHT + (BADGE_HEIGHT - _BAND_HEIGHT - _QR_SIZE) / 2
    # Text keeps out of the code's light margin, which scanners need clear.
    column = qr_x - 0.5 - _MARGIN

    space_size, (space_line,) = _fitted(
        space_name, BADGE_WIDTH - 2 * _MARGIN, _SPACE_SIZES, (1,), True, measure
    )
    band_baseline = _BAND_HEIGHT / 2 + space_size * 0.36
    texts = [Text(space_line, _MARGIN, band_baseline, space_size, PAPER, bold=True)]
    # Two lines of a large name read best; a long name may take three, smaller.
    name_size, name_lines = _fitted(name, column, _NAME_SIZES, (2, 3), True, measure)
    block = [(line, name_size, INK, True) for line in name_lines]
    if pronouns:
        _, (shown,) = _fitted(pronouns, column, (_PRONOUNS_SIZE,), (1,), False, measure)
        block.append((shown, _PRONOUNS_SIZE, QUIET_INK, False))
    code_baseline = BADGE_HEIGHT - _MARGIN
    texts += _stacked(block, top=_BAND_HEIGHT + 3, bottom=code_baseline - _CODE_SIZE - 2)
    shown_code = spaced_badge_code(code)
    texts.append(Text(shown_code, _MARGIN, code_baseline, _CODE_SIZE, QUIET_INK, mono=True))
    boxes = (
        Box(0, 0, BADGE_WIDTH, BADGE_HEIGHT, fill=PAPER),
        Box(0, 0, BADGE_WIDTH, _BAND_HEIGHT, fill=BAND),
        Box(0, 0, BADGE_WIDTH, BADGE_HEIGHT, outline=CUT_LINE),
    )
    return BadgeLayout(BADGE_WIDTH, BADGE_HEIGHT, boxes, tuple(texts), qr_x, qr_y, module, modules)


def page_slots() -> Iterator[tuple[float, float]]:
    """The top-left corner of each badge on an A4 page, row by row."""
    left = (PAGE_WIDTH - COLUMNS * BADGE_WIDTH - (COLUMNS - 1) * _COLUMN_GAP) / 2
    top = (PAGE_HEIGHT - ROWS * BADGE_HEIGHT - (ROWS - 1) * _ROW_GAP) / 2
    for row in range(ROWS):
        for column in range(COLUMNS):
            yield (
                left + column * (BADGE_WIDTH + _COLUMN_GAP),
                top + row * (BADGE_HEIGHT + _ROW_GAP),
            )


def estimated_width(text: str, size: float, bold: bool) -> float:
    """A generous guess at the width of `text` in a common sans-serif font, for when the
    font that will draw it is not known (an SVG is drawn by the viewer's fonts)."""
    return size * sum(_char_width(char) for char in text) * (1.0 if bold else 0.92)


def _char_width(char: str) -> float:
    if unicodedata.combining(char):
        return 0.0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.05
    if char in "ijlrtfI.,;:'!|()[] -":
        return 0.42
    if char in "mwMW@":
        return 1.05
    if char.isupper() or char.isdigit():
        return 0.78
    return 0.7


def _fitted(
    text: str,
    width: float,
    sizes: tuple[float, ...],
    most_lines: tuple[int, ...],
    bold: bool,
    measure: Measure,
) -> tuple[float, list[str]]:
    """The largest of `sizes` at which `text` wraps between words into the first of
    `most_lines` lines of `width` it can; at the smallest size, words too long for a line are
    broken and what does not fit ends in an ellipsis."""
    for lines_allowed in most_lines:
        for size in sizes:
            lines = _wrapped(text, width, size, bold, measure, break_words=False)
            if lines is not None and len(lines) <= lines_allowed:
                return size, lines
    size = sizes[-1]
    lines = _wrapped(text, width, size, bold, measure, break_words=True) or [text]
    if len(lines) <= most_lines[-1]:
        return size, lines
    lines = lines[: most_lines[-1]]
    last = lines[-1].rstrip() + "…"
    while len(last) > 1 and measure(last, size, bold) > width:
        last = last[:-2].rstrip() + "…"
    return size, [*lines[:-1], last]


def _wrapped(
    text: str, width: float, size: float, bold: bool, measure: Measure, break_words: bool
) -> list[str] | None:
    """`text` in lines no wider than `width`, broken between words or after a hyphen; a word
    wider than a line by itself is broken too if `break_words`, or else there is no fitting
    (None)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        for index, part in enumerate(_HYPHENATED.findall(word)):
            joined = line + ("" if index or not line else " ") + part
            if measure(joined, size, bold) <= width:
                line = joined
                continue
            if line:
                lines.append(line)
            line = part
            if measure(part, size, bold) <= width:
                continue
            if not break_words:
                return None
            line = ""
            for char in part:
                if line and measure(line + char, size, bold) > width:
                    lines.append(line)
                    line = ""
                line += char
    if line or not lines:
        lines.append(line)
    return lines


# A word is broken after its hyphens: "Ruiz-", "Picasso".
_HYPHENATED = re.compile(r"[^-]+-*|-+")


def _stacked(block: list[tuple[str, float, str, bool]], top: float, bottom: float) -> list[Text]:
    """The lines of `block`, one under the other, centred between `top` and `bottom`."""
    heights = [size * 1.22 for _, size, _, _ in block]
    y = top + (bottom - top - sum(heights)) / 2
    texts = []
    for (line, size, colour, bold), height in zip(block, heights, strict=True):
        y += height
        texts.append(Text(line, _MARGIN, y - height * 0.24, size, colour, bold=bold))
    return texts
