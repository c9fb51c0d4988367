"""A QR code on the screen, which a phone's camera reads: the space's Wi-Fi, a link."""

from __future__ import annotations

from functools import lru_cache

from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from kiosk.badges.qr import half_block_lines, qr_modules


class QRCode(Widget):
    """The QR code of `data`, two rows of modules a line, with a light margin two modules
    wide; black on white whatever the theme, since cameras look for dark on light."""

    DEFAULT_CSS = """
    QRCode {
        width: auto;
        height: auto;
        background: white;
        color: black;
    }
    """

    data: reactive[str] = reactive("", layout=True)
    """What the code holds; empty shows nothing."""

    def __init__(
        self,
        data: str,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.set_reactive(QRCode.data, data)

    def render(self) -> Content:
        return Content("\n".join(_lines(self.data)))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        lines = _lines(self.data)
        return len(lines[0]) if lines else 0

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(_lines(self.data))


@lru_cache(maxsize=16)
def _lines(data: str) -> tuple[str, ...]:
    # Level M reads through a smudge or glare, yet keeps the code small enough for 80x24.
    return tuple(half_block_lines(qr_modules(data, "M", quiet=2))) if data else ()
