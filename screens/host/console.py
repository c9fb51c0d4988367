"""The host console: a tab for each part of looking after the community, and what the host
should put right on top. Leaving it, leaving the kiosk idle, or a badge scanned at the
door ends the host session."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Label, TabbedContent, TabPane

from kiosk.language import _
from screens.commands import (
    LEAVE_CONSOLE,
    SHOW_AGREEMENTS,
    SHOW_HERE,
    SHOW_MEMBERS,
    SHOW_QUESTION,
    SHOW_ROLL_CALL,
    SHOW_SHOUTOUTS,
    SHOW_STATS,
)
from screens.host.agreements import AgreementsPane
from screens.host.here import HostBoard
from screens.host.members import MembersPane
from screens.host.moderation import ModerationPane
from screens.host.question import QuestionPane
from screens.host.roll_call import RollCallPane
from screens.host.stats import StatsPane
from screens.kiosk_screen import KioskScreen
from screens.private import ForHosts

FOCUSED_FIRST = {
    "here": "#here-table",
    "members": "#member-search",
    "shoutouts": "#shoutout-list",
    "question": "#question-text",
    "stats": "#stats-pane",
    "roll-call": "#roll-call-table",
    "agreements": "#agreements-list",
}
"""What takes the keys when a tab opens."""


class ConsoleScreen(ForHosts, KioskScreen):
    """Tabs for who is here, members, shout-outs, the question of the week, stats, the
    roll call and the agreements, with F2 to F8 as their keys; the host's warnings about
    the setup stay on top."""

    CSS_PATH = "host.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    BINDINGS = [
        LEAVE_CONSOLE,
        SHOW_AGREEMENTS,
        SHOW_HERE,
        SHOW_MEMBERS,
        SHOW_SHOUTOUTS,
        SHOW_QUESTION,
        SHOW_STATS,
        SHOW_ROLL_CALL,
        SHOW_AGREEMENTS,
    ]

    def compose_body(self) -> ComposeResult:
        yield Label(id="host-warnings", classes="caution")
        with TabbedContent(id="areas"):
            with TabPane(_("Here now F2"), id="here"):
                yield HostBoard()
            with TabPane(_("Members F3"), id="members"):
                yield MembersPane()
            with TabPane(_("Shout-outs F4"), id="shoutouts"):
                yield ModerationPane()
            with TabPane(_("Question F5"), id="question"):
                yield QuestionPane()
            with TabPane(_("Stats F6"), id="stats"):
                yield StatsPane(id="stats-pane")
            with TabPane(_("Roll call F7"), id="roll-call"):
                yield RollCallPane()
            with TabPane(_("Agreements F8"), id="agreements"):
                yield AgreementsPane()

    def on_mount(self) -> None:
        self.show_warnings()
        self.app.host_warned.subscribe(self, lambda _: self.show_warnings())
        self.call_after_refresh(self.action_show_tab, "here")

    def show_warnings(self) -> None:
        """What the host should put right now, on top; nothing when all is well."""
        warnings = self.app.host_warnings.now
        label = self.query_one("#host-warnings", Label)
        label.update(Content("\n".join(f"⚠ {warning}" for warning in warnings)))
        label.display = bool(warnings)

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        pane = event.pane.id
        if pane is not None:
            self.query_one(FOCUSED_FIRST[pane]).focus()

    def action_show_tab(self, tab: str) -> None:
        self.query_one("#areas", TabbedContent).active = tab
        self.query_one(FOCUSED_FIRST[tab]).focus()

    def action_leave_console(self) -> None:
        self.app.go_home()
