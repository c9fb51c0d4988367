"""The roll call in an emergency: everyone in the building, incognito members too, to
tick off as they are accounted for. Each tick is saved at once, and the ticks made at
another kiosk or with `kiosk roll-call` appear here within a second."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Label

from kiosk.errors import KioskError
from kiosk.language import N_, _
from kiosk.safety.roll_call import SAID_ON_SCREEN, OnRoll, RollCall, accounted_for, roll
from kiosk.timekeeping.hours import clock_time
from screens.commands import TICK_OFF

if TYPE_CHECKING:
    from textual import getters

    from screens.app import KioskApp

COLUMNS = ((N_("Name"), 44), (N_("Since"), 7), (N_("Accounted for"), 14))


class RollCallTable(DataTable[Text]):
    """The list; Enter or Space ticks off the person highlighted, as a second tap does."""

    BINDINGS = [TICK_OFF]


class RollCallPane(Vertical):
    """Everyone here by name, as read aloud, to tick off (or back on)."""

    if TYPE_CHECKING:
        app = getters.app(KioskApp)

    def __init__(self) -> None:
        super().__init__()
        self.people: list[OnRoll] = []
        self._ticks = RollCall(self.app.community.store)

    def compose(self) -> ComposeResult:
        yield Label("", id="roll-call-summary")
        yield Label(_(SAID_ON_SCREEN), classes="hint")
        yield Label("", id="roll-call-problem", classes="caution")
        yield RollCallTable(id="roll-call-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one("#roll-call-table", RollCallTable)
        for label, width in COLUMNS:
            table.add_column(_(label), width=width)
        self.app.community_changed.subscribe(self, lambda _: self.read())
        self.app.ticked.subscribe(self, lambda _: self.read_if_ticked_elsewhere())
        self.read()

    def read_if_ticked_elsewhere(self) -> None:
        if self.display:
            self.look_for_ticks()

    @work(thread=True, group="roll-call-look", exclusive=True)
    def look_for_ticks(self) -> None:
        # Apart from `read`: a look that finds nothing new must not cancel a read on its way.
        if self._ticks.file.changed():
            self.app.call_from_thread(self.read)

    @work(thread=True, group="roll-call", exclusive=True)
    def read(self) -> None:
        """Read who is here and the ticks (off the UI thread), and show them."""
        problem = ""
        try:
            ticks = self._ticks.ticks()
        except KioskError as error:
            # Everyone is still listed: a damaged tick must never hide a person.
            ticks, problem = {}, str(error)
        people = roll(self.app.community.present_for_hosts(), ticks)
        self.app.call_from_thread(self.show, people, problem)

    def show(self, people: list[OnRoll], problem: str) -> None:
        table = self.query_one("#roll-call-table", RollCallTable)
        highlighted = self.highlighted()
        self.people = people
        table.clear()
        zone = self.app.community.zone
        for person in people:
            ticked = person.accounted is not None
            table.add_row(
                Text(person.read_as, style="" if ticked else "bold"),
                Text(clock_time(person.since, zone)),
                Text(f"✔ {clock_time(person.accounted, zone)}")
                if person.accounted
                else Text(_("not yet"), style="dim"),
                key=person.visit_id,
            )
        keys = [person.visit_id for person in people]
        if highlighted is not None and highlighted.visit_id in keys:
            table.move_cursor(row=keys.index(highlighted.visit_id), animate=False)
        done = accounted_for(people)
        summary = (
            _("{count} in the building · {done} accounted for · {left} not yet").format(
                count=len(people), done=done, left=len(people) - done
            )
            if people
            else _("Nobody is checked in.")
        )
        self.query_one("#roll-call-summary", Label).update(Text(summary, style="bold"))
        caution = self.query_one("#roll-call-problem", Label)
        caution.update(problem)
        caution.display = bool(problem)

    def highlighted(self) -> OnRoll | None:
        table = self.query_one("#roll-call-table", RollCallTable)
        if not self.people or not table.row_count:
            return None
        return self.people[min(table.cursor_row, len(self.people) - 1)]

    @on(DataTable.RowSelected, "#roll-call-table")
    def tick_off(self, event: DataTable.RowSelected) -> None:
        person = self.people[event.cursor_row]
        community = self.app.community

        def tick() -> None:
            here = [presence.visit.id for presence in community.present_for_hosts()]
            self._ticks.tick(person.visit_id, person.accounted is None, community.clock(), here)

        self.app.store_call(tick, lambda _: self.read(), saved=None)
