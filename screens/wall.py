"""The wall board's one screen: who is here by topic, the question of the week, the latest
shout-outs (laid out as the who's-here board lays them out, `screens.gathering_cards`),
today's count, the hours and the time, paged when there is more than fits."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Label

from kiosk import language
from kiosk.exchange.wall import WallView
from kiosk.language import _
from kiosk.timekeeping import hours
from screens.commands import KeysInLanguage
from screens.gathering_cards import GatheringCards, Section, board_sections


def page_starts(blocks: Iterable[tuple[int, int]], height: int) -> list[int]:
    """Where each page begins when blocks spanning lines (top, bottom) are shown `height`
    lines at a time: a block that fits on a page is never cut, a taller one goes on over
    as many pages as it needs."""
    starts = [0]
    for top, bottom in sorted(blocks):
        while bottom > starts[-1] + max(height, 1):
            starts.append(top if top > starts[-1] else starts[-1] + max(height, 1))
    return starts


def wall_sections(view: WallView) -> list[Section]:
    """What the cards of `view` say: worked out away from the screen, as it is the most
    of a change's work when the room is full."""
    return board_sections(
        view.gathering,
        here=view.here,
        came_today=view.came_today,
        supervisors=view.supervisors,
        question=view.question,
        answers=view.answers,
        shoutouts=view.shoutouts,
        events=view.events,
        now=view.now,
        zone=view.zone,
    )


class WallScreen(KeysInLanguage, Screen[None]):
    """Read-only: nothing here takes focus, and the pages turn by themselves."""

    VERTICAL_BREAKPOINTS = [(0, "-short"), (40, "-tall")]

    def __init__(self, space_name: str) -> None:
        super().__init__()
        self.space_name = space_name
        self.turns = 0
        """Pages turned since the board started; the page shown is this, modulo the pages."""
        self.pages = 1
        self._laying_out = False

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield Label(Content(self.space_name), id="space")
            yield Label("", id="clock")
        board = GatheringCards(room_below=True, id="board")
        board.can_focus = False
        yield board
        with Horizontal(id="bottom"):
            yield Label("", id="today")
            yield Label("", id="page")

    async def show(self, view: WallView, sections: Sequence[Section]) -> None:
        """Lay out `view`, whose cards are `sections` (`wall_sections`), staying on the
        page the board was on."""
        self.query_one("#clock", Label).update(_clock(view))
        self.query_one("#today", Label).update(_today(view))
        self._laying_out = True
        try:
            await self.query_one("#board", GatheringCards).show(sections)
        finally:
            self._laying_out = False
        self.call_after_refresh(self.show_page)

    def on_resize(self) -> None:
        self.call_after_refresh(self.show_page)

    def turn_page(self) -> None:
        self.turns += 1
        self.show_page()

    def show_page(self) -> None:
        """Show the page the board is on, measured afresh: cards may have grown since."""
        if self._laying_out:
            return  # half the cards may be there: `show` comes back when all are
        board = self.query_one("#board", GatheringCards)
        height = board.scrollable_content_region.height
        blocks = list(page_blocks(board))
        starts = page_starts(((top, bottom) for top, bottom, _ in blocks), height)
        self.pages = len(starts)
        page = self.turns % self.pages
        start = starts[page]
        # A card that does not fit whole waits for its own page, rather than show in part.
        # It is faded out, not hidden: a hidden widget has no place to measure.
        for top, bottom, widgets in blocks:
            for widget in widgets:
                widget.set_class(not on_page(top, bottom, start, height), "-off-page")
        if board.scroll_y != start:
            board.scroll_to(y=start, animate=False, immediate=True)
        shown = (
            _("page {page} of {pages}").format(page=page + 1, pages=self.pages)
            if self.pages > 1
            else ""
        )
        label = self.query_one("#page", Label)
        if str(label.render()) != shown:  # unchanged, it need not be drawn again
            label.update(shown)


def page_blocks(board: GatheringCards) -> Iterator[tuple[int, int, tuple[Widget, ...]]]:
    """The lines of each row of cards on the board, with the blank line above it: a row
    shows whole or waits for its page, never with a gap where its first card was. A
    section's title goes with its first row, and a question with the row of answers
    after it."""
    origin = board.region.y - int(board.scroll_y)
    for section in board.query(".section"):
        rows: dict[int, list[Widget]] = {}
        for card in section.query(".card"):
            rows.setdefault(card.region.y, []).append(card)
        titles = list(section.query(".section-title"))
        if not rows or not titles:
            continue  # still being mounted
        in_order = [rows[y] for y in sorted(rows)]
        lead = 2 if len(in_order) > 1 and in_order[0][0].has_class("question") else 1
        first = [card for row in in_order[:lead] for card in row]
        yield (
            section.region.y - origin,
            max(card.region.bottom for card in first) - origin,
            (titles[0], *first),
        )
        for row in in_order[lead:]:
            top = row[0].region.y - 1 - origin
            yield top, max(card.region.bottom for card in row) - origin, tuple(row)


def on_page(top: int, bottom: int, start: int, height: int) -> bool:
    """Whether the block of lines from `top` to `bottom` shows on the page that begins at
    `start`: whole, or in part when it is taller than a page."""
    if bottom - top > height:
        return top < start + height and bottom > start
    return start <= top and bottom <= start + height


# -- what each part of the board says ------------------------------------------------


def _clock(view: WallView) -> str:
    now = view.now
    return f"{language.day(now, with_year=False)} · {language.clock(now)}"


def _today(view: WallView) -> str:
    parts = [
        hours.nobody_here(view.came_today)
        if not view.here
        else _("{count} here now").format(count=view.here)
    ]
    if view.came_today:
        parts.append(_("{count} came today").format(count=view.came_today))
    if view.opening:
        parts.append(view.opening)
    return " · ".join(parts)
