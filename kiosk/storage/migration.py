"""Bringing a data folder written by an older kiosk up to this kiosk's layout.

Schema 1 was one plain TinyDB file (kiosk.json); schema 2 kept every member in one
members.json; the outbox was once a file of its own, outbox.json, and is now tables of
presence.json. Each step writes the new files in full before the old file is moved into
backups/, so a step cut short is simply done again from the old file. Migration works on
the folder's files, before any store opens it (and so never imports the store).
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.badges.codes import new_badge_code
from kiosk.errors import DataError, StorageError
from kiosk.language import N_, _
from kiosk.models import Member, Visit, history_day
from kiosk.storage import intent
from kiosk.storage.datafile import damaged_record, put
from kiosk.storage.files import (
    AtomicJSONStorage,
    FolderLock,
    explain,
    load,
    make_folder,
    sync_folder,
)
from kiosk.storage.here_now import VISITS
from kiosk.storage.history import History
from kiosk.storage.journal import JournaledFile
from kiosk.storage.layout import (
    HISTORY_FOLDER,
    LOCK_FILE,
    MEMBERS_FOLDER,
    PRESENCE_FILE,
    SHOUTOUTS_FILE,
)
from kiosk.storage.member_files import MemberFiles

SCHEMA_1_FILE = "kiosk.json"
SCHEMA_2_MEMBERS = "members.json"
OUTBOX_FILE = "outbox.json"
"""The outbox as a file of its own, before its tables moved into presence.json."""
OUTBOX_KEYS = {"outbox": "id", "dropped": "id", "news": "subject"}
"""The outbox's tables, and what tells their records apart."""


def migrate_if_needed(root: Path) -> None:
    """Migrate the data folder `root` if an older kiosk's file is in it (safe from several
    processes); called before a store opens the folder."""
    olds = (SCHEMA_1_FILE, SCHEMA_2_MEMBERS, OUTBOX_FILE)
    if not any((root / old).exists() for old in olds):
        return
    with FolderLock(root / LOCK_FILE).held():
        intent.finish(root)
        # Another process may have migrated while this one waited for the lock.
        if (root / SCHEMA_1_FILE).exists():
            from_schema_1(root)
        if (root / SCHEMA_2_MEMBERS).exists():
            from_schema_2(root)
        if (root / OUTBOX_FILE).exists():
            outbox_into_presence(root)


def from_schema_1(root: Path) -> None:
    """Split the single file into the files of schema 2."""
    data = load(root / SCHEMA_1_FILE)
    open_visits: dict[str, dict[str, Any]] = {}
    by_day: dict[str, dict[str, dict[str, Any]]] = {}
    for doc in data.get("visits", {}).values():
        if doc.get("until") is None:
            open_visits[str(len(open_visits) + 1)] = doc
        else:
            try:
                day = history_day(datetime.fromisoformat(doc["since"])).isoformat()
            except (KeyError, TypeError, ValueError) as error:
                raise DataError(
                    _("{path} is damaged: a visit has no readable start ({error}).").format(
                        path=root / SCHEMA_1_FILE, error=error
                    )
                ) from error
            visits = by_day.setdefault(day, {})
            visits[str(len(visits) + 1)] = doc
    make_folder(root / HISTORY_FOLDER)
    for day, visits in by_day.items():
        _write(root / HISTORY_FOLDER / f"{day}.json", {"visits": visits})
    _write(root / PRESENCE_FILE, {"visits": open_visits})
    _write(root / SHOUTOUTS_FILE, {"shoutouts": dict(data.get("shoutouts", {}))})
    _write(root / SCHEMA_2_MEMBERS, {"members": dict(data.get("members", {}))})
    _retire(root, SCHEMA_1_FILE, "kiosk-schema-1.json")


def from_schema_2(root: Path) -> None:
    """Spread members.json over the member files, with the visits counted so far."""
    path = root / SCHEMA_2_MEMBERS
    data = load(path)
    try:
        # An older kiosk had no fields kept for hosts: none were.
        members = [
            Member.from_doc({"hosts_only": [], **doc}) for doc in data.get("members", {}).values()
        ]
    except (KeyError, TypeError, ValueError) as error:
        raise damaged_record(path, "members", error) from error
    counts: dict[str, list[Any]] = {}
    history = History(root / HISTORY_FOLDER)
    for name in history.names():
        for visit in history.file(name).records("visits", Visit.from_doc):
            count = counts.setdefault(visit.member_id, [0, visit.since])
            count[0] += 1
            count[1] = max(count[1], visit.since)
    counted = [
        replace(
            member,
            visits=counts.get(member.id, [0])[0],
            last_visit=counts.get(member.id, [0, None])[1],
            # Every member has a badge code from now on.
            badge=member.badge or new_badge_code(),
        )
        for member in members
    ]
    MemberFiles(root / MEMBERS_FOLDER).write_all(counted)
    _retire(root, SCHEMA_2_MEMBERS, "members-schema-2.json")


def outbox_into_presence(root: Path) -> None:
    """Move the outbox's tables from outbox.json into presence.json, so that a visit and
    the news of it are written as one journal line. Done again after a stop, it changes
    nothing more: each record is put in place of the one with its id (or subject)."""
    from kiosk.storage.checks import RECORDS  # late: only an older folder has outbox.json

    path = root / OUTBOX_FILE
    old = load(path)
    outbox_reads = {table: RECORDS["presence"][table] for table in OUTBOX_KEYS}
    for table, read in outbox_reads.items():
        try:
            for doc in old.get(table, {}).values():
                read(doc)
        except (KeyError, TypeError, ValueError) as error:
            raise DataError(
                f"{damaged_record(path, table, error)} The kiosk moves the outbox into "
                f"{PRESENCE_FILE} when it opens the data folder: put this file right, or "
                "move it out of the folder (its notices are then not sent).",
                path,
            ) from error
    presence = JournaledFile(root / PRESENCE_FILE, VISITS)
    tables = {name: dict(docs) for name, docs in presence.tables().items()}
    for table, key in OUTBOX_KEYS.items():
        merged = tables.setdefault(table, {})
        for doc in old.get(table, {}).values():
            put(merged, doc, key=key)
    presence.compact(tables)
    _retire(root, OUTBOX_FILE, "outbox-before-presence.json")


def _write(path: Path, tables: dict[str, dict[str, Any]]) -> None:
    AtomicJSONStorage(path).write(dict(tables))


def _retire(root: Path, name: str, kept: str) -> None:
    """Move an old file into backups/, durably, so it is never migrated twice."""
    target = root / "backups" / kept
    try:
        make_folder(target.parent)
        os.replace(root / name, target)
        # Made durable, or a power cut could bring the old file back to be migrated
        # again over check-ins made since.
        sync_folder(target.parent)
        sync_folder(root)
    except OSError as error:
        raise StorageError(explain(error, target, N_("Not migrated"))) from error
