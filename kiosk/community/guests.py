"""Guests as public screens show them: never by their own name, but as the guest of the
member who signed them in, when that member is shown too.

Apart from the rest of the board (kiosk.community.gathering), so that `kiosk present`
lists them without working out topics and milestones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from kiosk.language import _
from kiosk.models import Presence
from kiosk.text import fold


@dataclass(slots=True, frozen=True)
class GuestHere:
    """A guest as public screens show them: never by their own name, but as the member
    who signed them in was told, "guest of Zoë"; "a guest" when naming that member would
    show someone who is not shown."""

    host: str | None
    """The first name of the member who signed them in, where it may be shown."""
    since: datetime
    visit_id: str

    @property
    def shown_as(self) -> str:
        """How public screens name the guest, in the language speaking."""
        return guest_of(self.host)


def guest_of(host: str | None) -> str:
    """A guest as public screens name them: "guest of Zoë", or "a guest" when their host,
    `host` (a first name), is not shown."""
    return _("guest of {host}").format(host=host) if host else _("a guest")


def shown_guests(present: Sequence[Presence]) -> tuple[GuestHere, ...]:
    """The guests among `present` who are not incognito, by who they are a guest of, then
    by arrival; their host is named only when the host is shown by name too."""
    shown_members = {p.member.id for p in present if p.shown == "by name"}
    guests = (
        GuestHere(
            p.member.first_name if p.member.id in shown_members else None,
            p.visit.since,
            p.visit.id,
        )
        for p in present
        if p.shown == "as a guest"
    )
    return tuple(sorted(guests, key=lambda g: (fold(g.host or ""), g.since, g.visit_id)))
