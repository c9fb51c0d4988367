"""Who's here: everyone present who agreed to be shown, newest first, and beside them what
people are open to chatting about, who could use a hand, and this week's answers."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Container
from textual.content import Content
from textual.widgets import Label

from kiosk import hours
from kiosk.gathering import GuestHere, Here
from kiosk.models import STATUS_LABELS
from screens.board_table import BoardTable
from screens.commands import Back
from screens.gathering_lines import answer_lines, everyone, hand_lines, short_names, topic_lines
from screens.kiosk_screen import KioskScreen
from screens.starter_lines import StarterLines

NAME, SINCE, STATUS = 20, 14, 12
"""Column widths on a roomy screen; a narrow one gives the name less."""
NARROW = 100
NARROW_NAME = 16
SMALLEST_TOPICS = 12
WIDE = 120
"""From this width the conversation starters stand beside the table, not below it."""
STARTERS_WIDTH = 56


def fit(text: str, width: int) -> str:
    """`text` cut to `width` characters, with an ellipsis when it was longer."""
    return text if len(text) <= width else text[: width - 1] + "…"


Row = tuple[Content, Content, Content, Content]
"""Name (and a milestone under it), since, status and topics."""


class BoardScreen(KioskScreen):
    """A live board; it follows check-ins made anywhere within a couple of seconds.

    A change touches only the rows it concerns, so the board stays where it was scrolled
    and a busy day costs little. Incognito members are on it nowhere; heads-down members
    without their topics; guests as "guest of Ana".
    """

    CSS_PATH = "board.tcss"
    BINDINGS = [Back.binding()]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]

    def __init__(self) -> None:
        super().__init__()
        self.made: dict[str, tuple[tuple[Here, str], Row]] = {}
        """Each member's row by member id, with whom it was made from and when they
        arrived as it said then."""
        self.widths: tuple[int, ...] = ()

    def compose_body(self) -> ComposeResult:
        yield Label("Who's here", classes="title")
        yield Label("", id="summary", classes="hint")
        with Container(id="board-area"):
            yield BoardTable(id="board")
            with Container(id="starters"):
                with Container(id="people-starters"):
                    yield self.panel("topics", "Open to chatting about")
                    yield self.panel("hands", "Could use a hand with")
                yield self.panel("answers", "This week's question")

    def panel(self, name: str, title: str) -> StarterLines:
        """A box of conversation starters, scrolled by touch."""
        panel = StarterLines(id=f"{name}-panel", classes="panel")
        panel.border_title = title
        return panel

    def on_mount(self) -> None:
        self.app.community_changed.subscribe(self, lambda _: self.show_board())
        self.set_interval(60, self.show_board)

    def on_resize(self) -> None:
        self.show_board()

    def column_widths(self) -> tuple[int, ...]:
        # Fixed widths, so one long name cannot push the other columns off the screen;
        # topics take what is left, and wrap. Each column has a cell of padding either side.
        width = self.size.width - (STARTERS_WIDTH if self.size.width >= WIDE else 0)
        name = NAME if width >= NARROW else NARROW_NAME
        fixed = (name, SINCE, STATUS)
        topics = max(width - 4 - sum(fixed) - 2 * 4, SMALLEST_TOPICS)
        return (*fixed, topics)

    def show_board(self) -> None:
        community = self.app.community
        gathering = community.gathering()
        shown = {here.member.id: here for here in everyone(gathering)}
        table = self.query_one("#board", BoardTable)
        widths = self.column_widths()
        if widths != self.widths:
            self.widths = widths
            self.made = {}
            table.set_columns(("Name", "Since", "Status", "Topics"), widths)
        now = community.clock()
        wanted = {key: self.row(here, now) for key, here in shown.items()}
        for key in self.made.keys() - wanted.keys():
            del self.made[key]
        for guest in gathering.guests:
            wanted[guest.visit_id] = (guest.since, self.guest_row(guest, now))
        newest_first = sorted(wanted.items(), key=lambda item: item[1][0], reverse=True)
        table.show([(key, row) for key, (_, row) in newest_first])
        self.show_summary(len(wanted), community.public_count() - len(wanted))
        names = short_names(here.member for here in shown.values())
        self.show_panel("topics", topic_lines(gathering, names), "Nobody is open to chat yet.")
        self.show_panel("hands", hand_lines(gathering, names), "No requests right now.")
        question = community.question()
        answers = answer_lines(community.answers_shown())
        if question is None:
            self.show_panel("answers", [], "No question this week.")
        else:
            self.show_panel("answers", [Content.styled(question.text, "italic"), *answers], "")

    def show_panel(self, panel: str, lines: list[Content], empty: str) -> None:
        shown = lines or [Content.styled(empty, "dim")]
        self.query_one(f"#{panel}-panel", StarterLines).show(shown)

    def row(self, here: Here, now: datetime) -> tuple[datetime, Row]:
        """A member's row, and when they came (the board is newest first)."""
        member, visit = here.member, here.visit
        arrived = hours.arrived(visit.since, now, self.app.community.zone)
        # Most rows are as they were: made again only when their member, visit or time moved.
        kept = self.made.get(member.id)
        if kept is not None and kept[0] == (here, arrived):
            return visit.since, kept[1]
        open_topics = visit.status == "open" and member.shows("topics") and visit.topics
        name = Content.styled(fit(member.name, self.widths[0]), "bold")
        if here.milestone is not None:
            style = "bold reverse" if here.newcomer else "italic"
            name = Content.assemble(name, "\n", Content.styled(here.milestone.badge, style))
        row = (
            name,
            Content(arrived),
            Content(STATUS_LABELS[visit.status]),
            Content(", ".join(visit.topics) if open_topics else "-"),
        )
        self.made[member.id] = ((here, arrived), row)
        return visit.since, row

    def guest_row(self, guest: GuestHere, now: datetime) -> Row:
        return (
            Content.styled(fit(guest.shown_as, self.widths[0]), "italic"),
            Content(hours.arrived(guest.since, now, self.app.community.zone)),
            Content("guest"),
            Content("-"),
        )

    def show_summary(self, shown: int, hidden: int) -> None:
        summary = f"{shown} {'person' if shown == 1 else 'people'} on the board"
        if hidden:
            summary += f", and {hidden} more not shown"
        # One line the screen wide (board.tcss): new words need no new layout.
        self.query_one("#summary", Label).update(
            summary + "." if shown or hidden else "Nobody is here yet.", layout=False
        )
