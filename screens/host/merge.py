"""Choosing the second record of a person, to merge it into the one open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from kiosk.language import _
from kiosk.models import Member
from screens.commands import CANCEL, NEXT_MATCH, PREVIOUS_MATCH, KeysInLanguage
from screens.namesakes import name_line

if TYPE_CHECKING:
    from textual import getters

    from screens.app import KioskApp

FOUND = 8


class MergeScreen(KeysInLanguage, ModalScreen[Member | None]):
    """Dismisses with the member chosen to merge into `keep`, or None."""

    CSS_PATH = "host.tcss"
    BINDINGS = [CANCEL, NEXT_MATCH, PREVIOUS_MATCH]

    if TYPE_CHECKING:
        app = getters.app(KioskApp)

    def __init__(self, keep: Member) -> None:
        super().__init__()
        self.keep = keep
        self.found: list[Member] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(
                Content(_("Which record to merge into {name}?").format(name=self.keep.name)),
                classes="title",
            )
            yield Input(value=self.keep.name, placeholder=_("Their name…"), id="merge-search")
            yield OptionList(id="merge-results")
            yield Label(_("↑↓ to choose, Enter to pick, Escape to go back."), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#merge-results").can_focus = False
        self.query_one("#merge-search", Input).focus()
        self.show_found(self.keep.name)

    @on(Input.Changed, "#merge-search")
    def typed(self, event: Input.Changed) -> None:
        self.show_found(event.value)

    def show_found(self, typed: str) -> None:
        community = self.app.community
        found = community.search_for_hosts(typed, FOUND + 1) if typed.strip() else []
        self.found = [m for m in found if m.id != self.keep.id][:FOUND]
        results = self.query_one("#merge-results", OptionList)
        results.set_options(
            Option(name_line(m, [*self.found, self.keep], self.app.community.zone))
            for m in self.found
        )
        if self.found:
            results.highlighted = 0

    def action_move(self, step: int) -> None:
        results = self.query_one("#merge-results", OptionList)
        if results.option_count:
            results.highlighted = ((results.highlighted or 0) + step) % results.option_count

    @on(Input.Submitted, "#merge-search")
    def picked(self) -> None:
        highlighted = self.query_one("#merge-results", OptionList).highlighted
        if highlighted is not None and self.found:
            self.dismiss(self.found[highlighted])

    @on(OptionList.OptionSelected, "#merge-results")
    def tapped(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.found[event.option_index])

    def action_back(self) -> None:
        self.dismiss(None)
