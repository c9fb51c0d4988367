"""A full disk or a read-only data folder refuses the action, keeps the data, and recovers.

Tests run as root here, where file modes do not stop writes; so the real cases use a small
tmpfs, filled up or remounted read-only, and are skipped where mounting is not allowed.
The simulated cases make one system call inside kiosk.storage.files fail the way the disk
would, so the behaviour is covered everywhere.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.community.community import Community
from kiosk.errors import StorageError
from kiosk.models import Visit
from kiosk.storage import files as storage
from kiosk.storage import journal
from kiosk.storage.store import Store
from tests.conftest import FakeClock

FULL = (errno.ENOSPC, "is full")
READ_ONLY = (errno.EROFS, "read-only")


class FailingDisk:
    """Stands in for `os` inside kiosk.storage.files and kiosk.storage.journal: `call` fails
    with `code` for `after` calls on ("fsync" stands for fdatasync too)."""

    def __init__(self, call: str, code: int, after: int = 0) -> None:
        self.call, self.code, self.after = call, code, after

    def __getattr__(self, name: str) -> Any:
        real = getattr(os, name)
        if name != self.call and not (self.call == "fsync" and name == "fdatasync"):
            return real

        def fail_in_turn(*args: Any, **kwargs: Any) -> Any:
            # A full or read-only disk still lets files be opened for reading.
            if name == "open" and not args[1] & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
                return real(*args, **kwargs)
            if self.after > 0:
                self.after -= 1
                return real(*args, **kwargs)
            raise OSError(self.code, os.strerror(self.code))

        return fail_in_turn


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under the data folder but the lock and backups, with its bytes."""
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.name != ".lock" and "backups" not in path.parts
    }


def failing(monkeypatch: pytest.MonkeyPatch, disk: FailingDisk) -> None:
    """Make the data folder's disk fail as `disk` says, for every kind of write."""
    monkeypatch.setattr(storage, "os", disk)
    monkeypatch.setattr(journal, "os", disk)


@pytest.fixture
def community(tmp_path: Path, clock: FakeClock) -> Community:
    """Two members, one of them here, and today's backup already made."""
    community = Community(Store.open(tmp_path / "data"), clock)
    zoe = community.add_member("Zoë Martin", ("design",))
    community.add_member("Björn Andersson")
    community.check_in(zoe.id)
    return community


@pytest.mark.parametrize(
    ("call", "failure"),
    [
        ("write", FULL),
        ("fsync", FULL),  # where delayed allocation reports a full disk
        ("open", FULL),
        ("open", READ_ONLY),
    ],
)
def test_a_check_in_on_a_failing_disk_is_refused_and_changes_nothing(
    community: Community,
    monkeypatch: pytest.MonkeyPatch,
    call: str,
    failure: tuple[int, str],
) -> None:
    # Given a disk that fails the way a full or read-only one does
    code, words = failure
    bjorn = community.find("Björn Andersson")
    before = snapshot(community.store.root)
    failing(monkeypatch, FailingDisk(call, code))

    # When Björn checks in, it is refused with a clear message
    with pytest.raises(StorageError) as refused:
        community.check_in(bjorn.id)
    assert words in str(refused.value)
    assert "Nothing was changed" in str(refused.value)

    # Then the data is as it was, with no half-written file left, and nobody new is here
    assert snapshot(community.store.root) == before
    assert not list(community.store.root.rglob("*.tmp"))
    assert community.visit_of(bjorn.id) is None
    assert Community(Store.open(community.store.root), community.clock).visit_of(bjorn.id) is None

    # And once the disk works again, the same kiosk checks him in
    monkeypatch.undo()
    community.check_in(bjorn.id)
    assert (
        Community(Store.open(community.store.root), community.clock).visit_of(bjorn.id) is not None
    )


@pytest.mark.parametrize(
    ("call", "failure"),
    [("replace", READ_ONLY), ("utime", READ_ONLY), ("write", FULL), ("fsync", FULL)],
)
def test_a_journal_compaction_on_a_failing_disk_is_refused_and_changes_nothing(
    community: Community,
    monkeypatch: pytest.MonkeyPatch,
    call: str,
    failure: tuple[int, str],
) -> None:
    # Given a journal of who came and went that is due to be written out afresh
    code, words = failure
    before = snapshot(community.store.root)
    failing(monkeypatch, FailingDisk(call, code))

    # When it is compacted, it is refused with a clear message, and nothing changed
    with pytest.raises(StorageError) as refused:
        community.store.presence.compact()
    assert words in str(refused.value)
    assert snapshot(community.store.root) == before
    assert not list(community.store.root.rglob("*.tmp"))
    monkeypatch.undo()
    assert Community(Store.open(community.store.root), community.clock).here_count() == 1


def test_a_filing_cut_between_its_writes_is_finished_by_the_next_try(
    community: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given Zoë checked out, and a disk that fills up once her visit is marked for filing
    zoe = community.find("Zoë Martin")
    visit = community.check_out(zoe.id)
    failing(monkeypatch, FailingDisk("write", errno.ENOSPC, after=1))

    # When her visit is filed, it is refused, and her visit is still kept, waiting
    with pytest.raises(StorageError):
        community.file_visits()
    assert [v.id for v in community.past_visits(visit.since.date(), visit.since.date())] == [
        visit.id
    ]

    # Then once space is freed, filing again files her visit exactly once, and counts it
    monkeypatch.undo()
    assert community.file_visits() == 1
    reopened = Community(Store.open(community.store.root), community.clock)
    filed = [
        v.id
        for name in reopened.store.history.names()
        for v in reopened.store.history.file(name).records("visits", Visit.from_doc)
    ]
    assert filed == [visit.id]
    assert reopened.store.unfiled_visits() == []
    assert reopened.member(zoe.id).visits == 1


# -- a real small disk ---------------------------------------------------------


def mount(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *args], capture_output=True, text=True, check=False)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 1 MB tmpfs, unmounted afterwards; skipped where mounting is not allowed."""
    point = tmp_path / "disk"
    point.mkdir()
    if shutil.which("mount") is None:
        pytest.skip("no `mount` here; the simulated full and read-only disks cover this")
    mounted = mount("-t", "tmpfs", "-o", "size=1m,mode=0755", "tmpfs", str(point))
    if mounted.returncode != 0:
        pytest.skip(
            f"cannot mount a small tmpfs ({mounted.stderr.strip()}); "
            "the simulated full and read-only disks cover this"
        )
    yield point
    mount("-o", "remount,rw", str(point))
    subprocess.run(["umount", "-l", str(point)], check=False)


def fill(disk: Path) -> Path:
    """Write a file until the disk has no byte left."""
    filler = disk / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        chunk = b"x" * 65536
        while True:
            try:
                os.write(descriptor, chunk)
            except OSError as error:
                if error.errno != errno.ENOSPC:
                    raise
                if len(chunk) == 1:
                    return filler
                chunk = chunk[: len(chunk) // 2]
    finally:
        os.close(descriptor)


def remount(disk: Path, mode: str) -> None:
    result = mount("-o", f"remount,{mode}", str(disk))
    assert result.returncode == 0, result.stderr


def community_on(disk: Path, clock: FakeClock) -> Community:
    community = Community(Store.open(disk / "data"), clock)
    zoe = community.add_member("Zoë Martin")
    community.add_member("Björn Andersson")
    community.check_in(zoe.id)
    return community


def test_a_really_full_disk_refuses_a_check_in_until_space_is_freed(
    small_disk: Path, clock: FakeClock
) -> None:
    # Given a kiosk on a disk that then fills up
    community = community_on(small_disk, clock)
    bjorn = community.find("Björn Andersson")
    before = snapshot(community.store.root)
    filler = fill(small_disk)

    # When Björn checks in, it is refused: the disk is full
    with pytest.raises(StorageError, match="is full"):
        community.check_in(bjorn.id)

    # Then nothing was changed or left half-written, and the kiosk still answers
    assert snapshot(community.store.root) == before
    assert not list(community.store.root.rglob("*.tmp"))
    assert community.here_count() == 1

    # And when space is freed, the same kiosk checks him in
    filler.unlink()
    community.check_in(bjorn.id)
    assert Community(Store.open(community.store.root), community.clock).here_count() == 2


def test_a_read_only_data_folder_refuses_changes_but_can_still_be_read(
    small_disk: Path, clock: FakeClock
) -> None:
    # Given a kiosk whose disk turns read-only
    community = community_on(small_disk, clock)
    zoe = community.find("Zoë Martin")
    before = snapshot(community.store.root)
    remount(small_disk, "ro")

    # When Zoë checks out, it is refused: the folder is read-only
    with pytest.raises(StorageError, match="read-only"):
        community.check_out(zoe.id)

    # Then the data is untouched, and a board can still open and show it
    assert snapshot(community.store.root) == before
    board = Community(Store.open(community.store.root), community.clock)
    assert [p.member.name for p in board.present()] == ["Zoë Martin"]

    # And once the folder is writable again, the same kiosk checks her out
    remount(small_disk, "rw")
    community.check_out(zoe.id)
    assert Community(Store.open(community.store.root), community.clock).here_count() == 0
