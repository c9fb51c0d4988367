"""The data folder: which file holds what, the lock all processes share, and backups.

Layout (schema 2):

    members.json          members
    presence.json         open visits: who is here now
    shoutouts.json        shout-outs
    history/YYYY-MM-DD.json   closed visits, by the UTC day they began
    backups/YYYY-MM-DD/   daily copies of all of the above
    .lock                 taken around every read-modify-write, by every process

A check-in touches presence.json alone and a check-out adds one day file, so their cost
does not grow with years of history.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from filelock import FileLock, Timeout
from tinydb.table import Table

from kiosk.errors import DataError, NewerData, StorageError, UsageError
from kiosk.models import Member, ShoutOut, Visit, history_day
from kiosk.storage import AtomicJSONStorage, explain, load, sync_folder, write_atomically

Record = TypeVar("Record")

LIVE_FILES = ("members.json", "presence.json", "shoutouts.json")
LEGACY_FILE = "kiosk.json"
"""Schema 1: one plain TinyDB file with the tables members, visits and shoutouts."""


class DataFile:
    """One TinyDB file of the data folder."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.storage = AtomicJSONStorage(path)

    def table(self, name: str) -> Table:
        # A fresh Table for each use: TinyDB caches queries and the next document id
        # per Table object, and another process may have written since.
        return Table(self.storage, name, cache_size=0)

    def docs(self, name: str) -> list[dict[str, Any]]:
        return [dict(doc) for doc in self.table(name).all()]

    def records(self, name: str, parse: Callable[[dict[str, Any]], Record]) -> list[Record]:
        """The table's documents read by `parse`; a document it cannot read is damage."""
        try:
            return [parse(doc) for doc in self.docs(name)]
        except (KeyError, TypeError, ValueError) as error:
            raise DataError(
                f"{self.path} is damaged: a record in its {name} is incomplete or wrong "
                f"({error!r})."
            ) from error

    def changed(self) -> bool:
        return self.storage.changed()


class Store:
    """The data folder of one community."""

    def __init__(self, root: Path, backups_to_keep: int = 7) -> None:
        self.root = root
        self.backups_to_keep = backups_to_keep
        self.members = DataFile(root / "members.json")
        self.presence = DataFile(root / "presence.json")
        self.shoutouts = DataFile(root / "shoutouts.json")
        self._lock = FileLock(root / ".lock", timeout=20)
        self._backed_up_on: date | None = None

    @classmethod
    def open(cls, root: Path, backups_to_keep: int = 7, create: bool = True) -> Store:
        """Open a data folder (making it if `create`); refuse damaged or newer live files."""
        if not create and not root.is_dir():
            raise UsageError(
                f"There is no data folder at {root}. Start one with `kiosk demo` or "
                "`kiosk members add NAME`, or give the right folder with --data."
            )
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DataError(f"The data folder {root} cannot be made: {error.strerror}.") from error
        store = cls(root, backups_to_keep)
        if (root / LEGACY_FILE).exists():
            with store.locked():
                # Another process may have migrated while this one waited for the lock.
                if (root / LEGACY_FILE).exists():
                    store.migrate_from_v1()
        store.refuse_problems(store.data_files(include_history=False))
        return store

    # -- locking -------------------------------------------------------------

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the lock every process takes around a read-modify-write."""
        try:
            self._lock.acquire()
        except Timeout as error:
            raise StorageError(
                "Not saved: another program has held the kiosk data for 20 seconds. "
                "Nothing was changed; please try again."
            ) from error
        except OSError as error:  # the lock file cannot be opened: a read-only or full disk
            raise StorageError(explain(error, Path(self._lock.lock_file))) from error
        try:
            yield
        finally:
            self._lock.release()

    # -- history -------------------------------------------------------------

    def history_file(self, day: date) -> DataFile:
        # Not kept open: a year of past days would otherwise stay parsed in memory.
        return DataFile(self.root / "history" / f"{day.isoformat()}.json")

    def history_days(self) -> list[date]:
        """Days that have closed visits, oldest first."""
        folder = self.root / "history"
        if not folder.is_dir():
            return []
        days = []
        for path in folder.glob("*.json"):
            try:
                days.append(date.fromisoformat(path.stem))
            except ValueError:
                continue
        return sorted(days)

    def ensure_history_folder(self) -> None:
        folder = self.root / "history"
        if folder.is_dir():
            return
        try:
            folder.mkdir(exist_ok=True)
            # Durable before any day file in it is: a rename inside a folder that a power
            # cut forgets is lost with it.
            sync_folder(self.root)
        except OSError as error:
            raise StorageError(explain(error, folder)) from error

    # -- checks and repair --------------------------------------------------

    def data_files(self, include_history: bool = True) -> list[Path]:
        paths = [self.root / name for name in LIVE_FILES]
        if include_history:
            paths += [self.history_file(day).path for day in self.history_days()]
        return [path for path in paths if path.exists()]

    def problems(self, paths: Iterable[Path] | None = None) -> list[DataProblem]:
        """Each data file (of `paths`, or all) that cannot be read, and what is wrong with it."""
        found = []
        for path in self.data_files() if paths is None else paths:
            try:
                check(self._data_file(path))
            except DataError as error:
                found.append(DataProblem(path, str(error), isinstance(error, NewerData)))
        return found

    def refuse_problems(self, paths: Iterable[Path]) -> None:
        """Raise DataError for the first of `paths` that cannot be read, saying what to do."""
        for problem in self.problems(path for path in paths if path.exists()):
            raise DataError(f"{problem}\n{self.backup_hint(problem)}")

    def _data_file(self, path: Path) -> DataFile:
        # A live file is checked through the store's own DataFile, so the parse is cached
        # and the community reading it next does not parse it again.
        live = {f.path: f for f in (self.members, self.presence, self.shoutouts)}
        return live.get(path) or DataFile(path)

    def backups(self) -> list[Path]:
        """Backup folders, newest first."""
        folder = self.root / "backups"
        if not folder.is_dir():
            return []
        return sorted((p for p in folder.iterdir() if _is_day(p.name)), reverse=True)

    def newest_good_backup(self, path: Path) -> Path | None:
        relative = path.relative_to(self.root)
        for backup in self.backups():
            candidate = backup / relative
            if candidate.exists():
                try:
                    check(DataFile(candidate))
                except DataError:
                    continue
                return candidate
        return None

    def backup_hint(self, problem: DataProblem) -> str:
        """What a host can do about `problem`, naming the newest good backup."""
        backup = self.newest_good_backup(problem.path)
        if problem.newer:
            older = "" if backup is None else f" The newest backup, of older data, is {backup}."
            return f"Nothing was changed. Update the kiosk to read it.{older}"
        if backup is None:
            return "Nothing was changed. There is no backup of it yet."
        return (
            f"Nothing was changed. The newest good backup is {backup}; "
            "`kiosk doctor --restore` puts it back."
        )

    def restore(self, path: Path, now: datetime) -> Path | None:
        """Put the newest good backup of `path` in its place, keeping the damaged file aside."""
        backup = self.newest_good_backup(path)
        if backup is None:
            return None
        with self.locked():
            aside = path.with_name(f"{path.name}.damaged-{now:%Y%m%d-%H%M%S}")
            try:
                shutil.copy2(path, aside)
            except OSError as error:
                raise StorageError(explain(error, aside, "Not restored")) from error
            # Only now replace the damaged file: if this fails, it is still in place.
            write_atomically(path, backup.read_bytes())
        return backup

    def remove_leftovers(self) -> list[Path]:
        """Delete temporary files left by a process that died while writing."""
        with self.locked():
            leftovers = [*self.root.glob(".*.tmp"), *self.root.glob("history/.*.tmp")]
            for path in leftovers:
                path.unlink(missing_ok=True)
        return leftovers

    # -- backups -------------------------------------------------------------

    def backup_daily(self, today: date) -> Path | None:
        """Make today's backup if there is none yet; cheap after the first call of a day.

        Tried once a day by each process: a backup that failed is not retried on every
        write (`kiosk backup` makes one on demand).
        """
        if self._backed_up_on == today:
            return None
        self._backed_up_on = today
        target = self.root / "backups" / today.isoformat()
        return None if target.exists() else self.backup(today)

    def backup(self, today: date) -> Path:
        """Copy every data file into backups/<today>, then keep the newest few backups.

        A backup is a copy, not a hard link to the live file: a link shares the live
        file's bytes, so damage done to it in place (a disk error, an editor saving over
        it) would spoil every backup too. A file unchanged since the previous backup is
        linked to that backup's copy instead, so past days' history costs no space twice.
        """
        folder = self.root / "backups"
        target = folder / today.isoformat()
        building = folder / f".{today.isoformat()}.partial"
        with self.locked():
            try:
                previous = next((b for b in self.backups() if b != target), None)
                shutil.rmtree(building, ignore_errors=True)
                (building / "history").mkdir(parents=True)
                for path in self.data_files():
                    relative = path.relative_to(self.root)
                    earlier = None if previous is None else previous / relative
                    _copy_or_share(path, building / relative, earlier)
                shutil.rmtree(target, ignore_errors=True)
                os.replace(building, target)
                for old in self.backups()[max(self.backups_to_keep, 1) :]:
                    shutil.rmtree(old, ignore_errors=True)
            except OSError as error:
                shutil.rmtree(building, ignore_errors=True)
                raise StorageError(explain(error, target, "The backup was not made")) from error
        return target

    # -- migration -----------------------------------------------------------

    def migrate_from_v1(self) -> None:
        """Split a schema-1 file into the schema-2 layout; the old file goes to backups/.

        Safe to repeat: until the old file is moved away, each run rebuilds every new
        file from it.
        """
        legacy = self.root / LEGACY_FILE
        data = load(legacy)
        for name, table in (("members", "members"), ("shoutouts", "shoutouts")):
            docs = {doc_id: doc for doc_id, doc in data.get(table, {}).items()}
            _write_tables(self.root / f"{name}.json", {table: docs})
        open_visits: dict[str, dict[str, Any]] = {}
        by_day: dict[str, dict[str, dict[str, Any]]] = {}
        for doc in data.get("visits", {}).values():
            if doc.get("until") is None:
                open_visits[str(len(open_visits) + 1)] = doc
            else:
                day = history_day(datetime.fromisoformat(doc["since"])).isoformat()
                visits = by_day.setdefault(day, {})
                visits[str(len(visits) + 1)] = doc
        _write_tables(self.root / "presence.json", {"visits": open_visits})
        self.ensure_history_folder()
        for day, visits in by_day.items():
            _write_tables(self.root / "history" / f"{day}.json", {"visits": visits})
        kept = self.root / "backups" / "kiosk-schema-1.json"
        try:
            kept.parent.mkdir(exist_ok=True)
            os.replace(legacy, kept)
            # Made durable, or a power cut could bring the old file back to be migrated
            # again over check-ins made since.
            sync_folder(kept.parent)
            sync_folder(self.root)
        except OSError as error:
            raise StorageError(explain(error, kept, "Not migrated")) from error


@dataclass(slots=True, frozen=True)
class DataProblem:
    """A data file that cannot be read."""

    path: Path
    message: str
    newer: bool = False
    """Written by a newer kiosk: not damaged, so no backup should replace it."""

    def __str__(self) -> str:
        return self.message


def check(data_file: DataFile) -> None:
    """Raise DataError unless the file loads and every record in it is complete."""
    table, parse = _RECORDS.get(data_file.path.name, ("visits", Visit.from_doc))
    data_file.records(table, parse)


_RECORDS: dict[str, tuple[str, Callable[[dict[str, Any]], object]]] = {
    "members.json": ("members", Member.from_doc),
    "presence.json": ("visits", Visit.from_doc),
    "shoutouts.json": ("shoutouts", ShoutOut.from_doc),
}
"""The table each live file holds and how its records are read; history days hold visits."""


def _copy_or_share(path: Path, copy: Path, earlier: Path | None) -> None:
    """Copy `path`, or link the earlier backup's copy of it when the file has not changed.

    Writes always replace a file with a strictly newer time stamp, and a copy keeps its
    original's, so the same size and time stamp mean the same contents.
    """
    if earlier is not None:
        with suppress(OSError):  # no earlier copy, or no hard links on this disk: copy
            old, live = os.stat(earlier), os.stat(path)
            unchanged = (old.st_size, old.st_mtime_ns) == (live.st_size, live.st_mtime_ns)
            if unchanged and old.st_ino != live.st_ino:
                os.link(earlier, copy)
                return
    shutil.copy2(path, copy)


def _write_tables(path: Path, tables: dict[str, dict[str, Any]]) -> None:
    storage = AtomicJSONStorage(path)
    storage.write(dict(tables))


def _is_day(name: str) -> bool:
    try:
        date.fromisoformat(name)
    except ValueError:
        return False
    return True
