"""Closing time at the kiosk: once a day's closing has passed, whoever is still here is
checked out, at that closing time.

Only with opening hours: without them the kiosk never closes by itself, and a host or a
nightly `kiosk close-day` ends the day.
"""

from __future__ import annotations

from kiosk.community.community import Community


class ClosingTime:
    """Says when the day is to be closed: as soon as the day of a visit still open is
    over (its closing time, or midnight for a visit begun after closing). A kiosk
    started after closing time finds the day over at once."""

    def __init__(self, community: Community) -> None:
        self.community = community

    def due(self) -> bool:
        return self.community.hours.is_set and bool(self.community.visits_over())
