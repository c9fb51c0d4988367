"""What the community keeps in memory, how it stays in step with the data folder, and how
a member is found. The verbs live in the community's parts (kiosk.community.membership,
.attendance, .conversation and .erasure), which read and change this state through its
public fields; kiosk.community.community is this state and holds the parts."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from kiosk import text
from kiosk.community.matching import MOST_FOUND, DoorSearch, rows_of
from kiosk.errors import KioskError, Refused, StorageError
from kiosk.language import N_, _
from kiosk.models import Member, Presence, Visit
from kiosk.storage.here_now import HereNow
from kiosk.storage.member_files import file_of
from kiosk.storage.search_index import SavedIndex
from kiosk.storage.store import Part, Store
from kiosk.timekeeping.closing import ended_by_kiosk
from kiosk.timekeeping.hours import public_order
from kiosk.timekeeping.opening import NO_HOURS, OpeningHours

if TYPE_CHECKING:  # read when first asked (`read_talk`), which a check-in never is
    from kiosk.models.conversation import Answer, Question, ShoutOut

FORMER_MEMBER = N_("a former member")
"""How a member who deleted their data is named where something of theirs stays (marked
for the catalogs: the names below give it translated)."""
EVERYONE = N_("everyone")
"""Whom a shout-out to no one in particular is to (marked, as FORMER_MEMBER)."""

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The machine's clock: what a running kiosk and every command pass as their clock.
    Nothing reads it by default, so a test can never meet the real date by accident."""
    return datetime.now(UTC)


class CommunityState:
    """Members, who is here, shout-outs and the question of the week, kept in memory and
    in step with the data folder.

    Reads come from memory; `refresh` rereads only the files another process changed.
    Members are read from disk as they are needed, all of them only once something
    needs everyone (a search, a list). Every change takes the data folder's lock,
    rereads, checks, and writes durably before returning.

    Threads. In the kiosk, the UI thread reads (finding and searching members, who is
    here, shout-outs), while workers change and refresh: one store call at a time, one
    refresh at a time, the search index and everyone's first reading. The fields below
    are public so that the community's parts can read and change them, on one rule:
    only the thread holding `lock` writes a field (every change, through `writing()`,
    every refresh and reading of everyone takes it), and it replaces the field whole,
    never changing it in place. Readers, the UI thread among them, take no lock: one
    iterating a field holds a snapshot no writer touches. `members_in_file` and
    `changing` are read and written only under the lock.
    """

    def __init__(
        self,
        store: Store,
        clock: Clock,
        capacity: int = 0,
        on_change: Callable[[Any], None] | None = None,
        hours: OpeningHours = NO_HOURS,
    ) -> None:
        self.store = store
        self.clock = clock
        self.capacity = capacity
        self.hours = hours
        self.on_change = on_change
        """Called with the community after each change is saved (the daily backup hooks
        in here)."""
        self.lock = threading.RLock()
        """Held by the one thread that writes the fields below (see "Threads")."""
        self.loading = threading.Lock()
        """Held by the one thread reading everyone (`load_everyone`), without `lock`."""
        self.known_members: dict[str, Member] = {}
        """Members read so far, by id: everyone once `everyone_read`."""
        self.members_in_file: dict[str, set[str]] = {}
        """Once everyone is read: the ids of the members each member file holds."""
        self.everyone_read = False
        self.index: DoorSearch | None = None
        """The search index of active members (`prepare_search`), None until built."""
        self.index_fresh = False
        """Whether `index` and `badges` hold every change to members made since."""
        self.saved_index = SavedIndex(store.root)
        """The search index kept in the data folder for the next start."""
        self.saving = threading.Lock()
        """Held by the one thread writing `saved_index`, without `lock`."""
        self.index_in_background = False
        """True when whoever runs this community (the kiosk) calls `prepare_search` in
        the background after changes; until then searches use the index a moment old.
        Otherwise a search after a change builds the index again first."""
        self.files_in_background = False
        """True when whoever runs this community (the kiosk) calls `file_when_due` after
        each change, once the person at the door has their answer; otherwise the
        check-out that makes enough visits wait files them itself."""
        self.badges: dict[str, str] = {}
        """Active members' ids by badge code, built with `index`."""
        self.here_now = HereNow.of((), hours, clock())
        """Who is here now (open visits), from presence.json."""
        self.unfiled: list[Visit] = []
        """Finished visits in presence.json not yet filed into the history."""
        self.talk_read = False
        """Whether the shout-outs and the question are read (`read_talk`)."""
        self._shoutouts_newest_first: list[ShoutOut] = []
        self._shoutouts_in_public_order: list[ShoutOut] = []
        self._question_asked: Question | None = None
        self._answers_given: list[Answer] = []
        self.changing = False
        """Whether a change is under way (on the thread holding `lock`)."""
        self.changes = 0
        """How many changes were made here or read from disk: what is worked out from the
        data may be kept until this moves."""
        self.load_presence()

    @property
    def zone(self) -> tzinfo:
        """The time zone days are counted in: the opening hours', or the machine's."""
        return self.hours.zone

    # -- keeping in step with the disk ----------------------------------------

    def refresh(self) -> bool:
        """Reread whatever another process changed; True if anything was."""
        with self.lock:
            if not self.changing:  # a change has finished it already, taking the lock
                self.store.finish_unfinished()
            loaders: dict[Part, Callable[[], None]] = {"presence": self.load_presence}
            if self.talk_read:  # else they are read as they are when first asked
                loaders |= {"shoutouts": self.load_shoutouts, "questions": self.load_questions}
            parts = self.store.changed_parts() & loaders.keys()
            for part in parts:
                loaders[part]()
            here = self.here_now.at(self.clock())
            # Kept only here, under the lock: a reader works it out for itself meanwhile.
            day_over, self.here_now = here is not self.here_now, here
            changed = self._reload_member_files() or bool(parts) or day_over
            if changed:
                self.changes += 1
            return changed

    def _reload_member_files(self) -> bool:
        # Until everyone is in memory, each member is read from their file when needed,
        # and that read notices another process's change by itself.
        if not self.everyone_read:
            return False
        changed = set(self.store.members.changed(time.monotonic()))
        if not changed:
            return False
        # One file at a time, read first and then swapped: a member is never missing
        # while their file is read, and a filing that touched hundreds of files never
        # holds all of them in memory at once. A file that cannot be read holds back no
        # other, and is read again at the next refresh until it can be.
        found_before: dict[str, tuple[str, bool, bool, str] | None] = {}
        found_after: dict[str, tuple[str, bool, bool, str]] = {}
        unread: KioskError | None = None
        known = dict(self.known_members)  # replaced whole: see "Threads" above
        for name in changed:
            try:
                members = {m.id: m for m in self.store.members.everyone([name])}
            except KioskError as error:
                self.store.members.forget(name)
                unread = unread or error
                continue
            for member_id in self.members_in_file.get(name, set()) - set(members):
                gone = known.pop(member_id, None)
                found_before[member_id] = None if gone is None else _found_by(gone)
            for member_id, member in members.items():
                old = known.get(member_id)
                if old == member:
                    continue  # the file changed for another member of it: keep this one
                found_before[member_id] = None if old is None else _found_by(old)
                found_after[member_id] = _found_by(member)
                known[member_id] = member
            self.members_in_file[name] = set(members)
        self.known_members = known
        if any(found_before.get(i) != found_after.get(i) for i in found_before | found_after):
            self.index_fresh = False
        if unread is not None:
            raise unread
        return True

    def load_presence_and_talk(self) -> None:
        """Read again who is here, the shout-outs and the question (once read), after a
        change to all of them."""
        self.load_presence()
        if self.talk_read:
            self.load_shoutouts()
            self.load_questions()

    def read_talk(self) -> None:
        """Read the shout-outs and the question of the week, unless they are: a command
        reads them when first asked (a check-in never is), the kiosk and the wall board
        as they start."""
        if not self.talk_read:
            with self.lock:
                if not self.talk_read:
                    self.load_shoutouts()
                    self.load_questions()
                    self.talk_read = True

    @property
    def shoutouts_newest_first(self) -> list[ShoutOut]:
        """Every shout-out, hidden ones too."""
        self.read_talk()
        return self._shoutouts_newest_first

    @property
    def shoutouts_in_public_order(self) -> list[ShoutOut]:
        """Every shout-out, newest first as far as the public may tell."""
        self.read_talk()
        return self._shoutouts_in_public_order

    @property
    def question_asked(self) -> Question | None:
        self.read_talk()
        return self._question_asked

    @property
    def answers_given(self) -> list[Answer]:
        """Every answer to `question_asked`, hidden ones too."""
        self.read_talk()
        return self._answers_given

    def load_presence(self) -> None:
        visits = self.store.open_visits()
        self.here_now = HereNow.of(visits, self.hours, self.clock(), self.here_now.ends)
        self.unfiled = self.store.unfiled_visits()

    @property
    def visits_now(self) -> list[Visit]:
        """Who is here now, newest first: visits whose day is not over."""
        return self.here_now.at(self.clock()).visits

    @property
    def visit_of_member(self) -> dict[str, Visit]:
        """Members' own visits going on now, by member id."""
        return self.here_now.at(self.clock()).visit_of

    def load_shoutouts(self) -> None:
        shoutouts = self.store.shoutouts()
        self._shoutouts_newest_first = sorted(shoutouts, key=lambda s: s.created, reverse=True)
        self._shoutouts_in_public_order = sorted(
            shoutouts,
            key=lambda s: (public_order(s.created, s.quiet, self.zone), s.id),
            reverse=True,
        )

    def load_questions(self) -> None:
        self._question_asked = self.store.question()
        self._answers_given = self.store.answers()

    def load_everyone(self) -> None:
        """Read every member now (the kiosk does this once its first screen is up).

        Read without holding the lock, so a check-in meanwhile need not wait; a file
        changed during the read is read again by the next refresh.
        """
        with self.loading:  # one reader at a time; the others wait for its members
            if not self.everyone_read:
                self._read_everyone()

    def _read_everyone(self) -> None:
        self.store.members.changed(time.monotonic())  # from here on, follow changes
        everyone: dict[str, Member] = {}
        in_file: dict[str, set[str]] = {}
        for name in self.store.members.names():
            members = list(self.store.members.everyone([name]))
            everyone.update((m.id, m) for m in members)
            in_file[name] = {m.id for m in members}
        with self.lock:
            self.known_members, self.members_in_file, self.everyone_read = everyone, in_file, True

    def open_saved_search(self) -> bool:
        """Take up the search index the kiosk saved in the data folder, if it is of the
        member files as they are now; True if it did. Until `prepare_search` has read
        everyone, searches with `index_in_background` are answered from it: at fifty
        thousand members, in a fraction of the seconds reading everyone takes.
        """
        if self.index is not None:
            return False
        rows = self.saved_index.read(self.store.members.version_now())
        if rows is None:
            return False
        # The door's search first: a host searching before everyone is read (a few
        # seconds) waits for theirs to be built.
        index = DoorSearch(rows, hosts_now=False)
        with self.lock:  # unless `prepare_search` has built one meanwhile
            taken = self.index is None
            if taken:
                self.index = index  # not fresh: built again once everyone is read
        return taken

    def prepare_search(self) -> None:
        """Read everyone and build the search index now, ahead of the next key, and save
        it for the next start (see `open_saved_search`).

        The kiosk calls this from a worker once its first screen is up and after each
        change to members, so a key never waits for an index to be built.
        """
        self.load_everyone()
        with self.lock:
            # The version of the files the members in memory were read from, taken with
            # them: the index saved is never said to be of files newer than it.
            version = self.store.members.version_read()
            members = (
                None if self.index_fresh else [m for m in self.known_members.values() if m.active]
            )
        rows = None  # the index is fresh: saved again only if the files changed
        if members is not None:
            rows = rows_of(members)
            index = DoorSearch(rows)
            badges = {m.badge: m.id for m in members if m.badge}
            with self.lock:
                self.index, self.badges, self.index_fresh = index, badges, True
        if version is not None:
            with self.saving:
                try:
                    self.saved_index.write(version, rows)
                except StorageError:
                    # Only a copy for the next start, which then reads everyone first.
                    return

    @property
    def search_ready(self) -> bool:
        """Whether a search can be answered without first reading everyone."""
        return self.index is not None

    @contextmanager
    def writing(self) -> Iterator[list[Visit]]:
        """Make one change: under the lock, after rereading, every write within the block
        is made all at once, or none is (see Store.all_or_nothing), and what is kept in
        memory follows. Before anything else, visits whose day is over are ended, at
        its closing time: the block is given them. Within a change already under way,
        the block is part of it (and is given none)."""
        with self.lock:
            if self.changing:
                yield []
                return
            kept = self.known_members
            self.changing = True
            try:
                with self.store.all_or_nothing():
                    self.refresh()
                    yield self._end_days_over()
            except BaseException:
                self._forget_unsaved(kept)
                raise
            finally:
                self.changing = False
                self.changes += 1
        if self.on_change is not None:
            self.on_change(self)

    def _end_days_over(self) -> list[Visit]:
        """End each visit whose day is over at that day's closing time."""
        ended = [
            ended_by_kiosk(visit, self.here_now.ends[visit.id]) for visit in self.here_now.over
        ]
        if ended:
            self.store.close_visits(ended)
            self.load_presence()
        return ended

    def _forget_unsaved(self, members: dict[str, Member]) -> None:
        """Read again what a change that was not made had put in memory."""
        if self.everyone_read:
            in_file: dict[str, set[str]] = {}
            for member_id in members:
                in_file.setdefault(file_of(member_id), set()).add(member_id)
            self.known_members, self.members_in_file, self.index_fresh = members, in_file, False
        self.load_presence_and_talk()

    def remember(self, *members: Member) -> None:
        if not self.everyone_read:
            return
        known = dict(self.known_members)  # replaced whole: see "Threads" above
        for member in members:
            before = known.get(member.id)
            known[member.id] = member
            self.members_in_file.setdefault(file_of(member.id), set()).add(member.id)
            if before is None or _found_by(before) != _found_by(member):
                self.index_fresh = False
        self.known_members = known

    def forget(self, member_id: str) -> None:
        self.saved_index.remove()  # it names them
        if self.everyone_read:
            self.known_members = {i: m for i, m in self.known_members.items() if i != member_id}
            self.members_in_file.get(file_of(member_id), set()).discard(member_id)
            self.index_fresh = False

    # -- finding a member ---------------------------------------------------------

    def member(self, member_id: str) -> Member:
        found = self.member_or_none(member_id)
        if found is None:
            raise Refused(
                _("There is no member with the id '{id}'.").format(id=text.shortened(member_id))
            )
        return found

    def member_or_none(self, member_id: str) -> Member | None:
        if self.everyone_read:
            # Without the lock: a refresh rereading changed member files must not hold up
            # a screen that only looks a member up.
            return self.known_members.get(member_id)
        with self.lock:
            return self.store.members.get(member_id) if text.is_id(member_id) else None

    def find(self, reference: str) -> Member:
        """The member with this id, or the one member with exactly this name."""
        by_id = self.member_or_none(reference) if text.is_id(reference) else None
        if self.everyone_read:
            key = text.topic_key(reference)
            named = [m for m in self.known_members.values() if text.topic_key(m.name) == key]
        else:
            named = self.store.members.named(reference)
        named = [m for m in named if m != by_id]
        shown = text.shortened(reference)
        if by_id is not None and named:
            raise Refused(
                _(
                    "'{shown}' is the id of {name} and the name of {ids}; please use the id of "
                    "the one you mean."
                ).format(shown=shown, name=by_id.name, ids=listed(m.id for m in named))
            )
        if by_id is not None:
            return by_id
        if len(named) == 1:
            return named[0]
        if named:
            ids = ", ".join(sorted(m.id for m in named))
            raise Refused(
                _("{count} members are called '{shown}' (ids {ids}); please use an id.").format(
                    count=len(named), shown=shown, ids=ids
                )
            )
        found = self.search(reference, limit=3) if reference.strip() else []
        if not found:
            raise Refused(_("No member has the id or the name '{shown}'.").format(shown=shown))
        raise Refused(
            _("No member has the id or the name '{shown}'. Did you mean {found}?").format(
                shown=shown, found=listed((f"{m.name} ({m.id})" for m in found), "or")
            )
        )

    def search(self, query: str, limit: int = MOST_FOUND) -> list[Member]:
        """Active members whose name matches what was typed so far at the door, best
        first, as `matching.DoorSearch` lists them (hard to scrape).

        With `index_in_background`, until a change to members is taken into the index,
        the index a moment old is used, with each member as they are now.
        """
        return self._found(self._fresh_index().at_door(query, limit))

    def search_for_hosts(self, query: str, limit: int) -> list[Member]:
        """Active members whose name matches `query`, best first, off the board too."""
        return self._found(self._fresh_index().for_hosts(query, limit))

    def _fresh_index(self) -> DoorSearch:
        if self.index is None or not (self.index_fresh or self.index_in_background):
            self.prepare_search()
        assert self.index is not None
        return self.index

    def _found(self, ids: list[str]) -> list[Member]:
        found = (self.member_or_none(member_id) for member_id in ids)
        return [m for m in found if m is not None and m.active]

    def by_badge(self, code: str) -> Member | None:
        """The active member whose badge has this code (as a scanner typed it), if any."""
        from kiosk.badges.codes import normalize_badge_code

        wanted = normalize_badge_code(code)
        if wanted is None:
            return None
        if not self.index_fresh:
            self.prepare_search()
        member = self.known_members.get(self.badges.get(wanted, ""))
        return member if member is not None and member.badge == wanted else None

    def present(self) -> list[Presence]:
        """Who is here, as public screens show it: members who agreed to it and are not
        incognito, newest first."""
        members = ((self.member_or_none(v.member_id), v) for v in self.visits_now)
        here = (Presence(member, visit) for member, visit in members if member is not None)
        return [presence for presence in here if presence.shown == "by name"]

    def seen_at_door(self, member: Member) -> Visit | None:
        """The member's visit as anyone who types their name may learn of it: their open
        visit when public screens show it. Here incognito or off the board, they look as
        if they were out."""
        visit = self.visit_of_member.get(member.id)
        if visit is None or Presence(member, visit).shown != "by name":
            return None
        return visit

    def here_unseen(self, member: Member) -> bool:
        """Whether the member is here where no public screen shows it (incognito, or off
        the board): what they write now waits until they have left."""
        return member.id in self.visit_of_member and self.seen_at_door(member) is None

    def waits_for_its_author(self, quiet: bool, author_id: str | None, written: datetime) -> bool:
        """Whether something written while its author was here unseen (`quiet`) still
        waits for them to leave: shown now, its being new would say they are here."""
        visit = self.visit_of_member.get(author_id or "")
        return quiet and visit is not None and written >= visit.since

    def shown_publicly(self, shoutout: ShoutOut) -> bool:
        """Whether public screens may show a shout-out: one no host hid, and that no
        longer waits for its author to leave (`waits_for_its_author`)."""
        return not shoutout.hidden and not self.waits_for_its_author(
            shoutout.quiet, shoutout.from_id, shoutout.created
        )

    def public_name(self, member_id: str | None, nobody: str) -> str:
        """A member's name as public screens give it: "a member" for one off the board,
        "a former member" for one who deleted their data, and `nobody` for None."""
        if member_id is None:
            return _(nobody)
        member = self.member_or_none(member_id) if member_id else None
        if member is None:
            return _(FORMER_MEMBER)
        return member.name if member.on_board else _("a member")

    def shoutout_names(self, shoutout: ShoutOut, public: bool = True) -> tuple[str, str]:
        """Who a shout-out is from and to, as public screens name them (or, not `public`,
        as hosts see them): "a former member" for an author who deleted their data and
        kept it, "everyone" for a shout-out to no one in particular."""
        if public:
            author = self.public_name(shoutout.from_id, FORMER_MEMBER)
            return author, self.public_name(shoutout.to_id, EVERYONE)
        author = _(FORMER_MEMBER) if shoutout.from_id is None else self.name_of(shoutout.from_id)
        return author, self.name_of(shoutout.to_id)

    def public_id(self, member_id: str | None) -> str | None:
        """A member's id where public screens name them; None for one they do not (off
        the board, or gone), so that nothing public ties together what such a member did."""
        member = self.member_or_none(member_id) if member_id else None
        return member.id if member is not None and member.on_board else None

    def name_of(self, member_id: str | None) -> str:
        """A member's name for display; 'everyone' for None."""
        if member_id is None:
            return _(EVERYONE)
        member = self.member_or_none(member_id) if member_id else None
        return member.name if member else _(FORMER_MEMBER)


def _found_by(member: Member) -> tuple[str, bool, bool, str]:
    """What search and scanning find a member by: a change to it needs a new index."""
    return (member.name, member.active, member.on_board, member.badge)


def listed(items: Iterable[str], last: str = "and") -> str:
    """Items as a sentence lists them: "a", "a and b", "a, b and c" (or "a, b or c")."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {last} " + items[-1]
