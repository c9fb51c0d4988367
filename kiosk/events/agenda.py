"""What is on: the occurrences of the hosts' events and of the feeds' events, by day, in
the kiosk's one time zone, worked out once for each version of their sources."""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta, tzinfo

from kiosk.events.feeds import Feeds
from kiosk.events.happening import UPCOMING_SOON_MINUTES, Happening
from kiosk.language import _
from kiosk.timekeeping.opening import current_day, local_day, midnight_after

WEEK = 7
"""How many days ahead `coming` looks."""


class Agenda:
    """Every event's occurrences, worked out from the hosts' events and the feeds."""

    def __init__(self, feeds: Feeds, zone: tzinfo) -> None:
        self.feeds = feeds
        self.store = feeds.store
        self.zone = zone
        self._lock = threading.Lock()
        self._known: tuple[object, date, date, tuple[Happening, ...]] | None = None
        """The occurrences of the days asked for last, with the sources' version."""

    def version(self) -> object:
        """What changes whenever an event may have: the feeds and the hosts' events."""
        return self.feeds.version(), self.store.events_file.version()

    def between(self, first: date, last: date) -> tuple[Happening, ...]:
        """The occurrences overlapping the local days `first` to `last` (both included),
        soonest first. A feed that cannot be read is left out; its problem is kept."""
        version = self.version()
        known = self._known
        if known is not None and known[0] == version and known[1] <= first and last <= known[2]:
            return tuple(h for h in known[3] if _overlaps(h, first, last, self.zone))
        with self._lock:
            # A week either side, so that the board's calls of a day reuse one expansion.
            wide_first, wide_last = first - timedelta(days=WEEK), last + timedelta(days=WEEK)
            found = self._expand(wide_first, wide_last)
            self._known = (version, wide_first, wide_last, found)
        return tuple(h for h in found if _overlaps(h, first, last, self.zone))

    def _expand(self, first: date, last: date) -> tuple[Happening, ...]:
        # Late: reading a calendar loads the iCalendar libraries, which a door command needs not.
        from kiosk.events import icalendar_files as ical

        start = midnight_after(first - timedelta(days=1), self.zone)
        end = midnight_after(last, self.zone)
        found: list[Happening] = []
        hosted = self.store.hosted_events()
        if hosted:
            ours = ical.read_calendar(
                ical.hosted_calendar(hosted, self.zone, with_hosts=True).decode()
            )
            found += ical.happenings(ours, start, end, self.zone)
        for source, body in self.feeds.texts():
            try:
                found += ical.happenings(ical.read_calendar(body), start, end, self.zone)
            except ical.UnreadableFeed as error:
                self.feeds.problems[source] = _(
                    "it is not a calendar the kiosk can read ({error})"
                ).format(error=error)
        return tuple(sorted(found, key=lambda h: (h.starts, h.title)))

    def on_day(self, day: date) -> tuple[Happening, ...]:
        return self.between(day, day)

    def coming(self, now: datetime, days: int = WEEK) -> tuple[Happening, ...]:
        """Occurrences not yet over, from now until `days` days on."""
        today = current_day(now, self.zone)
        return tuple(h for h in self.between(today, today + timedelta(days)) if h.ends > now)

    def today_and_next(self, now: datetime) -> tuple[Happening, ...]:
        """What is still on today, and the first event after today (if there is one within
        a week): what home and the boards show."""
        today = current_day(now, self.zone)
        coming = [h for h in self.coming(now) if not h.closure]
        todays = [h for h in coming if local_day(h.starts, self.zone) <= today]
        later = [h for h in coming if local_day(h.starts, self.zone) > today]
        return tuple(todays + later[:1])

    def on_now(self, now: datetime) -> Happening | None:
        """The event on now (or beginning within UPCOMING_SOON_MINUTES), timed ones only:
        what a member checking in may be here for."""
        soon = now + timedelta(minutes=UPCOMING_SOON_MINUTES)
        today = current_day(now, self.zone)
        for happening in self.on_day(today):
            timed = not happening.all_day and not happening.closure
            if timed and happening.starts <= soon and now < happening.ends:
                return happening
        return None

    def closed_days(self, first: date, last: date) -> list[date]:
        """The days from `first` to `last` an event marked as a closure covers."""
        closed = set()
        for happening in self.between(first, last):
            if happening.closure:
                day = local_day(happening.starts, self.zone)
                end = local_day(happening.ends - timedelta(microseconds=1), self.zone)
                while day <= end:
                    closed.add(day)
                    day += timedelta(days=1)
        return sorted(d for d in closed if first <= d <= last)


def _overlaps(happening: Happening, first: date, last: date, zone: tzinfo) -> bool:
    return happening.ends > midnight_after(first - timedelta(days=1), zone) and (
        happening.starts < midnight_after(last, zone)
    )
