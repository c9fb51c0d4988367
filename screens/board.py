"""Who's here: everyone present who agreed to be shown, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Label

from kiosk import hours
from kiosk.models import STATUS_LABELS, Presence
from screens.commands import Back
from screens.kiosk_screen import KioskScreen

NAME, SINCE, STATUS = 20, 14, 12
"""Column widths on a roomy screen; a narrow one gives the name less."""
NARROW = 100
NARROW_NAME = 16
SMALLEST_TOPICS = 12


def fit(text: str, width: int) -> str:
    """`text` cut to `width` characters, with an ellipsis when it was longer."""
    return text if len(text) <= width else text[: width - 1] + "…"


@dataclass(frozen=True, slots=True)
class Arrival:
    """The Since cell: shows when someone arrived, and sorts the board by it."""

    since: datetime
    text: str

    def __rich__(self) -> Text:
        return Text(self.text)

    def __str__(self) -> str:
        return self.text


Row = tuple[Text, Arrival, str, Text]


class BoardScreen(KioskScreen):
    """A live board; it follows check-ins made anywhere within a couple of seconds.

    A change touches only the rows it concerns, so the board stays where it was scrolled
    and a busy day costs little.
    """

    CSS_PATH = "board.tcss"
    BINDINGS = [Back.binding()]

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, Row] = {}
        """What each member's row shows now, by member id (the row's key)."""
        self.widths: tuple[int, ...] = ()

    def compose_body(self) -> ComposeResult:
        yield Label("Who's here", classes="title")
        yield Label("", id="summary", classes="hint")
        yield DataTable(id="board", cursor_type="none", zebra_stripes=True)

    def on_mount(self) -> None:
        self.app.community_changed.subscribe(self, lambda _: self.show_board())
        self.set_interval(60, self.show_board)

    def on_resize(self) -> None:
        self.show_board()

    def column_widths(self) -> tuple[int, ...]:
        # Fixed widths, so one long name cannot push the other columns off the screen;
        # topics take what is left, and wrap. Each column has a cell of padding either side.
        name = NAME if self.size.width >= NARROW else NARROW_NAME
        fixed = (name, SINCE, STATUS)
        topics = max(self.size.width - 4 - sum(fixed) - 2 * 4, SMALLEST_TOPICS)
        return (*fixed, topics)

    def show_board(self) -> None:
        community = self.app.community
        here = community.present()
        table = self.query_one("#board", DataTable)
        widths = self.column_widths()
        if widths != self.widths:
            self.widths = widths
            self.rows = {}
            table.clear(columns=True)
            for label, width in zip(("Name", "Since", "Status", "Topics"), widths, strict=True):
                table.add_column(label, width=width, key=label.lower())
        now = community.clock()
        wanted = {p.member.id: self.row(p, now) for p in here}
        for gone in self.rows.keys() - wanted.keys():
            table.remove_row(gone)
            del self.rows[gone]
        added = False
        for key, row in wanted.items():
            shown = self.rows.get(key)
            if shown is None:
                table.add_row(*row, key=key, height=None)
                added = True
            elif shown != row:
                for column, old, new in zip(table.columns, shown, row, strict=True):
                    if old != new:
                        table.update_cell(key, column, new, update_width=False)
            self.rows[key] = row
        if added:
            table.sort("since", key=lambda arrival: arrival.since, reverse=True)
        self.show_summary(len(here), community.here_count() - len(here))

    def row(self, presence: Presence, now: datetime) -> Row:
        visit = presence.visit
        topics = ", ".join(visit.topics) if visit.status == "open" and visit.topics else "-"
        return (
            Text(fit(presence.member.name, self.widths[0]), style="bold"),
            Arrival(visit.since, hours.arrived(visit.since, now)),
            STATUS_LABELS[visit.status],
            Text(topics),
        )

    def show_summary(self, shown: int, hidden: int) -> None:
        summary = f"{shown} {'person' if shown == 1 else 'people'} on the board"
        if hidden:
            summary += f", and {hidden} more not shown"
        self.query_one("#summary", Label).update(
            summary + "." if shown or hidden else "Nobody is here yet."
        )
