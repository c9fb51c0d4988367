"""Backups a host can restore from: checked, numbered copies that share nothing.

    backups/000001-2026-11-26/ one backup: a copy of every live file that read as valid,
        manifest.json          and the SHA-256 of every file it holds, history included
    backups/history/           each history file's copy, kept once for every backup
                               (`DAY[.BATCH]@CHECKSUM.json`), since past days never change

A backup copies a file only after reading it as good data, so damage is never copied
over a good backup. Backups are numbered in the order they were made, whatever the
clock said. The newest `backups_to_keep` are kept, and an older one is only removed
once every file in it has a good copy in a newer backup. No two copies share storage
with each other or with the live files (no hard links), so damage to one spoils no other.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path

from kiosk.errors import Busy, DataError, StorageError
from kiosk.language import N_, _
from kiosk.progress import Progress
from kiosk.storage import intent
from kiosk.storage.checks import check_bytes, kind_of
from kiosk.storage.daily_backup import FOLDER, PROBLEM, numbered
from kiosk.storage.files import (
    FolderLock,
    explain,
    make_folder,
    read_regular,
    sync_folder,
    write_atomically,
    write_together,
)
from kiosk.storage.store import Store
from kiosk.timekeeping.opening import current_day

MANIFEST = "manifest.json"
_LEFTOVER = re.compile(r"\.(building|removing)-.+")
"""A backup being made or removed when its process stopped (see `leftovers`)."""
_ASIDE = re.compile(r"(?P<name>.+)\.damaged-\d{8}-\d{6}(?:-(?P<after>\d{6}))?")
"""A damaged file kept beside the one repaired from it (see `Aside`)."""


@dataclass(slots=True, frozen=True)
class Backup:
    """One backup: its number, when it was made, and the checksum of each file."""

    folder: Path
    sequence: int
    made: datetime
    day: str
    """The local day it was made on, by the clock of the time."""
    files: dict[str, str]
    """Relative path → SHA-256 of its copy."""
    stamps: dict[str, list[int]]
    """Relative path of a history file → [size, mtime] of the live file copied."""

    def __str__(self) -> str:
        return f"backup {self.sequence} (of {self.day})"

    def copy_of(self, relative: str, history: Path) -> Path:
        if relative.startswith("history/"):
            return history / history_copy_name(relative, self.files[relative])
        return self.folder / relative


@dataclass(slots=True, frozen=True)
class BadCopy:
    """A backup copy that does not match its checksum, or does not read as data."""

    path: Path
    problem: str

    def __str__(self) -> str:
        return f"{self.path} is damaged: {self.problem}"


class _Copies:
    """Copies waiting to be written, flushed to the disk together a few dozen MB at a time."""

    LIMIT = 32 << 20

    def __init__(self) -> None:
        self.waiting: dict[Path, bytes] = {}
        self.size = 0

    def add(self, path: Path, raw: bytes) -> None:
        self.waiting[path] = raw
        self.size += len(raw)
        if self.size >= self.LIMIT:
            self.flush()

    def flush(self) -> None:
        if self.waiting:
            write_together(self.waiting)
        self.waiting, self.size = {}, 0


def _holds(copy: Path, checksum: str) -> bool:
    """Whether `copy` is there and holds what has this checksum."""
    try:
        return hashlib.sha256(read_regular(copy)).hexdigest() == checksum
    except DataError:
        return False


def _damaged_in(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.iterdir() if ".damaged-" in p.name]
    except FileNotFoundError:
        return []


def history_copy_name(relative: str, checksum: str) -> str:
    return f"{Path(relative).stem}@{checksum[:16]}.json"


class Backups:
    """The backups of one data folder."""

    def __init__(self, store: Store, keep: int = 7) -> None:
        self.store = store
        self.keep = max(keep, 1)
        self.folder = store.root / FOLDER
        self.history = self.folder / "history"

    # -- reading -------------------------------------------------------------------

    def all(self) -> list[Backup]:
        """Every backup whose manifest reads, newest first."""
        found = []
        for folder in numbered(self.folder):
            backup = self._read(folder)
            if backup is not None:
                found.append(backup)
        return sorted(found, key=lambda b: b.sequence, reverse=True)

    def _read(self, folder: Path) -> Backup | None:
        try:
            doc = json.loads(read_regular(folder / MANIFEST))
            return Backup(
                folder=folder,
                sequence=int(folder.name[:6]),
                made=datetime.fromisoformat(doc["made"]),
                day=str(doc["day"]),
                files={str(k): str(v) for k, v in doc["files"].items()},
                stamps={str(k): list(v) for k, v in doc.get("stamps", {}).items()},
            )
        except (DataError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return None

    def verify(self, backup: Backup, relative: str) -> BadCopy | None:
        """Whether one copy matches its checksum and reads as good data."""
        copy = backup.copy_of(relative, self.history)
        try:
            raw = read_regular(copy)
        except DataError as error:
            return BadCopy(copy, str(error).removeprefix(f"{copy} "))
        if hashlib.sha256(raw).hexdigest() != backup.files[relative]:
            return BadCopy(copy, "its contents do not match the checksum it was made with")
        try:
            check_bytes(raw, self.store.root / relative)
        except DataError as error:
            return BadCopy(copy, str(error))
        return None

    def problems(self) -> list[BadCopy]:
        """Every damaged backup copy, and every backup whose manifest cannot be read."""
        bad = [
            BadCopy(folder / MANIFEST, "the list of what this backup holds cannot be read")
            for folder in numbered(self.folder)
            if self._read(folder) is None
        ]
        checked: set[Path] = set()
        for backup in self.all():
            for relative in backup.files:
                copy = backup.copy_of(relative, self.history)
                if copy not in checked:
                    checked.add(copy)
                    problem = self.verify(backup, relative)
                    if problem is not None:
                        bad.append(problem)
        return bad

    def copy_of(self, backup: Backup, path: Path) -> Path:
        """Where `backup` keeps its copy of the live file `path`."""
        return backup.copy_of(path.relative_to(self.store.root).as_posix(), self.history)

    def newest_good(self, path: Path) -> Backup | None:
        """The newest backup holding a good copy of the live file `path`."""
        relative = path.relative_to(self.store.root).as_posix()
        for backup in self.all():
            if relative in backup.files and self.verify(backup, relative) is None:
                return backup
        return None

    # -- making --------------------------------------------------------------------

    def make(self, now: datetime, zone: tzinfo, progress: Progress | None = None) -> Backup | None:
        """Make a backup now and rotate; None when another process is making one. Its
        folder is named for the day of `now` in `zone`, the kiosk's time zone; `progress`
        hears of each file backed up."""
        try:
            make_folder(self.folder)
            with self._lock().held():
                self._clear_leftovers()
                backup = self._make(now, current_day(now, zone).isoformat(), progress)
                self._rotate()
        except Busy:
            return None  # another process is making this backup right now
        except StorageError as error:
            self._note_problem(str(error))
            raise
        self._clear_problem()
        return backup

    def _lock(self) -> FolderLock:
        """Taken by whoever makes a backup, or tidies the backups: never waited for."""
        return FolderLock(self.folder / ".lock", timeout=0)

    def leftovers(self) -> list[Path]:
        """What a backup stopped part way left: a backup being made, or one being removed."""
        try:
            return sorted(p for p in self.folder.iterdir() if _LEFTOVER.fullmatch(p.name))
        except FileNotFoundError:
            return []

    def clear_leftovers(self) -> list[Path] | None:
        """Remove what backups stopped part way left; None while a backup is being made."""
        try:
            with self._lock().held():
                return self._clear_leftovers()
        except Busy:
            return None

    def _clear_leftovers(self) -> list[Path]:
        leftovers = self.leftovers()
        for leftover in leftovers:
            shutil.rmtree(leftover, ignore_errors=True)
        return leftovers

    def _make(self, now: datetime, day: str, progress: Progress | None) -> Backup:
        import tempfile  # late: a command at the door only asks whether a backup is due

        previous = self.all()
        sequence = max((int(p.name[:6]) for p in numbered(self.folder)), default=0) + 1
        target = self.folder / f"{sequence:06d}-{day}"
        building = Path(tempfile.mkdtemp(prefix=".building-", dir=self.folder))
        try:
            make_folder(self.history)
            copies = _Copies()
            files, stamps, skipped = self._copy_files(building, previous, copies, progress)
            manifest = {
                "made": now.isoformat(),
                "day": day,
                "files": files,
                "stamps": stamps,
                "skipped": skipped,
            }
            copies.add(building / MANIFEST, json.dumps(manifest).encode())
            copies.flush()
            os.rename(building, target)
            sync_folder(self.folder)
        except (OSError, StorageError) as error:
            # Said of the backup, not of the folder it was being made in.
            failed = error if isinstance(error, OSError) else error.__cause__
            if not isinstance(failed, OSError):
                raise
            raise StorageError(explain(failed, target, N_("The backup was not made"))) from error
        finally:
            shutil.rmtree(building, ignore_errors=True)
        backup = self._read(target)
        assert backup is not None
        return backup

    def _copy_files(
        self, building: Path, previous: list[Backup], copies: _Copies, progress: Progress | None
    ) -> tuple[dict[str, str], dict[str, list[int]], dict[str, str]]:
        files: dict[str, str] = {}
        stamps: dict[str, list[int]] = {}
        skipped: dict[str, str] = {}
        known = {}  # history files unchanged since an earlier backup need no new copy
        for backup in reversed(previous):
            for relative, stamp in backup.stamps.items():
                known[relative] = (stamp, backup.files[relative])
        root = self.store.root
        live = list(self.store.data_files())
        for done, path in enumerate(live):
            if progress is not None:
                progress(done, len(live))
            relative = path.relative_to(root).as_posix()
            status = os.lstat(path)
            stamp = [status.st_size, status.st_mtime_ns]
            history = relative.startswith("history/")
            if history and relative in known and known[relative][0] == stamp:
                checksum = known[relative][1]
                if _holds(self.history / history_copy_name(relative, checksum), checksum):
                    files[relative], stamps[relative] = checksum, stamp
                    continue
            try:
                raw = read_regular(path)
                check_bytes(raw, path)
            except DataError as error:
                skipped[relative] = str(error)  # never copy damage over a good backup
                continue
            checksum = hashlib.sha256(raw).hexdigest()
            if history:
                copy = self.history / history_copy_name(relative, checksum)
                if not _holds(copy, checksum):  # missing, or damaged since: made again
                    copies.add(copy, raw)
                stamps[relative] = stamp
            else:
                copy = building / relative
                make_folder(copy.parent)
                copies.add(copy, raw)
            files[relative] = checksum
        if progress is not None:
            progress(len(live), len(live))
        return files, stamps, skipped

    def _rotate(self) -> None:
        backups = self.all()
        live = {p.relative_to(self.store.root).as_posix() for p in self.store.data_files()}
        intact: dict[Path, bool] = {}

        def sound(backup: Backup, relative: str) -> bool:
            # Every copy read as good data when it was made: its checksum says it is unchanged.
            copy = backup.copy_of(relative, self.history)
            if copy not in intact:
                try:
                    digest = hashlib.sha256(read_regular(copy)).hexdigest()
                except DataError:
                    digest = ""
                intact[copy] = digest == backup.files[relative]
            return intact[copy]

        def covered(relative: str, old: Backup, newer: list[Backup]) -> bool:
            return any(
                # A history copy kept once for both is the same file: it stays for the newer.
                (b.files[relative] == old.files[relative] and relative.startswith("history/"))
                or sound(b, relative)
                for b in newer
                if relative in b.files
            )

        for index in range(len(backups) - 1, self.keep - 1, -1):
            old, newer = backups[index], backups[:index]
            # A file's only good copy stays, however old, while the live file exists.
            needed = {
                relative
                for relative in old.files
                if relative in live and not covered(relative, old, newer) and sound(old, relative)
            }
            if not needed:
                self._remove(old.folder)
            elif needed != set(old.files):
                self._keep_only(old, needed)
        for backup in self.all():
            self._drop_unlisted(backup)
        self._collect_history()
        self.remove_old_asides()
        for legacy in self.folder.iterdir():
            # Day-named folders of an older kiosk hold a layout this one cannot restore.
            if legacy.is_dir() and len(legacy.name) == 10 and legacy.name[4] == "-":
                shutil.rmtree(legacy, ignore_errors=True)

    def _remove(self, folder: Path) -> None:
        # Renamed first, in one step: a removal stopped part way leaves a leftover the
        # next backup clears, never a backup with copies missing.
        removing = folder.with_name(f".removing-{folder.name}")
        os.rename(folder, removing)
        shutil.rmtree(removing, ignore_errors=True)

    def _keep_only(self, backup: Backup, needed: set[str]) -> None:
        # The list first: a copy stops being listed before it goes, never after.
        manifest = {
            "made": backup.made.isoformat(),
            "day": backup.day,
            "files": {r: backup.files[r] for r in needed},
            "stamps": {r: backup.stamps[r] for r in needed if r in backup.stamps},
        }
        write_atomically(backup.folder / MANIFEST, json.dumps(manifest).encode())

    def _drop_unlisted(self, backup: Backup) -> None:
        """Remove the copies a backup no longer lists (a trimming stopped part way)."""
        listed = {backup.folder / r for r in backup.files} | {backup.folder / MANIFEST}
        for path in backup.folder.rglob("*"):
            if path.is_file() and path not in listed:
                path.unlink(missing_ok=True)

    def asides(self) -> list[Aside]:
        """The damaged files kept beside the files repaired from them."""
        root = self.store.root
        found = (
            Aside.of(p)
            for folder in (root, root / "members", root / "history")
            for p in _damaged_in(folder)
        )
        return sorted((a for a in found if a is not None), key=lambda a: a.path)

    def remove_old_asides(self) -> list[Aside]:
        """Remove each damaged file kept from a repair once no backup of its time is
        kept: it may hold a deleted member's data, which leaves with those backups."""
        kept = [b.sequence for b in self.all()]
        gone = [a for a in self.asides() if all(sequence > a.after for sequence in kept)]
        for aside in gone:
            aside.path.unlink(missing_ok=True)
        return gone

    def _collect_history(self) -> None:
        """Remove history copies no backup lists any more."""
        listed = {
            history_copy_name(relative, checksum)
            for backup in self.all()
            for relative, checksum in backup.files.items()
            if relative.startswith("history/")
        }
        try:
            copies = list(self.history.iterdir())
        except FileNotFoundError:
            return
        for copy in copies:
            if copy.name not in listed:
                copy.unlink(missing_ok=True)

    def _note_problem(self, problem: str) -> None:
        # On the same full disk this fails too; the caller reports the problem anyway.
        with suppress(StorageError):
            write_atomically(self.folder / PROBLEM, problem.encode())

    def _clear_problem(self) -> None:
        (self.folder / PROBLEM).unlink(missing_ok=True)


def aside_name(path: Path, now: datetime, backups: Backups) -> Path:
    """Where a damaged file is kept beside the one repaired: NAME.damaged-WHEN-NNNNNN,
    NNNNNN being the newest backup then (see `Aside`)."""
    newest = max((b.sequence for b in backups.all()), default=0)
    return path.with_name(f"{path.name}.damaged-{now:%Y%m%d-%H%M%S}-{newest:06d}")


@dataclass(frozen=True, slots=True)
class Aside:
    """A damaged file kept beside the one repaired."""

    path: Path
    after: int
    """The newest backup when it was set aside (0: none, or a kiosk that did not say).
    It may hold a member's data that has since been deleted; so, as the backups of its
    time do, it goes once no backup that old is kept."""

    @classmethod
    def of(cls, path: Path) -> Aside | None:
        named = _ASIDE.fullmatch(path.name)
        return None if named is None else cls(path, int(named["after"] or 0))


def backup_hint(backups: Backups, path: Path, newer: bool) -> str:
    """What a host can do about a file that cannot be read, naming the newest good backup."""
    if kind_of(path) == "journal" and not newer:
        return _(
            "Nothing was changed. `kiosk doctor --restore` leaves out each line that is not "
            "a whole change, and keeps the rest."
        )
    if path.name == intent.INTENT:
        return _("Nothing was changed. {what_to_do}").format(what_to_do=_(intent.WHEN_DAMAGED))
    backup = backups.newest_good(path) if path.is_relative_to(backups.store.root) else None
    if newer and backup is None:
        return _("Nothing was changed. Update the kiosk to read it.")
    if backup is None:
        return _("Nothing was changed. There is no good backup of it yet.")
    if newer:
        return _(
            "Nothing was changed. Update the kiosk to read it. The newest backup, of older "
            "data, is {folder}."
        ).format(folder=backup.folder)
    return _(
        "Nothing was changed. The newest good backup of it is in {folder}; "
        "`kiosk doctor --restore` puts it back."
    ).format(folder=backup.folder)
