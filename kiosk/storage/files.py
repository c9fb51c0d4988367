"""Files on disk: a TinyDB storage that never leaves a half-written file, safe reading of
whatever is found in the data folder, and the lock all processes share.

Every write goes to a new temporary file in the same folder (an unpredictable name, made
exclusively, never through a link), is flushed to the disk, then renamed over the old
file, and the folder itself is flushed, so a power cut leaves either the old file or the
new one. Files are readable by their owner alone. Reads are cached and checked against
the file's identity (inode, size, modification time), so a process sees another's writes
without parsing unchanged files again. Within a change (kiosk.storage.staging) writes are held
back, and the thread making it reads the files as the change has them.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import stat
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from kiosk.errors import Busy, DataError, NewerData, StorageError
from kiosk.language import N_, _
from kiosk.storage import staging
from kiosk.storage.staging import Signature

SCHEMA = 3
"""The layout this kiosk writes: 1 was a single TinyDB file; 2 split members, presence,
shout-outs and daily history into files of their own; 3 spreads members over many small
files and files finished visits in batches."""

META = "_meta"
FILE_MODE = 0o600
FOLDER_MODE = 0o700


def signature(path: Path) -> Signature | None:
    """The identity of a file as it is now, or None if it does not exist (within a
    change, as the change has it: see kiosk.storage.staging)."""
    staged = staging.current()
    if staged is not None and staged.holds(path):
        return staged.signature(path)
    return _signature_on_disk(path)


def _signature_on_disk(path: Path) -> Signature | None:
    try:
        status = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    return (status.st_ino, status.st_size, status.st_mtime_ns)


def names_in(folder: Path) -> list[str]:
    """The names of the entries in `folder` (none if it does not exist), within a change
    as the change has them."""
    try:
        names = {entry.name for entry in os.scandir(folder)}
    except (FileNotFoundError, NotADirectoryError):
        names = set()
    staged = staging.current()
    if staged is not None:
        for path, payload in staged.files.items():
            if path.parent == folder:
                (names.add if payload is not None else names.discard)(path.name)
    return sorted(names)


def read_regular(path: Path) -> bytes:
    """The bytes of `path`, which must be a regular file (not a link, a FIFO or a device).

    Opened without following links and without blocking, so a FIFO or a device planted
    under a data file's name is reported instead of hanging the reader.
    """
    staged = staging.current()
    if staged is not None and staged.holds(path):
        payload = staged.files[path]
        if payload is None:
            raise DataError(_("{path} cannot be read: it was removed.").format(path=path), path)
        return payload
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise DataError(
                _("{path} is damaged: it is a link, not a file.").format(path=path), path
            ) from error
        raise DataError(
            _("{path} cannot be read: {strerror}.").format(path=path, strerror=error.strerror), path
        ) from error
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise DataError(
                _("{path} is damaged: it is not a regular file.").format(path=path), path
            )
        chunks = []
        while chunk := os.read(descriptor, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as error:
        raise DataError(
            _("{path} cannot be read: {strerror}.").format(path=path, strerror=error.strerror), path
        ) from error
    finally:
        os.close(descriptor)


def parse(raw: bytes, path: Path) -> dict[str, Any]:
    """Parse the bytes of a kiosk data file, raising DataError that says what is wrong."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise DataError(
            _("{path} is damaged: it is not UTF-8 text.").format(path=path), path
        ) from error
    except json.JSONDecodeError as error:
        problem = (
            "it is empty"
            if not raw.strip()
            else (f"it is cut short or not valid JSON (line {error.lineno}, column {error.colno})")
        )
        raise DataError(
            _("{path} is damaged: {problem}.").format(path=path, problem=problem), path
        ) from error
    except RecursionError as error:
        raise DataError(
            _("{path} is damaged: it is nested too deeply to be kiosk data.").format(path=path),
            path,
        ) from error
    if not isinstance(data, dict) or not all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in data.values()
    ):
        raise DataError(
            _("{path} is damaged: it does not hold kiosk tables.").format(path=path), path
        )
    schema = schema_of(data)
    if type(schema) is not int or schema < 1:
        raise DataError(
            _("{path} is damaged: its data schema ({schema!r:.40}) is not a version.").format(
                path=path, schema=schema
            ),
            path,
        )
    if schema > SCHEMA:
        raise NewerData(
            _(
                "{path} was written by a newer kiosk (data schema {schema}; this kiosk reads "
                "up to {readable}). Please update the kiosk."
            ).format(path=path, schema=schema, readable=SCHEMA),
            path,
        )
    return data


def load(path: Path) -> dict[str, Any]:
    """Read and parse a kiosk data file, raising DataError that says what is wrong with it."""
    return parse(read_regular(path), path)


def schema_of(data: dict[str, Any]) -> Any:
    """The schema version a parsed file declares (files without one are of this kiosk's)."""
    meta = data.get(META, {}).get("1", {})
    return meta.get("schema", SCHEMA) if isinstance(meta, dict) else None


def encode(data: dict[str, Any]) -> bytes:
    """The bytes of a data file holding `data`, marked with this kiosk's schema (and any
    other mark it carries, such as a journal's generation)."""
    marks = data.get(META, {}).get("1", {})
    data[META] = {"1": {**(marks if isinstance(marks, dict) else {}), "schema": SCHEMA}}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def write_atomically(path: Path, payload: bytes) -> Signature:
    """Replace `path` with `payload`, durably; on failure the old file is untouched."""
    return write_together({path: payload})[path]


def write_together(payloads: dict[Path, bytes]) -> dict[Path, Signature]:
    """Replace each file with its payload, durably: each file and each folder holding one
    is flushed, and nothing else on the machine.

    Each file is replaced whole or not at all; if the writes fail part way, the files
    not yet replaced keep their old contents. Within a change the writes are held back
    (see kiosk.storage.staging).
    """
    staged = staging.current()
    if staged is not None:
        return {path: staged.write(path, payload) for path, payload in payloads.items()}
    temporaries = write_temporaries(payloads)
    try:
        put_in_place((temporary, path) for path, temporary in temporaries.items())
        for folder in {path.parent for path in payloads}:
            sync_folder(folder)
    except OSError as error:
        for temporary in temporaries.values():
            with suppress(OSError):  # those already in place are gone by that name
                os.unlink(temporary)
        raise StorageError(explain(error, next(iter(payloads)))) from error
    signatures = {path: _signature_on_disk(path) for path in payloads}
    assert all(signatures.values())
    return signatures  # type: ignore[return-value]


def write_temporaries(payloads: dict[Path, bytes]) -> dict[Path, Path]:
    """Write each payload to a new temporary file beside its path, flushed to the disk;
    the temporary file of each path. On failure none is left, and StorageError says why."""
    temporaries: dict[Path, Path] = {}
    try:
        for path, payload in payloads.items():
            # An unpredictable name, made exclusively and never through a link, so nothing
            # planted in the folder can redirect the write elsewhere.
            temporaries[path] = path.with_name(f".{path.name}.{os.urandom(8).hex()}.tmp")
            descriptor = os.open(
                temporaries[path],
                os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC,
                FILE_MODE,
            )
            try:
                view = memoryview(payload)
                while view:
                    view = view[os.write(descriptor, view) :]
                # This file alone: a whole-machine sync would wait for every other
                # program's writes too.
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
    except OSError as error:
        for temporary in temporaries.values():
            with suppress(OSError):  # on a read-only disk it was never made
                os.unlink(temporary)
        failed = next(reversed(temporaries), next(iter(payloads)))
        raise StorageError(explain(error, failed)) from error
    return temporaries


def put_in_place(renames: Iterable[tuple[Path, Path]]) -> None:
    """Rename each flushed temporary file over its path; the caller then flushes their
    folders, so that the renames survive a power cut. Raises OSError."""
    for temporary, path in renames:
        before = _signature_on_disk(path)
        # A strictly newer time stamp, so readers notice the change even when the new
        # file has the same size and reuses the old inode number.
        stamp = max(time.time_ns(), before[2] + 1 if before else 0)
        os.utime(temporary, ns=(stamp, stamp))
        os.replace(temporary, path)


def move_aside(path: Path, aside: Path) -> None:
    """Give what is at `path` (a link, a FIFO: damage that is not a file) the name
    `aside` in the same folder, durably; held back within a change."""
    staged = staging.current()
    if staged is not None:
        staged.move(path, aside)
        return
    try:
        os.replace(path, aside)
        sync_folder(path.parent)
    except OSError as error:
        raise StorageError(explain(error, aside)) from error


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries, so a rename in it survives a power cut."""
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def make_folder(folder: Path) -> None:
    """Make `folder` (and its parents) for the owner alone, flushed into its parent."""
    if folder.is_dir():
        return
    try:
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        # Durable before any file in it is: a rename inside a folder that a power cut
        # forgets is lost with it.
        sync_folder(folder.parent)
    except OSError as error:
        raise StorageError(explain(error, folder)) from error


NOT_SAVED = N_("Not saved")
"""What a failed write most often means, marked for translation as each `outcome` is."""


def explain(error: OSError, path: Path, outcome: str = NOT_SAVED) -> str:
    """A sentence for a failed write, saying what to do about it; `outcome` is what did
    not happen, marked with `N_`."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        said = _(
            "{outcome}: the disk holding {folder} is full. Nothing was changed; please ask a "
            "host to free some space."
        )
    elif error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        said = _(
            "{outcome}: {folder} cannot be written to (read-only). Nothing was changed; "
            "please ask a host to check the data folder."
        )
    else:
        said = _("{outcome}: {path} could not be written ({strerror}). Nothing was changed.")
    return said.format(outcome=_(outcome), folder=path.parent, path=path, strerror=error.strerror)


class FolderLock:
    """The lock every process takes around a read-modify-write of the data folder.

    An advisory `flock` on one file, so a process that dies lets go of it at once.
    Re-entrant within a process, and held by one thread at a time.
    """

    def __init__(self, path: Path, timeout: float = 20.0) -> None:
        self.path = path
        self.timeout = timeout
        self._guard = threading.RLock()
        self._depth = 0
        self._descriptor: int | None = None

    @contextmanager
    def held(self) -> Iterator[None]:
        with self._guard:
            if self._depth == 0:
                self._acquire()
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._release()

    def _acquire(self) -> None:
        try:
            descriptor = os.open(
                self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, FILE_MODE
            )
        except OSError as error:  # a read-only or full disk, or a link in its place
            raise StorageError(explain(error, self.path)) from error
        deadline = time.monotonic() + self.timeout
        pause = 0.001
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                self._descriptor = descriptor
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(descriptor)
                    raise Busy(
                        _(
                            "Not saved: another program has held the kiosk data for {seconds} "
                            "seconds. Nothing was changed; please try again."
                        ).format(seconds=f"{self.timeout:.0f}")
                    ) from None
                time.sleep(pause)
                pause = min(pause * 2, 0.05)

    def _release(self) -> None:
        # Closed, not only unlocked: an open file would keep its disk from being
        # remounted read-only, and closing lets go of the lock as well.
        if self._descriptor is not None:
            os.close(self._descriptor)
            self._descriptor = None


class AtomicJSONStorage(Storage):
    """TinyDB storage for one kiosk data file. See the module docstring."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._data: dict[str, Any] | None = None
        self._signature: Signature | None = None

    def read(self) -> dict[str, Any] | None:
        current = signature(self.path)
        if current is None:
            self._data, self._signature = None, None
        elif current != self._signature:
            self._data, self._signature = load(self.path), current
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        # TinyDB edits the dict it read in place; until this write succeeds, that dict
        # is no longer what the disk holds.
        self._data, self._signature = None, None
        self._signature = write_atomically(self.path, encode(data))
        self._data = data

    def changed(self) -> bool:
        """Whether the file differs from what this storage last read or wrote."""
        return signature(self.path) != self._signature

    def known_signature(self) -> Signature | None:
        """The identity of the file as this storage last read or wrote it."""
        return self._signature
