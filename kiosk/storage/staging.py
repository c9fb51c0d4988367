"""Writes held back until a change is whole, so that it is made all at once or not at all.

While a change is open (`staging()`, on the thread that opened it), kiosk.storage.files holds
back every write, removal and move of a data file instead of making it, and that thread
reads files as the change has them so far; other threads and processes see the files as
they are on disk. A journaled file (kiosk.storage.journal) holds back its tables and the changes
to them, to be written as one journal line if nothing else changes, or whole otherwise.
kiosk.storage.intent then makes what was held back, in one step a power cut cannot split.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

Signature = tuple[int, int, int]
"""A file's identity: inode, size and modification time (see kiosk.storage.files.signature)."""
Tables = dict[str, dict[str, dict[str, Any]]]
Op = tuple[str, str, dict[str, Any] | None]
"""A change to one document of a journaled file: (table, document id, document or None)."""

_open: ContextVar[Staged | None] = ContextVar("staged", default=None)
_serial = itertools.count(1)


class JournalWriter(Protocol):
    """A journaled file, as a change hands it what it held back."""

    def write_change(self, tables: Tables, ops: list[Op] | None) -> None:
        """Make the change alone: one journal line, or the tables whole when `ops` is None
        (or the journal is due to be compacted)."""

    def snapshot(self, tables: Tables) -> dict[Path, bytes]:
        """The tables as whole files: a new snapshot, and an empty journal."""


@dataclass(slots=True)
class HeldJournal:
    """A journaled file's change, held back until the change's other files are written."""

    writer: JournalWriter
    tables: Tables
    ops: list[Op] | None
    """The changes to the tables in order; None once the tables are to be written whole."""
    serial: int


class Staged:
    """What one change has written so far, held back."""

    def __init__(self) -> None:
        self.files: dict[Path, bytes | None] = {}
        """Each file's new contents, or None: removed."""
        self.moves: list[tuple[Path, Path]] = []
        """Things set aside under another name (damage that is not a file), in order."""
        self.journals: dict[Path, HeldJournal] = {}
        self.once_made: list[Callable[[], None]] = []
        """What to do once the change is made (and only then), in order."""
        self._signatures: dict[Path, Signature] = {}

    @property
    def empty(self) -> bool:
        return not (self.files or self.moves or self.journals)

    def write(self, path: Path, payload: bytes) -> Signature:
        """Hold back a whole new file; the identity readers in this change see for it."""
        self.files[path] = payload
        # Never the identity of a file on disk, so every cache reads the file again once
        # the change is made, or dropped.
        self._signatures[path] = (-next(_serial), len(payload), 0)
        return self._signatures[path]

    def remove(self, path: Path) -> None:
        self.files[path] = None
        self._signatures.pop(path, None)

    def move(self, path: Path, aside: Path) -> None:
        self.moves.append((path, aside))
        self.remove(path)

    def holds(self, path: Path) -> bool:
        return path in self.files

    def signature(self, path: Path) -> Signature | None:
        """The identity of a file this change wrote or removed (None: removed)."""
        return self._signatures.get(path)

    def hold_journal(
        self, path: Path, writer: JournalWriter, tables: Tables, ops: list[Op] | None
    ) -> None:
        """Hold back a journaled file's tables, after `ops` (None: to be written whole)."""
        held = self.journals.get(path)
        if held is not None and held.ops is not None and ops is not None:
            ops = held.ops + ops
        elif held is not None:
            ops = None
        self.journals[path] = HeldJournal(writer, tables, ops, next(_serial))

    def held_journal(self, path: Path) -> HeldJournal | None:
        return self.journals.get(path)


def current() -> Staged | None:
    """The change open on this thread, if any."""
    return _open.get()


@contextmanager
def staging() -> Iterator[Staged]:
    """Hold back every write made on this thread until the block ends; the caller then
    makes what was held (kiosk.storage.intent), or drops it if the block failed."""
    staged = Staged()
    token = _open.set(staged)
    try:
        yield staged
    finally:
        _open.reset(token)
