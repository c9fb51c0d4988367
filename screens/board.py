"""Who's here: everyone present who agreed to be shown, newest first."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label

from kiosk import hours
from kiosk.models import STATUS_LABELS
from screens.masthead import Masthead

COLUMNS = {"Name": 20, "Since": 20, "Status": 12}


def fit(text: str, width: int) -> str:
    """`text` cut to `width` characters, with an ellipsis when it was longer."""
    return text if len(text) <= width else text[: width - 1] + "…"


class BoardScreen(Screen[None]):
    """A live board; it follows check-ins made anywhere within a couple of seconds."""

    CSS_PATH = "board.tcss"
    BINDINGS = [Binding("escape", "back", "Back", id="board.back")]

    def compose(self) -> ComposeResult:
        yield Masthead()
        yield Label("Who's here", classes="title")
        yield Label("", id="summary", classes="hint")
        yield DataTable(id="board", cursor_type="none", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.app.community_changed.subscribe(self, lambda _: self.show_board())
        self.set_interval(60, self.show_board)

    def on_resize(self) -> None:
        self.show_board()

    def show_board(self) -> None:
        community = self.app.community
        here = community.present()
        now = community.clock()
        table = self.query_one("#board", DataTable)
        table.clear(columns=True)
        # Fixed widths, so one long name cannot push the other columns off the screen;
        # topics take what is left, and wrap. Each column has a cell of padding either side.
        topics_width = max(self.size.width - 4 - sum(COLUMNS.values()) - 2 * 4, 12)
        for label, width in COLUMNS.items():
            table.add_column(label, width=width)
        table.add_column("Topics", width=topics_width)
        for presence in here:
            visit = presence.visit
            topics = ", ".join(visit.topics) if visit.status == "open" and visit.topics else "-"
            table.add_row(
                Text(fit(presence.member.name, COLUMNS["Name"]), style="bold"),
                hours.since(visit.since, now),
                STATUS_LABELS[visit.status],
                Text(topics),
                key=presence.member.id,
                height=None,
            )
        hidden = community.here_count() - len(here)
        summary = f"{len(here)} {'person' if len(here) == 1 else 'people'} on the board"
        if hidden:
            summary += f", and {hidden} more not shown"
        self.query_one("#summary", Label).update(
            summary + "." if here or hidden else "Nobody is here yet."
        )

    def action_back(self) -> None:
        self.app.pop_screen()
