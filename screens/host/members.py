"""Members, for hosts: everyone listed by name a page at a time, or found by typing
(paused members too); open one, or add a new one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, OptionList
from textual.widgets.option_list import Option

from kiosk.errors import KioskError
from kiosk.language import N_, _
from kiosk.models import Member
from kiosk.text import fold
from screens.commands import (
    ADD_MEMBER,
    EDIT_MEMBER,
    NEXT_MATCH,
    NEXT_PAGE,
    PREVIOUS_MATCH,
    PREVIOUS_PAGE,
)
from screens.host.member_card import MemberCard
from screens.namesakes import name_line, namesakes_together

if TYPE_CHECKING:
    from textual import getters

    from screens.app import KioskApp

FOUND = 12
"""Members a search offers."""
PAGE = 50
"""Members listed at a time before anything is typed."""
CSV_HINT = N_(
    "To import or export members as a spreadsheet (CSV), use the command line: "
    "kiosk members import FILE, kiosk members export FILE."
)


class MembersPane(Vertical):
    """Everyone by name, a page at a time; typing finds members by name (or badge code).
    Enter or a tap opens one."""

    BINDINGS = [
        EDIT_MEMBER,
        ADD_MEMBER,
        NEXT_MATCH,
        PREVIOUS_MATCH,
        NEXT_PAGE,
        PREVIOUS_PAGE,
    ]

    if TYPE_CHECKING:
        app = getters.app(KioskApp)

    def __init__(self) -> None:
        super().__init__()
        self.found: list[Member] = []
        self.everyone: list[Member] = []
        """Every member by name, paused ones too (whom the kiosk's search leaves out),
        read by a worker."""
        self.page = 0

    def compose(self) -> ComposeResult:
        with Horizontal(id="member-tools"):
            yield Input(
                placeholder=_("Find a member: a few letters of the name"), id="member-search"
            )
            yield Button(_("Add member"), id="add-member", variant="primary")
        yield Label("", id="member-hint", classes="hint")
        yield OptionList(id="member-results")
        yield Label(_(CSV_HINT), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#member-results").can_focus = False
        self.query_one("#add-member").can_focus = False
        self.app.community_changed.subscribe(self, lambda _: self.read_everyone())
        self.read_everyone()

    @work(thread=True, group="host-members", exclusive=True)
    def read_everyone(self) -> None:
        try:
            everyone = self.app.community.members()
        except KioskError as error:
            self.app.call_from_thread(self.app.notify, str(error), severity="error", markup=False)
            return
        self.app.call_from_thread(self._everyone_read, everyone)

    def _everyone_read(self, everyone: list[Member]) -> None:
        self.everyone = everyone
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
            found = [badge] if badge is not None else community.search_for_hosts(typed, FOUND)
            words = fold(typed).split()
            paused = (m for m in self.everyone if not m.active)
            found += [m for m in paused if all(w in fold(m.name) for w in words)]
            self.found = namesakes_together(found)
        else:
            self.page = min(self.page, max(len(self.everyone) - 1, 0) // PAGE)
            self.found = self.everyone[self.page * PAGE : (self.page + 1) * PAGE]
        results.set_options(Option(self.line(m), id=m.id) for m in self.found)
        results.display = bool(self.found)
        if self.found:
            results.highlighted = 0
        if typed and not self.found:
            hint.update(
                Content(_("Nobody called “{typed}”. Ctrl+N adds a new member.").format(typed=typed))
            )
        elif typed:
            hint.update(_("↑↓ to choose, Enter to open."))
        elif self.found:
            hint.update(self.page_hint())
        else:
            hint.update(_("No members yet; Ctrl+N adds one."))
        self.screen.refresh_bindings()

    def page_hint(self) -> str:
        first, count = self.page * PAGE + 1, len(self.everyone)
        last = min(first + PAGE - 1, count)
        pages = []
        if self.page > 0:
            pages.append(_("PgUp the page before"))
        if last < count:
            pages.append(_("PgDn the next"))
        listed = _("Members {first}–{last} of {count}, by name").format(
            first=first, last=last, count=count
        )
        return " · ".join([listed, *pages, _("type to find anyone.")])

    def action_page(self, step: int) -> None:
        self.page = max(self.page + step, 0)
        self.show_found()

    def line(self, member: Member) -> Content:
        notes = []
        if not member.active:
            notes.append(_("paused"))
        if self.app.community.visit_of(member.id) is not None:
            notes.append(_("here now"))
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
        if action == "page":
            if self.typed:
                return False
            step = parameters[0] if parameters else 1
            last_page = max(len(self.everyone) - 1, 0) // PAGE
            return self.page > 0 if step == -1 else self.page < last_page
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
