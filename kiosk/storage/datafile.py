"""One TinyDB file of the data folder, and the small edits made to its tables."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from kiosk.errors import DataError
from kiosk.language import _
from kiosk.storage.files import AtomicJSONStorage, signature
from kiosk.text import is_id

Record = TypeVar("Record")
Table = dict[str, dict[str, Any]]
Tables = dict[str, Table]


class DataFile:
    """One TinyDB file of the data folder, read through a cache that notices changes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.storage = AtomicJSONStorage(path)
        self._parsed: dict[str, tuple[object, list[Any]]] = {}
        self._by_doc: dict[str, dict[str, tuple[dict[str, Any], Any]]] = {}
        """For each table, each document id's document as last parsed, and its record."""

    def tables(self) -> Tables:
        """The file's tables as stored (empty when the file does not exist yet)."""
        return self.storage.read() or {}

    def docs(self, table: str) -> list[dict[str, Any]]:
        return list(self.tables().get(table, {}).values())

    def records(self, table: str, parse: Callable[[dict[str, Any]], Record]) -> list[Record]:
        """The table's documents read by `parse`; a document it cannot read is damage.

        Parsed once for each version of the file; after this process's own change, only
        the documents it added or replaced are parsed again.
        """
        docs = self.tables().get(table, {})
        current = self.version()
        cached = self._parsed.get(table)
        if cached is not None and cached[0] == current:
            return cached[1]
        before = self._by_doc.get(table, {})
        after: dict[str, tuple[dict[str, Any], Any]] = {}
        for doc_id, doc in docs.items():
            known = before.get(doc_id)
            if known is not None and known[0] is doc:
                after[doc_id] = known
            else:
                after[doc_id] = (doc, self._read(table, doc, parse))
        records = [record for _, record in after.values()]
        self._parsed[table], self._by_doc[table] = (current, records), after
        return records

    def record(
        self, table: str, record_id: str, parse: Callable[[dict[str, Any]], Record]
    ) -> Record | None:
        """The one record of the table with this id, read alone (the others are not)."""
        docs = self.tables().get(table, {})
        cached = self._parsed.get(table)
        if cached is not None and cached[0] == self.version():
            return next((r for r in cached[1] if getattr(r, "id", None) == record_id), None)
        for doc in docs.values():
            found = doc.get("id")
            if found == record_id:
                return self._read(table, doc, parse)
            if type(found) is not str or not is_id(found):
                # It might be the one asked for: damage is named, never taken for nobody.
                self._read(table, doc, parse)
        return None

    def _read(
        self, table: str, doc: dict[str, Any], parse: Callable[[dict[str, Any]], Record]
    ) -> Record:
        """One document read by `parse`; a document it cannot read is damage."""
        try:
            return parse(doc)
        except (KeyError, TypeError, ValueError) as error:
            raise damaged_record(self.path, table, error) from error

    @contextmanager
    def changing(self) -> Iterator[Tables]:
        """Edit the tables, then write them in one durable step (nothing on an error)."""
        current = self.tables()
        tables = {name: dict(docs) for name, docs in current.items()}
        yield tables
        self.storage.write(tables)

    def version(self) -> object:
        """What changes whenever the file's contents may have: parsed records are kept
        for one version."""
        return self.storage.known_signature()

    def changed(self) -> bool:
        return self.storage.changed()

    def exists(self) -> bool:
        return signature(self.path) is not None


def damaged_record(path: Path, table: str, error: KeyError | TypeError | ValueError) -> DataError:
    """The damage a record of `table` in `path` that could not be read is: what is wrong
    with it, a missing field named as missing."""
    problem = f"{error.args[0]} is missing" if isinstance(error, KeyError) else str(error)
    return DataError(
        _("{path} is damaged: a record in its {table} is incomplete or wrong ({problem}).").format(
            path=path, table=table, problem=problem
        ),
        path,
    )


def insert(table: Table, doc: dict[str, Any]) -> None:
    """Add `doc` under the next TinyDB document id."""
    table[str(max(map(int, table), default=0) + 1)] = doc


def put(table: Table, doc: dict[str, Any], key: str = "id") -> None:
    """Replace the document whose `key` matches `doc`'s, or add it."""
    for doc_id, old in table.items():
        if old.get(key) == doc[key]:
            table[doc_id] = doc
            return
    insert(table, doc)


def drop(table: Table, keep: Callable[[dict[str, Any]], bool]) -> int:
    """Remove the documents `keep` refuses; how many went."""
    gone = [doc_id for doc_id, doc in table.items() if not keep(doc)]
    for doc_id in gone:
        del table[doc_id]
    return len(gone)
