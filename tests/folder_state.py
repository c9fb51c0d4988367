"""What a data folder holds, read without any of the kiosk's own code: the independent
reader crash tests compare with.

It reads the files as the README and the module docstrings describe them: TinyDB tables
in JSON; presence.json (the visits and the outbox's notices) with the lines of
presence.journal that carry its generation (a last line without its line break was never
confirmed); a pending intent.json as already
carried out, since the next process to take the lock carries it out. It gives the data as
a member or host would tell it apart, so that two folders holding the same community
compare equal however their files are laid out: a finished visit waiting to be filed or
filed in the history is the same visit, and a member's count of visits includes their
finished visits still waiting to be filed.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

State = dict[str, Any]


def folder_state(root: Path) -> State:
    """The community in the data folder at `root` (see the module docstring)."""
    files = _Files(root)
    presence = files.tables("presence.json")
    generation = presence.get("_meta", {}).get("1", {}).get("journal", "")
    journal = files.raw("presence.journal") or b""
    for line in journal[: journal.rfind(b"\n") + 1].splitlines():
        change = json.loads(line)
        if change["g"] == generation:
            for table, doc_id, doc in change["ops"]:
                docs = presence.setdefault(table, {})
                if doc is None:
                    docs.pop(doc_id, None)
                else:
                    docs[doc_id] = doc
    here = _by_id(presence.get("visits", {}).values())
    waiting = _by_id(presence.get("closed", {}).values())
    filed: dict[str, Any] = {}
    for name in files.names("history"):
        for doc in files.tables(f"history/{name}").get("visits", {}).values():
            assert doc["id"] not in filed, f"visit {doc['id']} is filed twice"
            filed[doc["id"]] = doc
    assert not waiting.keys() & filed.keys(), "a visit is both waiting and filed"

    members: dict[str, Any] = {}
    pointers: set[tuple[str, str]] = set()
    for name in files.names("members"):
        tables = files.tables(f"members/{name}")
        members.update(_by_id(tables.get("members", {}).values()))
        pointers |= {(doc["key"], doc["id"]) for doc in tables.get("names", {}).values()}
    for member_id, member in members.items():
        theirs = [v for v in waiting.values() if v["member"] == member_id and not v.get("guest")]
        moments = [v["since"] for v in theirs] + [member["last_visit"]] * bool(member["last_visit"])
        member["visits"] += len(theirs)
        member["last_visit"] = max(moments, key=datetime.fromisoformat, default=None)

    questions = files.tables("questions.json")
    kept_whole = {
        name: {
            table: sorted(json.dumps(doc, sort_keys=True) for doc in docs.values())
            for table, docs in files.tables(name).items()
            if docs
        }
        for name in ("inductions.json", "invitations.json", "agreements.json", "roll-call.json")
    }
    return {
        **kept_whole,
        "members": members,
        "names": sorted(pointers),
        "here": here,
        "finished": {**waiting, **filed},
        "shoutouts": _by_id(files.tables("shoutouts.json").get("shoutouts", {}).values()),
        "question": list(questions.get("question", {}).values()),
        "answers": sorted(
            json.dumps(doc, sort_keys=True) for doc in questions.get("answers", {}).values()
        ),
        "notices waiting": [
            (doc["receiver"], doc["body"]) for doc in presence.get("outbox", {}).values()
        ],
    }


def folder_files(root: Path) -> dict[str, bytes]:
    """Every file of the data folder but backups and the lock, with its bytes: what a
    reader finds, with a pending intent.json carried out and its temporary files unseen."""
    files = _Files(root)
    found = {}
    for path in root.rglob("*"):
        relative = path.relative_to(root).as_posix()
        if path.is_symlink() or not path.is_file() or _not_data(relative):
            continue
        found[relative] = files.raw(relative)
    for relative, source in files.instead.items():
        found[relative] = files.raw(relative)
        if source is None:
            del found[relative]
    return {relative: raw for relative, raw in sorted(found.items()) if raw is not None}


def _not_data(relative: str) -> bool:
    name = relative.rpartition("/")[2]
    return (
        relative.startswith("backups/")
        or name in (".lock", "intent.json")
        or (name.startswith(".") and name.endswith(".tmp"))
    )


def _by_id(docs: Any) -> dict[str, Any]:
    found = {}
    for doc in docs:
        assert doc["id"] not in found, f"{doc['id']} is there twice"
        found[doc["id"]] = dict(doc)
    return found


class _Files:
    """The folder's files, with a pending intent.json as if carried out."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.instead: dict[str, str | None] = {}
        """Relative path → the file holding its contents now (None: gone)."""
        if (root / "intent.json").exists():
            intent = json.loads((root / "intent.json").read_bytes())
            for path, aside in intent["moves"]:
                if not (root / aside).exists():
                    self.instead[path] = None
            for temporary, path in intent["renames"]:
                if (root / temporary).exists():
                    self.instead[path] = temporary

    def raw(self, relative: str) -> bytes | None:
        source = self.instead.get(relative, relative)
        if source is None or not (self.root / source).exists():
            return None
        return (self.root / source).read_bytes()

    def tables(self, relative: str) -> dict[str, Any]:
        raw = self.raw(relative)
        return {} if raw is None else dict(json.loads(raw))

    def names(self, folder: str) -> list[str]:
        try:
            names = {name for name in os.listdir(self.root / folder) if _data_file(name)}
        except FileNotFoundError:
            names = set()
        for relative, source in self.instead.items():
            parent, _, name = relative.rpartition("/")
            if parent == folder and _data_file(name):
                (names.add if source is not None else names.discard)(name)
        return sorted(names)


def _data_file(name: str) -> bool:
    return name.endswith(".json") and not name.startswith(".")
