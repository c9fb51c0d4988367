"""The community the kiosk serves: the one object screens and the CLI talk to."""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime

from kiosk import text
from kiosk.config import Config
from kiosk.errors import Refused
from kiosk.matching import MemberIndex
from kiosk.member_files import file_of
from kiosk.models import STATUSES, Member, Presence, ShoutOut, Status, Visit
from kiosk.store import Part, Store

Clock = Callable[[], datetime]

FILE_AFTER = 50
"""Finished visits that wait in presence before a check-out files them into the history."""


def utc_now() -> datetime:
    return datetime.now(UTC)


class Community:
    """Members, who is here and shout-outs, kept in memory and in step with the data folder.

    Reads come from memory; `refresh` rereads only the files another process changed.
    Members are read from disk as they are needed, all of them only once something
    needs everyone (a search, a list). Every change takes the data folder's lock,
    rereads, checks, and writes durably before returning.
    """

    def __init__(
        self,
        store: Store,
        clock: Clock = utc_now,
        capacity: int = 0,
        on_change: Callable[[Community], None] | None = None,
    ) -> None:
        self.store = store
        self.clock = clock
        self.capacity = capacity
        self.on_change = on_change
        """Called after each change is saved (the daily backup hooks in here)."""
        self._lock = threading.RLock()
        self._members: dict[str, Member] = {}
        self._everyone = False
        self._index: MemberIndex | None = None
        self._visits: list[Visit] = []
        self._visit_of: dict[str, Visit] = {}
        self._unfiled: list[Visit] = []
        self._shoutouts: list[ShoutOut] = []
        self._load_presence()
        self._load_shoutouts()

    @classmethod
    def open(
        cls,
        config: Config,
        clock: Clock = utc_now,
        create: bool = True,
        on_change: Callable[[Community], None] | None = None,
    ) -> Community:
        """Open the community in the config's data folder, refusing damaged data."""
        return cls(Store.open(config.data_dir, create), clock, config.capacity, on_change)

    # -- keeping in step with the disk ----------------------------------------

    def refresh(self) -> bool:
        """Reread whatever another process changed; True if anything was."""
        with self._lock:
            parts = self.store.changed_parts()
            loaders: dict[Part, Callable[[], None]] = {
                "presence": self._load_presence,
                "shoutouts": self._load_shoutouts,
            }
            for part in parts:
                if part in loaders:
                    loaders[part]()
            members = self._reload_member_files()
            return bool(parts) or members

    def _reload_member_files(self) -> bool:
        # Until everyone is in memory, each member is read from their file when needed,
        # and that read notices another process's change by itself.
        if not self._everyone:
            return False
        changed = set(self.store.members.changed(time.monotonic()))
        if not changed:
            return False
        for member_id in [i for i in self._members if file_of(i) in changed]:
            del self._members[member_id]
        self._members.update((m.id, m) for m in self.store.members.everyone(changed))
        self._index = None
        return True

    def _load_presence(self) -> None:
        visits = self.store.open_visits()
        self._visits = sorted(visits, key=lambda v: v.since, reverse=True)
        self._visit_of = {v.member_id: v for v in visits if not v.guest}
        self._unfiled = self.store.unfiled_visits()

    def _load_shoutouts(self) -> None:
        shoutouts = self.store.shoutouts()
        self._shoutouts = sorted(shoutouts, key=lambda s: s.created, reverse=True)

    def load_everyone(self) -> None:
        """Read every member now (the kiosk does this once its first screen is up).

        Read without holding the lock, so a check-in meanwhile need not wait; a file
        changed during the read is read again by the next refresh.
        """
        if self._everyone:
            return
        self.store.members.changed(time.monotonic())  # from here on, follow changes
        everyone = {m.id: m for m in self.store.members.everyone()}
        with self._lock:
            if not self._everyone:
                self._members, self._everyone = everyone, True

    def prepare_search(self) -> None:
        """Read everyone and build the search index now, ahead of the first key."""
        self._search_index()

    def _search_index(self) -> MemberIndex:
        with self._lock:
            self.load_everyone()
            if self._index is None:
                self._index = MemberIndex(m for m in self._members.values() if m.active)
            return self._index

    @contextmanager
    def _writing(self) -> Iterator[None]:
        with self._lock, self.store.locked():
            self.refresh()
            yield
        if self.on_change is not None:
            self.on_change(self)

    # -- members -------------------------------------------------------------

    def members(self) -> list[Member]:
        """Every member, by name."""
        self.load_everyone()
        return sorted(self._members.values(), key=lambda m: (text.fold(m.name), m.id))

    def member(self, member_id: str) -> Member:
        found = self._member_or_none(member_id)
        if found is None:
            raise Refused(f"There is no member with the id '{text.shortened(member_id)}'.")
        return found

    def _member_or_none(self, member_id: str) -> Member | None:
        with self._lock:
            if self._everyone:
                return self._members.get(member_id)
            return self.store.members.get(member_id) if text.is_id(member_id) else None

    def find(self, reference: str) -> Member:
        """The member with this id, or the one member with exactly this name."""
        by_id = self._member_or_none(reference) if text.is_id(reference) else None
        if self._everyone:
            key = text.topic_key(reference)
            named = [m for m in self._members.values() if text.topic_key(m.name) == key]
        else:
            named = self.store.members.named(reference)
        named = [m for m in named if m != by_id]
        shown = text.shortened(reference)
        if by_id is not None and named:
            raise Refused(
                f"'{shown}' is the id of {by_id.name} and the name of "
                f"{_and(m.id for m in named)}; please use the id of the one you mean."
            )
        if by_id is not None:
            return by_id
        if len(named) == 1:
            return named[0]
        if named:
            ids = ", ".join(sorted(m.id for m in named))
            raise Refused(
                f"{len(named)} members are called '{shown}' (ids {ids}); please use an id."
            )
        raise Refused(f"No member has the id or the name '{shown}'.")

    def search(self, query: str, limit: int = 8) -> list[Member]:
        """Members whose name matches what was typed so far, best first."""
        return self._search_index().search(query, limit)

    def similar_names(self, name: str) -> list[Member]:
        """Members whose name looks the same as `name`, or one typo away."""
        from kiosk.matching import within_one_edit

        wanted = text.looks(name)
        self.load_everyone()
        return [m for m in self._members.values() if within_one_edit(wanted, text.looks(m.name))]

    def add_member(self, name: str, topics: tuple[str, ...] = (), on_board: bool = True) -> Member:
        """Register a new member."""
        name = text.required(name, "a name", text.NAME_LIMIT)
        topics = text.topics(topics)
        with self._writing():
            member = Member(
                id=self._new_member_id(),
                name=name,
                joined=self.clock(),
                topics=topics,
                on_board=on_board,
            )
            self.store.members.put(member)
            self._remember(member)
        return member

    def _new_member_id(self) -> str:
        while True:
            candidate = "m" + secrets.token_hex(3)
            if self._member_or_none(candidate) is None:
                return candidate

    def _remember(self, member: Member) -> None:
        if self._everyone:
            self._members[member.id] = member
            self._index = None

    # -- visits --------------------------------------------------------------

    def visit_of(self, member_id: str) -> Visit | None:
        """The member's open visit, if they are here."""
        return self._visit_of.get(member_id)

    def check_in(
        self, member_id: str, status: Status = "open", topics: tuple[str, ...] | None = None
    ) -> Visit:
        """Check a member in with today's status and topics (their usual ones by default)."""
        _check_status(status)
        with self._writing():
            member = self.member(member_id)
            chosen = text.topics(member.topics if topics is None else topics)
            if member_id in self._visit_of:
                since = self._visit_of[member_id].since.astimezone()
                raise Refused(f"{member.name} is already checked in, since {since:%H:%M}.")
            if not member.active:
                raise Refused(f"{member.name}'s membership is paused. Please check with a host.")
            self._refuse_when_full()
            visit = Visit(
                id="v" + secrets.token_hex(6),
                member_id=member_id,
                since=self.clock(),
                status=status,
                topics=chosen,
            )
            self.store.add_visit(visit)
            self._load_presence()
        return visit

    def _refuse_when_full(self) -> None:
        if self.capacity and len(self._visits) >= self.capacity:
            people = "person" if self.capacity == 1 else "people"
            raise Refused(
                f"The space is full ({self.capacity} {people}). Please check with a host."
            )

    def update_visit(self, member_id: str, status: Status, topics: tuple[str, ...]) -> Visit:
        """Change today's status and topics of a member who is here."""
        _check_status(status)
        chosen = text.topics(topics)
        with self._writing():
            visit = self._open_visit(member_id)
            changed = replace(visit, status=status, topics=chosen)
            self.store.replace_visit(changed)
            self._load_presence()
        return changed

    def _open_visit(self, member_id: str) -> Visit:
        visit = self._visit_of.get(member_id)
        if visit is None:
            raise Refused(f"{self.member(member_id).name} is not checked in.")
        return visit

    def check_out(self, member_id: str) -> Visit:
        """Check a member out; the finished visit is kept for the history of its day."""
        with self._writing():
            visit = self._open_visit(member_id)
            closed = replace(visit, until=max(self.clock(), visit.since))
            self.store.close_visits([closed])
            self._load_presence()
        if len(self._unfiled) >= FILE_AFTER:
            self.file_visits()
        return closed

    def file_visits(self) -> int:
        """File finished visits into the history, counting them for their members."""
        with self._lock:
            filed = self.store.file_visits(self._counted)
            self._load_presence()
            if filed:
                self._reload_member_files()
        return filed

    def _counted(self, visits: list[Visit]) -> list[Member]:
        """Members with filed visits added to their counts, once however often repeated."""
        by_member: dict[str, list[Visit]] = {}
        for visit in visits:
            if visit.member_id and not visit.guest:
                by_member.setdefault(visit.member_id, []).append(visit)
        counted = []
        for member_id, theirs in by_member.items():
            member = self.store.members.get(member_id)
            if member is None:
                continue  # deleted since: their visits stay as anonymous counts
            new = [v for v in theirs if member.last_visit is None or v.since > member.last_visit]
            if new:
                last = max(v.since for v in new)
                counted.append(replace(member, visits=member.visits + len(new), last_visit=last))
        return counted

    def visits_so_far(self, member: Member) -> int:
        """How many times `member` has come, counting a visit open now."""
        unfiled = [
            v
            for v in self._unfiled
            if v.member_id == member.id
            and not v.guest
            and (member.last_visit is None or v.since > member.last_visit)
        ]
        return member.visits + len(unfiled) + (member.id in self._visit_of)

    def here_count(self) -> int:
        """Everyone here, including those not shown on the board."""
        return len(self._visits)

    def present(self) -> list[Presence]:
        """Who is here, as public screens show it: members who agreed to it and are not
        incognito, newest first."""
        here = []
        for visit in self._visits:
            if visit.guest or not visit.public:
                continue
            member = self._member_or_none(visit.member_id)
            if member is not None and member.on_board:
                here.append(Presence(member, visit))
        return here

    def past_visits(self, first: date, last: date) -> Iterator[Visit]:
        """Finished visits that began between `first` and `last` (UTC days), oldest first."""
        return self.store.past_visits(first, last)

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
                id="s" + secrets.token_hex(6),
                from_id=from_id,
                to_id=to_id,
                text=message,
                created=self.clock(),
            )
            self.store.put_shoutout(shoutout)
            self._load_shoutouts()
        return shoutout

    def name_of(self, member_id: str | None) -> str:
        """A member's name for display; 'everyone' for None."""
        if member_id is None:
            return "everyone"
        member = self._member_or_none(member_id)
        return member.name if member else "a former member"


def _check_status(status: str) -> None:
    if status not in STATUSES:
        known = ", ".join(STATUSES[:-1]) + f" or {STATUSES[-1]}"
        raise Refused(f"The status '{text.shortened(status)}' is unknown; use {known}.")


def _and(items: Iterable[str]) -> str:
    listed = list(items)
    return listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]
