"""A TinyDB storage that never leaves a half-written file and rereads only what changed.

Every write goes to a temporary file in the same folder, is flushed to the disk, then
renamed over the old file, and the folder itself is flushed, so a power cut leaves either
the old file or the new one. Reads are cached and checked against the file's identity
(inode, size, modification time), so a process sees another's writes without parsing
unchanged files again.
"""

from __future__ import annotations

import errno
import json
import os
import threading
import time
from contextlib import suppress
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from kiosk.errors import DataError, NewerData, StorageError

SCHEMA = 2
"""The layout this kiosk writes: 1 was a single TinyDB file, 2 splits members, presence,
shout-outs and daily history into files of their own."""

META = "_meta"

Signature = tuple[int, int, int]


def signature(path: Path) -> Signature | None:
    """The identity of a file as it is now, or None if it does not exist."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return None
    return (status.st_ino, status.st_size, status.st_mtime_ns)


def load(path: Path) -> dict[str, Any]:
    """Parse a kiosk data file, raising DataError that says what is wrong with it."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DataError(f"{path} cannot be read: {error.strerror}.") from error
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise DataError(f"{path} is damaged: it is not UTF-8 text.") from error
    except json.JSONDecodeError as error:
        problem = (
            "it is empty"
            if not raw.strip()
            else (f"it is cut short or not valid JSON (line {error.lineno}, column {error.colno})")
        )
        raise DataError(f"{path} is damaged: {problem}.") from error
    if not isinstance(data, dict) or not all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in data.values()
    ):
        raise DataError(f"{path} is damaged: it does not hold kiosk tables.")
    schema = schema_of(data)
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise DataError(f"{path} is damaged: its data schema ({schema!r}) is not a version.")
    if schema > SCHEMA:
        raise NewerData(
            f"{path} was written by a newer kiosk (data schema {schema}; this kiosk reads "
            f"up to {SCHEMA}). Please update the kiosk."
        )
    return data


def schema_of(data: dict[str, Any]) -> Any:
    """The schema version a parsed file declares (files without one are of this kiosk's)."""
    return data.get(META, {}).get("1", {}).get("schema", SCHEMA)


def write_atomically(path: Path, payload: bytes) -> Signature:
    """Replace `path` with `payload`, durably; on failure the old file is untouched."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}-{threading.get_ident()}.tmp")
    try:
        before = signature(path)
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            view = memoryview(payload)
            while view:
                view = view[os.write(descriptor, view) :]
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        # A strictly newer time stamp, so readers notice the change even when the new
        # file has the same size and reuses the old inode number.
        stamp = max(time.time_ns(), before[2] + 1 if before else 0)
        os.utime(temporary, ns=(stamp, stamp))
        os.replace(temporary, path)
        sync_folder(path.parent)
    except OSError as error:
        with suppress(OSError):  # on a read-only disk it was never made
            temporary.unlink(missing_ok=True)
        raise StorageError(explain(error, path)) from error
    after = signature(path)
    assert after is not None
    return after


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries, so a rename in it survives a power cut."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def explain(error: OSError, path: Path, outcome: str = "Not saved") -> str:
    """A sentence for a failed write, saying what to do about it."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return (
            f"{outcome}: the disk holding {path.parent} is full. Nothing was changed; "
            "please ask a host to free some space."
        )
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return (
            f"{outcome}: {path.parent} cannot be written to (read-only). Nothing was "
            "changed; please ask a host to check the data folder."
        )
    return f"{outcome}: {path} could not be written ({error.strerror}). Nothing was changed."


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
        data[META] = {"1": {"schema": SCHEMA}}
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
        self._signature = write_atomically(self.path, payload)
        self._data = data

    def changed(self) -> bool:
        """Whether the file differs from what this storage last read or wrote."""
        return signature(self.path) != self._signature
