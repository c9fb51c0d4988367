"""For widgets that draw their lines once and keep them: telling when a line must be drawn
again, and growing or shrinking without laying out the whole screen again."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView

Look = tuple[str, tuple[object, ...]]
"""Words and styles: `Content` itself compares by its words alone."""


def look(content: Content) -> Look:
    return content.plain, tuple(content.spans)


def looks(contents: Sequence[Content] | None) -> tuple[Look, ...] | None:
    """What a row of cells or a list of lines shows, words and styles."""
    return None if contents is None else tuple(look(content) for content in contents)


def set_content_size(view: ScrollView, size: Size) -> None:
    """Give `view` content of `size`, and lay the screen out again only if that could move
    something.

    Textual lays out the whole screen for any new content size. When the content is as
    wide as before and overflowed the view before and still does, the view's box stays as
    it is (a box that follows its content is at its largest) and so does its scrollbar:
    only the scrollbar's thumb and what changed in the view need drawing again (the
    caller's part). On a busy board that is most changes.
    """
    before = view.virtual_size
    tall = view.scrollable_content_region.height
    if size.width == before.width and min(size.height, before.height) > tall:
        view.set_reactive(ScrollView.virtual_size, size)
        view._scroll_update(size)  # the scrollbar's thumb, and a scroll kept within the end
    else:
        view.virtual_size = size
