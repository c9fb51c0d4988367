"""The strip at the top of every screen: the space's name, the time, whether the space is
open, and how many are here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widget import Widget

from kiosk.language import _
from kiosk.timekeeping import hours
from screens.private import ForHosts

if TYPE_CHECKING:
    from textual import getters

    from screens.app import KioskApp


class Masthead(Widget):
    """Space name on the left; clock, opening hours (when set) and head count on the right:
    as public screens count, but for hosts on theirs.

    One line drawn whole, so the clock's tick and a new count redraw it without laying out
    the screen again.
    """

    DEFAULT_CSS = """
    Masthead {
        height: 1;
        dock: top;
        background: $primary;
        color: $text;
    }
    """

    if TYPE_CHECKING:
        app = getters.app(KioskApp)

    def __init__(self) -> None:
        super().__init__()
        self.status = ""
        """What the right-hand side says: the time, whether open, and how many are here."""

    def on_mount(self) -> None:
        self.update_now()
        self.set_interval(1.0, self.update_now)
        self.app.community_changed.subscribe(self, lambda _: self.update_now())

    def update_now(self) -> None:
        # Beneath another screen it waits, and its screen asks again once back in front:
        # Textual redraws the whole screen in front for any change to the one beneath.
        if self.screen is not self.app.screen:
            return
        community = self.app.community
        for_hosts = isinstance(self.screen, ForHosts)
        count = community.here_count() if for_hosts else community.public_count()
        here = hours.nobody_here() if not count else _("{count} here").format(count=count)
        if community.capacity:
            here = _("{count} of {capacity} here").format(count=count, capacity=community.capacity)
        now = community.clock()
        shown = [
            hours.clock_time(now, community.zone),
            hours.opening_status(community.hours, now),
            here,
        ]
        said = " · ".join(part for part in shown if part)
        if said != self.status:
            self.status = said
            self.refresh()

    def render(self) -> Content:
        # A cell of padding at each end; the name gives way to the time and count.
        width = self.size.width - 2
        status = Content(self.status)
        room = max(width - status.cell_length - 2, 1)
        name = Content.styled(self.app.config.space_name, "bold").truncate(room, ellipsis=True)
        gap = " " * max(width - name.cell_length - status.cell_length, 1)
        return Content.assemble(" ", name, gap, status, " ").truncate(self.size.width)
