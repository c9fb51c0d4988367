"""The strip at the top of every screen: the space's name, the time, whether the space is
open, and how many are here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Label

from kiosk import hours

if TYPE_CHECKING:
    from textual import getters

    from screens.app import KioskApp


class Masthead(Widget):
    """Space name on the left; clock, opening hours (when set) and head count on the right."""

    DEFAULT_CSS = """
    Masthead {
        height: 1;
        dock: top;
        background: $primary;
        color: $text;
        layout: horizontal;
    }
    Masthead #space { width: 1fr; padding: 0 1; text-style: bold; }
    Masthead #now { width: auto; padding: 0 1; }
    """

    if TYPE_CHECKING:
        app = getters.app(KioskApp)

    def __init__(self) -> None:
        super().__init__()
        # Held here, not looked up: a screen swapped away mid-mount may lose it first.
        self.now = Label(id="now")

    def compose(self) -> ComposeResult:
        yield Label(Content(self.app.config.space_name), id="space")
        yield self.now

    def on_mount(self) -> None:
        self.update_now()
        self.set_interval(1.0, self.update_now)
        self.app.community_changed.subscribe(self, lambda _: self.update_now())

    def update_now(self) -> None:
        community = self.app.community
        count = community.here_count()
        here = "nobody here yet" if not count else f"{count} here"
        if community.capacity:
            here = f"{count} of {community.capacity} here"
        now = community.clock()
        shown = [hours.clock_time(now), hours.opening_status(self.app.config.hours, now), here]
        self.now.update(" · ".join(part for part in shown if part))
