"""A panel of conversation starters: lines of text, each wrapped to the panel's width."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from screens.line_drawing import Look, look, looks, set_content_size


class StarterLines(ScrollView, can_focus=False):
    """Lines, each wrapped to the width and drawn once, then kept until its words or
    styles change: on a busy day a new count redraws one line, not the panel. Lines wrap
    short of the scrollbar's place whether or not it is shown, so a line wraps the same
    way however many there are."""

    DEFAULT_CSS = """
    StarterLines {
        height: auto;
        overflow-x: hidden;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.lines: tuple[Content, ...] = ()
        self._drawn: dict[Look, list[Strip]] = {}
        self._strips: list[Strip] = []
        self._width = 0

    @property
    def text(self) -> str:
        """The lines' words, as a person reads them."""
        return "\n".join(line.plain for line in self.lines)

    def show(self, lines: Sequence[Content]) -> None:
        """Show these lines, top to bottom."""
        if looks(lines) != looks(self.lines):
            self.lines = tuple(lines)
            self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        width = max(self.size.width - self.styles.scrollbar_size_vertical, 0)
        if width != self._width:
            self._width, self._drawn = width, {}
        drawn: dict[Look, list[Strip]] = {}
        strips: list[Strip] = []
        for line in self.lines:
            key = look(line)
            kept = drawn.get(key) or self._drawn.get(key)
            if kept is None:
                kept = Visual.to_strips(self, line, width, None, self.visual_style, pad=True)
            drawn[key] = kept
            strips += kept
        before, self._drawn, self._strips = self._strips, drawn, strips
        set_content_size(self, Size(width, len(strips)))
        for y in range(max(len(before), len(strips))):
            if y >= len(before) or y >= len(strips) or before[y] is not strips[y]:
                self.refresh_line(y)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = self.scroll_offset.y + y
        if line >= len(self._strips):
            return Strip.blank(width, self.rich_style)
        return self._strips[line].crop_extend(0, width, self.rich_style)
