"""The QR code on the screen: drawn as a terminal shows it, a real decoder reads it as
exactly what it holds, black on white in every theme, small enough for 80x24."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from textual.app import App, ComposeResult
from textual.color import Color
from textual.geometry import Region
from textual.widgets import Label

from kiosk.badges.wifi import WifiNetwork, wifi_payload
from kiosk.config import load_config
from screens.qr import QRCode
from tests.core.test_config import EXAMPLE
from tests.qr_reading import needs_zbarimg, read_qr_text
from tests.ui.conftest import SnapCompare

PIXELS = 6
"""Pixels a module in the picture: a cell is PIXELS wide and twice that high."""
BLACK, WHITE = (0, 0, 0), (255, 255, 255)


class ShowsCode(App[None]):
    """A QR code beside some text, on a screen in the theme given."""

    def __init__(self, data: str, theme: str = "textual-dark") -> None:
        super().__init__()
        self.data = data
        self.theme = theme

    def compose(self) -> ComposeResult:
        yield Label("Join our Wi-Fi: point your phone's camera at the code.")
        yield QRCode(self.data)


Cell = tuple[str, tuple[int, int, int], tuple[int, int, int]]
"""A character on the screen, its ink colour and its background colour."""


def cells(widget: QRCode) -> list[list[Cell]]:
    """Each cell the widget shows: its character, ink colour and background colour."""
    lines = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    shown: list[list[Cell]] = []
    for line in lines:
        row: list[Cell] = []
        for segment in line:
            style = segment.style
            assert style is not None and style.color is not None and style.bgcolor is not None
            ink = style.color.get_truecolor()
            paper = style.bgcolor.get_truecolor()
            row += [(char, ink, paper) for char in segment.text]
        shown.append(row)
    return shown


def picture(widget: QRCode, around: Color, path: Path) -> Path:
    """The widget as a terminal draws it, in the screen's colour `around` three cells wide:
    '▀' inks the top half of its cell, '▄' the bottom half, '█' both."""
    shown = cells(widget)
    width, height = len(shown[0]) + 6, len(shown) + 6
    image = Image.new("RGB", (width * PIXELS, height * 2 * PIXELS), around.rgb)
    draw = ImageDraw.Draw(image)
    for y, row in enumerate(shown, start=3):
        for x, (char, ink, paper) in enumerate(row, start=3):
            top = ink if char in "▀█" else paper
            bottom = ink if char in "▄█" else paper
            left, upper = x * PIXELS, y * 2 * PIXELS
            draw.rectangle((left, upper, left + PIXELS - 1, upper + PIXELS - 1), fill=top)
            draw.rectangle(
                (left, upper + PIXELS, left + PIXELS - 1, upper + 2 * PIXELS - 1), fill=bottom
            )
    image.save(path)
    return path


@needs_zbarimg
@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "ansi-dark"])
async def test_the_wifi_code_on_screen_reads_back_as_the_payload(
    tmp_path: Path, theme: str
) -> None:
    network = load_config(EXAMPLE).wifi
    assert network is not None
    payload = "WIFI:T:WPA;S:Makerspace North Guests;P:solder-and-coffee;;"
    app = ShowsCode(wifi_payload(network), theme)
    async with app.run_test(size=(80, 24)):
        widget = app.query_one(QRCode)
        image = picture(widget, app.screen.styles.background, tmp_path / "screen.png")
        assert read_qr_text(image) == payload


@needs_zbarimg
async def test_a_code_with_escaped_characters_reads_back_exactly(tmp_path: Path) -> None:
    payload = wifi_payload(WifiNetwork('Café "North"; 2,4 GHz', "p\\a:s;s,word"))
    app = ShowsCode(payload)
    async with app.run_test(size=(80, 24)):
        widget = app.query_one(QRCode)
        image = picture(widget, app.screen.styles.background, tmp_path / "screen.png")
        assert read_qr_text(image) == payload


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "ansi-dark"])
async def test_the_code_is_black_on_white_in_every_theme(theme: str) -> None:
    app = ShowsCode("https://example.org/makerspace-north", theme)
    async with app.run_test(size=(80, 24)):
        shown = cells(app.query_one(QRCode))
        assert {(ink, paper) for row in shown for _, ink, paper in row} == {(BLACK, WHITE)}


async def test_the_wifi_code_is_as_small_as_its_data_allows() -> None:
    network = load_config(EXAMPLE).wifi
    assert network is not None
    app = ShowsCode(wifi_payload(network))
    async with app.run_test(size=(80, 24)):
        widget = app.query_one(QRCode)
        # 58 characters need version 4 at level M: 33 modules, and 2 of margin each side,
        # two rows of modules a line.
        assert widget.size == (33 + 4, (33 + 4 + 1) // 2)
        shown = cells(widget)
        assert all(char == " " for char, _, _ in shown[0])  # the margin above: 2 light rows
        assert all(row[0][0] == row[1][0] == " " for row in shown)  # and 2 light columns


async def test_new_data_redraws_the_code_at_its_own_size() -> None:
    app = ShowsCode("7G4KQ9ZX2M")
    async with app.run_test(size=(80, 24)) as pilot:
        widget = app.query_one(QRCode)
        assert widget.size == (21 + 4, 13)  # version 1
        widget.data = "https://example.org/makerspace-north"
        await pilot.pause()
        assert widget.size == (29 + 4, 17)  # version 3


async def test_no_data_shows_nothing() -> None:
    app = ShowsCode("")
    async with app.run_test(size=(80, 24)):
        assert app.query_one(QRCode).size == (0, 0)


def test_the_code_beside_text_at_80x24(snap_compare: SnapCompare) -> None:
    """The example config's Wi-Fi code under a line of text, in the default theme."""
    network = load_config(EXAMPLE).wifi
    assert network is not None
    assert snap_compare(ShowsCode(wifi_payload(network)), terminal_size=(80, 24))
