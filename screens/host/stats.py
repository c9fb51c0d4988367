"""Attendance for hosts, as figures and pictures: who is here, today, the last thirty days
day by day, the busiest hours of the week, how long people stay, and who is new."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Label

from kiosk import language
from kiosk.community.figures import CHART_DAYS, HEAT_DAYS, Figures, gather
from kiosk.errors import KioskError
from kiosk.language import N_, _, ngettext
from kiosk.timekeeping import hours
from screens.host.charts import BusiestHours, PeoplePerDay

if TYPE_CHECKING:
    from textual import getters

    from screens.app import KioskApp

FIGURES = {
    "here": N_("Here now"),
    "today": N_("Today"),
    "stay": N_("Average stay"),
    "new": N_("Last {count} days"),
}
"""Each figure's title, marked for the catalogs; `{count}` is the days it looks back."""


class StatsPane(VerticalScroll):
    """Counted afresh, off the UI thread, whenever it is shown and while something changes."""

    if TYPE_CHECKING:
        app = getters.app(KioskApp)

    def compose(self) -> ComposeResult:
        with Horizontal(id="figures"):
            for figure in FIGURES:
                yield Label("…", id=f"figure-{figure}", classes="figure")
        with Horizontal(id="charts"):
            with Vertical(id="per-day-box", classes="chart"):
                yield PeoplePerDay(id="per-day")
            with Vertical(id="busiest-box", classes="chart"):
                yield BusiestHours(id="busiest")
        yield Label("", id="per-event")

    def on_mount(self) -> None:
        for figure, title in FIGURES.items():
            self.query_one(f"#figure-{figure}").border_title = _(title).format(count=CHART_DAYS)
        self.query_one("#per-day-box").border_title = _(
            "Members per day, last {count} days"
        ).format(count=CHART_DAYS)
        self.query_one("#busiest-box").border_title = _("Busiest hours, last {count} weeks").format(
            count=HEAT_DAYS // 7
        )
        self.query_one("#per-event").border_title = _("Came for events, last {count} days").format(
            count=CHART_DAYS
        )
        self.app.community_changed.subscribe(self, lambda _: self.count())

    def on_show(self) -> None:
        self.count()

    def count(self) -> None:
        if self.is_on_screen:
            self.gather_figures()

    @work(thread=True, group="host-stats", exclusive=True)
    def gather_figures(self) -> None:
        try:
            figures = gather(self.app.community)
        except KioskError as error:
            self.app.call_from_thread(self.app.notify, str(error), severity="error", markup=False)
            return
        self.app.call_from_thread(self.show, figures)

    def show(self, figures: Figures) -> None:
        capacity = self.app.community.capacity
        everyone = figures.here + figures.guests_here
        here = (
            _("{count} of {capacity}").format(count=everyone, capacity=capacity)
            if capacity
            else _("{count} here").format(count=everyone)
        )
        if figures.guests_here:
            guests = ngettext(
                "{members} + {count} guest", "{members} + {count} guests", figures.guests_here
            ).format(members=figures.here, count=figures.guests_here)
            here += f"\n{guests}"
        self.figure("here", here)
        today = ngettext("{count} member", "{count} members", figures.today).format(
            count=figures.today
        )
        if figures.peak.at is not None:
            peak = hours.clock_time(figures.peak.at, figures.zone)
            today += "\n" + _("peak {count} at {time}").format(count=figures.peak.people, time=peak)
        self.figure("today", today)
        stay = figures.average_stay
        self.figure("stay", hours.duration(stay) if stay is not None else _("nobody left yet"))
        new = figures.newcomers
        self.figure(
            "new",
            _("{new} new").format(new=new.new)
            + "\n"
            + _("{returning} returning").format(returning=new.returning),
        )
        self.query_one("#per-day", PeoplePerDay).show(figures.per_day)
        self.query_one("#busiest", BusiestHours).show(figures.busiest)
        per_event = self.query_one("#per-event", Label)
        per_event.update(
            Content("\n").join(
                Content(
                    f"{language.short_day(day, with_weekday=True)}  {title}  "
                    + ngettext("{count} person", "{count} people", people).format(count=people)
                )
                for day, title, people in figures.per_event
            )
        )
        # Shown once someone said they came for an event: until then it would be empty.
        per_event.display = bool(figures.per_event)

    def figure(self, name: str, text: str) -> None:
        self.query_one(f"#figure-{name}", Label).update(text)
