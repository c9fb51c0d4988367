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
        table = self.query_one("#board", DataTable)
        table.add_column("Name", key="name")
        table.add_column("Since", key="since")
        table.add_column("Status", key="status")
        table.add_column("Open to chatting about", key="topics")
        self.app.community_changed.subscribe(self, lambda _: self.show_board())
        self.show_board()
        self.set_interval(60, self.show_board)

    def show_board(self) -> None:
        community = self.app.community
        here = community.present()
        now = community.clock()
        table = self.query_one("#board", DataTable)
        table.clear()
        for presence in here:
            visit = presence.visit
            table.add_row(
                Text(presence.member.name, style="bold"),
                hours.since(visit.since, now),
                STATUS_LABELS[visit.status],
                Text(", ".join(visit.topics) if visit.status == "open" else "-"),
                key=presence.member.id,
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
