"""Who is here at a moment: the visits open in the data folder, less those whose day is
over. A visit nobody checked out ends at its day's closing time (`visit_closing`), so
from that moment its member is no longer here, whether or not its end is written yet:
the next change writes it, before anything else."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from kiosk.models import Visit
from kiosk.storage.journal import Reads
from kiosk.timekeeping.closing import visit_closing
from kiosk.timekeeping.opening import OpeningHours

VISITS: Reads = {"visits": Visit.from_doc, "closed": Visit.from_doc}
"""The tables of presence.json that hold visits: open ones, and finished ones not yet filed.
Every reader of its journal checks them line by line: a line with a visit that cannot be
read is damage, which keeps the door from guessing who is here. The outbox's records, in
the same file, are checked as the outbox reads them, so a damaged notice stops its own
sending, never the door."""


@dataclass(frozen=True, slots=True)
class HereNow:
    """The open visits as they stand at one moment (see the module docstring)."""

    open: tuple[Visit, ...]
    """Every visit open in the data folder, newest first."""
    ends: Mapping[str, datetime]
    """When each of them ends unless it is checked out, by visit id."""
    visits: list[Visit]
    """Those still going on, newest first."""
    visit_of: dict[str, Visit]
    """Members' own visits among them (not their guests'), by member id."""
    over: list[Visit]
    """Those whose day is over, waiting to be written as ended."""
    until: datetime | None
    """When the next of `visits` ends: until then this stands."""

    @classmethod
    def of(
        cls,
        visits: Iterable[Visit],
        hours: OpeningHours,
        now: datetime,
        known: Mapping[str, datetime] | None = None,
    ) -> HereNow:
        """The `visits` at `now`; `known` are ends worked out before (working one out
        with opening hours takes a moment, and the board asks on every change)."""
        known = known or {}
        ordered = tuple(sorted(visits, key=lambda visit: visit.since, reverse=True))
        ends = {v.id: known.get(v.id) or visit_closing(hours, v.since) for v in ordered}
        return cls._split(ordered, ends, now)

    def at(self, now: datetime) -> HereNow:
        """The same visits at `now`: this very object until one of them ends."""
        if self.until is None or now < self.until:
            return self
        return self._split(self.open, self.ends, now)

    @classmethod
    def _split(
        cls, ordered: tuple[Visit, ...], ends: Mapping[str, datetime], now: datetime
    ) -> HereNow:
        going_on = [visit for visit in ordered if ends[visit.id] > now]
        return cls(
            ordered,
            ends,
            going_on,
            {visit.member_id: visit for visit in going_on if not visit.guest},
            [visit for visit in ordered if ends[visit.id] <= now],
            min((ends[visit.id] for visit in going_on), default=None),
        )
