"""Members spread over many small files, so a change rewrites about a thousandth of them.

    members/NNN.json   the records of the members whose id falls in the file, and the
                       pointers from each name whose key falls in it to its members

A member is found by id in one file, by exact name through one pointer file and then
their own. A change that renames a member writes the new pointer first and drops the
old one last, so a change cut short leaves a pointer too many (which lookups ignore),
never a member no pointer leads to.
"""

from __future__ import annotations

import json
import zlib
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kiosk.models import Member
from kiosk.storage.datafile import DataFile, Tables, drop, insert, put
from kiosk.storage.files import encode, make_folder, names_in, signature, write_together
from kiosk.storage.staging import Signature
from kiosk.text import is_id, topic_key

FILES = 1024
"""Members are spread over this many files."""
SWEEP_SECONDS = 30.0
"""How often a watching process looks at every member file, for edits made in place."""
FILES_KEPT = 384
"""Member files kept read in memory, the most recently used, by a process that reads
members as it needs them rather than everyone: enough for the files of the about 450
people a big room holds, while a process left running for weeks does not come to hold
every member who ever came by. Beyond that, a file is read again when next needed."""


def file_of(key: str) -> str:
    """The members file that holds a member id, or the pointers of a name key."""
    return f"{zlib.crc32(key.encode()) % FILES:03x}.json"


def name_key(name: str) -> str:
    """A name as it is looked up: folded, spaces made single."""
    return topic_key(name)


class MemberFiles:
    """The members folder. Writers hold the data folder's lock."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._files: OrderedDict[str, DataFile] = OrderedDict()
        """The files read, least recently used first (at most FILES_KEPT)."""
        self._seen: dict[str, Signature] = {}
        self._folder_seen: Signature | None = None
        self._swept_at = 0.0

    def file(self, name: str) -> DataFile:
        data_file = self._files.get(name)
        if data_file is None:
            data_file = self._files[name] = DataFile(self.folder / name)
            if len(self._files) > FILES_KEPT:
                self._files.popitem(last=False)
        else:
            self._files.move_to_end(name)
        return data_file

    @property
    def files_kept(self) -> int:
        """How many member files are kept read in memory."""
        return len(self._files)

    def get(self, member_id: str) -> Member | None:
        """The member with this id, reading only their record."""
        return self.file(file_of(member_id)).record("members", member_id, Member.from_doc)

    def named(self, name: str) -> list[Member]:
        """Members whose name is `name`, folded, found through the name pointers."""
        key = name_key(name)
        # Every pointer of the file is read strictly: a damaged one could be this name's.
        pointers = self.file(file_of(key)).records("names", pointer_of)
        ids = {member_id for pointer_key, member_id in pointers if pointer_key == key}
        found = [self.get(member_id) for member_id in ids]
        # A pointer left by a change that was cut short points at nobody, or at a name
        # since changed: only what the member's own record says counts.
        return [m for m in found if m is not None and name_key(m.name) == key]

    def names(self) -> list[str]:
        """The names of the member files that exist."""
        return [
            name
            for name in names_in(self.folder)
            if name.endswith(".json") and not name.startswith(".")
        ]

    def everyone(self, names: Iterable[str] | None = None) -> Iterator[Member]:
        """Every member (of the files `names`, or of all).

        Read through files of their own, not the cached ones, so that the parsed text of
        tens of thousands of members is not kept in memory twice.
        """
        for name in self.names() if names is None else names:
            yield from DataFile(self.folder / name).records("members", Member.from_doc)

    def put(self, member: Member, before: Member | None = None) -> None:
        """Store a new or changed member, and the pointer from their name to them."""
        make_folder(self.folder)
        key = name_key(member.name)
        old_key = None if before is None else name_key(before.name)
        home = file_of(member.id)
        pointer = {"key": key, "id": member.id}
        if key != old_key and file_of(key) != home:
            with self.file(file_of(key)).changing() as tables:
                _put_pointer(tables, pointer)
        with self.file(home).changing() as tables:
            put(tables.setdefault("members", {}), member.to_doc())
            if key != old_key and file_of(key) == home:
                _put_pointer(tables, pointer)
            if old_key is not None and old_key != key and file_of(old_key) == home:
                _drop_pointer(tables, old_key, member.id)
        if old_key is not None and old_key != key and file_of(old_key) != home:
            with self.file(file_of(old_key)).changing() as tables:
                _drop_pointer(tables, old_key, member.id)

    def update(self, members: Iterable[Member]) -> None:
        """Store new members, or changes to members other than their names, flushing the
        disk once for all of them (a name a member already had keeps its pointer)."""
        files: dict[str, Tables] = {}

        def tables_of(name: str) -> Tables:
            if name not in files:
                files[name] = {t: dict(docs) for t, docs in self.file(name).tables().items()}
            return files[name]

        for member in members:
            put(tables_of(file_of(member.id)).setdefault("members", {}), member.to_doc())
            key = name_key(member.name)
            pointer = {"key": key, "id": member.id}
            named_in = file_of(key)
            # A file whose pointer is already there is not rewritten: a member counted
            # at a filing changes one file, not two, for every kiosk watching to read.
            if not _has_pointer(files.get(named_in) or self.file(named_in).tables(), pointer):
                _put_pointer(tables_of(named_in), pointer)
        if files:
            make_folder(self.folder)
            write_together({self.folder / name: encode(tables) for name, tables in files.items()})

    def remove(self, member: Member) -> None:
        """Remove a member's record, then the pointer from their name."""
        key = name_key(member.name)
        home = file_of(member.id)
        with self.file(home).changing() as tables:
            drop(tables.setdefault("members", {}), lambda doc: doc.get("id") != member.id)
            if file_of(key) == home:
                _drop_pointer(tables, key, member.id)
        if file_of(key) != home:
            with self.file(file_of(key)).changing() as tables:
                _drop_pointer(tables, key, member.id)

    def write_all(self, members: Iterable[Member]) -> None:
        """Write many members at once, for a folder being seeded or migrated."""
        make_folder(self.folder)
        files: dict[str, Tables] = {}
        for member in members:
            home = files.setdefault(file_of(member.id), {"members": {}, "names": {}})
            insert(home["members"], member.to_doc())
            key = name_key(member.name)
            pointers = files.setdefault(file_of(key), {"members": {}, "names": {}})
            insert(pointers["names"], {"key": key, "id": member.id})
        write_together({self.folder / name: encode(tables) for name, tables in files.items()})

    def written(self, paths: Iterable[Path]) -> None:
        """Take the member files among `paths`, just written by this process under the
        lock, as seen: `changed` names only what another process wrote since, so that a
        filing's few dozen files are not read back by the process that wrote them."""
        if not self._seen:
            return  # not following changes yet: the first `changed` names every file
        for path in paths:
            if path.parent == self.folder:
                seen = signature(path)
                if seen is None:
                    self._seen.pop(path.name, None)
                else:
                    self._seen[path.name] = seen

    def forget(self, name: str) -> None:
        """Have the next `changed` name this file again: it could not be read this time."""
        self._seen.pop(name, None)
        self._folder_seen = None

    def changed(self, now: float) -> list[str]:
        """Member files changed since the last call (the first call names them all).

        A write replaces a file, which changes the folder; an edit made in place does
        not, so every file is looked at every SWEEP_SECONDS too.
        """
        folder = signature(self.folder)
        if folder == self._folder_seen and now - self._swept_at < SWEEP_SECONDS:
            return []
        self._folder_seen, self._swept_at = folder, now
        changed = []
        current: dict[str, Signature] = {}
        for name in self.names():
            seen = signature(self.folder / name)
            if seen is None:
                continue
            current[name] = seen
            if self._seen.get(name) != seen:
                changed.append(name)
        changed += [name for name in self._seen if name not in current]
        self._seen = current
        return changed

    def version_now(self) -> str:
        """The member files as they are now, in a word: it changes when any of them is
        written, replaced, removed or edited in place."""
        return _version({name: signature(self.folder / name) for name in self.names()})

    def version_read(self) -> str | None:
        """`version_now` as of the member files this process has read and followed (see
        `changed`); None before it follows them. A file read again since it changed, or
        that could not be read, leaves it behind the files: never ahead of them."""
        if self._folder_seen is None:
            return None
        return _version(dict(self._seen))


def _version(signatures: dict[str, Signature | None]) -> str:
    import hashlib  # late: the kiosk's search index asks, a command at the door never does

    seen = sorted((name, seen) for name, seen in signatures.items() if seen is not None)
    return hashlib.sha256(json.dumps(seen).encode()).hexdigest()


def pointer_of(doc: dict[str, Any]) -> tuple[str, str]:
    """A name pointer as stored: (name key, member id); anything else is damage."""
    key, member_id = doc["key"], doc["id"]
    if type(key) is not str or type(member_id) is not str or not is_id(member_id):
        raise TypeError("a name pointer should hold a key and an id, both text")
    return key, member_id


def _has_pointer(tables: Tables, pointer: dict[str, str]) -> bool:
    return pointer in tables.get("names", {}).values()


def _put_pointer(tables: Tables, pointer: dict[str, str]) -> None:
    if not _has_pointer(tables, pointer):
        insert(tables.setdefault("names", {}), pointer)


def _drop_pointer(tables: Tables, key: str, member_id: str) -> None:
    drop(
        tables.setdefault("names", {}),
        lambda doc: not (doc.get("key") == key and doc.get("id") == member_id),
    )
