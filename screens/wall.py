"""The wall board's one screen: who is here by topic, the question of the week, the latest
shout-outs, today's count, the hours and the time, paged when there is more than fits."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from textual.app import ComposeResult
from textual.containers import Container, Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Label, Static

from kiosk import hours
from kiosk.dates import MONTHS, WEEKDAYS
from kiosk.gathering import Here, InGroup
from kiosk.wall import WallShoutOut, WallView
from screens.gathering_lines import everyone


def page_starts(blocks: Iterable[tuple[int, int]], height: int) -> list[int]:
    """Where each page begins when blocks spanning lines (top, bottom) are shown `height`
    lines at a time: a block that fits on a page is never cut, a taller one goes on over
    as many pages as it needs."""
    starts = [0]
    for top, bottom in sorted(blocks):
        while bottom > starts[-1] + max(height, 1):
            starts.append(top if top > starts[-1] else starts[-1] + max(height, 1))
    return starts


class WallScreen(Screen[None]):
    """Read-only: nothing here takes focus, and the pages turn by themselves."""

    HORIZONTAL_BREAKPOINTS = [(0, "-one"), (70, "-two"), (120, "-three"), (180, "-four")]
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
        yield VerticalScroll(id="board", can_focus=False)
        with Horizontal(id="bottom"):
            yield Label("", id="today")
            yield Label("", id="page")

    async def show(self, view: WallView) -> None:
        """Lay out `view`, staying on the page the board was on."""
        self.query_one("#clock", Label).update(_clock(view))
        self.query_one("#today", Label).update(_today(view))
        board = self.query_one("#board", VerticalScroll)
        self._laying_out = True
        try:
            async with self.batch():
                await board.remove_children()
                await board.mount_all([*_sections(view), Static(id="end")])
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
        board = self.query_one("#board", VerticalScroll)
        height = board.scrollable_content_region.height
        blocks = list(_blocks(board))
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
        shown = f"page {page + 1} of {self.pages}" if self.pages > 1 else ""
        label = self.query_one("#page", Label)
        if str(label.render()) != shown:  # unchanged, it need not be drawn again
            label.update(shown)


def _blocks(board: VerticalScroll) -> Iterator[tuple[int, int, tuple[Widget, ...]]]:
    """The lines of each card on the board, with the blank line above it. A section's
    title goes with its first card, and a question with the first answer."""
    origin = board.region.y - int(board.scroll_y)
    for section in board.query(".section"):
        cards = list(section.query(".card"))
        titles = list(section.query(".section-title"))
        if not cards or not titles:
            continue  # still being mounted
        lead = 2 if len(cards) > 1 and cards[0].has_class("question") else 1
        title = titles[0]
        yield (
            section.region.y - origin,
            cards[lead - 1].region.bottom - origin,
            (title, *cards[:lead]),
        )
        for card in cards[lead:]:
            yield card.region.y - 1 - origin, card.region.bottom - origin, (card,)


def on_page(top: int, bottom: int, start: int, height: int) -> bool:
    """Whether the block of lines from `top` to `bottom` shows on the page that begins at
    `start`: whole, or in part when it is taller than a page."""
    if bottom - top > height:
        return top < start + height and bottom > start
    return start <= top and bottom <= start + height


# -- what each part of the board says ------------------------------------------------


def _clock(view: WallView) -> str:
    now = view.now
    return f"{WEEKDAYS[now.weekday()]} {now.day} {MONTHS[now.month - 1]} · {now:%H:%M}"


def _today(view: WallView) -> str:
    parts = ["nobody here yet" if not view.here else f"{view.here} here now"]
    if view.came_today:
        parts.append(f"{view.came_today} came today")
    if view.opening:
        parts.append(view.opening)
    return " · ".join(parts)


def _sections(view: WallView) -> list[Container]:
    sections = [_section("Who's here", _people_cards(view))]
    if view.question is not None:
        sections.append(_section("Question of the week", _question_cards(view)))
    if view.shoutouts:
        sections.append(_section("Shout-outs", _shoutout_cards(view)))
    return sections


def _section(title: str, cards: list[Static]) -> Container:
    return Container(
        Label(title, classes="section-title"),
        Container(*cards, classes="cards"),
        classes="section",
    )


def _card(title: Content | str, lines: Iterable[Content], classes: str = "") -> Static:
    heading = Content.styled(title, "bold") if isinstance(title, str) else title
    return Static(Content("\n").join([heading, *lines]), classes=f"card {classes}".strip())


def _people_cards(view: WallView) -> list[Static]:
    gathering = view.gathering
    people = everyone(gathering)
    cards = []
    celebrated = [here for here in people if here.milestone is not None]
    if celebrated:
        cards.append(_card("Say hi", [_celebrated(here) for here in celebrated], "celebrate"))
    shared = [group for group in gathering.groups if len(group.people) > 1]
    for group in shared:
        names = [_in_group(in_group) for in_group in group.people]
        cards.append(_card(_topic_title(group.topic, len(names)), [Content(", ").join(names)]))
    # A topic only one person offers goes on one card with the others like it.
    single = [group for group in gathering.groups if len(group.people) == 1]
    if single:
        lines = [
            Content.assemble((group.topic, "bold"), ": ", _in_group(group.people[0]))
            for group in single
        ]
        cards.append(_card("Also happy to talk about", lines))
    if gathering.without_topics:
        names = [_name(here) for here in gathering.without_topics]
        cards.append(_card("Open to chat", [Content(", ").join(names)]))
    if gathering.hands_wanted:
        asks = [
            Content.assemble(_name(wanted.here), ": ", ", ".join(wanted.topics))
            for wanted in gathering.hands_wanted
        ]
        cards.append(_card("Could use a hand", asks, "hands"))
    if gathering.heads_down:
        names = [_name(here) for here in gathering.heads_down]
        cards.append(_card("Heads-down", [Content(", ").join(names)], "quiet"))
    if gathering.guests:
        guests = [Content.styled(guest.shown_as, "italic") for guest in gathering.guests]
        cards.append(_card("Guests", guests))
    if not cards:
        more = f"{view.here} here, not shown on the board." if view.here else "Nobody here yet."
        cards.append(_card("Nobody on the board right now", [Content(more)], "quiet"))
    return cards


def _name(here: Here, note: str = "") -> Content:
    return Content.assemble((here.member.name, "bold"), (f" ({note})", "italic") if note else "")


def _in_group(in_group: InGroup) -> Content:
    return _name(in_group.here, "mentor" if in_group.mentor else "")


def _celebrated(here: Here) -> Content:
    assert here.milestone is not None
    return Content.assemble(_name(here), " · ", (here.milestone.badge, "italic"))


def _topic_title(topic: str, people: int) -> Content:
    return Content.assemble((topic, "bold"), (f"  {people}", "dim"))


def _question_cards(view: WallView) -> list[Static]:
    assert view.question is not None
    cards = [_card(Content.styled(view.question.text, "bold"), [], "question")]
    for answer in view.answers:
        heading = Content.assemble(
            (answer.member.name, "bold"), (" · here now", "dim") if answer.here else ""
        )
        cards.append(_card(heading, [Content(answer.text)]))
    if not view.answers:
        cards.append(_card("No answers yet", [Content("Answer it when you check in.")], "quiet"))
    return cards


def _shoutout_cards(view: WallView) -> list[Static]:
    def when(shoutout: WallShoutOut) -> str:
        return hours.posted(shoutout.created, view.now, view.zone, shoutout.quiet)

    return [
        _card(
            Content.assemble((shoutout.author, "bold"), " to ", (shoutout.to, "bold")),
            [Content.assemble(shoutout.text, (f"  · {when(shoutout)}", "dim"))],
            "shoutout",
        )
        for shoutout in view.shoutouts
    ]
