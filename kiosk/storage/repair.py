"""Putting damaged data files right (`kiosk doctor --restore`): whatever can still be read
is kept, and only what cannot is taken from the newest good backup.

- A journal keeps every line that is a change the kiosk wrote; each line that is not is
  left out, and named with what it changed as far as that can be read.
- A file that still parses keeps every record that reads; each record that does not is
  put back as the newest good backup has it (the same record: at the same place in its
  table, with the same id when its id can be read), or left out when that backup has no
  such record, as for one deleted since.
- A file that cannot be read at all (cut short, not JSON, a link or a FIFO in its place)
  is put back whole from the newest good backup. If that is presence.json, the changes
  in its journal are kept when they were made to that same snapshot.

The damaged file is kept beside the repaired one (see `aside_name`), and all of it is
one change: every repair of a run of doctor is made, or none is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk import text
from kiosk.errors import DataError
from kiosk.storage.backups import Backup, Backups, aside_name
from kiosk.storage.checks import PRESENCE, RECORDS, kind_of, sort_lines
from kiosk.storage.files import encode, move_aside, parse, read_regular, signature, write_atomically
from kiosk.storage.here_now import VISITS
from kiosk.storage.journal import generation_of


@dataclass(frozen=True, slots=True)
class Repaired:
    """What was done about one damaged file."""

    said: list[str]
    """Sentences for the host, each saying what became of a part of it."""
    backup: Backup | None = None
    """The backup that something was taken from."""
    whole: bool = False
    """Put back whole from `backup`, as nothing in it could be read."""


def repair(backups: Backups, path: Path, now: datetime) -> Repaired | None:
    """Put the damaged file `path` right, within the change open on the data folder
    (Store.all_or_nothing); None when nothing could be done (a file that cannot be read
    at all, with no good backup)."""
    aside = aside_name(path, now, backups)
    try:
        raw = read_regular(path)
    except DataError:
        return _put_back_whole(backups, path, aside, keep=False)
    if kind_of(path) == "journal":
        return _without_bad_lines(backups, path, raw, aside)
    try:
        tables = parse(raw, path)
    except DataError:
        return _put_back_whole(backups, path, aside, keep=True)
    return _with_good_records(backups, path, tables, aside)


def _without_bad_lines(backups: Backups, path: Path, raw: bytes, aside: Path) -> Repaired:
    good, bad = sort_lines(raw, path, VISITS)
    said = [f"Line {line.number} was left out: {_change_told(line.raw, backups)}." for line in bad]
    mended = [_without_unreadable_records(line, said) for line in good]
    write_atomically(aside, raw)
    write_atomically(path, b"".join(mended))
    return Repaired(said)


def _without_unreadable_records(line: bytes, said: list[str]) -> bytes:
    """A journal line whose visits read, without the other records in it that do not
    (a damaged notice): the visits it changed are kept. What was left out is said."""
    change = json.loads(line)
    kept = []
    for table, doc_id, doc in change["ops"]:
        read = PRESENCE.get(table)
        if doc is not None and read is not None and not _reads(read, doc):
            said.append(f"{_record_told(table, doc)} could not be read: it was left out.")
        else:
            kept.append([table, doc_id, doc])
    if len(kept) == len(change["ops"]):
        return line
    change["ops"] = kept
    return json.dumps(change, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def _with_good_records(
    backups: Backups, path: Path, tables: dict[str, Any], aside: Path
) -> Repaired | None:
    backup = backups.newest_good(path)
    kept = {} if backup is None else parse(read_regular(backups.copy_of(backup, path)), path)
    said: list[str] = []
    taken = False
    for table, read in RECORDS.get(kind_of(path), {}).items():
        docs = tables.get(table, {})
        for doc_id, doc in list(docs.items()):
            if _reads(read, doc):
                continue
            known = kept.get(table, {}).get(doc_id)
            if known is not None and _reads(read, known) and _same_record(doc, known, docs):
                docs[doc_id] = known
                taken = True
                said.append(f"{_record_told(table, known)} was put back as {backup} has it.")
            else:
                del docs[doc_id]
                told = _record_told(table, doc)
                said.append(f"{told} could not be read, and no backup has it: it was left out.")
    if not said:
        return None  # nothing in it to put right here
    write_atomically(aside, read_regular(path))
    write_atomically(path, encode(tables))
    return Repaired(said, backup if taken else None)


def _put_back_whole(backups: Backups, path: Path, aside: Path, keep: bool) -> Repaired | None:
    backup = backups.newest_good(path)
    if backup is None:
        return None
    good = read_regular(backups.copy_of(backup, path))
    if keep:
        write_atomically(aside, read_regular(path))
    else:
        move_aside(path, aside)  # a link or a FIFO: kept as it is
    write_atomically(path, good)
    said = []
    if kind_of(path) == "presence":
        said = _journal_kept(path, generation_of(parse(good, path)))
    return Repaired(said, backup, whole=True)


def _journal_kept(path: Path, generation: str) -> list[str]:
    """Whether the journal's changes apply to the snapshot put back, as a sentence."""
    journal = path.with_suffix(".journal")
    if signature(journal) is None:
        return []
    try:
        good, _ = sort_lines(read_regular(journal), journal, VISITS)
    except DataError:
        return []  # not a file: named on its own
    lost = [line for line in good if json.loads(line)["g"] != generation]
    if not good:
        return []
    if not lost:
        return [f"The {len(good)} changes in {journal.name}, made to that copy, were kept."]
    return [
        f"{len(lost)} changes in {journal.name} were made to the damaged copy, not to the "
        "one put back, and could not be kept."
    ]


def _reads(read: Any, doc: Any) -> bool:
    try:
        read(doc)
    except (KeyError, TypeError, ValueError):
        return False
    return True


def _same_record(damaged: dict[str, Any], known: dict[str, Any], docs: dict[str, Any]) -> bool:
    """Whether the backup's record at the damaged one's place is that record: the same id
    when its id can still be read, and no other record of the file has that id now."""
    damaged_id, known_id = damaged.get("id"), known.get("id")
    if isinstance(damaged_id, str) and text.is_id(damaged_id) and damaged_id != known_id:
        return False
    return known_id is None or not any(
        doc.get("id") == known_id for doc in docs.values() if doc is not damaged
    )


def _record_told(table: str, doc: Any) -> str:
    """A record as a host would recognise it: by name, or by id."""
    if isinstance(doc, dict) and isinstance(doc.get("name"), str):
        return f"The record of {text.shortened(doc['name'], 40)} in its {table}"
    if isinstance(doc, dict) and isinstance(doc.get("id"), str):
        return f"The record {text.shortened(doc['id'], 20)} in its {table}"
    return f"A record in its {table}"


def _change_told(raw: bytes, backups: Backups) -> str:
    """What a journal line that is not a whole change changed, as far as it can be read."""
    try:
        change = json.loads(raw)
        ops = change["ops"]
        told = [_op_told(op, backups) for op in ops]
    except (ValueError, KeyError, TypeError, RecursionError):
        return f"it read {text.shortened(raw.decode('utf-8', 'replace').strip(), 80)!r}"
    return "it changed " + "; ".join(told) if told else "it changed nothing"


def _op_told(op: Any, backups: Backups) -> str:
    table, doc_id, doc = op
    if not isinstance(doc, dict):
        return f"record {text.shortened(str(doc_id), 20)} of {text.shortened(str(table), 20)}"
    member = doc.get("member")
    who = "someone"
    if isinstance(member, str) and text.is_id(member):
        try:
            found = backups.store.members.get(member)
        except DataError:
            found = None  # their own file is damaged too: their id says who it was
        who = found.name if found is not None else member
    since = doc.get("since")
    begun = f", begun {text.shortened(since, 32)}" if isinstance(since, str) else ""
    done = "a finished visit" if table == "closed" else "a visit"
    if isinstance(doc.get("guest"), str):
        who = f"{text.shortened(doc['guest'], 40)}, guest of {who}"
    return f"{done} of {who}{begun}"
