"""Who is here: checking in and out, guests, closing time, and the history of visits."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import replace
from datetime import date, timedelta
from itertools import chain
from typing import TYPE_CHECKING

from kiosk import text
from kiosk.community.state import CommunityState
from kiosk.errors import Refused, StorageError
from kiosk.language import N_, _, ngettext
from kiosk.models import STATUSES, Member, Presence, Status, Visit, history_day
from kiosk.timekeeping.closing import checked_out
from kiosk.timekeeping.hours import clock_time
from kiosk.timekeeping.opening import current_day

# A check-in or check-out at the command line needs none of what the board and the welcome
# work out (gatherings, people to meet, milestones, inductions), nor a host's closing of
# the day: those are imported by the verbs that use them.
if TYPE_CHECKING:
    from kiosk.community.gathering import Gathering
    from kiosk.community.guests import GuestHere
    from kiosk.community.welcome import Welcome
    from kiosk.safety.inductions import Supervisors
    from kiosk.timekeeping.day_end import DayEnd

FILE_AFTER = 50
"""Finished visits that wait in presence before a check-out files them into the history."""


class Attendance:
    """Who is here: checking in and out, guests, closing time and the history of visits.
    It owns the gathering worked out last (kept until the community changes); what it
    reads and changes of who is here is the community's state."""

    def __init__(self, state: CommunityState) -> None:
        self.state = state
        self._gathered: tuple[tuple[int, date], Gathering] | None = None
        """The last gathering worked out, with the changes count and local day it holds
        for."""

    def closing_due(self) -> bool:
        """Whether the kiosk is to close the day now (`close_day`): as soon as the day of
        a visit still open is over (its closing time, or midnight for a visit begun after
        closing). Only with opening hours: without them the kiosk never closes by itself,
        and a host or a nightly `kiosk close-day` ends the day."""
        return self.state.hours.is_set and bool(self.visits_over())

    def visits_over(self) -> list[Visit]:
        """Visits whose day is over that nobody checked out: their members are no longer
        here, and the next change writes them as ended at that day's closing time."""
        return self.state.here_now.at(self.state.clock()).over

    def visit_of(self, member_id: str) -> Visit | None:
        """The member's open visit, if they are here."""
        return self.state.visit_of_member.get(member_id)

    def check_in(
        self, member_id: str, status: Status = "open", topics: tuple[str, ...] | None = None
    ) -> Visit:
        """Check a member in with today's status and topics (their usual ones by default)."""
        return self._arrive(member_id, status, topics, at_door=False)

    def check_in_at_door(
        self, member_id: str, status: Status = "open", topics: tuple[str, ...] | None = None
    ) -> Visit:
        """Check in a member found by their typed name, as `check_in` does.

        Anyone can type a name, so the door shows a member here incognito or off the
        board as out (`seen_at_door`), and checking them in looks the same as for a
        member who was out: their visit so far ends now and a new one begins, with the
        status and topics chosen.
        """
        return self._arrive(member_id, status, topics, at_door=True)

    def _arrive(
        self, member_id: str, status: Status, topics: tuple[str, ...] | None, at_door: bool
    ) -> Visit:
        _check_status(status)
        with self.state.writing():
            member = self.state.member(member_id)
            chosen = text.topics(member.topics if topics is None else topics)
            earlier = self.state.visit_of_member.get(member_id)
            unseen = at_door and earlier is not None and self.state.seen_at_door(member) is None
            if earlier is not None and not unseen:
                since = clock_time(earlier.since, self.state.zone)
                raise Refused(
                    _("{name} is already checked in, since {since}.").format(
                        name=member.name, since=since
                    )
                )
            if not member.active:
                raise Refused(
                    _("{name}'s membership is paused. Please check with a host.").format(
                        name=member.name
                    )
                )
            self._refuse_when_full()
            visit = Visit(_visit_id(), member_id, self.state.clock(), status, chosen)
            if unseen and earlier is not None:
                self.state.store.close_visits([checked_out(earlier, self.state.clock())])
            self.state.store.add_visit(visit)
            self.state.load_presence()
        return visit

    def _refuse_when_full(self) -> None:
        if self.state.capacity and len(self.state.visits_now) >= self.state.capacity:
            raise Refused(
                ngettext(
                    "The space is full ({count} person). Please check with a host.",
                    "The space is full ({count} people). Please check with a host.",
                    self.state.capacity,
                ).format(count=self.state.capacity)
            )

    def update_visit(self, member_id: str, status: Status, topics: tuple[str, ...]) -> Visit:
        """Change today's status and topics of a member who is here."""
        _check_status(status)
        chosen = text.topics(topics)
        with self.state.writing():
            visit = self._open_visit(member_id)
            changed = replace(visit, status=status, topics=chosen)
            self.state.store.replace_visit(changed)
            self.state.load_presence()
        return changed

    def _open_visit(self, member_id: str) -> Visit:
        visit = self.state.visit_of_member.get(member_id)
        if visit is None:
            raise Refused(
                _("{name} is not checked in.").format(name=self.state.member(member_id).name)
            )
        return visit

    def sign_in_guest(self, host_id: str, name: str, invited: bool = False) -> Visit:
        """Sign in a guest of a member who is here, or, `invited` ahead, of a member who
        may come later; they leave with their host, or at closing time."""
        name = text.required(name, N_("the guest's name"), text.NAME_LIMIT)
        with self.state.writing():
            host = self.state.member(host_id)
            if not invited and host_id not in self.state.visit_of_member:
                raise Refused(
                    _("{name} is not checked in; please check in first.").format(name=host.name)
                )
            self._refuse_when_full()
            visit = Visit(_visit_id(), host_id, self.state.clock(), "open", (), guest=name)
            self.state.store.add_visit(visit)
            self.state.load_presence()
        return visit

    def guests_of(self, member_id: str) -> list[Visit]:
        """The guests a member signed in who are here now."""
        return [v for v in self.state.visits_now if v.guest and v.member_id == member_id]

    def check_out(self, member_id: str) -> Visit:
        """Check a member out, with the guests they signed in.

        A visit left open from a day that is over has ended at that day's closing time
        (local midnight when no hours are set), never stretched to now: that is the visit
        returned.
        """
        with self.state.writing() as ended:
            over = [v for v in ended if v.member_id == member_id and not v.guest]
            if over:
                closed = over
            else:
                visit = self._open_visit(member_id)
                closed = [
                    checked_out(v, self.state.clock()) for v in (visit, *self.guests_of(member_id))
                ]
                self.state.store.close_visits(closed)
                self.state.load_presence()
        self._file_when_many()
        return closed[0]

    def check_out_visit(self, visit_id: str) -> Visit:
        """Check out one visit, a member's or a guest's (for hosts)."""
        with self.state.writing():
            visit = next((v for v in self.state.visits_now if v.id == visit_id), None)
            if visit is None:
                raise Refused(_("That person is not checked in any more."))
            guests = () if visit.guest else self.guests_of(visit.member_id)
            closed = [checked_out(v, self.state.clock()) for v in (visit, *guests)]
            self.state.store.close_visits(closed)
            self.state.load_presence()
        self._file_when_many()
        return closed[0]

    def day_end(self, now_too: bool = False) -> DayEnd:
        """What closing the day now would do (see `kiosk.timekeeping.day_end.plan_day_end`),
        visits whose day is over, not yet written as ended, included."""
        from kiosk.timekeeping.day_end import plan_day_end

        now = self.state.clock()
        return plan_day_end(self.state.hours, self.state.here_now.at(now).open, now, now_too)

    def close_day(self, now_too: bool = False) -> DayEnd:
        """Check out whoever is still here once their day has closed, at its closing time;
        before today's closing (any time, when no hours are set) today's visits stay,
        unless `now_too` ends them now. Safe to run twice or late."""
        from kiosk.timekeeping.day_end import plan_day_end

        with self.state.writing() as ended:
            ending = plan_day_end(
                self.state.hours, self.state.visits_now, self.state.clock(), now_too
            )
            self.state.store.close_visits(ending.ending)
            closed = sorted([*ended, *ending.ending], key=lambda visit: (visit.since, visit.id))
            if closed:
                self.file_visits()  # in the same change: the day is closed whole, or not
            self.state.load_presence()
        return replace(ending, ending=closed)

    def check_out_everyone(self) -> list[Visit]:
        """Check out everyone here now (for hosts)."""
        with self.state.writing():
            closed = [checked_out(v, self.state.clock()) for v in self.state.visits_now]
            self.state.store.close_visits(closed)
            self.state.load_presence()
        self._file_when_many()
        return closed

    # -- the history ---------------------------------------------------------------

    def _file_when_many(self) -> None:
        if not self.state.files_in_background:
            self.file_when_due()

    def file_when_due(self) -> None:
        """File the finished visits once enough of them wait (FILE_AFTER).

        A check-out is made already when this runs; if the filing cannot be, the visits
        wait in presence, whole, and a later check-out files them.
        """
        if len(self.state.unfiled) >= FILE_AFTER:
            with suppress(StorageError):
                self.file_visits()

    def file_visits(self) -> int:
        """File finished visits into the history, counting them for their members."""
        with self.state.writing():
            filed = self.state.store.file_visits(self._counted)
            self.state.load_presence()
        return filed

    def _counted(self, visits: list[Visit]) -> list[Member]:
        """Members with the visits being filed added to their counts. Filing is one
        change, made whole or not at all, so each visit is counted once."""
        by_member: dict[str, list[Visit]] = {}
        for visit in visits:
            if visit.member_id and not visit.guest:
                by_member.setdefault(visit.member_id, []).append(visit)
        counted = []
        for member_id, theirs in by_member.items():
            member = self.state.store.members.get(member_id)
            if member is None:
                continue  # deleted since: their visits stay as anonymous counts
            last = max(v.since for v in theirs)
            if member.last_visit is not None:  # never earlier: the clock may have gone back
                last = max(last, member.last_visit)
            counted.append(replace(member, visits=member.visits + len(theirs), last_visit=last))
        self.state.remember(*counted)
        return counted

    def visits_so_far(self, member: Member) -> int:
        """How many times `member` has come, counting a visit open now (or one whose day
        is over, not yet written as ended)."""
        here = self.state.here_now.at(self.state.clock())
        opened = member.id in here.visit_of or any(
            v.member_id == member.id and not v.guest for v in here.over
        )
        return member.visits + len(self._unfiled_of(member)) + opened

    def _unfiled_of(self, member: Member) -> list[Visit]:
        """The member's finished visits not yet filed, and so not yet counted."""
        return [v for v in self.state.unfiled if v.member_id == member.id and not v.guest]

    def past_visits(self, first: date, last: date) -> Iterator[Visit]:
        """Finished visits that began between `first` and `last` (UTC days), oldest first."""
        return self.state.store.past_visits(first, last)

    def visits_begun(self, first: date, last: date) -> list[Visit]:
        """Every visit begun on the local days `first` to `last`, finished or still going
        (with no `until`), oldest first: what a host exports."""
        from kiosk.community.stats import Period  # an export's, never the door's

        period = Period(first, last, self.state.zone)
        # Visits are filed by their UTC day: read the UTC days the local ones overlap.
        last_moment = period.end - timedelta(microseconds=1)
        filed = self.past_visits(history_day(period.start), history_day(last_moment))
        return sorted(
            (v for v in chain(filed, self.state.visits_now) if period.began_in(v)),
            key=lambda visit: visit.since,
        )

    # -- who is here ---------------------------------------------------------------

    def here_count(self) -> int:
        """Everyone here, as hosts and capacity count them: guests, members off the board
        and members here incognito included."""
        return len(self.state.visits_now)

    def public_count(self) -> int:
        """Everyone here, as public screens count them (`Presence.shown`): members off the
        board and guests too (counted, not named), but not members here incognito, who
        are counted for hosts only."""
        return sum(1 for here in self.present_for_hosts() if here.shown != "not at all")

    def unnamed_here(self, besides: str = "") -> int:
        """Members here whom public screens count but never name (off the board), but for
        the member `besides`, who knows they are here."""
        return sum(
            1
            for here in self.present_for_hosts()
            if here.shown == "counted" and here.member.id != besides
        )

    def keyholder_here(self) -> bool:
        """Whether a keyholder is here, as public screens count people: a keyholder here
        incognito is left out, so that whether the space is open tells nothing of them."""
        return any(
            here.member.keyholder and not here.visit.guest and here.shown != "not at all"
            for here in self.present_for_hosts()
        )

    def left_without_keyholder(self, member_id: str) -> int:
        """How many people would still be here, with no keyholder among them, if the
        member left now with their guests: 0 unless they are a keyholder here and the last
        one. Counted as public screens count (incognito members left out), since anyone
        who typed the member's name may read it."""
        here = self.present_for_hosts()
        leaving = [p for p in here if p.member.id == member_id]
        if not any(p.member.keyholder and not p.visit.guest for p in leaving):
            return 0
        staying = [p for p in here if p.member.id != member_id and p.shown != "not at all"]
        if any(p.member.keyholder and not p.visit.guest for p in staying):
            return 0
        return len(staying)

    def inductors_by_member(self) -> dict[str, list[str]]:
        """The tools each member may induct on, by member id."""
        from kiosk.safety.inductions import Inductions

        tools: dict[str, list[str]] = {}
        for inductor in Inductions(self.state.store).inductors():
            tools.setdefault(inductor.member_id, []).append(inductor.tool)
        return tools

    def supervisors_here(self) -> list[Supervisors]:
        """Per tool, who here the board names may supervise or induct on it."""
        from kiosk.safety.inductions import Inductions, supervisors

        return supervisors(self.state.present(), Inductions(self.state.store).inductors())

    def guests_here(self) -> int:
        """How many of those here are guests (the board lists them; home names members only)."""
        return sum(1 for visit in self.state.visits_now if visit.guest)

    def present_for_hosts(self) -> list[Presence]:
        """Everyone here, incognito and not shown included; a guest comes with their host
        as `member`. Newest first."""
        here = []
        for visit in self.state.visits_now:
            member = self.state.member_or_none(visit.member_id)
            if member is not None:
                here.append(Presence(member, visit))
        return here

    def gathering(self) -> Gathering:
        """Who is here as the board gathers them: by topic, newcomers marked.

        Worked out again only after a change or when the day turns, so the kiosk can work
        it out off the UI thread and its boards then find it ready.
        """
        from kiosk.community.gathering import gather

        now = self.state.clock()
        holds_for = (self.state.changes, current_day(now, self.state.zone))
        kept = self._gathered
        # Until everyone is read, a member read on demand may be newer than the count says.
        if kept is not None and kept[0] == holds_for and self.state.everyone_read:
            return kept[1]
        counted = [
            Presence(replace(p.member, visits=self.visits_so_far(p.member)), p.visit)
            for p in self.state.present()
        ]
        gathering = gather(counted + self._guests_with_hosts(), now, self.state.zone)
        self._gathered = (holds_for, gathering)
        return gathering

    def guests_shown(self) -> tuple[GuestHere, ...]:
        """The guests here as the board lists them, without working out the rest of it."""
        from kiosk.community.guests import shown_guests

        return shown_guests(self.state.present() + self._guests_with_hosts())

    def _guests_with_hosts(self) -> list[Presence]:
        """Each guest here with the member who signed them in."""
        return [
            Presence(self.state.member(v.member_id), v)
            for v in self.state.visits_now
            if v.guest and self.state.member_or_none(v.member_id) is not None
        ]

    def welcome(self, member_id: str, people: int = 3, proven: bool = False) -> Welcome:
        """What to tell a member who has just checked in, with up to `people` to meet;
        `proven` when they proved who they are for it (their badge, or their PIN), so that
        people to meet may be found by the fields they keep for hosts too."""
        from kiosk.community.connections import suggestions
        from kiosk.community.milestones import milestone_at_check_in
        from kiosk.community.welcome import Welcome

        member = self.state.member(member_id)
        visit = self._open_visit(member_id)
        before = replace(member, visits=self.visits_so_far(member) - 1)
        earlier = [v.since for v in self._unfiled_of(member)]
        if member.last_visit is not None:
            earlier.append(member.last_visit)
        since = max(earlier, default=member.joined)
        for_them = [
            s
            for s in self.state.shoutouts_in_public_order
            if s.to_id == member_id and self.state.shown_publicly(s) and s.created > since
        ]
        return Welcome(
            milestone=milestone_at_check_in(before, visit.since, self.state.zone),
            suggestions=suggestions(
                member,
                visit,
                self.state.present(),
                people,
                proven=proven,
                inducts=self.inductors_by_member(),
            ),
            shoutouts=for_them,
        )


def _visit_id() -> str:
    return "v" + os.urandom(6).hex()


def _check_status(status: str) -> None:
    if status not in STATUSES:
        known = ", ".join(STATUSES[:-1]) + f" or {STATUSES[-1]}"
        raise Refused(
            _("The status '{status}' is unknown; use {known}.").format(
                status=text.shortened(status), known=known
            )
        )
