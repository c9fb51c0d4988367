"""A data file that changes often and must change fast: a TinyDB snapshot and a journal.

    presence.json      the tables as they were at the last compaction (a TinyDB file),
                       marked with a random generation
    presence.journal   one line per change since, each naming that generation:
                       {"g": GENERATION, "ops": [[TABLE, DOC_ID, DOC or null], ...]}

A change appends one line and flushes the journal: one flush, no rename, so a check-in
costs about what a database commit does. A line is whole or it is not there: a change is
only confirmed once its line is on disk, and a line cut short by a power cut (the last
one, without its line break) is a change that was never confirmed, so it is left out and
cut away before the next line is written. Every so often the journal is compacted: the
tables are written to a new snapshot with a new generation (atomically, as every data
file is), which makes every older line stale at once, and the journal is replaced by an
empty one. A change that touches other files too is written that way, with them (see
kiosk.storage.intent). Readers apply only the lines of their snapshot's generation, and read
only the bytes added since they last looked.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from kiosk import text
from kiosk.errors import DataError, StorageError
from kiosk.language import _
from kiosk.storage import staging
from kiosk.storage.datafile import DataFile, Table, Tables
from kiosk.storage.files import FILE_MODE, META, encode, explain, sync_folder, write_atomically
from kiosk.storage.staging import HeldJournal, Op, Signature

Reads = Mapping[str, Callable[[dict[str, Any]], object]]
"""How the documents of each table are read: one that cannot be read is damage."""

COMPACT_AFTER = 256 << 10
"""Journal bytes after which the next change compacts it into a new snapshot."""


class JournaledFile(DataFile):
    """A data file kept as a snapshot plus a journal of changes (see the module docstring)."""

    def __init__(self, path: Path, reads: Reads) -> None:
        super().__init__(path)
        self.journal = path.with_suffix(".journal")
        self.reads = reads
        self._snapshot: Signature | None = None
        self._generation = ""
        self._tables: Tables = {}
        self._read_to = 0
        self._lines_read = 0
        self._journal_inode = -1

    # -- reading ---------------------------------------------------------------------

    def tables(self) -> Tables:
        held = self._held()
        if held is not None:
            return held.tables
        while True:
            snapshot = self.storage.read() or {}
            current = self.storage.known_signature()
            if current != self._snapshot:
                self._snapshot, self._generation = current, generation_of(snapshot)
                self._tables = {name: dict(docs) for name, docs in snapshot.items()}
                self._read_to, self._lines_read, self._journal_inode = 0, 0, -1
            if self._caught_up():
                return self._tables
            self._snapshot = None  # the journal was emptied or replaced: read both afresh

    def _caught_up(self) -> bool:
        """Apply the journal's lines written since the last look; False if the journal is
        not the one read so far."""
        try:
            status = os.lstat(self.journal)
        except FileNotFoundError:
            return self._read_to == 0
        if self._journal_inode == -1:
            self._journal_inode = status.st_ino
        if status.st_ino != self._journal_inode or status.st_size < self._read_to:
            return False
        if status.st_size > self._read_to:
            added = _read_from(self.journal, self._read_to)
            end = added.rfind(b"\n") + 1  # a last line without its break is not yet written
            lines = added[:end].splitlines()
            try:
                changes = [
                    read_line(line, self.journal, self._lines_read + number, self.reads)
                    for number, line in enumerate(lines)
                ]
            except DataError:
                if self._replaced_since(status):
                    return False  # a compaction emptied it while it was read: not damage
                raise
            for change in changes:
                if change["g"] == self._generation:
                    self._apply(change["ops"])
            self._read_to += end
            self._lines_read += len(lines)
        return True

    def _replaced_since(self, seen: os.stat_result) -> bool:
        """Whether the snapshot or the journal changed since the journal was seen as
        `seen`, as a compaction by another process changes them: what was read from the
        journal may then be the middle of a line written after it was emptied."""
        try:
            now = os.lstat(self.journal)
        except FileNotFoundError:
            return True
        return self.storage.changed() or now.st_ino != seen.st_ino or now.st_size < seen.st_size

    def _apply(self, ops: list[Op]) -> None:
        for table, doc_id, doc in ops:
            docs = self._tables.setdefault(table, {})
            if doc is None:
                docs.pop(doc_id, None)
            else:
                docs[doc_id] = doc

    def changed(self) -> bool:
        if self.storage.changed():
            return True
        try:
            status = os.lstat(self.journal)
        except FileNotFoundError:
            return self._read_to != 0
        return status.st_ino != self._journal_inode or status.st_size != self._read_to

    def version(self) -> object:
        held = self._held()
        if held is not None:
            return held.serial
        return (self._snapshot, self._journal_inode, self._read_to)

    def _held(self) -> HeldJournal | None:
        """The tables a change open on this thread holds back for this file, if any."""
        staged = staging.current()
        return None if staged is None else staged.held_journal(self.path)

    # -- writing ---------------------------------------------------------------------

    @contextmanager
    def changing(self) -> Iterator[Tables]:
        """Edit the tables; the change is appended to the journal as one line, flushed
        (within a change to several files, the tables are written whole with them)."""
        before = self.tables()
        editing = _CopiedWhenUsed(before)
        yield editing
        tables = dict(editing)
        ops: list[Op] = []
        for name in editing.used:
            docs, old = tables.get(name, {}), before.get(name, {})
            if isinstance(docs, _EditedTable) and docs.touched is not None:
                ops += [
                    (name, i, docs.get(i)) for i in docs.touched if docs.get(i) is not old.get(i)
                ]
                continue
            ops += [(name, i, doc) for i, doc in docs.items() if old.get(i) is not doc]
            ops += [(name, i, None) for i in old if i not in docs]
        if not ops:
            return
        staged = staging.current()
        if staged is not None:
            staged.hold_journal(self.path, self, tables, ops)
        else:
            self.write_change(tables, ops)

    def write_change(self, tables: Tables, ops: list[Op] | None) -> None:
        if ops is None or not self._generation or self._journal_size() >= COMPACT_AFTER:
            self._compact(tables)
        else:
            self._read_to = self._append({"g": self._generation, "ops": ops})
            self._lines_read += 1
            self._apply(ops)

    def _journal_size(self) -> int:
        try:
            return os.lstat(self.journal).st_size
        except FileNotFoundError:
            return 0

    def compact(self, tables: Tables | None = None) -> None:
        """Write the tables (as they are, or `tables`) as a new snapshot of a new
        generation, then empty the journal, so it keeps no trace of earlier changes."""
        if tables is None:
            tables = {name: dict(docs) for name, docs in self.tables().items()}
        staged = staging.current()
        if staged is not None:
            staged.hold_journal(self.path, self, tables, None)
        else:
            self._compact(tables)

    def snapshot(self, tables: Tables) -> dict[Path, bytes]:
        tables[META] = {"1": {**tables.get(META, {}).get("1", {}), "journal": _new_generation()}}
        return {self.path: encode(tables), self.journal: b""}

    def _compact(self, tables: Tables) -> None:
        files = self.snapshot(tables)
        write_atomically(self.path, files[self.path])
        # The journal's lines are of the old generation now, stale whatever it holds: if
        # it cannot be emptied, the change is made all the same.
        with suppress(StorageError):
            write_atomically(self.journal, files[self.journal])
        self.tables()

    def _append(self, change: dict[str, Any]) -> int:
        """Append one change, flushed; the journal's size after it."""
        line = json.dumps(change, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
        new = not self.journal.exists()
        try:
            descriptor = os.open(
                self.journal,
                os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW | os.O_CLOEXEC,
                FILE_MODE,
            )
        except OSError as error:
            raise StorageError(explain(error, self.journal)) from error
        size = os.fstat(descriptor).st_size
        try:
            _cut_unfinished_line(descriptor)
            size = os.fstat(descriptor).st_size
            view = memoryview(line)
            while view:
                view = view[os.write(descriptor, view) :]
            os.fdatasync(descriptor)
            if new:
                sync_folder(self.journal.parent)
                self._journal_inode = os.fstat(descriptor).st_ino
            return os.fstat(descriptor).st_size
        except OSError as error:
            # This change was not made: whatever part of its line was written goes again,
            # and so does the journal if this change made it.
            with suppress(OSError):
                if new:
                    os.unlink(self.journal)
                else:
                    os.ftruncate(descriptor, size)
            raise StorageError(explain(error, self.journal)) from error
        finally:
            os.close(descriptor)


class _CopiedWhenUsed(dict[str, Table]):
    """A file's tables for a change to edit, each copied the first time the change asks
    for it: a check-in pays for copying and comparing the visits alone, however many
    notices wait in the outbox's tables beside them."""

    def __init__(self, tables: Tables) -> None:
        super().__init__(tables)
        self.used: set[str] = set()

    def _use(self, name: str) -> None:
        if name not in self.used:
            self.used.add(name)
            if super().__contains__(name):
                super().__setitem__(name, _EditedTable(super().__getitem__(name)))

    def __getitem__(self, name: str) -> Table:
        self._use(name)
        return super().__getitem__(name)

    def __setitem__(self, name: str, table: Table) -> None:
        self.used.add(name)
        super().__setitem__(name, table)

    def __delitem__(self, name: str) -> None:
        self.used.add(name)  # every document of it removed
        super().__delitem__(name)

    def get(self, name: str, default: Any = None) -> Any:
        self._use(name)
        return super().get(name, default)

    def setdefault(self, name: str, default: Any = None) -> Any:
        self._use(name)
        return super().setdefault(name, default)

    def values(self) -> Any:
        for name in list(self):
            self._use(name)
        return super().values()

    def items(self) -> Any:
        for name in list(self):
            self._use(name)
        return super().items()


class _EditedTable(dict[str, dict[str, Any]]):
    """A copy of a table for a change to edit that notes which documents it set or
    removed, so the change is found without comparing every document: queuing a notice
    costs the same however many wait. Any other edit makes it compared whole."""

    def __init__(self, docs: Table) -> None:
        super().__init__(docs)
        self.touched: dict[str, None] | None = {}
        """The ids set or removed, in order; None once it must be compared whole."""

    def __setitem__(self, doc_id: str, doc: dict[str, Any]) -> None:
        if self.touched is not None:
            self.touched[doc_id] = None
        super().__setitem__(doc_id, doc)

    def __delitem__(self, doc_id: str) -> None:
        if self.touched is not None:
            self.touched[doc_id] = None
        super().__delitem__(doc_id)

    def _whole(self) -> None:
        self.touched = None

    def pop(self, *args: Any) -> Any:
        self._whole()
        return super().pop(*args)

    def popitem(self) -> tuple[str, dict[str, Any]]:
        self._whole()
        return super().popitem()

    def clear(self) -> None:
        self._whole()
        super().clear()

    def update(self, *args: Any, **kwargs: Any) -> None:
        self._whole()
        super().update(*args, **kwargs)

    def setdefault(self, doc_id: str, default: Any = None) -> Any:
        self._whole()
        return super().setdefault(doc_id, default)

    def __ior__(self, other: Any) -> _EditedTable:  # type: ignore[override,misc]
        self.update(other)
        return self


def generation_of(tables: Tables) -> str:
    """The snapshot's generation: the journal lines that apply to it carry the same."""
    meta = tables.get(META, {}).get("1", {})
    value = meta.get("journal", "") if isinstance(meta, dict) else ""
    return value if isinstance(value, str) else ""


def _new_generation() -> str:
    return os.urandom(8).hex()


def _read_from(path: Path, offset: int) -> bytes:
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        raise DataError(
            _("{path} cannot be read: {strerror}.").format(path=path, strerror=error.strerror), path
        ) from error
    try:
        os.lseek(descriptor, offset, os.SEEK_SET)
        chunks = []
        while chunk := os.read(descriptor, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def read_line(raw: bytes, path: Path, number: int, reads: Reads) -> dict[str, Any]:
    """One journal line, read strictly: anything but a change the kiosk wrote, with every
    record in it complete, is damage."""
    try:
        change = json.loads(raw)
        ops = change["ops"]
        if not isinstance(change["g"], str) or not isinstance(ops, list):
            raise TypeError(_("it is not a change"))
        for op in ops:
            table, doc_id, doc = op
            if not isinstance(table, str) or not isinstance(doc_id, str):
                raise TypeError(_("it is not a change"))
            if doc is not None and not isinstance(doc, dict):
                raise TypeError(_("it is not a change"))
            if doc is not None and table in reads:
                reads[table](doc)
    except (ValueError, KeyError, TypeError, RecursionError) as error:
        if isinstance(error, json.JSONDecodeError | UnicodeDecodeError):
            problem = "it is not valid JSON"
        elif isinstance(error, KeyError):
            problem = f"{error.args[0]} is missing"
        else:
            problem = str(error)
        raise DataError(
            _(
                "{path} is damaged: its line {number} is not a change the kiosk wrote ({problem})."
            ).format(
                path=path,
                number=number + 1,
                problem=text.shortened(problem or _("it is not a change"), 100),
            ),
            path,
        ) from None
    return change  # type: ignore[no-any-return]


def _cut_unfinished_line(descriptor: int) -> None:
    """Cut away a last line a power cut left without its line break, however long it is:
    only that line goes, never a whole line before it."""
    size = os.fstat(descriptor).st_size
    if size == 0 or os.pread(descriptor, 1, size - 1) == b"\n":
        return
    end = size
    while end > 0:
        start = max(end - _LOOK_BACK, 0)
        line_break = os.pread(descriptor, end - start, start).rfind(b"\n")
        if line_break >= 0:
            os.ftruncate(descriptor, start + line_break + 1)
            return
        end = start
    os.ftruncate(descriptor, 0)  # the journal holds that one unfinished line alone


_LOOK_BACK = 1 << 16
"""Bytes read at a time, from the end, looking for the last whole line."""
