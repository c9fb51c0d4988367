"""Closing time at the kiosk: once a day's closing has passed, whoever is still here is
checked out, at that closing time.

Only with opening hours: without them the kiosk never closes by itself, and a host or a
nightly `kiosk close-day` ends the day.
"""

from __future__ import annotations

from datetime import datetime

from kiosk.community import Community
from kiosk.opening import visit_closing


class ClosingTime:
    """Says when the day is to be closed: as soon as the day of a visit still open is
    over (its closing time, or midnight for a visit begun after closing). A kiosk
    started after closing time finds the day over at once."""

    def __init__(self, community: Community) -> None:
        self.community = community
        self._visits: tuple[str, ...] = ()
        self._earliest: datetime | None = None

    def due(self) -> bool:
        hours = self.community.hours
        if not hours.is_set:
            return False
        here = [presence.visit for presence in self.community.present_for_hosts()]
        visits = tuple(visit.id for visit in here)
        if visits != self._visits:
            # Worked out again only when someone came or went.
            self._visits = visits
            self._earliest = min((visit_closing(hours, v.since) for v in here), default=None)
        return self._earliest is not None and self._earliest <= self.community.clock()
