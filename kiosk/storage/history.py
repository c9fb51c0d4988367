"""Finished visits, filed by the UTC day they began.

    history/DAY.json          a day's visits, as seeded or migrated
    history/DAY.BATCH.json    a batch of a day's visits, filed together and named after
                              the first of them

A past day's files never change after they are written, but when a member's data is
deleted and their visits are made anonymous.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from kiosk.models import Visit
from kiosk.storage.datafile import DataFile, Table
from kiosk.storage.files import encode, make_folder, names_in, read_regular, write_together


class History:
    """The history folder. Writers hold the data folder's lock."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def file(self, name: str) -> DataFile:
        # Not kept open: years of past days would otherwise stay parsed in memory.
        return DataFile(self.folder / name)

    def names(self, first: date | None = None, last: date | None = None) -> list[str]:
        """Names of the history files of days from `first` to `last`, oldest first."""
        low = "" if first is None else first.isoformat()
        high = "\uffff" if last is None else last.isoformat() + "\uffff"
        return [
            name
            for name in names_in(self.folder)
            if name.endswith(".json") and day_of(name) is not None and low <= name <= high
        ]

    def days(self) -> set[date]:
        return {day for day in map(day_of, self.names()) if day is not None}

    def visits(self, first: date, last: date, waiting: Iterable[Visit] = ()) -> Iterator[Visit]:
        """Visits that began between `first` and `last` (UTC days), oldest first, with the
        `waiting` ones not filed yet."""
        by_day: dict[date, list[Visit]] = {}
        for name in self.names(first, last):
            day = day_of(name)
            assert day is not None
            by_day.setdefault(day, []).extend(self.file(name).records("visits", Visit.from_doc))
        for visit in waiting:
            if first <= visit.history_day <= last:
                by_day.setdefault(visit.history_day, []).append(visit)
        seen: set[str] = set()
        for day in sorted(by_day):
            for visit in sorted(by_day[day], key=lambda v: (v.since, v.id)):
                # An earlier kiosk whose filing was cut short could leave a visit both
                # filed and waiting: once is right.
                if visit.id not in seen:
                    seen.add(visit.id)
                    yield visit

    def mentioning(self, member_id: str, first: date | None = None) -> list[str]:
        """The history files, from the day `first`, that may hold visits of `member_id`:
        a quick look at their bytes first, so years of history need not be parsed."""
        needle = member_id.encode()
        return [name for name in self.names(first) if needle in read_regular(self.folder / name)]

    def write(self, batches: dict[str, Table]) -> None:
        """Write batches of visit documents, each to its file, flushed together."""
        make_folder(self.folder)
        write_together(
            {self.folder / name: encode({"visits": table}) for name, table in batches.items()}
        )

    def rewrite(self, name: str, change: Callable[[dict[str, Any]], dict[str, Any]]) -> bool:
        """Rewrite one file's visits through `change`; True if any changed."""
        data_file = self.file(name)
        docs = data_file.tables().get("visits", {})
        changed = {doc_id: change(doc) for doc_id, doc in docs.items()}
        if changed == docs:
            return False
        with data_file.changing() as tables:
            tables["visits"] = changed
        return True


def day_of(name: str) -> date | None:
    """The day a history file is of, from its name."""
    try:
        return date.fromisoformat(name[:10])
    except ValueError:
        return None
