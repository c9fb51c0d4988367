"""Badges as PNG at print resolution, drawn with Pillow (qrcode's [pil] extra)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from kiosk.badges.layout import INK, PAGE_HEIGHT, PAGE_WIDTH, PAPER, BadgeLayout, page_slots

DPI = 300
_PIXELS_PER_MM = DPI / 25.4

# Each letter is drawn in the first installed font that has it, so a name in Chinese
# finds a font for it; Pillow's own font stands in when none is installed.
_FONT_FILES = {
    (False, False): ("DejaVuSans.ttf", "LiberationSans-Regular.ttf", "NotoSans-Regular.ttf"),
    (True, False): ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "NotoSans-Bold.ttf"),
    (False, True): ("DejaVuSansMono.ttf", "LiberationMono-Regular.ttf", "NotoSansMono-Regular.ttf"),
}
_WIDE_FONT_FILES = ("NotoSansCJK-Regular.ttc", "DroidSansFallbackFull.ttf", "wqy-microhei.ttc")

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


def measure(text: str, size: float, bold: bool) -> float:
    """The width in mm of `text` in the font the PNG will draw it with."""
    runs = _runs(text, _pixels(size), bold, False)
    return sum(font.getlength(run) for run, font in runs) / _PIXELS_PER_MM


def badge_png(layout: BadgeLayout) -> bytes:
    """One badge at its real size and 300 dots an inch, as a PNG file holds it."""
    image = _paper(layout.width, layout.height)
    _draw_badge(ImageDraw.Draw(image), layout, 0, 0)
    return _png(image)


def sheet_png(layouts: Sequence[BadgeLayout]) -> bytes:
    """An A4 page of up to ten badges, each with a light line to cut along, as a PNG."""
    image = _paper(PAGE_WIDTH, PAGE_HEIGHT)
    draw = ImageDraw.Draw(image)
    for layout, (x, y) in zip(layouts, page_slots(), strict=False):
        _draw_badge(draw, layout, _pixels(x), _pixels(y))
    return _png(image)


def _png(image: Image.Image) -> bytes:
    encoded = io.BytesIO()
    image.save(encoded, format="PNG", dpi=(DPI, DPI))
    return encoded.getvalue()


def _paper(width: float, height: float) -> Image.Image:
    return Image.new("RGB", (_pixels(width), _pixels(height)), PAPER)


def _draw_badge(draw: ImageDraw.ImageDraw, layout: BadgeLayout, left: int, top: int) -> None:
    for box in layout.boxes:
        x, y = left + _pixels(box.x), top + _pixels(box.y)
        corners = (x, y, x + _pixels(box.width) - 1, y + _pixels(box.height) - 1)
        draw.rectangle(corners, fill=box.fill, outline=box.outline, width=_pixels(0.2))
    _draw_qr(draw, layout, left, top)
    for text in layout.texts:
        x, y = left + _pixels(text.x), top + _pixels(text.y)
        for run, font in _runs(text.text, _pixels(text.size), text.bold, text.mono):
            draw.text((x, y), run, font=font, fill=text.colour, anchor="ls")
            x += round(font.getlength(run))


def _draw_qr(draw: ImageDraw.ImageDraw, layout: BadgeLayout, left: int, top: int) -> None:
    """Every module a whole number of pixels, so no module is blurred into its neighbour."""
    count = len(layout.modules)
    module = int(layout.qr_module * _PIXELS_PER_MM)
    spare = _pixels(layout.qr_module * count) - module * count
    x0 = left + _pixels(layout.qr_x) + spare // 2
    y0 = top + _pixels(layout.qr_y) + spare // 2
    draw.rectangle((x0, y0, x0 + module * count - 1, y0 + module * count - 1), fill=PAPER)
    for row, line in enumerate(layout.modules):
        for column, dark in enumerate(line):
            if dark:
                x, y = x0 + column * module, y0 + row * module
                draw.rectangle((x, y, x + module - 1, y + module - 1), fill=INK)


def _runs(text: str, size: int, bold: bool, mono: bool) -> list[tuple[str, Font]]:
    """`text` in pieces, each with the font that draws it."""
    fonts = _installed_fonts(size, bold and not mono, mono)
    runs: list[tuple[str, Font]] = []
    for char in text:
        font = runs[-1][1] if runs and char.isspace() else _font_with(fonts, char)
        if runs and runs[-1][1] is font:
            runs[-1] = (runs[-1][0] + char, font)
        else:
            runs.append((char, font))
    return runs


def _font_with(fonts: list[Font], char: str) -> Font:
    for font in fonts:
        if isinstance(font, ImageFont.FreeTypeFont) and _has_glyph(str(font.path), char):
            return font
    return fonts[0]


@lru_cache(maxsize=128)
def _installed_fonts(size: int, bold: bool, mono: bool) -> list[Font]:
    fonts: list[Font] = []
    for name in (*_FONT_FILES[bold, mono], *_WIDE_FONT_FILES):
        try:
            fonts.append(ImageFont.truetype(name, size))
        except OSError:
            continue
    return fonts or [ImageFont.load_default(size)]


@lru_cache(maxsize=4096)
def _has_glyph(font_path: str | bytes, char: str) -> bool:
    """Whether the font draws `char` as itself, not as the box it draws for what it lacks."""
    font = ImageFont.truetype(font_path, 24)
    return _drawn(font, char) != _drawn(font, _NO_SUCH_LETTER)


def _drawn(font: ImageFont.FreeTypeFont, char: str) -> tuple[tuple[int, int], bytes]:
    mask = font.getmask(char)
    return mask.size, bytes(mask)


_NO_SUCH_LETTER = "\U0010fffd"
"""A private-use character no font has."""


def _pixels(mm: float) -> int:
    return round(mm * _PIXELS_PER_MM)
