"""One member's tool inductions, for hosts: what they are inducted on (by whom, until
when), what they may induct others on, and adding or removing an induction; the rules
are those of `kiosk inductions` (kiosk.safety.inductions)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widgets import Button, DataTable, Input, Label

from kiosk import language
from kiosk.errors import KioskError, Refused
from kiosk.language import N_, _
from kiosk.models import Member
from kiosk.models.inductions import Induction
from kiosk.safety.inductions import Inductions, expired, standing, tool_key
from kiosk.timekeeping.dates import day_words, read_day
from kiosk.timekeeping.opening import current_day, local_day
from screens.commands import BACK, REMOVE_INDUCTION
from screens.confirm import ConfirmScreen
from screens.kiosk_screen import KioskScreen
from screens.private import ForHosts

COLUMNS = (N_("Tool or area"), N_("Inducted by"), N_("On"), N_("Until"))
"""Each as wide as what it shows, so the table fits a small screen when it can."""


@dataclass(frozen=True, slots=True)
class Known:
    """What the screen shows, read off the UI thread."""

    inductions: list[Induction]
    may_induct_on: list[str]
    tools: list[str]
    """Every tool the space knows, offered as the host types one."""
    names: dict[str, str]
    """Members named in the inductions, and everyone who may induct, by id."""


class InductionTable(DataTable[Text]):
    """The member's inductions; Enter or a second tap removes the one highlighted, after
    asking."""

    BINDINGS = [REMOVE_INDUCTION]


class InductionsScreen(ForHosts, KioskScreen):
    """The member's inductions to read, remove (Enter on one) or add (the form below)."""

    CSS_PATH = "host.tcss"
    BINDINGS = [BACK]

    def __init__(self, member: Member) -> None:
        super().__init__()
        self.member = member
        self.known = Known([], [], [], {})
        self.inductions = Inductions(self.app.community.store)

    def compose_body(self) -> ComposeResult:
        with Vertical(id="inductions-page"):
            yield Label(
                Content(_("Inductions · {name}").format(name=self.member.name)), classes="title"
            )
            yield Label("", id="may-induct", classes="hint")
            yield Label("", id="inductions-note", classes="caution")
            yield InductionTable(id="induction-table", cursor_type="row", zebra_stripes=True)
            yield Label("", id="inductions-hint", classes="hint")
            yield Label(
                _("Add an induction (a renewal replaces the one before)"), classes="section"
            )
            with Horizontal(classes="field"):
                yield Label(_("Tool or area"), classes="field-label")
                yield Input(id="induction-tool", compact=True, placeholder=_("like Laser cutter"))
            with Horizontal(classes="field"):
                yield Label(_("Inducted by"), classes="field-label")
                yield Input(id="induction-by", compact=True, placeholder=_("a member's full name"))
            with Horizontal(classes="field"):
                yield Label(_("Last day"), classes="field-label")
                yield Input(
                    id="induction-expires",
                    compact=True,
                    placeholder=_("optional, like 31 December 2027; empty: it does not expire"),
                )
            with Horizontal(classes="buttons"):
                yield Button(_("Add induction"), id="add-induction", variant="primary")
                yield Button(_("Back"), id="back")

    def on_mount(self) -> None:
        table = self.query_one("#induction-table", InductionTable)
        for label in COLUMNS:
            table.add_column(_(label))
        self.query_one("#inductions-note").display = False
        self.query_one("#induction-tool", Input).focus()
        self.read()

    @work(thread=True, group="host-inductions", exclusive=True)
    def read(self) -> None:
        """Read the member's inductions, and what the form offers, off the UI thread."""
        community, member_id = self.app.community, self.member.id
        try:
            theirs = self.inductions.inductions(member_id)
            may = sorted(
                {i.tool for i in self.inductions.inductors() if i.member_id == member_id},
                key=tool_key,
            )
            named = {i.by_id for i in theirs} | {i.member_id for i in self.inductions.inductors()}
            known = Known(
                theirs,
                may,
                self.inductions.tools(),
                {member_id: community.name_of(member_id) for member_id in named},
            )
        except KioskError as error:
            self.app.call_from_thread(self.say, str(error))
            return
        self.app.call_from_thread(self.show, known)

    def show(self, known: Known) -> None:
        self.known = known
        community = self.app.community
        today = current_day(community.clock(), community.zone)
        table = self.query_one("#induction-table", InductionTable)
        table.clear()
        for induction in known.inductions:
            until = short_day(induction.expires) if induction.expires else _("does not expire")
            state = standing(induction, today)
            table.add_row(
                Text(induction.tool, style="strike" if expired(induction, today) else ""),
                Text(known.names.get(induction.by_id, induction.by_id)),
                Text(short_day(local_day(induction.at, community.zone))),
                Text(_("{until} · {state}").format(until=until, state=state) if state else until),
            )
        if not known.inductions and table.has_focus:  # the last one was just removed
            self.query_one("#induction-tool", Input).focus()
        table.display = bool(known.inductions)
        self.query_one("#inductions-hint", Label).update(
            _("↑↓ to choose; Enter on one (or a second tap) removes it, after asking.")
            if known.inductions
            else _("{name} is not inducted on anything yet.").format(name=self.member.name)
        )
        self.query_one("#may-induct", Label).update(
            Content(
                _("May induct others on: {tools}.").format(tools=", ".join(known.may_induct_on))
            )
            if known.may_induct_on
            else Content(
                _(
                    "Not marked to induct others; kiosk inductions inductor {id} TOOL marks them."
                ).format(id=self.member.id)
            )
        )
        tools = SuggestFromList(known.tools, case_sensitive=False)
        self.query_one("#induction-tool", Input).suggester = tools
        names = SuggestFromList(sorted(set(known.names.values())), case_sensitive=False)
        self.query_one("#induction-by", Input).suggester = names

    def say(self, note: str) -> None:
        label = self.query_one("#inductions-note", Label)
        label.update(Content(note))
        label.display = bool(note)

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        if event.input.id == "induction-expires":
            self.add()
        else:
            self.focus_next(Input)

    # -- adding -----------------------------------------------------------------------

    @on(Button.Pressed, "#add-induction")
    def add(self) -> None:
        community = self.app.community
        tool = self.query_one("#induction-tool", Input).value
        typed_by = self.query_one("#induction-by", Input).value.strip()
        typed_day = self.query_one("#induction-expires", Input).value.strip()
        today = current_day(community.clock(), community.zone)
        try:
            if not typed_by:
                raise Refused(_("Please type who inducted them: a member's full name."))
            expires = read_day(typed_day, today) if typed_day else None
        except KioskError as problem:
            self.refused(problem)
            return
        self.find_inductor(tool, typed_by, expires)

    @work(thread=True, group="host-inductor", exclusive=True)
    def find_inductor(self, tool: str, typed_by: str, expires: date | None) -> None:
        """Find who inducted them by the name typed (off the UI thread: it may read
        member files), then record the induction."""
        try:
            by = self.app.community.find(typed_by)
        except KioskError as problem:
            self.app.call_from_thread(self.refused, problem)
            return
        self.app.call_from_thread(self.ask_renewal, tool, by, expires)

    def refused(self, problem: KioskError) -> None:
        """Say why, as a refused save is said."""
        self.app.notify(str(problem), title=_("Sorry"), severity="error", markup=False)

    def ask_renewal(self, tool: str, by: Member, expires: date | None) -> None:
        """Record the induction, once the host says so where it replaces one."""
        renewed = [i for i in self.known.inductions if tool_key(i.tool) == tool_key(tool)]
        if not renewed:
            self.induct(tool, by, expires)
            return
        self.app.push_screen(
            ConfirmScreen(
                _(
                    "{name} is already inducted on {tool}. Replace that induction with this one?"
                ).format(name=self.member.name, tool=renewed[0].tool),
                _("Replace"),
            ),
            lambda sure: self.induct(tool, by, expires) if sure else None,
        )

    def induct(self, tool: str, by: Member, expires: date | None) -> None:
        community, member, inductions = self.app.community, self.member, self.inductions
        today = current_day(community.clock(), community.zone)

        def induct() -> tuple[Induction, bool]:
            induction = inductions.induct(member, tool, by, community.clock(), expires, today)
            return induction, tool_key(induction.tool) in inductions.inductor_tools(by.id)

        self.app.store_call(
            induct,
            lambda done: self.inducted(*done, by),
            saved=_("The induction is saved."),
            button=self.query_one("#add-induction", Button),
        )

    def inducted(self, induction: Induction, marked: bool, by: Member) -> None:
        if induction.expires:
            inducted = _("{name} is inducted on {tool} by {inductor}, until {day}.")
        else:
            inducted = _("{name} is inducted on {tool} by {inductor}.")
        note = inducted.format(
            name=self.member.name,
            tool=induction.tool,
            inductor=by.name,
            day=induction.expires and day_words(induction.expires),
        )
        if not marked:
            note += " " + _("Note: {name} is not marked as an inductor on {tool}.").format(
                name=by.name, tool=induction.tool
            )
        self.say(note)
        for field in self.query(".field Input").results(Input):
            field.value = ""
        self.query_one("#add-induction", Button).disabled = False
        self.read()

    # -- removing ---------------------------------------------------------------------

    @on(DataTable.RowSelected, "#induction-table")
    def ask_remove(self, event: DataTable.RowSelected) -> None:
        induction = self.known.inductions[event.cursor_row]
        self.app.push_screen(
            ConfirmScreen(
                _(
                    "Remove {name}'s induction on {tool}? They are no longer shown as "
                    "inducted on it."
                ).format(name=self.member.name, tool=induction.tool),
                _("Remove"),
            ),
            lambda sure: self.remove_induction(induction) if sure else None,
        )

    def remove_induction(self, induction: Induction) -> None:
        inductions, member = self.inductions, self.member

        said = _("Removed {name}'s induction on {tool}.").format(
            name=member.name, tool=induction.tool
        )

        def removed(_was_there: bool) -> None:
            self.say(said)
            self.read()

        self.app.store_call(
            lambda: inductions.remove(member.id, induction.tool), removed, saved=said
        )

    @on(Button.Pressed, "#back")
    def back_pressed(self) -> None:
        self.app.pop_screen()


def short_day(day: date) -> str:
    """Like "7 Dec 2026": a day in a table's column."""
    return language.short_day(day, with_year=True)
