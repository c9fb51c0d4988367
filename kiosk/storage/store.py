"""The data folder: which file holds what, and the reads and writes the community makes.

Layout (schema 3):

    members/NNN.json      members, spread over many small files (kiosk.storage.member_files)
    presence.json         visits: who is here now, and finished visits not yet filed; and
                          the outbox: notices waiting to be sent, those dropped, and what
                          was last told of each subject (kiosk.notices)
    presence.journal      the changes to presence.json since it was last written whole
    shoutouts.json        shout-outs
    questions.json        the question of the week and its answers
    agreements.json       who accepted which version of the house's agreements, and when
    outbox.sending        held by the one process sending the outbox's notices
    inductions.json       who is inducted on which tool, and who inducts (kiosk.safety)
    invitations.json      guests invited for a day, by their invitation codes
    events.json           events hosts added (kiosk.events)
    calendar-feeds.json   the last copy of each calendar feed fetched from the web
    history/DAY[.BATCH].json   finished visits, by the UTC day they began (kiosk.storage.history)
    backups/              see kiosk.storage.backups
    intent.json           a change to several files being made (see kiosk.storage.intent)
    .lock                 taken around every read-modify-write, by every process

A check-in and a check-out each append a line to presence.journal alone (kiosk.storage.journal
folds it into presence.json now and then), with the news of them for the outbox in that
same line, and a command reads only
the few member records it needs, so their cost does not grow with the size of the
community or its years of history. Finished visits are filed into the history in
batches, away from anyone waiting at the door.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from kiosk.errors import DataError, NewerData, UsageError
from kiosk.language import _
from kiosk.models import Member, Visit
from kiosk.storage import intent, staging
from kiosk.storage.datafile import DataFile, Table, drop, insert, put
from kiosk.storage.files import FOLDER_MODE, FolderLock, signature
from kiosk.storage.here_now import VISITS
from kiosk.storage.history import History
from kiosk.storage.journal import JournaledFile
from kiosk.storage.layout import (
    AGREEMENTS_FILE,
    EVENTS_FILE,
    FEEDS_FILE,
    HISTORY_FOLDER,
    INDUCTIONS_FILE,
    INVITATIONS_FILE,
    LOCK_FILE,
    MEMBERS_FOLDER,
    PRESENCE_FILE,
    QUESTIONS_FILE,
    SHOUTOUTS_FILE,
)
from kiosk.storage.member_files import MemberFiles
from kiosk.text import topic_key

# The other records are read where they are asked for, so that a command loads only the
# records it uses (opening the community reads members and visits alone).
if TYPE_CHECKING:
    from kiosk.models.agreements import Acceptance
    from kiosk.models.conversation import Answer, Question, ShoutOut
    from kiosk.models.events import CachedFeed, HostedEvent
    from kiosk.models.invitations import Invitation
    from kiosk.storage.checks import DataProblem

Part = Literal["presence", "shoutouts", "questions"]


class Store:
    """The data folder of one community."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.members = MemberFiles(root / MEMBERS_FOLDER)
        self.history = History(root / HISTORY_FOLDER)
        self.presence = JournaledFile(root / PRESENCE_FILE, VISITS)
        self.shoutouts_file = DataFile(root / SHOUTOUTS_FILE)
        self.questions_file = DataFile(root / QUESTIONS_FILE)
        self.inductions_file = DataFile(root / INDUCTIONS_FILE)
        self.invitations_file = DataFile(root / INVITATIONS_FILE)
        self.agreements_file = DataFile(root / AGREEMENTS_FILE)
        self.events_file = DataFile(root / EVENTS_FILE)
        self.feeds_file = DataFile(root / FEEDS_FILE)
        self.lock = FolderLock(root / LOCK_FILE)

    @classmethod
    def open(cls, root: Path, create: bool = True) -> Store:
        """Open a data folder (making it if `create`), bringing older layouts up to date."""
        # The rare path loads on demand; migration works on the folder's files, before
        # the store reads any of them.
        from kiosk.storage.migration import migrate_if_needed

        if root.exists() and not root.is_dir():
            raise UsageError(_("The data folder {root} is a file, not a folder.").format(root=root))
        if not create and not root.is_dir():
            raise UsageError(
                _(
                    "There is no data folder at {root}. Start one with `kiosk demo` or "
                    "`kiosk members add NAME`, or give the right folder with --data."
                ).format(root=root)
            )
        if not root.is_dir():
            try:
                root.mkdir(mode=FOLDER_MODE, parents=True)
            except FileExistsError:
                pass
            except OSError as error:
                raise DataError(
                    _("The data folder {root} cannot be made: {strerror}.").format(
                        root=root, strerror=error.strerror
                    )
                ) from error
        keep_private(root)
        migrate_if_needed(root)
        store = cls(root)
        store.finish_unfinished()
        return store

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the lock every process takes around a read-modify-write; a change to
        several files that a stopped process left unfinished is finished first."""
        with self.lock.held():
            intent.finish(self.root)
            yield

    @contextmanager
    def all_or_nothing(self) -> Iterator[None]:
        """Hold the lock, and make every write within the block one change to the data
        folder: all of it is made, or none (see kiosk.storage.intent). Within a change already
        open, the block is part of it. What the block asked to do once the change is made
        (`Staged.once_made`) is done then, after the lock is let go."""
        if staging.current() is not None:
            yield
            return
        with self.locked():
            with staging.staging() as staged:
                yield
            intent.commit(self.root, staged)
            self.members.written(staged.files)
        for then in staged.once_made:
            then()

    def finish_unfinished(self) -> bool:
        """Finish a change to several files that a stopped process left, if there is one
        and the folder can be written (a reader that cannot finish it reads on); True if
        there was one."""
        if not intent.unfinished(self.root) or not os.access(self.root, os.W_OK):
            return False
        with self.lock.held():
            return intent.finish(self.root)

    def remove_leftovers(self) -> list[Path]:
        """Delete temporary files left by a process that died while writing."""
        with self.locked():
            folders = (self.root, self.members.folder, self.history.folder)
            leftovers = [path for folder in folders for path in folder.glob(".*.tmp")]
            for path in leftovers:
                path.unlink(missing_ok=True)
        return leftovers

    # -- presence ------------------------------------------------------------------

    def open_visits(self) -> list[Visit]:
        """Who is here now: members' visits and guests'."""
        return self.presence.records("visits", Visit.from_doc)

    def unfiled_visits(self) -> list[Visit]:
        """Finished visits waiting to be filed into the history."""
        return self.presence.records("closed", Visit.from_doc)

    def add_visit(self, visit: Visit) -> None:
        with self.presence.changing() as tables:
            insert(tables.setdefault("visits", {}), visit.to_doc())

    def replace_visit(self, visit: Visit) -> None:
        with self.presence.changing() as tables:
            put(tables.setdefault("visits", {}), visit.to_doc())

    def close_visits(self, closed: Iterable[Visit]) -> None:
        """Move finished visits out of presence, to be filed, in one write."""
        finished = {visit.id: visit for visit in closed}
        if not finished:
            return
        with self.presence.changing() as tables:
            drop(tables.setdefault("visits", {}), lambda doc: doc.get("id") not in finished)
            waiting = tables.setdefault("closed", {})
            for visit in finished.values():
                put(waiting, visit.to_doc())

    def file_visits(self, counted: Callable[[list[Visit]], list[Member]]) -> int:
        """File every finished visit into the history; how many were filed.

        One change, all of it made or none: the history files of the visits, the
        members `counted` gives with those visits added to their counts, and the visits
        leaving presence. So each visit is filed, and counted, exactly once.
        """
        with self.all_or_nothing():
            waiting = self.unfiled_visits()
            if not waiting:
                return 0
            by_day: dict[date, list[Visit]] = {}
            for visit in waiting:
                by_day.setdefault(visit.history_day, []).append(visit)
            batches: dict[str, Table] = {}
            for day, visits in by_day.items():
                first = min(visits, key=lambda visit: (visit.since, visit.id))
                batch = batches[f"{day}.{first.id}.json"] = {}
                for visit in visits:
                    insert(batch, visit.to_doc())
            self.history.write(batches)
            self.members.update(counted(waiting))
            with self.presence.changing() as tables:
                tables["closed"] = {}
            return len(waiting)

    def history_days(self) -> list[date]:
        """Days that have finished visits, filed or not, oldest first."""
        return sorted(self.history.days() | {v.history_day for v in self.unfiled_visits()})

    def past_visits(self, first: date, last: date) -> Iterator[Visit]:
        """Finished visits that began between `first` and `last` (UTC days), oldest first,
        filed or not."""
        return self.history.visits(first, last, self.unfiled_visits())

    # -- invitations -------------------------------------------------------------------

    def invitations(self) -> list[Invitation]:
        from kiosk.models.invitations import Invitation

        return self.invitations_file.records("invitations", Invitation.from_doc)

    def put_invitation(self, invitation: Invitation) -> None:
        """Add the invitation, or replace the one with its code."""
        with self.invitations_file.changing() as tables:
            put(tables.setdefault("invitations", {}), invitation.to_doc(), key="code")

    # -- events --------------------------------------------------------------------------

    def hosted_events(self) -> list[HostedEvent]:
        from kiosk.models.events import HostedEvent

        return self.events_file.records("events", HostedEvent.from_doc)

    def put_hosted_event(self, event: HostedEvent) -> None:
        """Add the event, or replace the one with its id."""
        with self.events_file.changing() as tables:
            put(tables.setdefault("events", {}), event.to_doc())

    def remove_hosted_event(self, event_id: str) -> None:
        with self.events_file.changing() as tables:
            drop(tables.setdefault("events", {}), lambda doc: doc.get("id") != event_id)

    def cached_feeds(self) -> list[CachedFeed]:
        from kiosk.models.events import CachedFeed

        return self.feeds_file.records("feeds", CachedFeed.from_doc)

    def put_cached_feed(self, feed: CachedFeed) -> None:
        """Keep this copy of the feed in place of the one before, under the lock."""
        with self.locked(), self.feeds_file.changing() as tables:
            put(tables.setdefault("feeds", {}), feed.to_doc(), key="source")

    # -- shout-outs and the question of the week -------------------------------------

    def shoutouts(self) -> list[ShoutOut]:
        from kiosk.models.conversation import ShoutOut

        return self.shoutouts_file.records("shoutouts", ShoutOut.from_doc)

    def put_shoutout(self, shoutout: ShoutOut) -> None:
        with self.shoutouts_file.changing() as tables:
            put(tables.setdefault("shoutouts", {}), shoutout.to_doc())

    def change_shoutouts(self, change: Callable[[ShoutOut], ShoutOut | None]) -> None:
        """Rewrite every shout-out through `change` (None removes it), in one write."""
        with self.shoutouts_file.changing() as tables:
            kept: Table = {}
            for shoutout in self.shoutouts():
                changed = change(shoutout)
                if changed is not None:
                    insert(kept, changed.to_doc())
            tables["shoutouts"] = kept

    def question(self) -> Question | None:
        from kiosk.models.conversation import Question

        questions = self.questions_file.records("question", Question.from_doc)
        return questions[0] if questions else None

    def answers(self) -> list[Answer]:
        from kiosk.models.conversation import Answer

        return self.questions_file.records("answers", Answer.from_doc)

    def set_question(self, question: Question | None) -> None:
        """Ask a new question (its answers start afresh), or none."""
        with self.questions_file.changing() as tables:
            tables["question"] = {} if question is None else {"1": question.to_doc()}
            tables["answers"] = {}

    def put_answers(self, answers: Iterable[Answer]) -> None:
        """Replace the answers to the question of the week."""
        with self.questions_file.changing() as tables:
            table: Table = {}
            for answer in answers:
                insert(table, answer.to_doc())
            tables["answers"] = table

    # -- the house's agreements ----------------------------------------------------------

    def acceptances(self) -> list[Acceptance]:
        """Every acceptance of an agreement, oldest first."""
        from kiosk.models.agreements import Acceptance

        return sorted(
            self.agreements_file.records("acceptances", Acceptance.from_doc),
            key=lambda acceptance: acceptance.accepted,
        )

    def add_acceptances(self, acceptances: Iterable[Acceptance]) -> None:
        """Record acceptances, under the lock, in one write."""
        with self.locked(), self.agreements_file.changing() as tables:
            table = tables.setdefault("acceptances", {})
            for acceptance in acceptances:
                insert(table, acceptance.to_doc())

    def _member_records(self) -> list[tuple[DataFile, tuple[str, ...]]]:
        """The files, and their tables, whose documents each belong to one member (by
        "member"): acceptances, inductions and the right to induct, invitations."""
        return [
            (self.agreements_file, ("acceptances",)),
            (self.inductions_file, ("inductions", "inductors")),
            (self.invitations_file, ("invitations",)),
        ]

    def forget_records(self, member_id: str) -> None:
        """Remove the acceptances, inductions, right to induct and invitations (which name
        their guests) of a member whose data is deleted; inductions they gave others stay,
        by "a former member"."""
        with self.locked():
            for data_file, names in self._member_records():
                with data_file.changing() as tables:
                    for name in names:
                        table = tables.setdefault(name, {})
                        drop(table, lambda doc: doc.get("member") != member_id)

    def give_records(self, other_id: str, keep_id: str) -> None:
        """Make `other_id`'s acceptances, inductions (those given too), right to induct and
        invitations `keep_id`'s, when two records of one person become one; where both
        were inducted on a tool, or may induct on it, one record of it stays."""
        with self.locked():
            for data_file, names in self._member_records():
                with data_file.changing() as tables:
                    for name in names:
                        table = tables.setdefault(name, {})
                        _give(table, other_id, keep_id, "member", "by")
                        if data_file is self.inductions_file:
                            _one_per_tool(table)

    # -- what another process changed, and checks ------------------------------------

    def changed_parts(self) -> set[Part]:
        """The single files whose contents differ from what this store last read."""
        files: dict[Part, DataFile] = {
            "presence": self.presence,
            "shoutouts": self.shoutouts_file,
            "questions": self.questions_file,
        }
        return {part for part, data_file in files.items() if data_file.changed()}

    def data_files(self) -> list[Path]:
        """Every data file, live and history."""
        live = [
            self.presence.path,
            self.presence.journal,
            self.shoutouts_file.path,
            self.questions_file.path,
            self.inductions_file.path,
            self.invitations_file.path,
            self.agreements_file.path,
            self.events_file.path,
            self.feeds_file.path,
        ]
        members = [self.members.folder / name for name in self.members.names()]
        history = [self.history.folder / name for name in self.history.names()]
        return [path for path in (*live, *members, *history) if signature(path) is not None]

    def problems(self, paths: Iterable[Path] | None = None) -> list[DataProblem]:
        """Each data file (of `paths`, or all) that cannot be read, and what is wrong."""
        from kiosk.storage.checks import DataProblem, check

        found = []
        for path in self.data_files() if paths is None else paths:
            try:
                check(path)
            except DataError as error:
                found.append(DataProblem(path, str(error), isinstance(error, NewerData)))
        return found


def _give(table: Table, other_id: str, keep_id: str, *keys: str) -> None:
    """Every reference to `other_id` under `keys` made one to `keep_id` (each document
    replaced, never changed in place: the parsed records are cached by document)."""
    for doc_id, doc in table.items():
        if any(doc.get(key) == other_id for key in keys):
            table[doc_id] = {
                k: keep_id if k in keys and v == other_id else v for k, v in doc.items()
            }


def _one_per_tool(table: Table) -> None:
    """One document for each member and tool, the last written (the newest induction)."""
    seen: dict[tuple[object, str], str] = {}
    for doc_id, doc in sorted(table.items(), key=lambda item: str(item[1].get("at", ""))):
        tool = doc.get("tool")
        key = (doc.get("member"), topic_key(tool) if isinstance(tool, str) else "")
        if key in seen:
            del table[seen[key]]
        seen[key] = doc_id


def keep_private(root: Path) -> None:
    """Let only the owner into the data folder, whatever the umask made of it."""
    try:
        if os.stat(root).st_mode & 0o777 != FOLDER_MODE:
            os.chmod(root, FOLDER_MODE)
    except PermissionError:
        pass  # not ours to change; the folder is still used as it is
