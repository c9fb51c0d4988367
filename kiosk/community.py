"""The community the kiosk serves: the one object screens and the CLI talk to."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime

from tinydb import Query

from kiosk import text
from kiosk.config import Config
from kiosk.errors import Refused, StorageError
from kiosk.matching import MemberIndex, same_name
from kiosk.models import STATUSES, Member, Presence, ShoutOut, Status, Visit
from kiosk.store import Store

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class Community:
    """Members, who is here and shout-outs, kept in memory and in step with the data folder.

    Reads come from memory; `refresh` rereads only the files another process changed.
    Every change takes the data folder's lock, rereads, checks, and writes durably
    before returning.
    """

    def __init__(self, store: Store, clock: Clock = utc_now, capacity: int = 0) -> None:
        self.store = store
        self.clock = clock
        self.capacity = capacity
        self._lock = threading.RLock()
        self._members: dict[str, Member] = {}
        self._index = MemberIndex(())
        self._visits: dict[str, Visit] = {}
        self._shoutouts: list[ShoutOut] = []
        self.backup_problem: str | None = None
        """Why today's backup could not be made, until a host has been told."""
        self._load_members()
        self._load_presence()
        self._load_shoutouts()

    @classmethod
    def open(cls, config: Config, clock: Clock = utc_now, create: bool = True) -> Community:
        """Open the community in the config's data folder, refusing damaged data.

        Besides the live files, the history days a check-out would write to (today's,
        and the days the people here arrived) must be readable too.
        """
        store = Store.open(config.data_dir, config.backups_to_keep, create)
        community = cls(store, clock, config.capacity)
        days = {clock().astimezone(UTC).date()}
        days |= {visit.history_day for visit in community._visits.values()}
        store.refuse_problems(store.history_file(day).path for day in sorted(days))
        return community

    # -- keeping in step with the disk ----------------------------------------

    def refresh(self) -> bool:
        """Reread whatever another process changed; True if anything was."""
        with self._lock:
            changed = False
            for data_file, load in (
                (self.store.members, self._load_members),
                (self.store.presence, self._load_presence),
                (self.store.shoutouts, self._load_shoutouts),
            ):
                if data_file.changed():
                    load()
                    changed = True
            return changed

    def _load_members(self) -> None:
        members = {m.id: m for m in self.store.members.records("members", Member.from_doc)}
        self._members, self._index = members, MemberIndex(members.values())

    def _load_presence(self) -> None:
        visits = self.store.presence.records("visits", Visit.from_doc)
        self._visits = {visit.member_id: visit for visit in visits}

    def _load_shoutouts(self) -> None:
        shoutouts = self.store.shoutouts.records("shoutouts", ShoutOut.from_doc)
        self._shoutouts = sorted(shoutouts, key=lambda s: s.created, reverse=True)

    @contextmanager
    def _writing(self) -> Iterator[None]:
        with self._lock, self.store.locked():
            try:
                self.store.backup_daily(self.clock().date())
            except StorageError as error:
                # A backup that cannot be made must not turn a member away; the change
                # goes ahead and hosts are told instead.
                self.backup_problem = str(error)
            self.refresh()
            yield

    # -- members -------------------------------------------------------------

    def members(self) -> list[Member]:
        """Every member, by name."""
        return sorted(self._members.values(), key=lambda m: text.fold(m.name))

    def member(self, member_id: str) -> Member:
        try:
            return self._members[member_id]
        except KeyError:
            raise Refused(f"There is no member with the id '{member_id}'.") from None

    def find(self, reference: str) -> Member:
        """The member with this id, or the one member with exactly this name."""
        if reference in self._members:
            return self._members[reference]
        wanted = text.fold(" ".join(reference.split()))
        named = [m for m in self._members.values() if text.fold(m.name) == wanted]
        if len(named) == 1:
            return named[0]
        if named:
            ids = ", ".join(m.id for m in named)
            raise Refused(
                f"{len(named)} members are called '{reference}' (ids {ids}); please use an id."
            )
        raise Refused(f"No member has the id or the name '{reference}'.")

    def search(self, query: str, limit: int = 8) -> list[Member]:
        """Members whose name matches what was typed so far, best first."""
        return self._index.search(query, limit)

    def similar_names(self, name: str) -> list[Member]:
        """Members whose name is the same as `name`, or one typo away."""
        return same_name(name, self._members.values())

    def add_member(self, name: str, topics: tuple[str, ...] = (), on_board: bool = True) -> Member:
        """Register a new member."""
        name = text.required(name, "a name", text.NAME_LIMIT)
        topics = text.topics(topics)
        with self._writing():
            member = Member(
                id=_new_id("m", 3, self._members),
                name=name,
                joined=self.clock(),
                topics=topics,
                on_board=on_board,
            )
            self.store.members.table("members").insert(member.to_doc())
            self._load_members()
        return member

    # -- visits --------------------------------------------------------------

    def visit_of(self, member_id: str) -> Visit | None:
        """The member's open visit, if they are here."""
        return self._visits.get(member_id)

    def check_in(
        self, member_id: str, status: Status = "open", topics: tuple[str, ...] | None = None
    ) -> Visit:
        """Check a member in with today's status and topics (their usual ones by default)."""
        if status not in STATUSES:
            known = ", ".join(STATUSES[:-1]) + f" or {STATUSES[-1]}"
            raise Refused(f"The status '{status}' is unknown; use {known}.")
        with self._writing():
            member = self.member(member_id)
            chosen = text.topics(member.topics if topics is None else topics)
            if member_id in self._visits:
                since = self._visits[member_id].since.astimezone()
                raise Refused(f"{member.name} is already checked in, since {since:%H:%M}.")
            if self.capacity and len(self._visits) >= self.capacity:
                people = "person" if self.capacity == 1 else "people"
                raise Refused(
                    f"The space is full ({self.capacity} {people}). Please check with a host."
                )
            visit = Visit(
                id=_new_id("v", 6, ()),
                member_id=member_id,
                since=self.clock(),
                status=status,
                topics=chosen,
            )
            self.store.presence.table("visits").insert(visit.to_doc())
            self._load_presence()
        return visit

    def check_out(self, member_id: str) -> Visit:
        """Check a member out; the finished visit goes to the history of its day."""
        with self._writing():
            member = self.member(member_id)
            visit = self._visits.get(member_id)
            if visit is None:
                raise Refused(f"{member.name} is not checked in.")
            closed = replace(visit, until=max(self.clock(), visit.since))
            self.store.ensure_history_folder()
            history = self.store.history_file(visit.history_day).table("visits")
            # After a crash between these two writes the visit is in both files; writing
            # history first and skipping a visit already there makes a retry safe.
            if not history.contains(Query().id == visit.id):
                history.insert(closed.to_doc())
            self.store.presence.table("visits").remove(Query().member == member_id)
            self._load_presence()
        return closed

    def update_visit(self, member_id: str, status: Status, topics: tuple[str, ...]) -> Visit:
        """Change today's status and topics of a member who is here; the arrival time stays."""
        if status not in STATUSES:
            known = ", ".join(STATUSES[:-1]) + f" or {STATUSES[-1]}"
            raise Refused(f"The status '{status}' is unknown; use {known}.")
        with self._writing():
            member = self.member(member_id)
            visit = self._visits.get(member_id)
            if visit is None:
                raise Refused(f"{member.name} is not checked in.")
            changed = replace(visit, status=status, topics=text.topics(topics))
            self.store.presence.table("visits").update(
                changed.to_doc(), Query().member == member_id
            )
            self._load_presence()
        return changed

    def here_count(self) -> int:
        """Everyone here, including those not shown on the board."""
        return len(self._visits)

    def present(self) -> list[Presence]:
        """Who is here, as the public board shows it: members who agreed to it, newest first."""
        here = [
            Presence(self._members[visit.member_id], visit)
            for visit in self._visits.values()
            if visit.member_id in self._members and self._members[visit.member_id].on_board
        ]
        return sorted(here, key=lambda p: p.visit.since, reverse=True)

    def past_visits(self, first: date, last: date) -> Iterator[Visit]:
        """Finished visits that began between `first` and `last` (UTC days), oldest first."""
        for day in self.store.history_days():
            if first <= day <= last:
                visits = self.store.history_file(day).records("visits", Visit.from_doc)
                yield from sorted(visits, key=lambda v: v.since)

    # -- shout-outs ----------------------------------------------------------

    def shoutouts(self, limit: int | None = None) -> list[ShoutOut]:
        """Shout-outs, newest first."""
        return self._shoutouts[:limit]

    def post_shoutout(self, from_id: str, to_id: str | None, message: str) -> ShoutOut:
        """Leave a shout-out to one member, or to everyone when `to_id` is None."""
        message = text.required(message, "a shout-out", text.SHOUTOUT_LIMIT)
        with self._writing():
            self.member(from_id)
            if to_id is not None:
                self.member(to_id)
            shoutout = ShoutOut(
                id=_new_id("s", 6, ()),
                from_id=from_id,
                to_id=to_id,
                text=message,
                created=self.clock(),
            )
            self.store.shoutouts.table("shoutouts").insert(shoutout.to_doc())
            self._load_shoutouts()
        return shoutout

    def name_of(self, member_id: str | None) -> str:
        """A member's name for display; 'everyone' for None."""
        if member_id is None:
            return "everyone"
        member = self._members.get(member_id)
        return member.name if member else "a former member"


def _new_id(prefix: str, size: int, taken: dict[str, Member] | tuple[()]) -> str:
    while True:
        candidate = prefix + secrets.token_hex(size)
        if candidate not in taken:
            return candidate
