"""What the kiosk is compared with: SQLite, and plain TinyDB as its documentation shows it.

Each does the kiosk's two transactions with the same checks the kiosk makes: a check-in
reads the member, makes sure they are not here yet and inserts an open visit; a
check-out finds the open visit and closes it. Each waits for the disk before returning.

- SQLite: WAL journal, `synchronous=FULL` (each commit flushed), the members and every
  past visit of the community in two tables, an index on the day and one on open visits.
  Built once from a generated data folder and cached beside it.
- Plain TinyDB: one file holding every member and every visit, the default JSONStorage
  (TinyDB 4.9's `write` already flushes and fsyncs the file, so nothing is added), and
  queries as the documentation writes them. It rewrites the whole file on every change,
  so it only runs at a size where it finishes.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB

from kiosk.storage.store import Store
from tests.benchmarks.datasets import cache_folder

SQLITE_SCHEMA = """
CREATE TABLE members (id TEXT PRIMARY KEY, name TEXT NOT NULL, doc TEXT NOT NULL);
CREATE TABLE visits (
    id TEXT PRIMARY KEY, member TEXT NOT NULL, since TEXT NOT NULL, until TEXT,
    status TEXT NOT NULL, topics TEXT NOT NULL
);
"""
SQLITE_INDEXES = """
CREATE INDEX visits_by_day ON visits (since);
CREATE INDEX visits_open ON visits (member) WHERE until IS NULL;
"""


def _visit_row(doc: dict[str, Any]) -> tuple[str, str, str, str | None, str, str]:
    return (
        doc["id"],
        doc["member"],
        doc["since"],
        doc["until"],
        doc["status"],
        json.dumps(doc["topics"]),
    )


def _documents(data: Path) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Every member and visit document of a data folder, file by file."""
    store = Store(data)
    for name in store.members.names():
        yield "members", store.members.file(name).docs("members")
    for name in store.history.names():
        yield "visits", store.history.file(name).docs("visits")
    yield "visits", store.presence.docs("visits") + store.presence.docs("closed")


def sqlite_database(data: Path, slug: str) -> Path:
    """The cached SQLite database holding what the data folder `data` holds."""
    path = cache_folder() / f"sqlite-{slug}.db"
    if path.exists():
        return path
    print(f"  building the SQLite baseline from {slug} ...", flush=True)
    building = path.with_name(f".{path.name}.building")
    building.unlink(missing_ok=True)
    with sqlite3.connect(building) as db:
        db.executescript(SQLITE_SCHEMA)
        for table, docs in _documents(data):
            if table == "members":
                db.executemany(
                    "INSERT INTO members VALUES (?, ?, ?)",
                    ((d["id"], d["name"], json.dumps(d, ensure_ascii=False)) for d in docs),
                )
            else:
                db.executemany(
                    "INSERT INTO visits VALUES (?, ?, ?, ?, ?, ?)", map(_visit_row, docs)
                )
        db.executescript(SQLITE_INDEXES)
    os.replace(building, path)
    return path


class SqliteVisits:
    """Check-ins and check-outs in SQLite, one connection kept open as the kiosk keeps its
    community."""

    def __init__(self, source: Path, copy: Path) -> None:
        shutil.copyfile(source, copy)
        self.db = sqlite3.connect(copy, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")

    def check_in(self, member_id: str, now: datetime) -> str:
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            row = db.execute("SELECT doc FROM members WHERE id = ?", (member_id,)).fetchone()
            member = json.loads(row[0])
            here = "SELECT 1 FROM visits WHERE member = ? AND until IS NULL"
            if db.execute(here, (member_id,)).fetchone() is not None:
                raise RuntimeError(f"{member_id} is already here")
            visit_id = "v" + secrets.token_hex(6)
            db.execute(
                "INSERT INTO visits VALUES (?, ?, ?, NULL, 'open', ?)",
                (visit_id, member_id, now.isoformat(), json.dumps(member["topics"])),
            )
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        return visit_id

    def check_out(self, member_id: str, now: datetime) -> None:
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            found = db.execute(
                "SELECT id FROM visits WHERE member = ? AND until IS NULL", (member_id,)
            ).fetchone()
            if found is None:
                raise RuntimeError(f"{member_id} is not here")
            db.execute("UPDATE visits SET until = ? WHERE id = ?", (now.isoformat(), found[0]))
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def add_finished(self, docs: list[dict[str, Any]]) -> None:
        """Finished visits of today, in one transaction (a busy day before the rounds)."""
        self.db.execute("BEGIN IMMEDIATE")
        self.db.executemany("INSERT INTO visits VALUES (?, ?, ?, ?, ?, ?)", map(_visit_row, docs))
        self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()


class PlainTinyDB:
    """Check-ins and check-outs in one plain TinyDB file, as its documentation shows."""

    def __init__(self, data: Path, path: Path) -> None:
        tables: dict[str, list[dict[str, Any]]] = {}
        for table, docs in _documents(data):
            tables.setdefault(table, []).extend(docs)
        with TinyDB(path) as db:
            for table, docs in tables.items():
                db.table(table).insert_multiple(docs)
        self.db = TinyDB(path)
        self.members = self.db.table("members")
        self.visits = self.db.table("visits")
        self.size = path.stat().st_size

    def check_in(self, member_id: str, now: datetime) -> None:
        Member, Visit = Query(), Query()
        member = self.members.get(Member.id == member_id)
        if member is None:
            raise RuntimeError(f"no member {member_id}")
        if self.visits.get((Visit.member == member_id) & (Visit.until == None)):  # noqa: E711
            raise RuntimeError(f"{member_id} is already here")
        self.visits.insert(
            {
                "id": "v" + secrets.token_hex(6),
                "member": member_id,
                "since": now.isoformat(),
                "until": None,
                "status": "open",
                "topics": member["topics"],
            }
        )

    def check_out(self, member_id: str, now: datetime) -> None:
        Visit = Query()
        changed = self.visits.update(
            {"until": now.isoformat()},
            (Visit.member == member_id) & (Visit.until == None),  # noqa: E711
        )
        if not changed:
            raise RuntimeError(f"{member_id} is not here")

    def close(self) -> None:
        self.db.close()
