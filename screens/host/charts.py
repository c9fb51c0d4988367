"""The host's charts, drawn by Plotext in the colours of the kiosk's theme: people per day,
and the busiest hours of each weekday as a heat map."""

from __future__ import annotations

import math
from datetime import date

from textual.color import Color
from textual_plotext import PlotextPlot

from kiosk import language

RGB = tuple[int, int, int]
LABEL_WIDTH = 4
"""A weekday's label, like "Mon ", left of its row of the heat map."""


def _edges(parts: int, cells: int) -> list[int]:
    """Where each of `parts` begins when `cells` are shared out among them as evenly as
    whole cells allow, and where the last ends."""
    return [round(part * cells / parts) for part in range(parts + 1)]


class ThemedPlot(PlotextPlot):
    """A plot drawn again whenever its size or data change."""

    def on_resize(self) -> None:
        self.replot()

    def colour(self, variable: str) -> RGB:
        """A colour of the app's theme, as Plotext takes it."""
        return Color.parse(self.app.theme_variables[variable]).rgb

    def replot(self) -> None:
        self.plt.clear_figure()
        # The box around the chart is its frame.
        self.plt.frame(False)
        if self.size.width and self.size.height:
            self.draw()
        self.refresh()

    def draw(self) -> None:
        raise NotImplementedError


class PeoplePerDay(ThemedPlot):
    """A bar for each day, labelled a week apart, so the weekly rhythm shows."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.per_day: list[tuple[date, int]] = []

    def show(self, per_day: list[tuple[date, int]]) -> None:
        self.per_day = per_day
        self.replot()

    def draw(self) -> None:
        if not self.per_day:
            return
        plt = self.plt
        counts = [count for _, count in self.per_day]
        places = list(range(len(counts)))
        plt.bar(places, counts, color=self.colour("primary"), width=0.5, marker="hd")
        last = len(places) - 1
        # Labelled a week apart from today, so every label falls on today's weekday.
        marks = [float(place) for place in places if (last - place) % 7 == 0]
        days = [self.per_day[int(mark)][0] for mark in marks]
        plt.xticks(marks, [language.short_day(day) for day in days])
        top = max(max(counts), 1)
        step = max(math.ceil(top / max(self.size.height // 3, 1)), 1)
        plt.yticks([float(tick) for tick in range(0, top + 1, step)])
        plt.ylim(0, top)


class BusiestHours(ThemedPlot):
    """Weekdays down, hours across: the more people here in an hour, the stronger its colour.
    Hours nobody was here at the start and end of the day are left out."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.grid: tuple[tuple[int, ...], ...] = ()

    def show(self, grid: tuple[tuple[int, ...], ...]) -> None:
        self.grid = grid
        self.replot()

    def hours(self) -> list[int]:
        busy = [hour for hour in range(24) if any(day[hour] for day in self.grid)]
        return list(range(min(busy), max(busy) + 1)) if busy else list(range(8, 20))

    def draw(self) -> None:
        if not self.grid:
            return
        plt, hours = self.plt, self.hours()
        # One matrix cell for each cell of the canvas, which is the plot less the weekday
        # labels on the left and the hours below: every hour and weekday a solid block.
        width, height = self.size.width - LABEL_WIDTH, self.size.height - 1
        if width < len(hours) or height < len(self.grid):
            return
        across = _edges(len(hours), width)
        down = _edges(len(self.grid), height)
        most = max(max(day) for day in self.grid) or 1
        none, full = self.colour_of("panel"), self.colour_of("accent")
        matrix = [
            [
                none.blend(full, day[hour] / most).rgb
                for n, hour in enumerate(hours)
                for _ in range(across[n + 1] - across[n])
            ]
            for number, day in enumerate(self.grid)
            for _ in range(down[number + 1] - down[number])
        ]
        plt.matrix_plot(matrix)
        plt.xlabel("")
        plt.ylabel("")
        every = 2 if width // len(hours) >= 3 else 3
        labelled = [n for n, hour in enumerate(hours) if hour % every == 0]
        plt.xticks([float(across[n]) for n in labelled], [f"{hours[n]:02d}" for n in labelled])
        # Plotext counts rows from the bottom.
        plt.yticks(
            [float(height - 1 - (down[d] + down[d + 1] - 1) // 2) for d in range(len(self.grid))],
            [f"{language.short_weekday(d)} " for d in range(len(self.grid))],
        )

    def colour_of(self, variable: str) -> Color:
        return Color.parse(self.app.theme_variables[variable])
