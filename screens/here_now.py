"""Who is here, one line each, as many as the space allows, then how many more."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from kiosk.language import _, ngettext
from kiosk.models import STATUS_LABELS, Presence
from kiosk.timekeeping import hours

TOPICS_FROM_WIDTH = 50
"""From this many columns a line has room for what the person is open to chatting about."""


class HereNow(Static):
    """Fills its height with names; never breaks a name mid-word."""

    DEFAULT_CSS = """
    HereNow { height: auto; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.here: list[Presence] = []
        self.hidden = 0
        self.guests = 0

    def show(self, here: list[Presence], hidden: int, guests: int = 0) -> None:
        """Show `here`, newest first, and say that `guests` and `hidden` more members are
        here: guests are on the board (F2), the hidden ones on no public screen."""
        self.here, self.hidden, self.guests = here, hidden, guests
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(len(self.lines(width, len(self.here) + 2)), 1)

    def render(self) -> Content:
        width, height = self.content_size
        lines = self.lines(width, max(height, 1))
        return Content("\n").join(lines) if lines else Content(hours.nobody_here(sentence=True))

    def lines(self, width: int, height: int) -> list[Content]:
        """At most `height` lines of at most `width` cells."""
        tail = []
        if self.guests:
            guests = ngettext("+ {count} guest (F2)", "+ {count} guests (F2)", self.guests).format(
                count=self.guests
            )
            tail.append(Content.styled(guests, "dim"))
        if self.hidden:  # incognito, or keeping off the board: counted, never named
            hidden = _("+ {count} more here, not on the board").format(count=self.hidden)
            tail.append(Content.styled(hidden, "dim"))
        room = height - len(tail)
        shown = self.here if len(self.here) <= room else self.here[: max(room - 1, 0)]
        lines = [self.line(presence, width) for presence in shown]
        if len(shown) < len(self.here):
            more = _("…and {count} more (F2)").format(count=len(self.here) - len(shown))
            lines.append(Content.styled(more, "dim"))
        return (lines + tail)[:height]

    def line(self, presence: Presence, width: int) -> Content:
        visit = presence.visit
        status = Content.styled(f"  {_(STATUS_LABELS[visit.status])}", "dim")
        name = Content.styled(presence.member.name, "bold")
        shown = visit.status == "open" and visit.topics and presence.member.shows("topics")
        if width >= TOPICS_FROM_WIDTH and shown:
            status = Content.styled(f"  {', '.join(visit.topics)}", "dim")
        # The name keeps at least half the line; what follows it gives way first.
        name = name.truncate(max(width - status.cell_length, width // 2), ellipsis=True)
        return Content.assemble(name, status).truncate(width, ellipsis=True)
