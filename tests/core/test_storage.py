"""The storage under every data file: atomic writes, honest errors, cheap change detection."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any

import pytest

from kiosk.community.attendance import FILE_AFTER
from kiosk.community.community import Community
from kiosk.errors import DataError
from kiosk.storage import member_files
from kiosk.storage.files import (
    SCHEMA,
    AtomicJSONStorage,
    load,
    signature,
    write_atomically,
    write_together,
)
from kiosk.storage.member_files import MemberFiles
from kiosk.storage.store import Store
from tests.conftest import FakeClock


def test_a_write_replaces_the_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    # Given a data file
    path = tmp_path / "members.json"
    write_atomically(path, b'{"members": {}}')

    # When it is written again
    write_atomically(path, b'{"members": {"1": {"id": "m1"}}}')

    # Then it holds the new bytes and nothing else is left in the folder
    assert path.read_bytes() == b'{"members": {"1": {"id": "m1"}}}'
    assert [p.name for p in tmp_path.iterdir()] == ["members.json"]


def test_files_written_together_are_flushed_each_with_its_folder_and_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given two folders, and a machine whose other programs' writes must not be waited for
    (tmp_path / "members").mkdir()
    (tmp_path / "history").mkdir()
    flushed: set[tuple[int, int]] = set()
    fsync = os.fsync

    def flush(descriptor: int) -> None:
        status = os.fstat(descriptor)
        flushed.add((status.st_dev, status.st_ino))
        fsync(descriptor)

    def whole_machine() -> None:
        raise AssertionError("the whole machine was flushed")

    monkeypatch.setattr(os, "fsync", flush)
    monkeypatch.setattr(os, "sync", whole_machine)
    paths = [tmp_path / "members" / "001.json", tmp_path / "members" / "002.json"]
    paths.append(tmp_path / "history" / "2026-11-26.json")

    # When three files are written together
    write_together({path: b"{}" for path in paths})

    # Then each file, and each folder holding one, was flushed
    for written in [*paths, tmp_path / "members", tmp_path / "history"]:
        status = os.stat(written)
        assert (status.st_dev, status.st_ino) in flushed, written


def test_every_file_written_carries_the_schema_version(tmp_path: Path) -> None:
    # When the storage writes a table
    AtomicJSONStorage(tmp_path / "members.json").write({"members": {}})

    # Then the file says which layout wrote it
    data = json.loads((tmp_path / "members.json").read_text())
    assert data["_meta"] == {"1": {"schema": SCHEMA}}


def test_a_rewrite_of_the_same_size_is_still_noticed(tmp_path: Path) -> None:
    # Given a reader that has read a file
    path = tmp_path / "presence.json"
    write_atomically(path, b'{"visits": {"1": {"a": 1}}}')
    reader = AtomicJSONStorage(path)
    reader.read()
    assert not reader.changed()

    # When another writer replaces it, at once, with contents of exactly the same size
    write_atomically(path, b'{"visits": {"1": {"a": 2}}}')

    # Then the reader notices, and rereads the new contents
    assert reader.changed()
    assert reader.read() == {"visits": {"1": {"a": 2}}}
    assert not reader.changed()


def test_each_write_gives_the_file_a_new_identity(tmp_path: Path) -> None:
    # Given a file written many times in a row, faster than a clock tick
    path = tmp_path / "presence.json"
    seen = set()
    for _ in range(50):
        write_atomically(path, b"{}")
        seen.add(signature(path))

    # Then no two versions look alike to a reader
    assert len(seen) == 50


def test_a_reader_does_not_parse_an_unchanged_file_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a reader that has read a file once
    path = tmp_path / "members.json"
    write_atomically(path, b'{"members": {}}')
    reader = AtomicJSONStorage(path)
    reader.read()
    parsed: list[Path] = []

    def counting_load(path: Path) -> dict[str, Any]:
        parsed.append(path)
        return load(path)

    monkeypatch.setattr("kiosk.storage.files.load", counting_load)

    # When it reads again and again
    for _ in range(10):
        reader.read()

    # Then the file is not parsed again
    assert parsed == []


@pytest.mark.parametrize(
    ("contents", "problem"),
    [
        (b"", "it is empty"),
        (b'{"members": {"1": {"id": "m1", "na', "cut short"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b"[1, 2]", "does not hold kiosk tables"),
        (b'{"members": {"1": 5}}', "does not hold kiosk tables"),
        (b'{"_meta": {"1": "two"}}', "does not hold kiosk tables"),
        (b'{"_meta": {"1": {"schema": "two"}}}', "is not a version"),
        (b'{"_meta": {"1": {"schema": 99}}}', "newer kiosk (data schema 99"),
        (b'{"members": ' + b"[" * 1100 + b"]" * 1100 + b"}", "nested too deeply"),
    ],
)
def test_a_damaged_file_is_explained_by_name(tmp_path: Path, contents: bytes, problem: str) -> None:
    # Given a data file that is damaged in some way
    path = tmp_path / "members.json"
    path.write_bytes(contents)

    # When it is loaded, then the error names the file and the problem
    with pytest.raises(DataError) as refused:
        load(path)
    assert str(path) in str(refused.value)
    assert problem in str(refused.value)


def test_files_and_folders_are_for_their_owner_whatever_the_umask(
    tmp_path: Path, clock: FakeClock
) -> None:
    # Given a permissive umask, as a desktop session might have
    old = os.umask(0o000)
    try:
        # When the kiosk makes its data folder and writes to it
        community = Community(Store.open(tmp_path / "data"), clock)
        zoe = community.add_member("Zoë Martin")
        community.check_in(zoe.id)
        community.check_out(zoe.id)
        community.file_visits()
    finally:
        os.umask(old)

    # Then no one but the owner may read or enter anything in it
    root = tmp_path / "data"
    made = [root, *root.rglob("*")]
    assert all(p.stat().st_mode & 0o077 == 0 for p in made), [
        (p, oct(p.stat().st_mode)) for p in made if p.stat().st_mode & 0o077
    ]


def test_a_data_folder_others_could_read_is_closed_to_them(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir(mode=0o755)
    os.chmod(tmp_path / "data", 0o755)
    Store.open(tmp_path / "data")
    assert (tmp_path / "data").stat().st_mode & 0o777 == 0o700


def test_a_link_planted_where_a_temporary_file_could_go_is_never_followed(
    tmp_path: Path,
    clock: FakeClock,
) -> None:
    # Given links planted under every name an older kiosk gave its temporary files
    root = tmp_path / "data"
    community = Community(Store.open(root), clock)
    outside = tmp_path / "outside.txt"
    outside.write_text("untouched")
    for pid in range(os.getpid() - 5, os.getpid() + 5):
        for name in ("presence.json", "shoutouts.json"):
            for thread in {threading.get_ident(), threading.main_thread().ident}:
                (root / f".{name}.{pid}-{thread}.tmp").symlink_to(outside)

    # When members register and check in
    zoe = community.add_member("Zoë Martin")
    community.check_in(zoe.id)
    community.post_shoutout(zoe.id, None, "Hello!")

    # Then nothing was written through a link, and the data is where it belongs
    assert outside.read_text() == "untouched"
    assert Community(Store.open(root), clock).visit_of(zoe.id) is not None


def test_temporary_names_cannot_be_guessed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Given the names of the temporary files of many writes
    names: list[str] = []
    real_open = os.open

    def noting_open(path: Any, flags: int, *args: Any) -> int:
        if str(path).endswith(".tmp"):
            names.append(Path(path).name)
            # Made new, exclusively, never through a link
            assert flags & os.O_EXCL and flags & os.O_NOFOLLOW and flags & os.O_CREAT
        return real_open(path, flags, *args)

    monkeypatch.setattr("kiosk.storage.files.os.open", noting_open)
    for _ in range(20):
        write_atomically(tmp_path / "presence.json", b"{}")

    # Then no two are alike, and none is made from the process id: each carries at
    # least 64 random bits (16 hex digits) where a process id could have been
    assert len(set(names)) == 20
    for name in names:
        middle = name.removeprefix(".presence.json.").removesuffix(".tmp")
        assert len(middle) >= 16 and middle != str(os.getpid())
        assert all(char in "0123456789abcdef" for char in middle)


@pytest.mark.parametrize("kind", ["fifo", "link", "folder"])
def test_something_other_than_a_file_is_reported_not_read(tmp_path: Path, kind: str) -> None:
    # Given a FIFO, a link or a folder where a data file belongs
    path = tmp_path / "presence.json"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "link":
        (tmp_path / "real.json").write_text("{}")
        path.symlink_to(tmp_path / "real.json")
    else:
        path.mkdir()

    # When it is loaded, then it is reported at once (a FIFO would hang a plain read)
    with pytest.raises(DataError) as refused:
        load(path)
    assert str(refused.value).startswith(f"{path} is damaged: it is")


def test_a_filing_is_not_read_back_by_the_process_that_made_it(
    demo_data: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a kiosk holding everyone, whose check-outs have just filed a batch of visits
    kiosk = Community(Store.open(demo_data), clock)
    kiosk.load_everyone()
    members = [m.id for m in kiosk.members() if kiosk.visit_of(m.id) is None]
    for number in range(FILE_AFTER - len(kiosk.store.unfiled_visits())):
        kiosk.check_in(members[number % 10])
        clock.advance(minutes=1)
        kiosk.check_out(members[number % 10])
    assert kiosk.store.unfiled_visits() == []
    read: list[object] = []
    everyone = MemberFiles.everyone

    def reading(self: MemberFiles, names: Any = None) -> Any:
        read.append(names)
        return everyone(self, names)

    monkeypatch.setattr(MemberFiles, "everyone", reading)
    # When the next member checks in
    kiosk.check_in(members[10])
    # Then no member file is read back: the kiosk wrote them, and holds what they say
    assert read == []
    # And a change another process makes to a member is still seen
    Community(Store.open(demo_data), clock).edit_member(members[0], pronouns="they/them")
    kiosk.refresh()
    assert kiosk.member(members[0]).pronouns == "they/them"
    assert kiosk.member(members[0]).visits >= 1


def test_a_board_left_running_keeps_only_the_member_files_it_last_used(
    demo_data: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a board that reads members as they come (not everyone), keeping few files
    monkeypatch.setattr(member_files, "FILES_KEPT", 4)
    board = Community(Store.open(demo_data), clock)
    door = Community(Store.open(demo_data), clock)
    members = sorted(m.id for m in door.store.members.everyone() if m.active)
    homes = {member_files.file_of(member_id) for member_id in members}
    assert len(homes) > 3 * member_files.FILES_KEPT  # more files than it may keep
    # When every member comes in and leaves again, twice, the board looking at each change
    for member_id in members * 2:
        for change in (door.check_in, door.check_out):
            if change is door.check_out or door.visit_of(member_id) is None:
                change(member_id)
            board.refresh()
            board.gathering()
            # Then it never holds more member files than it may keep
            assert board.store.members.files_kept <= member_files.FILES_KEPT
    # And a member whose file it let go is read again, as the door stored them
    for member_id in members:
        assert board.member(member_id) == door.store.members.get(member_id)
