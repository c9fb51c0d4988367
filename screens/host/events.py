"""The community's events, for hosts: what is on today and the next 7 days (the feeds' too,
marked as from a feed), adding one as `kiosk events add` does, and removing one hosts
added; the rules are the community's (kiosk.community.events)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, DataTable, Input, Label

from kiosk.errors import KioskError
from kiosk.events.happening import Happening
from kiosk.events.wording import added_words, event_line
from kiosk.language import N_, _, ngettext
from kiosk.models.events import HostedEvent
from screens.commands import BACK, REMOVE_EVENT
from screens.confirm import ConfirmScreen
from screens.kiosk_screen import KioskScreen
from screens.private import ForHosts

DAYS = 7
"""Today and the next 7 days, as `kiosk events` lists them."""
# Translators: the columns of the hosts' list of events: what and when, and where it comes
# from (added here, or a calendar feed).
COLUMNS = (N_("Event"), N_("From"))
FIELDS = (
    ("title", N_("Title"), N_("like Soldering 101")),
    ("when", N_("When"), N_("like friday 18:00, or a day alone for a whole day")),
    ("length", N_("Length"), N_("optional, like 2h or 90m; 2h if empty")),
    ("repeat", N_("Repeat"), N_("optional, like weekly or FREQ=WEEKLY;BYDAY=FR")),
    # Translators: the member who runs the event.
    ("host", N_("Hosted by"), N_("optional, a member's full name")),
    ("topic", N_("Topic"), N_("optional, like electronics")),
)


@dataclass(frozen=True, slots=True)
class Coming:
    """An occurrence as the screen lists it, read off the UI thread."""

    happening: Happening
    host: str


class EventTable(DataTable[Text]):
    """The coming events; Enter or a second tap on one hosts added removes it, after
    asking."""

    BINDINGS = [REMOVE_EVENT]


class EventsScreen(ForHosts, KioskScreen):
    """The coming events to read, remove (Enter on one) or add (the form below)."""

    CSS_PATH = "host.tcss"
    BINDINGS = [BACK]

    def __init__(self) -> None:
        super().__init__()
        self.coming: list[Coming] = []

    def compose_body(self) -> ComposeResult:
        with Vertical(id="events-page"):
            yield Label(
                ngettext(
                    "Events · today and the next {count} day",
                    "Events · today and the next {count} days",
                    DAYS,
                ).format(count=DAYS),
                classes="title",
            )
            yield Label("", id="events-note", classes="caution")
            with Vertical(id="event-list"):
                yield EventTable(id="event-table", cursor_type="row", zebra_stripes=True)
            yield Label("", id="events-hint", classes="hint")
            yield Label(_("Add an event"), classes="section")
            for name, label, placeholder in FIELDS:
                with Horizontal(classes="field"):
                    yield Label(_(label), classes="field-label")
                    yield Input(id=f"event-{name}", compact=True, placeholder=_(placeholder))
            with Horizontal(classes="buttons"):
                yield Button(_("Add event"), id="add-event", variant="primary")
                yield Button(_("Back"), id="back")

    def on_mount(self) -> None:
        table = self.query_one("#event-table", EventTable)
        for label in COLUMNS:
            table.add_column(_(label))
        self.query_one("#events-note").display = False
        self.query_one("#event-title", Input).focus()
        self.app.community_changed.subscribe(self, lambda _: self.read())
        self.read()

    @work(thread=True, group="host-events", exclusive=True)
    def read(self) -> None:
        """Read the coming events off the UI thread."""
        community = self.app.community
        try:
            coming = [
                Coming(h, community.events.host_name(h)) for h in community.coming_events(DAYS)
            ]
        except KioskError as error:
            self.app.call_from_thread(self.say, str(error))
            return
        self.app.call_from_thread(self.show, coming)

    def show(self, coming: list[Coming]) -> None:
        self.coming = coming
        community = self.app.community
        now, zone = community.clock(), community.zone
        table = self.query_one("#event-table", EventTable)
        table.clear()
        for shown in coming:
            happening = shown.happening
            table.add_row(
                Text(event_line(happening, shown.host, now, zone)),
                Text(_("added here") if happening.hosted_id else _("a feed")),
            )
        if not coming and table.has_focus:  # the last one was just removed
            self.query_one("#event-title", Input).focus()
        table.display = bool(coming)
        self.query_one("#events-hint", Label).update(
            _("Enter on an event added here (or a second tap) removes it, after asking.")
            if coming
            else ngettext(
                "No events in the next {count} day.", "No events in the next {count} days.", DAYS
            ).format(count=DAYS)
        )

    def say(self, note: str) -> None:
        label = self.query_one("#events-note", Label)
        label.update(Content(note))
        label.display = bool(note)

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        if event.input.id == "event-topic":
            self.add()
        else:
            self.focus_next(Input)

    # -- adding -----------------------------------------------------------------------

    @on(Button.Pressed, "#add-event")
    def add(self) -> None:
        community = self.app.community
        typed = {
            name: self.query_one(f"#event-{name}", Input).value for name, _label, _hint in FIELDS
        }

        def add() -> HostedEvent:
            host = community.find(typed["host"]).id if typed["host"].strip() else ""
            return community.add_event(
                typed["title"],
                typed["when"],
                typed["length"],
                typed["repeat"],
                host,
                typed["topic"],
            )

        self.app.store_call(
            add,
            self.added,
            saved=_("The event is saved."),
            button=self.query_one("#add-event", Button),
        )

    def added(self, event: HostedEvent) -> None:
        self.say(added_words(event, self.app.community.zone))
        for field in self.query(".field Input").results(Input):
            field.value = ""
        self.query_one("#add-event", Button).disabled = False
        self.query_one("#event-title", Input).focus()
        self.read()

    # -- removing ---------------------------------------------------------------------

    @on(DataTable.RowSelected, "#event-table")
    def ask_remove(self, event: DataTable.RowSelected) -> None:
        happening = self.coming[event.cursor_row].happening
        if not happening.hosted_id:
            self.say(
                _("{title} comes from a feed; change it in that calendar.").format(
                    title=happening.title
                )
            )
            return
        self.app.push_screen(
            ConfirmScreen(
                _(
                    "Remove the event {title}? It is no longer shown anywhere; "
                    "if it repeats, every day it repeats goes too."
                ).format(title=happening.title),
                _("Remove"),
            ),
            lambda sure: self.remove_event(happening) if sure else None,
        )

    def remove_event(self, happening: Happening) -> None:
        community = self.app.community

        def removed(event: HostedEvent) -> None:
            self.say(_("Removed {title} (id {id}).").format(title=event.title, id=event.id))
            self.read()

        self.app.store_call(
            lambda: community.remove_event(happening.hosted_id),
            removed,
            saved=_("Removed {title}.").format(title=happening.title),
        )

    @on(Button.Pressed, "#back")
    def back_pressed(self) -> None:
        self.app.pop_screen()
