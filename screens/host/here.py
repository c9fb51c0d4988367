"""The host's live board: everyone here, incognito members and guests included, to sort,
filter and check out."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Literal

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Input, Label
from textual.widgets.data_table import ColumnKey

from kiosk.community.guests import guest_of
from kiosk.language import N_, _, ngettext
from kiosk.models import STATUS_LABELS, Presence, Visit
from kiosk.text import fold
from kiosk.timekeeping import hours
from screens.commands import CHECK_OUT_EVERYONE, CHECK_OUT_PERSON, SHOW_EVENTS, SORT_BOARD
from screens.confirm import ConfirmScreen
from screens.host.events import EventsScreen

if TYPE_CHECKING:
    from textual import getters

    from screens.app import KioskApp

SortBy = Literal["arrival", "name"]
COLUMNS = {"name": N_("Name"), "since": N_("Since"), "status": N_("Status"), "topics": N_("Topics")}
"""The table's columns by key, and their headings, marked for the catalogs."""
SORTED_BY = {"arrival": "since", "name": "name"}
"""The column each order sorts by, marked ▼ in its heading."""
NAME, SINCE, STATUS = 22, 14, 24
NARROW = 100
NARROW_NAME, NARROW_STATUS = 18, 18
SMALLEST_TOPICS = 10


def fit(text: str, width: int) -> str:
    """`text` cut to `width` characters, with an ellipsis when it was longer."""
    return text if len(text) <= width else text[: width - 1] + "…"


def who(presence: Presence) -> str:
    """The name of the person here: a guest's own, or the member's."""
    return presence.visit.guest or presence.member.name


def status_of(presence: Presence) -> str:
    """What the host needs to know about how someone is here, and what the public sees."""
    visit, member = presence.visit, presence.member
    if visit.guest:
        return guest_of(member.name)
    if visit.status == "incognito":
        return _("incognito · counted only")
    label = _(STATUS_LABELS[visit.status])
    if member.keyholder:
        label += " · " + _("keyholder")
    return label if member.on_board else label + " · " + _("not on board")


def wanted(presence: Presence, typed: str) -> bool:
    """Whether the filter `typed` finds this person: by name, status or topic."""
    words = fold(typed).split()
    visit = presence.visit
    about = fold(" ".join((who(presence), status_of(presence), *visit.topics)))
    return all(word in about for word in words)


def in_order(here: list[Presence], sort_by: SortBy) -> list[Presence]:
    if sort_by == "name":
        return sorted(here, key=lambda p: (fold(who(p)), p.visit.since))
    return sorted(here, key=lambda p: p.visit.since, reverse=True)


class HereTable(DataTable[Text]):
    """Everyone here; Enter asks to check out the person highlighted, as a second tap does."""

    BINDINGS = [CHECK_OUT_PERSON]


class HostBoard(Vertical):
    """Everyone here, newest first or by name; typing filters. Enter (or a second tap on
    a row) asks to check the highlighted person out, with the guests they signed in."""

    BINDINGS = [CHECK_OUT_EVERYONE, SHOW_EVENTS, SORT_BOARD]

    if TYPE_CHECKING:
        app = getters.app(KioskApp)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.sort_by: SortBy = "arrival"
        self.shown: list[Presence] = []
        self.widths: tuple[int, ...] = ()

    def compose(self) -> ComposeResult:
        with Horizontal(id="here-tools"):
            yield Input(placeholder=_("Type to filter: name, status, topic"), id="here-filter")
            yield Label("", id="here-summary", classes="hint")
        yield HereTable(id="here-table", cursor_type="row", zebra_stripes=True)
        with Horizontal(classes="buttons"):
            yield Button(_("Check out"), id="check-out", variant="warning")
            yield Button(_("Check out everyone…"), id="everyone-out", variant="error")
            yield Button(_("Events…"), id="events")

    def on_mount(self) -> None:
        self.query_one("#check-out").can_focus = False
        self.query_one("#everyone-out").can_focus = False
        self.query_one("#events").can_focus = False
        self.app.community_changed.subscribe(self, lambda _: self.show())
        self.set_interval(60, self.show)

    def on_resize(self) -> None:
        self.show()

    @property
    def table(self) -> HereTable:
        return self.query_one("#here-table", HereTable)

    # -- showing ----------------------------------------------------------------------

    def column_widths(self) -> tuple[int, ...]:
        wide = self.size.width >= NARROW
        fixed = (NAME if wide else NARROW_NAME, SINCE, STATUS if wide else NARROW_STATUS)
        topics = max(self.size.width - 4 - sum(fixed) - 2 * len(COLUMNS), SMALLEST_TOPICS)
        return (*fixed, topics)

    def show(self) -> None:
        """Show who is here now, filtered and sorted, keeping the highlighted person."""
        community = self.app.community
        table = self.table
        widths = self.column_widths()
        if widths != self.widths:
            self.widths = widths
            table.clear(columns=True)
            for (key, label), width in zip(COLUMNS.items(), widths, strict=True):
                table.add_column(_(label), width=width, key=key)
        for key, label in COLUMNS.items():
            heading = f"{_(label)} ▼" if key == SORTED_BY[self.sort_by] else _(label)
            table.columns[ColumnKey(key)].label = Text(heading)
        before = self.highlighted()
        everyone = community.present_for_hosts()
        typed = self.query_one("#here-filter", Input).value
        self.shown = in_order([p for p in everyone if wanted(p, typed)], self.sort_by)
        table.clear()
        now = community.clock()
        for presence in self.shown:
            table.add_row(*self.row(presence, now), key=presence.visit.id, height=None)
        visits = [p.visit.id for p in self.shown]
        if before is not None and before.visit.id in visits:
            table.move_cursor(row=visits.index(before.visit.id), animate=False)
        self.show_summary(everyone, typed)
        self.query_one("#check-out", Button).disabled = not self.shown
        self.query_one("#everyone-out", Button).disabled = not everyone
        self.screen.refresh_bindings()

    def row(self, presence: Presence, now: datetime) -> tuple[Text, ...]:
        visit = presence.visit
        status = Text(status_of(presence))
        if visit.status == "incognito" or visit.guest:
            status.stylize("italic")
        return (
            Text(fit(who(presence), self.widths[0]), style="bold"),
            Text(hours.arrived(visit.since, now, self.app.community.zone)),
            status,
            Text(", ".join(visit.topics) if visit.topics else "-"),
        )

    def show_summary(self, everyone: list[Presence], typed: str) -> None:
        capacity = self.app.community.capacity
        count = len(everyone)
        summary = (
            _("{count} of {capacity} here").format(count=count, capacity=capacity)
            if capacity
            else _("{count} here").format(count=count)
        )
        guests = sum(1 for p in everyone if p.visit.guest)
        incognito = sum(1 for p in everyone if p.visit.status == "incognito")
        if guests:
            summary += " · " + ngettext("{count} guest", "{count} guests", guests).format(
                count=guests
            )
        if incognito:
            summary += " · " + _("{count} incognito").format(count=incognito)
        if typed.strip():
            summary += " · " + _("{count} found").format(count=len(self.shown))
        self.query_one("#here-summary", Label).update(summary)

    def highlighted(self) -> Presence | None:
        table = self.table
        if not self.shown or not table.row_count:
            return None
        return self.shown[min(table.cursor_row, len(self.shown) - 1)]

    # -- filtering and sorting ------------------------------------------------------------

    @on(Input.Changed, "#here-filter")
    def filter_changed(self) -> None:
        self.show()

    @on(Input.Submitted, "#here-filter")
    def filter_done(self) -> None:
        self.table.focus()

    def on_key(self, event: events.Key) -> None:
        # Typing on the table filters it, as typing on home finds a name.
        entry = self.query_one("#here-filter", Input)
        if event.is_printable and event.character and self.screen.focused is not entry:
            event.stop()
            entry.focus()
            entry.insert_text_at_cursor(event.character)

    def action_sort_board(self) -> None:
        self.sort_by = "name" if self.sort_by == "arrival" else "arrival"
        self.show()

    @on(DataTable.HeaderSelected, "#here-table")
    def header_tapped(self, event: DataTable.HeaderSelected) -> None:
        if event.column_key.value in ("name", "since"):
            self.sort_by = "name" if event.column_key.value == "name" else "arrival"
            self.show()

    # -- checking out -------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "check_out_everyone":
            return bool(self.app.community.here_count())
        return True

    @on(DataTable.RowSelected, "#here-table")
    @on(Button.Pressed, "#check-out")
    def check_out_highlighted(self) -> None:
        presence = self.highlighted()
        if presence is None:
            return
        name = who(presence)
        guests = [] if presence.visit.guest else self.app.community.guests_of(presence.member.id)
        if guests:
            names = ", ".join(guest.guest for guest in guests)
            question = ngettext(
                "Check out {name}, with the guest they signed in ({names})?",
                "Check out {name}, with the guests they signed in ({names})?",
                len(guests),
            ).format(name=name, names=names)
        else:
            question = _("Check out {name}?").format(name=name)
        self.app.push_screen(
            ConfirmScreen(question, _("Check out")),
            lambda sure: self.check_out_person(presence, name) if sure else None,
        )

    def check_out_person(self, presence: Presence, name: str) -> None:
        community, visit_id = self.app.community, presence.visit.id
        self.app.store_call(
            lambda: community.check_out_visit(visit_id),
            lambda visit: self.checked_out([visit]),
            saved=_("{name} is checked out.").format(name=name),
            button=self.query_one("#check-out", Button),
        )

    @on(Button.Pressed, "#everyone-out")
    def action_check_out_everyone(self) -> None:
        count = self.app.community.here_count()
        if not count:
            return
        question = ngettext(
            "Check out the one person here now?", "Check out all {count} people here now?", count
        ).format(count=count)
        self.app.push_screen(
            ConfirmScreen(question, _("Check out everyone"), cancel_first=True),
            self.check_out_everyone,
        )

    def check_out_everyone(self, sure: bool | None) -> None:
        if not sure:
            return
        community = self.app.community
        self.app.store_call(
            community.check_out_everyone,
            self.checked_out,
            saved=_("Everyone is checked out."),
            button=self.query_one("#everyone-out", Button),
        )

    @on(Button.Pressed, "#events")
    def action_show_events(self) -> None:
        self.app.push_screen(EventsScreen())

    def checked_out(self, visits: list[Visit]) -> None:
        self.query_one("#check-out", Button).disabled = False
        self.query_one("#everyone-out", Button).disabled = False
        if len(visits) == 1:
            name = visits[0].guest or self.app.community.name_of(visits[0].member_id)
            self.app.notify(_("{name} is checked out.").format(name=name), markup=False)
        else:
            self.app.notify(
                ngettext(
                    "{count} person is checked out.", "{count} people are checked out.", len(visits)
                ).format(count=len(visits)),
                markup=False,
            )
        self.table.focus()
