"""The who's-here table: a header line, then a row per person. A row is drawn once and kept
until its cells change, so a check-in on a busy day draws one row, not the screen."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from rich.segment import Segment
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from screens.line_drawing import looks, set_content_size

Cells = tuple[Content, ...]


class BoardTable(ScrollView, can_focus=True):
    """Columns of fixed widths with a cell of padding either side. A cell wraps within its
    column and a row is as tall as its tallest cell; rows alternate in shade; the header
    stays in place while the rows scroll."""

    DEFAULT_CSS = """
    BoardTable {
        background: $surface;
        color: $foreground;
        & > .board-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        & > .board-table--even-row {
            background: $surface-lighten-1 50%;
        }
        &:dark > .board-table--even-row {
            background: $surface-darken-1 40%;
        }
    }
    """
    COMPONENT_CLASSES = {"board-table--header", "board-table--even-row"}
    BINDINGS = [
        Binding("up", "scroll_up", "Up", show=False),
        Binding("down", "scroll_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "scroll_home", "Top", show=False),
        Binding("end", "scroll_end", "Bottom", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.labels: Cells = ()
        self.widths: tuple[int, ...] = ()
        self.keys: list[str] = []
        """The rows' keys, top to bottom."""
        self._cells: dict[str, Cells] = {}
        self._drawn: dict[str, list[Strip]] = {}
        """Each row's lines as drawn, until its cells or the columns change."""
        self._header: list[Strip] = []
        self._starts: list[int] = []
        """Where each row begins, in lines below the header."""
        self._lines = 0

    @property
    def row_count(self) -> int:
        return len(self.keys)

    def row(self, key: str) -> Cells:
        """The cells of the row with this key."""
        return self._cells[key]

    def set_columns(self, labels: Sequence[str], widths: Sequence[int]) -> None:
        """Name the columns and give each its width. New columns empty the table: the
        rows, made for the old widths, come again with the next `show`."""
        columns = (tuple(Content(label) for label in labels), tuple(widths))
        if columns != (self.labels, self.widths):
            self.labels, self.widths = columns
            self._header = self._draw_cells(self.labels)
            self.show([])

    def show(self, rows: Sequence[tuple[str, Cells]]) -> None:
        """Show these rows, top to bottom; a row is drawn again only if its cells changed."""
        cells = dict(rows)
        for key in list(self._drawn):
            row, before = cells.get(key), self._cells.get(key)
            if row is not before and looks(row) != looks(before):
                del self._drawn[key]
        self._cells = cells
        self.keys = [key for key, _ in rows]
        self._measure()

    def _measure(self) -> None:
        starts, line = [], 0
        for key in self.keys:
            starts.append(line)
            line += len(self._draw(key))
        self._starts, self._lines = starts, line
        set_content_size(self, Size(sum(width + 2 for width in self.widths), line + 1))
        self.refresh()  # rows shift and alternate in shade: what is below a change moves

    def _draw(self, key: str) -> list[Strip]:
        drawn = self._drawn.get(key)
        if drawn is None:
            drawn = self._drawn[key] = self._draw_cells(self._cells[key])
        return drawn

    def _draw_cells(self, cells: Cells) -> list[Strip]:
        wrapped = [
            cell.wrap(width) or [Content()] for cell, width in zip(cells, self.widths, strict=True)
        ]
        strips = []
        for y in range(max((len(lines) for lines in wrapped), default=1)):
            segments: list[Segment] = []
            for lines, width in zip(wrapped, self.widths, strict=True):
                line = lines[y] if y < len(lines) else Content()
                segments.append(Segment(" "))
                segments += line.render_segments()
                segments.append(Segment(" " * (width - line.cell_length + 1)))
            strips.append(Strip(segments))
        return strips

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        scroll_x, scroll_y = self.scroll_offset
        if y == 0:
            style = self.get_component_rich_style("board-table--header")
            strip = self._header[0] if self._header else Strip.blank(0)
        else:
            line = scroll_y + y - 1
            if line >= self._lines:
                return Strip.blank(width, self.rich_style)
            index = bisect_right(self._starts, line) - 1
            strip = self._draw(self.keys[index])[line - self._starts[index]]
            style = (
                self.rich_style
                if index % 2
                else self.get_component_rich_style("board-table--even-row")
            )
        return strip.apply_style(style).crop_extend(scroll_x, scroll_x + width, style)
