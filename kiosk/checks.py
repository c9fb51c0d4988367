"""Whether a data file reads as good data, whichever kind of file it is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.datafile import DataFile, damaged_record
from kiosk.journal import JournaledFile, check_journal
from kiosk.models import Answer, Member, Question, ShoutOut, Visit
from kiosk.storage import parse, read_regular


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
    if kind_of(path) == "journal":
        check_journal(read_regular(path), path)
        return
    # presence.json is read with its journal, so the changes in it are checked too.
    data_file = JournaledFile(path) if kind_of(path) == "presence" else DataFile(path)
    data_file.tables()  # a file with no records still has to parse
    for table, read in RECORDS.get(kind_of(path), ()):
        data_file.records(table, read)


def check_bytes(raw: bytes, path: Path) -> None:
    """Raise DataError unless `raw`, meant to be the file at `path`, is good data."""
    if kind_of(path) == "journal":
        check_journal(raw, path)
        return
    data = parse(raw, path)
    for table, read in RECORDS.get(kind_of(path), ()):
        try:
            for doc in data.get(table, {}).values():
                read(doc)
        except (KeyError, TypeError, ValueError) as error:
            raise damaged_record(path, table, error) from error


def _pointer(doc: dict[str, Any]) -> None:
    if type(doc["key"]) is not str or type(doc["id"]) is not str:
        raise TypeError("a name pointer should hold a key and an id, both text")


RECORDS: dict[str, tuple[tuple[str, Callable[[dict[str, Any]], object]], ...]] = {
    "members": (("members", Member.from_doc), ("names", _pointer)),
    "presence": (("visits", Visit.from_doc), ("closed", Visit.from_doc)),
    "shoutouts": (("shoutouts", ShoutOut.from_doc),),
    "questions": (("question", Question.from_doc), ("answers", Answer.from_doc)),
    "history": (("visits", Visit.from_doc),),
}
"""The tables each kind of data file holds, and how their records are read."""


def kind_of(path: Path) -> str:
    if path.suffix == ".journal":
        return "journal"
    if path.parent.name in ("members", "history"):
        return path.parent.name
    return path.stem
