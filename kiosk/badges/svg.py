"""Badges as SVG: a file per badge and A4 sheets of them, drawn without an imaging library."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from kiosk.badges.layout import (
    INK,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PAPER,
    BadgeLayout,
    Box,
    Text,
    page_slots,
)
from kiosk.badges.qr import Modules

_SANS = "'DejaVu Sans', Verdana, 'Noto Sans', Arial, Helvetica, sans-serif"
_MONO = "'DejaVu Sans Mono', 'Noto Sans Mono', Menlo, Consolas, monospace"

# What XML 1.0 cannot hold at all, not even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def badge_svg(layout: BadgeLayout) -> str:
    """One badge, printed at its real size."""
    return _document(layout.width, layout.height, _badge(layout))


def sheet_svg(layouts: Sequence[BadgeLayout]) -> str:
    """An A4 page of up to ten badges, each with a light line to cut along."""
    badges = [
        f'<g transform="translate({_mm(x)} {_mm(y)})">{_badge(layout)}</g>'
        for layout, (x, y) in zip(layouts, page_slots(), strict=False)
    ]
    return _document(PAGE_WIDTH, PAGE_HEIGHT, "\n".join(badges))


def _document(width: float, height: float, body: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_mm(width)}mm" '
        f'height="{_mm(height)}mm" viewBox="0 0 {_mm(width)} {_mm(height)}">\n'
        f'<rect width="{_mm(width)}" height="{_mm(height)}" fill="{PAPER}"/>\n'
        f"{body}\n</svg>\n"
    )


def _badge(layout: BadgeLayout) -> str:
    parts = [
        *(_box(box) for box in layout.boxes),
        _qr(layout.modules, layout.qr_x, layout.qr_y, layout.qr_module),
        *(_text(text) for text in layout.texts),
    ]
    return "\n".join(parts)


def _box(box: Box) -> str:
    paint = f'fill="{box.fill or "none"}"'
    if box.outline:
        paint += f' stroke="{box.outline}" stroke-width="0.2"'
    return (
        f'<rect x="{_mm(box.x)}" y="{_mm(box.y)}" width="{_mm(box.width)}" '
        f'height="{_mm(box.height)}" {paint}/>'
    )


def _qr(modules: Modules, x: float, y: float, module: float) -> str:
    """The dark modules as one path of runs, in module units scaled to size: edges meet
    exactly, with no hairlines between neighbours."""
    runs = []
    for row, line in enumerate(modules):
        column = 0
        while column < len(line):
            if not line[column]:
                column += 1
                continue
            start = column
            while column < len(line) and line[column]:
                column += 1
            runs.append(f"M{start} {row}h{column - start}v1h-{column - start}z")
    return (
        f'<g transform="translate({_mm(x)} {_mm(y)}) scale({module:.5f})">'
        f'<rect width="{len(modules)}" height="{len(modules)}" fill="{PAPER}"/>'
        f'<path d="{"".join(runs)}" fill="{INK}" shape-rendering="crispEdges"/></g>'
    )


def _text(text: Text) -> str:
    family = _MONO if text.mono else _SANS
    weight = ' font-weight="bold"' if text.bold else ""
    shown = escape(_NOT_XML.sub("", text.text), quote=False)
    return (
        f'<text x="{_mm(text.x)}" y="{_mm(text.y)}" font-family="{family}" '
        f'font-size="{_mm(text.size)}"{weight} fill="{text.colour}" '
        f'xml:space="preserve">{shown}</text>'
    )


def _mm(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")
