"""The door's search index kept between starts, so that the first key after a restart is
matched without reading every member first.

    search-index.json   a line of JSON saying what the index is of, then the index:
                        {"format": 1, "members": VERSION, "sha256": CHECKSUM}
                        [[name, id, on board], ...]

It holds what a search at the door may use and nothing more: each active member's name
as searches compare it (folded), id, and whether they are on the board (no badge,
profile, note or visit): the rows of `kiosk.community.matching`. It is a copy,
not data: written atomically, its checksum checked on read, and used only while VERSION
(see `MemberFiles.version`) is that of the member files now, so any change to any member
file, by this kiosk, another process or a hand edit, leaves it unused until the kiosk
writes it again. A missing, damaged or stale index only means the members are read
first, as without it; doctor, backups and exports do not look at it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from kiosk.errors import DataError, StorageError
from kiosk.language import N_
from kiosk.storage.files import explain, read_regular, write_atomically

FILE = "search-index.json"
FORMAT = 1


Row = tuple[str, str, bool]
"""A member's name as searches compare it, id, and whether they are on the board."""


class SavedIndex:
    """The index file of one data folder, and what this process last wrote to it."""

    def __init__(self, root: Path) -> None:
        self.path = root / FILE
        self._written: tuple[str, bytes] | None = None
        """The version and the index last written or read here, so that a change of
        version alone is written without encoding the index again."""

    def read(self, version: str) -> list[Row] | None:
        """The index saved for member files at `version`; None if there is none, it is
        damaged, or it is of other member files."""
        try:
            header, _, body = read_regular(self.path).partition(b"\n")
            about = json.loads(header)
            if not isinstance(about, dict) or about.get("format") != FORMAT:
                return None
            if about.get("members") != version:
                return None
            if about.get("sha256") != _checksum(body):
                return None
            saved = json.loads(body)
            # Few passes, as the first key after a restart waits for this: a row that is
            # not three items fails to unpack here, and their types are checked next.
            rows = [(name, member_id, on_board) for name, member_id, on_board in saved]
        except (DataError, ValueError, TypeError, RecursionError):
            return None  # a copy only: the members are read instead
        if not all(
            type(name) is str and type(member_id) is str and type(on_board) is bool
            for name, member_id, on_board in rows
        ):
            return None
        self._written = (version, body)
        return rows

    def write(self, version: str, rows: Iterable[Row] | None) -> None:
        """Save the index of the member files at `version`: `rows`, or, for None, the
        index last written or read here (the members' files changed, not whom search
        finds)."""
        if rows is not None:
            body = json.dumps(list(rows), ensure_ascii=False, separators=(",", ":")).encode()
        elif self._written is not None:
            body = self._written[1]
        else:
            return
        if self._written is not None and self._written == (version, body):
            return
        about = {"format": FORMAT, "members": version, "sha256": _checksum(body)}
        self._written = None  # should the write fail, nothing is known to be saved
        write_atomically(self.path, json.dumps(about).encode() + b"\n" + body)
        self._written = (version, body)

    def remove(self) -> None:
        """Remove the saved index at once (a member's data is being deleted, and it names
        them); the kiosk writes it again, without them, once it has read everyone."""
        self._written = None
        try:
            self.path.unlink(missing_ok=True)
        except OSError as error:
            raise StorageError(explain(error, self.path, N_("Not deleted"))) from error


def _checksum(body: bytes) -> str:
    import hashlib  # late: only the kiosk reads and writes the index, a command never does

    return hashlib.sha256(body).hexdigest()
