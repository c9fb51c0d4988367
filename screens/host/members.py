"""Members, for hosts: find anyone (paused members too), open them, or add a new one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, OptionList
from textual.widgets.option_list import Option

from kiosk.errors import KioskError
from kiosk.models import Member
from kiosk.text import fold
from screens.commands import AddMember, EditMember, NextMatch, PreviousMatch
from screens.host.member_card import MemberCard
from screens.namesakes import name_line, namesakes_together

if TYPE_CHECKING:
    from textual import getters

    from screens.app import KioskApp

FOUND = 12
"""Members a search offers."""
CSV_HINT = (
    "To import or export members as a spreadsheet (CSV), use the command line: "
    "kiosk members import FILE, kiosk members export FILE."
)


class MembersPane(Vertical):
    """Typing finds members by name (or badge code); Enter or a tap opens one."""

    BINDINGS = [
        EditMember.binding(),
        AddMember.binding(),
        NextMatch.binding(),
        PreviousMatch.binding(),
    ]

    if TYPE_CHECKING:
        app = getters.app(KioskApp)

    def __init__(self) -> None:
        super().__init__()
        self.found: list[Member] = []
        self.paused: list[Member] = []
        """Paused members, whom the kiosk's search leaves out, found here by name."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="member-tools"):
            yield Input(placeholder="Find a member: a few letters of the name", id="member-search")
            yield Button("Add member", id="add-member", variant="primary")
        yield OptionList(id="member-results")
        yield Label("", id="member-hint", classes="hint")
        yield Label(CSV_HINT, classes="hint")

    def on_mount(self) -> None:
        self.query_one("#member-results").can_focus = False
        self.query_one("#add-member").can_focus = False
        self.app.community_changed.subscribe(self, lambda _: self.look_for_paused())
        self.look_for_paused()

    @work(thread=True, group="host-members", exclusive=True)
    def look_for_paused(self) -> None:
        try:
            paused = [m for m in self.app.community.members() if not m.active]
        except KioskError as error:
            self.app.call_from_thread(self.app.notify, str(error), severity="error", markup=False)
            return
        self.app.call_from_thread(self._paused_found, paused)

    def _paused_found(self, paused: list[Member]) -> None:
        self.paused = paused
        self.show_found()

    @property
    def typed(self) -> str:
        return self.query_one("#member-search", Input).value.strip()

    @on(Input.Changed, "#member-search")
    def show_found(self) -> None:
        community, typed = self.app.community, self.typed
        results = self.query_one("#member-results", OptionList)
        hint = self.query_one("#member-hint", Label)
        if typed:
            badge = community.by_badge(typed)
            found = [badge] if badge is not None else community.search(typed, FOUND)
            words = fold(typed).split()
            found += [m for m in self.paused if all(w in fold(m.name) for w in words)]
        else:
            found = list(self.paused)
        self.found = namesakes_together(found)
        results.set_options(Option(self.line(m), id=m.id) for m in self.found)
        results.display = bool(self.found)
        if self.found:
            results.highlighted = 0
        if typed and not self.found:
            hint.update(Content(f"Nobody called “{typed}”. Ctrl+N adds a new member."))
        elif typed:
            hint.update("↑↓ to choose, Enter to open.")
        elif self.found:
            hint.update("Paused members are listed; type to find anyone.")
        else:
            hint.update("Type a name to find a member; Ctrl+N adds one.")
        self.screen.refresh_bindings()

    def line(self, member: Member) -> Content:
        notes = []
        if not member.active:
            notes.append("paused")
        if self.app.community.visit_of(member.id) is not None:
            notes.append("here now")
        return name_line(member, self.found, self.app.community.zone) + Content.styled(
            "".join(f"  · {note}" for note in notes), "dim"
        )

    def action_move(self, step: int) -> None:
        results = self.query_one("#member-results", OptionList)
        if results.option_count:
            results.highlighted = ((results.highlighted or 0) + step) % results.option_count

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "edit_member":
            return bool(self.found)
        return True

    @on(Input.Submitted, "#member-search")
    def action_edit_member(self) -> None:
        results = self.query_one("#member-results", OptionList)
        if results.highlighted is not None and self.found:
            self.open(self.found[results.highlighted])

    @on(OptionList.OptionSelected, "#member-results")
    def tapped(self, event: OptionList.OptionSelected) -> None:
        self.open(self.found[event.option_index])

    def open(self, member: Member) -> None:
        self.app.push_screen(MemberCard(self.app.community.member(member.id)))

    @on(Button.Pressed, "#add-member")
    def action_add_member(self) -> None:
        self.app.push_screen(MemberCard(None, name=self.typed))
