"""Choices that show by shape whether they are made, not by colour alone: a ticked box
holds a mark and an unticked one is empty, for a person who cannot tell the colours apart
or reads a screen in glare."""

from __future__ import annotations

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Checkbox, RadioButton, SelectionList

TICKED, CHOSEN, EMPTY = "X", "●", " "


class Tick(Checkbox):
    """A checkbox: X when ticked, empty when not."""

    def render(self) -> Content:
        # Read as the box is drawn, so every change of value shows.
        self.BUTTON_INNER = TICKED if self.value else EMPTY
        return super().render()


class Choice(RadioButton):
    """A radio button: a dot when chosen, empty when not."""

    def render(self) -> Content:
        self.BUTTON_INNER = CHOSEN if self.value else EMPTY
        return super().render()


class TickList(SelectionList[str]):
    """A list of topics to tick, each box marked X when ticked and empty when not."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        index = self.scroll_offset.y + y
        if index >= self.option_count:
            return strip
        ticked = self.get_option_at_index(index).value in self.selected
        # The box is the line's second segment, between its two half blocks.
        segments = list(strip)
        box = segments[1]
        segments[1] = Segment(TICKED if ticked else EMPTY, box.style, box.control)
        return Strip(segments, strip.cell_length)
