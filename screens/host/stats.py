"""Attendance for hosts, as figures and pictures: who is here, today, the last thirty days
day by day, the busiest hours of the week, how long people stay, and who is new."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Label

from kiosk.community.figures import CHART_DAYS, HEAT_DAYS, Figures, gather
from kiosk.errors import KioskError
from kiosk.timekeeping import hours
from screens.host.charts import BusiestHours, PeoplePerDay

if TYPE_CHECKING:
    from textual import getters

    from screens.app import KioskApp

FIGURES = {
    "here": "Here now",
    "today": "Today",
    "stay": "Average stay",
    "new": f"Last {CHART_DAYS} days",
}


def plural(count: int, thing: str) -> str:
    return f"{count} {thing}" if count == 1 else f"{count} {thing}s"


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
            self.query_one(f"#figure-{figure}").border_title = title
        self.query_one("#per-day-box").border_title = f"Members per day, last {CHART_DAYS} days"
        self.query_one("#busiest-box").border_title = f"Busiest hours, last {HEAT_DAYS // 7} weeks"
        self.query_one("#per-event").border_title = f"Came for events, last {CHART_DAYS} days"
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
        here = f"{everyone} of {capacity}" if capacity else f"{everyone} here"
        if figures.guests_here:
            here += f"\n{figures.here} + {plural(figures.guests_here, 'guest')}"
        self.figure("here", here)
        today = plural(figures.today, "member")
        if figures.peak.at is not None:
            peak = hours.clock_time(figures.peak.at, figures.zone)
            today += f"\npeak {figures.peak.people} at {peak}"
        self.figure("today", today)
        stay = figures.average_stay
        self.figure("stay", hours.duration(stay) if stay is not None else "nobody left yet")
        new = figures.newcomers
        self.figure("new", f"{new.new} new\n{new.returning} returning")
        self.query_one("#per-day", PeoplePerDay).show(figures.per_day)
        self.query_one("#busiest", BusiestHours).show(figures.busiest)
        per_event = self.query_one("#per-event", Label)
        per_event.update(
            Content("\n").join(
                Content(f"{day:%a %d %b}  {title}  {plural(people, 'person')}")
                for day, title, people in figures.per_event
            )
        )
        # Shown once someone said they came for an event: until then it would be empty.
        per_event.display = bool(figures.per_event)

    def figure(self, name: str, text: str) -> None:
        self.query_one(f"#figure-{name}", Label).update(text)
