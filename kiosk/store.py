"""The data folder: which file holds what, and the reads and writes the community makes.

Layout (schema 3):

    members/NNN.json      members, spread over many small files by their id, and
                          pointers from each name to its members
    presence.json         visits: who is here now, and finished visits not yet filed
    shoutouts.json        shout-outs
    questions.json        the question of the week and its answers
    history/YYYY-MM-DD[.BATCH].json   finished visits, by the UTC day they began
    backups/              see kiosk.backups
    .lock                 taken around every read-modify-write, by every process

A check-in and a check-out each rewrite presence.json alone, and a command reads only
the few member files it needs, so their cost does not grow with the size of the
community or its years of history. Finished visits are filed into the history in
batches, away from anyone waiting at the door.
"""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal, TypeVar

from kiosk.errors import DataError, NewerData, UsageError
from kiosk.models import Answer, Member, Question, ShoutOut, Visit
from kiosk.storage import (
    FOLDER_MODE,
    AtomicJSONStorage,
    FolderLock,
    Signature,
    encode,
    make_folder,
    signature,
    write_together,
)
from kiosk.text import topic_key

Record = TypeVar("Record")
Tables = dict[str, dict[str, dict[str, Any]]]
Part = Literal["members", "presence", "shoutouts", "questions"]

MEMBER_FILES = 1024
"""Members are spread over this many files, so a change rewrites about 1/1024 of them."""
_BATCH = re.compile(r"\d{4}-\d\d-\d\d\.[A-Za-z0-9_-]{1,64}\.json")
"""The history file a waiting visit is marked for (never a path elsewhere)."""
SWEEP_SECONDS = 30.0
"""How often a watching process looks at every member file, for edits made in place."""


class DataFile:
    """One TinyDB file of the data folder, read through a cache that notices changes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.storage = AtomicJSONStorage(path)
        self._parsed: dict[str, tuple[Signature | None, list[Any]]] = {}

    def tables(self) -> Tables:
        """The file's tables as stored (empty when the file does not exist yet)."""
        return self.storage.read() or {}

    def docs(self, table: str) -> list[dict[str, Any]]:
        return list(self.tables().get(table, {}).values())

    def records(self, table: str, parse: Callable[[dict[str, Any]], Record]) -> list[Record]:
        """The table's documents read by `parse`; a document it cannot read is damage.

        Parsed once for each version of the file.
        """
        docs = self.tables().get(table, {})
        current = self.storage.known_signature()
        cached = self._parsed.get(table)
        if cached is not None and cached[0] == current:
            return cached[1]
        try:
            records = [parse(doc) for doc in docs.values()]
        except (KeyError, TypeError, ValueError) as error:
            raise DataError(
                f"{self.path} is damaged: a record in its {table} is incomplete or wrong "
                f"({error}).",
                self.path,
            ) from error
        self._parsed[table] = (current, records)
        return records

    def record(
        self, table: str, record_id: str, parse: Callable[[dict[str, Any]], Record]
    ) -> Record | None:
        """The one record of the table with this id, read alone (the others are not)."""
        docs = self.tables().get(table, {})
        cached = self._parsed.get(table)
        if cached is not None and cached[0] == self.storage.known_signature():
            return next((r for r in cached[1] if getattr(r, "id", None) == record_id), None)
        for doc in docs.values():
            if doc.get("id") == record_id:
                try:
                    return parse(doc)
                except (KeyError, TypeError, ValueError) as error:
                    raise DataError(
                        f"{self.path} is damaged: a record in its {table} is incomplete or "
                        f"wrong ({error}).",
                        self.path,
                    ) from error
        return None

    @contextmanager
    def changing(self) -> Iterator[Tables]:
        """Edit the tables, then write them in one durable step (nothing on an error)."""
        current = self.tables()
        tables = {name: dict(docs) for name, docs in current.items()}
        yield tables
        self.storage.write(tables)

    def changed(self) -> bool:
        return self.storage.changed()

    def exists(self) -> bool:
        return signature(self.path) is not None


def insert(table: dict[str, dict[str, Any]], doc: dict[str, Any]) -> None:
    """Add `doc` under the next TinyDB document id."""
    table[str(max(map(int, table), default=0) + 1)] = doc


def put(table: dict[str, dict[str, Any]], doc: dict[str, Any], key: str = "id") -> None:
    """Replace the document whose `key` matches `doc`'s, or add it."""
    for doc_id, old in table.items():
        if old.get(key) == doc[key]:
            table[doc_id] = doc
            return
    insert(table, doc)


def drop(table: dict[str, dict[str, Any]], keep: Callable[[dict[str, Any]], bool]) -> int:
    """Remove the documents `keep` refuses; how many went."""
    gone = [doc_id for doc_id, doc in table.items() if not keep(doc)]
    for doc_id in gone:
        del table[doc_id]
    return len(gone)


def member_file_of(key: str) -> str:
    """The members file that holds a member id, or the pointers of a name key."""
    return f"{zlib.crc32(key.encode()) % MEMBER_FILES:03x}.json"


def name_key(name: str) -> str:
    """A name as it is looked up: folded, spaces made single."""
    return topic_key(name)


class Store:
    """The data folder of one community."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.presence = DataFile(root / "presence.json")
        self.shoutouts_file = DataFile(root / "shoutouts.json")
        self.questions_file = DataFile(root / "questions.json")
        self.members_folder = root / "members"
        self.history_folder = root / "history"
        self.lock = FolderLock(root / ".lock")
        self._member_files: dict[str, DataFile] = {}
        self._members_seen: dict[str, Signature] = {}
        self._folder_seen: Signature | None = None
        self._swept_at = 0.0

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

    # -- members -------------------------------------------------------------------

    def member_file(self, name: str) -> DataFile:
        data_file = self._member_files.get(name)
        if data_file is None:
            data_file = self._member_files[name] = DataFile(self.members_folder / name)
        return data_file

    def member(self, member_id: str) -> Member | None:
        """The member with this id, reading only their record."""
        return self.member_file(member_file_of(member_id)).record(
            "members", member_id, Member.from_doc
        )

    def members_named(self, name: str) -> list[Member]:
        """Members whose name is `name`, folded, found through the name pointers."""
        key = name_key(name)
        pointers = self.member_file(member_file_of(key)).docs("names")
        ids = {doc.get("id") for doc in pointers if doc.get("key") == key}
        found = [self.member(member_id) for member_id in ids if isinstance(member_id, str)]
        # A pointer left by a change that was cut short points at nobody, or at a name
        # since changed: only what the member's own record says counts.
        return [m for m in found if m is not None and name_key(m.name) == key]

    def member_files(self) -> list[str]:
        """The names of the member files that exist."""
        try:
            return sorted(
                entry.name
                for entry in os.scandir(self.members_folder)
                if entry.name.endswith(".json") and not entry.name.startswith(".")
            )
        except FileNotFoundError:
            return []

    def all_members(self, names: Iterable[str] | None = None) -> Iterator[Member]:
        """Every member (of the files `names`, or of all).

        Read through files of their own, not the cached ones, so that the parsed text of
        tens of thousands of members is not kept in memory twice.
        """
        for name in self.member_files() if names is None else names:
            yield from DataFile(self.members_folder / name).records("members", Member.from_doc)

    def put_member(self, member: Member, before: Member | None = None) -> None:
        """Store a new or changed member, and the pointer from their name to them."""
        make_folder(self.members_folder)
        key = name_key(member.name)
        old_key = None if before is None else name_key(before.name)
        home = member_file_of(member.id)
        pointer = {"key": key, "id": member.id}
        # The new pointer first and the old one last: a change cut short leaves a pointer
        # too many, which lookups ignore, never a member no pointer leads to.
        if key != old_key and member_file_of(key) != home:
            with self.member_file(member_file_of(key)).changing() as tables:
                put_pointer(tables, pointer)
        with self.member_file(home).changing() as tables:
            put(tables.setdefault("members", {}), member.to_doc())
            if key != old_key and member_file_of(key) == home:
                put_pointer(tables, pointer)
            if old_key is not None and old_key != key and member_file_of(old_key) == home:
                drop_pointer(tables, old_key, member.id)
        if old_key is not None and old_key != key and member_file_of(old_key) != home:
            with self.member_file(member_file_of(old_key)).changing() as tables:
                drop_pointer(tables, old_key, member.id)

    def remove_leftovers(self) -> list[Path]:
        """Delete temporary files left by a process that died while writing."""
        with self.locked():
            folders = (self.root, self.members_folder, self.history_folder)
            leftovers = [path for folder in folders for path in folder.glob(".*.tmp")]
            for path in leftovers:
                path.unlink(missing_ok=True)
        return leftovers

    def remove_member(self, member: Member) -> None:
        """Remove a member's record, then the pointer from their name."""
        key = name_key(member.name)
        home = member_file_of(member.id)
        with self.member_file(home).changing() as tables:
            drop(tables.setdefault("members", {}), lambda doc: doc.get("id") != member.id)
            if member_file_of(key) == home:
                drop_pointer(tables, key, member.id)
        if member_file_of(key) != home:
            with self.member_file(member_file_of(key)).changing() as tables:
                drop_pointer(tables, key, member.id)

    def changed_member_files(self, now: float) -> list[str]:
        """Member files changed since the last call (the first call names them all).

        A write replaces a file, which changes the folder; an edit made in place does
        not, so every file is looked at every SWEEP_SECONDS too.
        """
        folder = signature(self.members_folder)
        if folder == self._folder_seen and now - self._swept_at < SWEEP_SECONDS:
            return []
        self._folder_seen, self._swept_at = folder, now
        changed = []
        current: dict[str, Signature] = {}
        for name in self.member_files():
            seen = signature(self.members_folder / name)
            if seen is None:
                continue
            current[name] = seen
            if self._members_seen.get(name) != seen:
                changed.append(name)
        changed += [name for name in self._members_seen if name not in current]
        self._members_seen = current
        return changed

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
            batches: dict[Path, dict[str, dict[str, Any]]] = {}
            for doc in marked:
                visit_doc = {key: value for key, value in doc.items() if key != "batch"}
                insert(batches.setdefault(self.history_folder / doc["batch"], {}), visit_doc)
            make_folder(self.history_folder)
            write_together({path: encode({"visits": table}) for path, table in batches.items()})
            visits = [Visit.from_doc(doc) for doc in marked]
            self.update_members(counted(visits))
            filed = {visit.id for visit in visits}
            with self.presence.changing() as tables:
                drop(tables.setdefault("closed", {}), lambda doc: doc.get("id") not in filed)
            return len(visits)

    def update_members(self, members: list[Member]) -> None:
        """Store changes to members' records other than their names, flushed together."""
        files: dict[str, Tables] = {}
        for member in members:
            name = member_file_of(member.id)
            if name not in files:
                files[name] = {t: dict(docs) for t, docs in self.member_file(name).tables().items()}
            put(files[name].setdefault("members", {}), member.to_doc())
        if files:
            write_together(
                {self.members_folder / name: encode(tables) for name, tables in files.items()}
            )

    # -- history -------------------------------------------------------------------

    def history_file(self, name: str) -> DataFile:
        # Not kept open: years of past days would otherwise stay parsed in memory.
        return DataFile(self.history_folder / name)

    def history_files(self, first: date | None = None, last: date | None = None) -> list[str]:
        """Names of the history files of days from `first` to `last`, oldest first."""
        low = "" if first is None else first.isoformat()
        high = "\uffff" if last is None else last.isoformat() + "\uffff"
        try:
            names = [
                entry.name
                for entry in os.scandir(self.history_folder)
                if entry.name.endswith(".json") and _day_of(entry.name) is not None
            ]
        except FileNotFoundError:
            return []
        return sorted(name for name in names if low <= name <= high)

    def history_days(self) -> list[date]:
        """Days that have finished visits, oldest first."""
        days = {_day_of(name) for name in self.history_files()}
        days |= {visit.history_day for visit in self.unfiled_visits()}
        return sorted(day for day in days if day is not None)

    def past_visits(self, first: date, last: date) -> Iterator[Visit]:
        """Finished visits that began between `first` and `last` (UTC days), oldest first,
        filed or not."""
        seen: set[str] = set()
        unfiled = [v for v in self.unfiled_visits() if first <= v.history_day <= last]
        by_day: dict[date, list[Visit]] = {}
        for name in self.history_files(first, last):
            day = _day_of(name)
            assert day is not None
            by_day.setdefault(day, []).extend(
                self.history_file(name).records("visits", Visit.from_doc)
            )
        for visit in unfiled:
            by_day.setdefault(visit.history_day, []).append(visit)
        for day in sorted(by_day):
            for visit in sorted(by_day[day], key=lambda v: (v.since, v.id)):
                # A filing cut short leaves a visit both filed and waiting: once is right.
                if visit.id not in seen:
                    seen.add(visit.id)
                    yield visit

    def rewrite_history(self, name: str, change: Callable[[dict[str, Any]], bool]) -> bool:
        """Apply `change` to each visit of one history file; True if any changed."""
        with self.locked():
            data_file = self.history_file(name)
            docs = data_file.docs("visits")
            if not any([change(dict(doc)) for doc in docs]):
                return False
            with data_file.changing() as tables:
                for doc in tables.setdefault("visits", {}).values():
                    change(doc)
            return True

    # -- shout-outs and the question of the week -------------------------------------

    def shoutouts(self) -> list[ShoutOut]:
        return self.shoutouts_file.records("shoutouts", ShoutOut.from_doc)

    def put_shoutout(self, shoutout: ShoutOut) -> None:
        with self.shoutouts_file.changing() as tables:
            put(tables.setdefault("shoutouts", {}), shoutout.to_doc())

    def change_shoutouts(self, change: Callable[[ShoutOut], ShoutOut | None]) -> None:
        """Rewrite every shout-out through `change` (None removes it), in one write."""
        with self.shoutouts_file.changing() as tables:
            kept = {}
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
            table: dict[str, dict[str, Any]] = {}
            for answer in answers:
                insert(table, answer.to_doc())
            tables["answers"] = table

    # -- what another process changed ------------------------------------------------

    def changed_parts(self) -> set[Part]:
        """The single files whose contents differ from what this store last read."""
        files: dict[Part, DataFile] = {
            "presence": self.presence,
            "shoutouts": self.shoutouts_file,
            "questions": self.questions_file,
        }
        return {part for part, data_file in files.items() if data_file.changed()}

    # -- checks ----------------------------------------------------------------------

    def data_files(self) -> list[Path]:
        """Every data file, live and history."""
        live = [self.presence.path, self.shoutouts_file.path, self.questions_file.path]
        members = [self.members_folder / name for name in self.member_files()]
        history = [self.history_folder / name for name in self.history_files()]
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


@dataclass(slots=True, frozen=True)
class DataProblem:
    """A data file that cannot be read."""

    path: Path
    message: str
    newer: bool = False
    """Written by a newer kiosk: not damaged, so no backup should replace it."""

    def __str__(self) -> str:
        return self.message


def check(path: Path) -> None:
    """Raise DataError unless the file at `path` loads and every record in it is complete."""
    data_file = DataFile(path)
    for table, parse in RECORDS.get(_kind_of(path), ()):
        data_file.records(table, parse)
    data_file.tables()  # a file with no records still has to parse


def check_bytes(raw: bytes, path: Path) -> None:
    """Raise DataError unless `raw`, meant to be the file at `path`, is good data."""
    from kiosk.storage import parse

    data = parse(raw, path)
    for table, read in RECORDS.get(_kind_of(path), ()):
        try:
            for doc in data.get(table, {}).values():
                read(doc)
        except (KeyError, TypeError, ValueError) as error:
            raise DataError(
                f"{path} is damaged: a record in its {table} is incomplete or wrong ({error}).",
                path,
            ) from error


RECORDS: dict[str, tuple[tuple[str, Callable[[dict[str, Any]], object]], ...]] = {
    "members": (("members", Member.from_doc), ("names", lambda doc: _pointer(doc))),
    "presence": (("visits", Visit.from_doc), ("closed", Visit.from_doc)),
    "shoutouts": (("shoutouts", ShoutOut.from_doc),),
    "questions": (("question", Question.from_doc), ("answers", Answer.from_doc)),
    "history": (("visits", Visit.from_doc),),
}
"""The tables each kind of data file holds, and how their records are read."""


def _kind_of(path: Path) -> str:
    if path.parent.name in ("members", "history"):
        return path.parent.name
    return path.stem


def _pointer(doc: dict[str, Any]) -> None:
    if type(doc["key"]) is not str or type(doc["id"]) is not str:
        raise TypeError(f"a name pointer should hold a key and an id, not {doc!r:.60}")


def put_pointer(tables: Tables, pointer: dict[str, str]) -> None:
    names = tables.setdefault("names", {})
    if pointer not in names.values():
        insert(names, pointer)


def drop_pointer(tables: Tables, key: str, member_id: str) -> None:
    drop(
        tables.setdefault("names", {}),
        lambda doc: not (doc.get("key") == key and doc.get("id") == member_id),
    )


def keep_private(root: Path) -> None:
    """Let only the owner into the data folder, whatever the umask made of it."""
    try:
        if os.stat(root).st_mode & 0o777 != FOLDER_MODE:
            os.chmod(root, FOLDER_MODE)
    except PermissionError:
        pass  # not ours to change; the folder is still used as it is


def _day_of(name: str) -> date | None:
    try:
        return date.fromisoformat(name[:10])
    except ValueError:
        return None


def member_tables(members: Iterable[Member]) -> dict[str, Tables]:
    """Members grouped into the tables of their files, with the pointers from their names."""
    files: dict[str, Tables] = {}
    for member in members:
        home = files.setdefault(member_file_of(member.id), {"members": {}, "names": {}})
        insert(home["members"], member.to_doc())
        key = name_key(member.name)
        pointers = files.setdefault(member_file_of(key), {"members": {}, "names": {}})
        insert(pointers["names"], {"key": key, "id": member.id})
    return files


def write_member_files(store: Store, members: Iterable[Member]) -> None:
    """Write many members at once, for a folder being seeded or migrated."""
    make_folder(store.members_folder)
    write_together(
        {
            store.members_folder / name: encode(tables)
            for name, tables in member_tables(members).items()
        }
    )
