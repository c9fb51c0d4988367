"""The community's events: hosts add and remove theirs, the boards show what is on today
and next with the member hosting it named as the board would name them, and a member who
came for an event says so at the welcome, which is kept with their visit.

Privacy: an event's host is named ("with Jürgen", by first name) only while the board
would name them: on the board, membership not paused, and not here incognito. Nobody is
ever named in a feed the kiosk publishes.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta, tzinfo
from functools import cached_property
from typing import TYPE_CHECKING

from kiosk import text
from kiosk.community.attendance import Attendance
from kiosk.community.state import CommunityState
from kiosk.errors import Refused
from kiosk.language import N_, _, speaking
from kiosk.models import Visit
from kiosk.timekeeping.dates import day_words, read_coming_day
from kiosk.timekeeping.opening import at, current_day

# What is on is read when first asked (`Events.agenda`), and the hosts' events are loaded by
# the verbs that read or make them: a command at the door asks nothing of them, and loads
# none of the calendar's modules.
if TYPE_CHECKING:
    from kiosk.events.agenda import Agenda
    from kiosk.events.feeds import FeedState
    from kiosk.events.happening import Happening
    from kiosk.events.wording import ShownEvent
    from kiosk.models.events import HostedEvent

DEFAULT_LENGTH = timedelta(hours=2)
CLOSURES_AHEAD = timedelta(days=31)
"""How far ahead the calendar's closures are followed: the kiosk plans no further."""
LONGEST = timedelta(days=14)
"""The longest one event may last."""
REPEAT_WORDS = {
    "daily": "FREQ=DAILY",
    "weekly": "FREQ=WEEKLY",
    "fortnightly": "FREQ=WEEKLY;INTERVAL=2",
    "monthly": "FREQ=MONTHLY",
}
_CLOCK = re.compile(r"(\d{1,2})(?::(\d\d))?")
_LENGTH = re.compile(r"(?:(\d{1,3})d)?(?:(\d{1,3})h)?(?:(\d{1,4})m(?:in)?)?")


class Events:
    """The hosts' events and the feeds' ones, as the community shows and keeps them."""

    def __init__(
        self, state: CommunityState, attendance: Attendance, feeds: tuple[str, ...]
    ) -> None:
        self.state = state
        self.attendance = attendance
        self.sources = feeds
        """The config's iCalendar feeds."""
        self.base_hours = state.hours
        """The opening hours of the config, before any closure of the calendar."""
        self._shown: tuple[tuple[object, ...], tuple[ShownEvent, ...]] | None = None

    @cached_property
    def agenda(self) -> Agenda:
        """Every event's occurrences, from the hosts' events and the feeds: made when first
        asked. Two threads asking first at once may each make one, and one is kept; both
        read the same files, so either serves."""
        from kiosk.events.agenda import Agenda
        from kiosk.events.feeds import Feeds

        return Agenda(Feeds(self.state.store, self.sources, self.state.clock), self.state.zone)

    # -- what hosts add ---------------------------------------------------------------

    def add_event(
        self,
        title: str,
        when: str,
        length: str = "",
        repeat: str = "",
        host: str = "",
        topic: str = "",
        closure: bool = False,
    ) -> HostedEvent:
        """Add an event from what a host typed: `when` like "friday 18:00" (a day alone is
        a whole day), `length` like "2h" or "90m", `repeat` an RRULE or "weekly"."""
        from kiosk.models.events import HostedEvent

        title = text.required(title, N_("the event's title"), text.EVENT_TITLE_LIMIT)
        topic = text.optional(topic, N_("the event's topic"), text.TOPIC_LIMIT)
        now = self.state.clock()
        starts, all_day = read_start(when, now, self.state.zone)
        if starts < now and not all_day:
            raise Refused(
                _("{when} has passed; please give a time to come.").format(when=when.strip())
            )
        event = HostedEvent(
            id=os.urandom(6).hex(),
            title=title,
            starts=starts,
            length=read_length(length, all_day),
            made=now,
            all_day=all_day,
            repeat=read_repeat(repeat),
            host_id=host,
            topic=topic,
            closure=closure,
        )
        with self.state.writing():
            if host:
                self.state.member(host)  # refused when they are no member
            self.state.store.put_hosted_event(event)
        return event

    def remove_event(self, typed: str) -> HostedEvent:
        """Remove the hosts' event with this id, or with this title if only one has it."""
        events = self.state.store.hosted_events()
        found = [e for e in events if e.id == typed.strip()] or [
            e for e in events if text.fold(e.title) == text.fold(typed)
        ]
        if not found:
            raise Refused(
                _("No event added here is called {title}; `kiosk events` lists them.").format(
                    title=repr(typed.strip())
                )
            )
        if len(found) > 1:
            ids = ", ".join(e.id for e in found)
            raise Refused(
                _("Several events are called {title}; remove one by its id ({ids}).").format(
                    title=repr(typed.strip()), ids=ids
                )
            )
        with self.state.writing():
            self.state.store.remove_hosted_event(found[0].id)
        return found[0]

    def hosted_events(self) -> list[HostedEvent]:
        return sorted(self.state.store.hosted_events(), key=lambda e: (e.starts, e.title))

    # -- what is on -------------------------------------------------------------------

    def coming(self, days: int = 7) -> tuple[Happening, ...]:
        """Every occurrence not yet over, from now until `days` days on."""
        return self.agenda.coming(self.state.clock(), days)

    def fetch_feeds(self) -> None:
        """Fetch the feeds on the web that are due: slow, never on the UI thread."""
        self.agenda.feeds.fetch_due()

    def feed_states(self) -> list[FeedState]:
        self.agenda.on_day(current_day(self.state.clock(), self.state.zone))  # reads them
        return self.agenda.feeds.states()

    def shown_today(self) -> tuple[ShownEvent, ...]:
        """What is still on today and the next event after it, as public screens show
        them, in the language speaking. Worked out again once a minute, after a change or
        in another language, so that the kiosk works it out off the UI thread and its
        screens find it ready."""
        from kiosk.events.wording import ShownEvent, event_line

        now = self.state.clock()
        minute = now.replace(second=0, microsecond=0)
        holds_for = (minute, self.state.changes, self.agenda.version(), speaking())
        kept = self._shown
        if kept is not None and kept[0] == holds_for:
            return kept[1]
        shown = tuple(
            ShownEvent(h, host := self.host_name(h), event_line(h, host, now, self.state.zone))
            for h in self.agenda.today_and_next(now)
        )
        self._shown = (holds_for, shown)
        return shown

    def host_name(self, happening: Happening) -> str:
        """The first name of the member hosting it, only as the board would show them."""
        member = self.state.member_or_none(happening.host_id) if happening.host_id else None
        if member is None or not member.on_board or not member.active:
            return ""
        visit = self.state.visit_of_member.get(member.id)
        if visit is not None and not visit.public:
            return ""
        return member.first_name

    def on_now(self) -> Happening | None:
        """The event on now, or beginning soon: what a member checking in may be here for."""
        return self.agenda.on_now(self.state.clock())

    def closed_days(self, first: date, last: date) -> list[date]:
        return self.agenda.closed_days(first, last)

    def follow_closures(self) -> None:
        """Close the space on the days events marked as closures cover, as the closed days
        of [hours] do (without opening hours the kiosk never closes, so nothing changes).
        Reads the calendar: the kiosk calls it as it rereads, and the commands that say
        whether the space is open call it first; a door command never does."""
        if not self.base_hours.is_set:
            return
        today = current_day(self.state.clock(), self.state.zone)
        days = self.closed_days(today - timedelta(days=1), today + CLOSURES_AHEAD)
        closed = self.base_hours.closed + tuple((day, day) for day in days)
        if closed != self.state.hours.closed:
            self.state.hours = replace(self.base_hours, closed=closed)

    def reasons(self, member_id: str, proven: bool) -> list[tuple[ShownEvent, str]]:
        """Today's events (and the next one) whose topic the member follows, each with
        why, for their welcome; `proven` as for people to meet."""
        from kiosk.community.connections import event_reason  # late, as in Attendance

        me = self.state.member(member_id)
        visit = self.attendance.visit_of(member_id)
        if visit is None:
            return []
        found = []
        for shown in self.shown_today():
            topic = shown.happening.topic
            reason = event_reason(me, visit, topic, proven) if topic else ""
            if reason:
                found.append((shown, reason))
        return found

    # -- who came for what ------------------------------------------------------------

    def here_for(self, member_id: str, happening: Happening) -> Visit:
        """Keep with the member's visit that they came for this event."""
        with self.state.writing():
            visit = self.attendance.visit_of(member_id)
            if visit is None:
                raise Refused(
                    _("{name} is not checked in.").format(name=self.state.member(member_id).name)
                )
            changed = replace(visit, event=happening.title)
            self.state.store.replace_visit(changed)
            self.state.load_presence()
        return changed


def read_start(typed: str, now: datetime, zone: tzinfo) -> tuple[datetime, bool]:
    """When an event begins, from "friday 18:00", "2026-12-11 18:30", "today 19:00" or a
    day alone ("24 December", a whole day); and whether it is a whole day."""
    words = typed.strip().split()
    clock: time | None = None
    if words and (match := _CLOCK.fullmatch(words[-1])) and (len(words) > 1 or ":" in words[-1]):
        hour, minute = int(match[1]), int(match[2] or 0)
        if hour > 23 or minute > 59:
            raise Refused(
                _("{typed} is not a time of day; please write it like 18:00.").format(
                    typed=words[-1]
                )
            )
        clock, words = time(hour, minute), words[:-1]
    today = current_day(now, zone)
    day = read_coming_day(" ".join(words), today) if words else today
    if day < today:
        raise Refused(_("{day} has passed; please give a day to come.").format(day=day_words(day)))
    if clock is None:
        return at(day, time(0), zone).astimezone(zone), True
    return at(day, clock, zone).astimezone(zone), False


def read_length(typed: str, all_day: bool) -> timedelta:
    """How long an event lasts, from "2h", "90m", "1h30m" or "2d"; by default two hours,
    or one day for a whole day."""
    words = typed.strip().lower().replace(" ", "")
    if not words:
        return timedelta(days=1) if all_day else DEFAULT_LENGTH
    match = _LENGTH.fullmatch(words)
    if not match or not any(match.groups()):
        raise Refused(
            _("{typed} is not a length I can read; try 2h, 90m, 1h30m or 2d.").format(
                typed=repr(typed.strip())
            )
        )
    days, hours, minutes = (int(part or 0) for part in match.groups())
    length = timedelta(days=days, hours=hours, minutes=minutes)
    if all_day:
        length = timedelta(days=max(1, -(-length // timedelta(days=1))))
    if not timedelta(0) < length <= LONGEST:
        raise Refused(
            _("An event lasts from a minute to 14 days; please give a length within that.")
        )
    return length


def read_repeat(typed: str) -> str:
    """An RRULE ("FREQ=WEEKLY;BYDAY=FR", with or without "RRULE:") or a word for one
    ("weekly"), checked; empty for an event that happens once."""
    from kiosk.models.events import check_repeat

    words = typed.strip()
    if not words:
        return ""
    rule = REPEAT_WORDS.get(words.lower(), words.removeprefix("RRULE:").upper())
    if len(rule) > text.REPEAT_LIMIT:
        raise Refused(
            _("A repeating rule can be at most {limit} characters.").format(limit=text.REPEAT_LIMIT)
        )
    try:
        check_repeat(rule)
    except ValueError:
        raise Refused(
            # Translators: weekly, monthly and the RRULE are typed as they are.
            _(
                "{typed} is not a repeating rule I can read, at most daily; try weekly, "
                "monthly or an RRULE like FREQ=WEEKLY;BYDAY=FR;COUNT=6."
            ).format(typed=repr(words))
        ) from None
    return rule
