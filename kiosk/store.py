"""The data folder: which file holds what, and the reads and writes the community makes.

Layout (schema 3):

    members/NNN.json      members, spread over many small files (kiosk.member_files)
    presence.json         visits: who is here now, and finished visits not yet filed
    shoutouts.json        shout-outs
    questions.json        the question of the week and its answers
    history/DAY[.BATCH].json   finished visits, by the UTC day they began (kiosk.history)
    backups/              see kiosk.backups
    .lock                 taken around every read-modify-write, by every process

A check-in and a check-out each rewrite presence.json alone, and a command reads only
the few member records it needs, so their cost does not grow with the size of the
community or its years of history. Finished visits are filed into the history in
batches, away from anyone waiting at the door.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Literal

from kiosk.checks import DataProblem, check
from kiosk.datafile import DataFile, Table, drop, insert, put
from kiosk.errors import DataError, NewerData, UsageError
from kiosk.history import History
from kiosk.journal import JournaledFile
from kiosk.member_files import MemberFiles
from kiosk.models import Answer, Member, Question, ShoutOut, Visit
from kiosk.storage import FOLDER_MODE, FolderLock, signature

Part = Literal["presence", "shoutouts", "questions"]
LOCK_FILE = ".lock"
"""Taken by every process around a read-modify-write of the data folder."""

_BATCH = re.compile(r"\d{4}-\d\d-\d\d\.[A-Za-z0-9_-]{1,64}\.json")
"""The history file a waiting visit is marked for (never a path elsewhere)."""


class Store:
    """The data folder of one community."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.members = MemberFiles(root / "members")
        self.history = History(root / "history")
        self.presence = JournaledFile(root / "presence.json")
        self.shoutouts_file = DataFile(root / "shoutouts.json")
        self.questions_file = DataFile(root / "questions.json")
        self.lock = FolderLock(root / LOCK_FILE)

    @classmethod
    def open(cls, root: Path, create: bool = True) -> Store:
        """Open a data folder (making it if `create`), bringing older layouts up to date."""
        from kiosk.migration import migrate_if_needed  # the rare path loads on demand

        if root.exists() and not root.is_dir():
            raise UsageError(f"The data folder {root} is a file, not a folder.")
        if not create and not root.is_dir():
            raise UsageError(
                f"There is no data folder at {root}. Start one with `kiosk demo` or "
                "`kiosk members add NAME`, or give the right folder with --data."
            )
        if not root.is_dir():
            try:
                root.mkdir(mode=FOLDER_MODE, parents=True)
            except FileExistsError:
                pass
            except OSError as error:
                raise DataError(
                    f"The data folder {root} cannot be made: {error.strerror}."
                ) from error
        keep_private(root)
        store = cls(root)
        migrate_if_needed(store)
        return store

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the lock every process takes around a read-modify-write."""
        with self.lock.held():
            yield

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

        First each waiting visit is marked with the history file it goes to, then those
        files are written, then `counted` gives the members whose visit counts change (it
        must be safe to repeat), and only once all that is on disk do the visits leave
        presence. A filing cut short is done again from the marks, writing the same
        files with the same visits, so no visit is ever filed twice.
        """
        with self.locked():
            self.unfiled_visits()  # every waiting visit must read as good data first
            with self.presence.changing() as tables:
                waiting = tables.setdefault("closed", {})
                unmarked: dict[date, list[tuple[str, Visit]]] = {}
                for doc_id, doc in waiting.items():
                    if not _BATCH.fullmatch(str(doc.get("batch", ""))):
                        visit = Visit.from_doc(doc)
                        unmarked.setdefault(visit.history_day, []).append((doc_id, visit))
                for day, visits in unmarked.items():
                    first = min(visits, key=lambda pair: (pair[1].since, pair[1].id))[1]
                    for doc_id, _ in visits:
                        waiting[doc_id] = {**waiting[doc_id], "batch": f"{day}.{first.id}.json"}
            marked = list(waiting.values())
            if not marked:
                return 0
            batches: dict[str, Table] = {}
            for doc in marked:
                visit_doc = {key: value for key, value in doc.items() if key != "batch"}
                insert(batches.setdefault(doc["batch"], {}), visit_doc)
            self.history.write(batches)
            filing = [Visit.from_doc(doc) for doc in marked]
            self.members.update(counted(filing))
            filed = {visit.id for visit in filing}
            with self.presence.changing() as tables:
                drop(tables.setdefault("closed", {}), lambda doc: doc.get("id") not in filed)
            return len(filing)

    def history_days(self) -> list[date]:
        """Days that have finished visits, filed or not, oldest first."""
        return sorted(self.history.days() | {v.history_day for v in self.unfiled_visits()})

    def past_visits(self, first: date, last: date) -> Iterator[Visit]:
        """Finished visits that began between `first` and `last` (UTC days), oldest first,
        filed or not."""
        return self.history.visits(first, last, self.unfiled_visits())

    # -- shout-outs and the question of the week -------------------------------------

    def shoutouts(self) -> list[ShoutOut]:
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
        questions = self.questions_file.records("question", Question.from_doc)
        return questions[0] if questions else None

    def answers(self) -> list[Answer]:
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
        ]
        members = [self.members.folder / name for name in self.members.names()]
        history = [self.history.folder / name for name in self.history.names()]
        return [path for path in (*live, *members, *history) if signature(path) is not None]

    def problems(self, paths: Iterable[Path] | None = None) -> list[DataProblem]:
        """Each data file (of `paths`, or all) that cannot be read, and what is wrong."""
        found = []
        for path in self.data_files() if paths is None else paths:
            try:
                check(path)
            except DataError as error:
                found.append(DataProblem(path, str(error), isinstance(error, NewerData)))
        return found


def keep_private(root: Path) -> None:
    """Let only the owner into the data folder, whatever the umask made of it."""
    try:
        if os.stat(root).st_mode & 0o777 != FOLDER_MODE:
            os.chmod(root, FOLDER_MODE)
    except PermissionError:
        pass  # not ours to change; the folder is still used as it is
