"""Backups a host can restore from: one a day, made away from the door, checked when made
and when asked, sharing nothing, numbered in the order they were made whatever the clock
says, and never rotated past the last good copy of a file."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.cli.commands import running
from kiosk.cli.main import main
from kiosk.community.community import Community
from kiosk.errors import StorageError
from kiosk.storage import backups as backups_module
from kiosk.storage import daily_backup
from kiosk.storage.backups import Backup, Backups
from kiosk.storage.member_files import file_of
from kiosk.storage.store import Store
from tests.conftest import FakeClock

start_backup = running.start_backup
"""As the command line has it, before the tests' fixture makes backups in-process."""

MONDAY = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
BACKUP_COMMAND = ["backup", "--if-due", "--data", "kiosk-data"]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(MONDAY)


@pytest.fixture
def community(tmp_path: Path, clock: FakeClock) -> Community:
    """Two members; Zoë came on Monday and her visit is filed in Monday's history."""
    community = Community(Store.open(tmp_path / "data"), clock)
    zoe = community.add_member("Zoë Martin")
    community.add_member("Björn Andersson")
    community.check_in(zoe.id)
    clock.advance(hours=2)
    community.check_out(zoe.id)
    community.file_visits()
    return community


def a_day_later(community: Community, clock: FakeClock, backups: Backups) -> None:
    """Another day: someone new registers, and the day's backup is made."""
    clock.advance(days=1)
    community.add_member(f"Member of {clock().date()}")
    backups.make(clock(), UTC)


def two_days_of_backups(community: Community, clock: FakeClock) -> tuple[Backup, Backup]:
    """Today's backup and tomorrow's: the newest, then the older."""
    backups = Backups(community.store)
    backups.make(clock(), UTC)
    a_day_later(community, clock, backups)
    newest, older = backups.all()
    return newest, older


def copies(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and p.name != ".lock"]


def test_a_backup_holds_a_checked_copy_of_every_data_file(
    community: Community, clock: FakeClock
) -> None:
    # When a backup is made
    backup = Backups(community.store).make(clock(), UTC)
    assert backup is not None

    # Then it lists every data file with the SHA-256 of the file as it is
    root = community.store.root
    live = {p.relative_to(root).as_posix(): p for p in community.store.data_files()}
    assert set(backup.files) == set(live)
    for relative, path in live.items():
        assert backup.files[relative] == hashlib.sha256(path.read_bytes()).hexdigest()


def test_no_two_copies_share_storage(community: Community, clock: FakeClock) -> None:
    # Given a week of backups of files that mostly did not change
    backups = Backups(community.store, keep=7)
    for _ in range(5):
        a_day_later(community, clock, backups)

    # Then no copy is a hard link to another copy or to a live file
    inodes = [p.stat().st_ino for p in copies(community.store.root / "backups")]
    inodes += [p.stat().st_ino for p in community.store.data_files()]
    assert len(inodes) == len(set(inodes))
    assert all(p.stat().st_nlink == 1 for p in copies(community.store.root / "backups"))


def test_a_past_day_is_kept_once_however_many_backups_there_are(
    community: Community, clock: FakeClock
) -> None:
    # Given five days of backups
    backups = Backups(community.store, keep=7)
    for _ in range(5):
        a_day_later(community, clock, backups)

    # Then Monday's history is in the backups once, listed by all five
    [monday] = (community.store.root / "history").glob("2025-03-10*.json")
    kept = list((community.store.root / "backups" / "history").glob("2025-03-10*"))
    assert len(kept) == 1
    assert kept[0].read_bytes() == monday.read_bytes()
    assert all(f"history/{monday.name}" in b.files for b in backups.all())


def test_damaging_one_copy_in_place_damages_no_other(
    community: Community, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given two days of backups, and the newest copy of presence.json then broken in place
    newest, older = two_days_of_backups(community, clock)
    broken = newest.folder / "presence.json"
    broken.write_text("{broken")

    # Then doctor names that one copy, and only that one
    assert main(["--data", str(community.store.root), "doctor"]) == 1
    out = capsys.readouterr().out
    assert f"Backup copy {broken} is damaged" in out
    assert str(older.folder) not in out

    # And when the live file is damaged, the older good copy is restored
    live = community.store.root / "presence.json"
    live.write_text("{also broken")
    assert main(["--data", str(community.store.root), "doctor", "--restore"]) == 1
    assert f"Restored from {older.folder}" in capsys.readouterr().out
    assert live.read_bytes() == (older.folder / "presence.json").read_bytes()


def test_a_damaged_file_is_never_backed_up_and_its_last_good_copy_outlives_rotation(
    community: Community, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given Monday's history backed up while good, then damaged in place
    backups = Backups(community.store, keep=2)
    backups.make(clock(), UTC)
    [monday] = (community.store.root / "history").glob("2025-03-10*.json")
    good = monday.read_bytes()
    monday.write_bytes(good[: len(good) // 2])

    # When a week of ordinary days passes, each with its backup, far past backups_to_keep
    for _ in range(7):
        a_day_later(community, clock, backups)

    # Then no backup holds the damaged bytes, and the good copy is still there to restore
    relative = f"history/{monday.name}"
    assert [b for b in backups.all() if relative in b.files] == [backups.all()[-1]]
    assert main(["--data", str(community.store.root), "doctor", "--restore"]) == 0
    assert monday.read_bytes() == good


def test_backups_are_ordered_by_when_they_were_made_not_by_the_clock(
    community: Community, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a backup made one day with the clock wrongly at 2099
    backups = Backups(community.store)
    wrong = FakeClock(datetime(2099, 1, 1, tzinfo=UTC))
    backups.make(wrong(), UTC)

    # When the clock is right again, a member registers and the day's backup is made
    community.add_member("Ngozi Okafor")
    later = backups.make(clock(), UTC)
    assert later is not None and backups.all()[0].folder == later.folder

    # Then restoring damaged members brings back the newest data, Ngozi included
    for path in (community.store.root / "members").glob("*.json"):
        path.write_text("{")
    assert main(["--data", str(community.store.root), "doctor", "--restore"]) == 0
    names = [m.name for m in Community(Store.open(community.store.root), community.clock).members()]
    assert "Ngozi Okafor" in names


def test_with_the_clock_set_back_a_backup_is_still_made_and_kept(
    community: Community,
    clock: FakeClock,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(running, "utc_now", clock)
    # Given a few backups made over the coming days
    backups = Backups(community.store, keep=3)
    for _ in range(3):
        a_day_later(community, clock, backups)

    # When the clock is set back a month and a host backs up
    clock.advance(days=-30)
    assert main(["--data", str(community.store.root), "backup"]) == 0

    # Then the files are copied, and the new backup is the newest, kept by rotation
    out = capsys.readouterr().out
    files = len(community.store.data_files())
    assert out.startswith(f"Backed up {files} files as backup 4 in ")
    newest = backups.all()[0]
    assert newest.sequence == 4 and newest.folder.exists()
    assert not daily_backup.due(community.store.root, clock().astimezone().date().isoformat())


def test_only_the_newest_backups_are_kept_once_newer_ones_hold_every_file(
    community: Community, clock: FakeClock
) -> None:
    backups = Backups(community.store, keep=3)
    for _ in range(6):
        a_day_later(community, clock, backups)
    assert [b.sequence for b in backups.all()] == [6, 5, 4]
    # And no history copy outlives every backup that listed it
    listed = {name for b in backups.all() for name in b.files if name.startswith("history/")}
    assert len(list((community.store.root / "backups" / "history").iterdir())) == len(listed)


def test_a_backup_cut_short_leaves_no_half_backup_and_tells_the_host(
    community: Community, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a disk that fails while the copies are written
    def full_disk(payloads: object) -> None:
        raise StorageError("The backup was not made: the disk is full.")

    monkeypatch.setattr(backups_module, "write_together", full_disk)

    # When a backup is tried, it fails, leaving no backup folder, finished or not
    backups = Backups(community.store)
    with pytest.raises(StorageError):
        backups.make(clock(), UTC)
    assert backups.all() == []
    assert sorted(p.name for p in (community.store.root / "backups").iterdir()) == [
        ".lock",
        "history",
        "problem.txt",
    ]
    # And the problem is kept for the kiosk and the command line to pass on
    assert (
        daily_backup.last_problem(community.store.root)
        == "The backup was not made: the disk is full."
    )

    # Then the next backup that works clears it
    monkeypatch.undo()
    assert backups.make(clock(), UTC) is not None
    assert daily_backup.last_problem(community.store.root) is None


def test_the_first_change_of_a_day_starts_its_backup_in_a_process_of_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given the command line, with the process it starts run here, to its end
    started = []

    def run_here(command: list[str], **options: object) -> None:
        started.append(command)
        assert main(command[3:]) == 0  # the process, run here to its end

    monkeypatch.setattr(subprocess, "Popen", run_here)
    monkeypatch.setattr(running, "start_backup", start_backup)
    monkeypatch.chdir(tmp_path)

    # When a member is added, and another, on the same day
    assert main(["members", "add", "Zoë Martin"]) == 0
    assert main(["members", "add", "Björn Andersson"]) == 0

    # Then a backup was started in the background for the first change only
    assert started == [[sys.executable, "-m", "kiosk.cli.main", *BACKUP_COMMAND]]
    assert len(Backups(Store.open(tmp_path / "kiosk-data")).all()) == 1


def test_kiosk_backup_if_due_makes_only_the_first_backup_of_a_day(
    community: Community, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    root = str(community.store.root)
    assert main(["--data", root, "backup", "--if-due"]) == 0
    assert main(["--data", root, "backup", "--if-due"]) == 0
    assert len(Backups(community.store).all()) == 1


def test_a_backup_manifest_that_cannot_be_read_is_named_by_doctor(
    community: Community, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    backups = Backups(community.store)
    backup = backups.make(clock(), UTC)
    assert backup is not None
    (backup.folder / "manifest.json").write_text(json.dumps({"made": 1}))
    assert main(["--data", str(community.store.root), "doctor"]) == 1
    assert f"{backup.folder / 'manifest.json'} is damaged" in capsys.readouterr().out


def test_backups_are_readable_by_their_owner_alone(community: Community, clock: FakeClock) -> None:
    old = os.umask(0o022)
    try:
        Backups(community.store).make(clock(), UTC)
    finally:
        os.umask(old)
    folder = community.store.root / "backups"
    assert all(p.stat().st_mode & 0o077 == 0 for p in copies(folder))
    assert folder.stat().st_mode & 0o077 == 0


def test_a_copy_edited_into_other_good_data_is_caught_by_its_checksum_alone(
    community: Community, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given two days of backups, and the newest copy of Zoë's file then edited into
    # other data that still reads well: her name changed, the JSON and records valid
    newest, older = two_days_of_backups(community, clock)
    zoe = community.find("Zoë Martin")
    relative = f"members/{file_of(zoe.id)}"
    edited = newest.folder / relative
    edited.write_text(edited.read_text().replace("Zoë Martin", "Zoe Imposter"))
    json.loads(edited.read_text())

    # When a host runs the doctor, then that copy is named by its checksum
    assert main(["--data", str(community.store.root), "doctor"]) == 1
    assert (
        f"Backup copy {edited} is damaged: its contents do not match the checksum it was "
        "made with" in capsys.readouterr().out
    )

    # And when the live file is damaged, the edited copy is passed over for the older one
    live = community.store.root / relative
    live.write_text("{")
    assert main(["--data", str(community.store.root), "doctor", "--restore"]) == 1
    assert f"Restored from {older.folder}" in capsys.readouterr().out
    assert Community(Store.open(community.store.root), clock).member(zoe.id).name == "Zoë Martin"


def test_a_damaged_history_copy_is_made_again_by_the_next_backup(
    community: Community, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given Monday's history kept once in backups/history, then spoiled there
    backups = Backups(community.store)
    backups.make(clock(), UTC)
    [copy] = (community.store.root / "backups" / "history").glob("2025-03-10*")
    good = copy.read_bytes()
    copy.write_bytes(good.replace(b'"open"', b'"heads-down"'))
    assert main(["--data", str(community.store.root), "doctor"]) == 1
    assert "`kiosk backup` makes a fresh one" in capsys.readouterr().out

    # When the host does as the doctor says
    assert main(["--data", str(community.store.root), "backup"]) == 0

    # Then the copy is good again, for the new backup and the old one alike
    assert copy.read_bytes() == good
    assert main(["--data", str(community.store.root), "doctor"]) == 0


def test_what_a_backup_stopped_part_way_left_is_named_and_cleared(
    community: Community, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a backup stopped while it was being made, and a removal stopped part way
    backups = Backups(community.store)
    backups.make(clock(), UTC)
    building = community.store.root / "backups" / ".building-x1y2z3"
    (building / "members").mkdir(parents=True)
    (building / "members" / "0ab.json").write_text('{"members": {}}')
    removing = community.store.root / "backups" / ".removing-000000-2025-03-01"
    removing.mkdir()

    # When a host runs the doctor, then both are named and removed
    assert main(["--data", str(community.store.root), "doctor"]) == 0
    out = capsys.readouterr().out
    assert f"Removed {building}, left by a backup that was stopped part way." in out
    assert f"Removed {removing}, left by a backup that was stopped part way." in out
    assert not building.exists() and not removing.exists()

    # And the next backup clears them as well, when it finds some
    building.mkdir()
    a_day_later(community, clock, backups)
    assert not building.exists()


def test_a_damaged_file_kept_from_a_repair_leaves_with_the_backups_of_its_time(
    community: Community, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given Björn's file damaged and repaired, the damaged copy kept beside it
    backups = Backups(community.store, keep=2)
    backups.make(clock(), UTC)
    bjorn = community.find("Björn Andersson")
    path = community.store.root / "members" / file_of(bjorn.id)
    damaged = path.read_bytes()[:-2]
    path.write_bytes(damaged)
    assert main(["--data", str(community.store.root), "doctor", "--restore"]) == 0
    [aside] = path.parent.glob(f"{path.name}.damaged-*")
    assert aside.read_bytes() == damaged
    assert (
        f"{aside} is a damaged file kept from a repair; it is removed once backup 1 and "
        "those before it are rotated out." in capsys.readouterr().out
    )
    # ... and then Björn deletes his data
    community.delete_member(bjorn.id)

    # When backups are made day after day, the damaged copy stays while backup 1 does
    a_day_later(community, clock, backups)
    assert aside.exists() and [b.sequence for b in backups.all()] == [2, 1]
    a_day_later(community, clock, backups)

    # Then it leaves with backup 1, and nothing in the data folder names Björn
    assert [b.sequence for b in backups.all()] == [3, 2]
    assert not aside.exists()
    assert "Björn" not in "".join(
        p.read_text()
        for p in community.store.root.rglob("*")
        if p.is_file() and "backups" not in p.parts
    )


def test_doctor_removes_a_damaged_file_kept_past_the_backups_of_its_time(
    community: Community, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a damaged file kept from a repair made before backup 1, which is kept no more
    backups = Backups(community.store, keep=1)
    backups.make(clock(), UTC)
    a_day_later(community, clock, backups)
    aside = community.store.root / "presence.json.damaged-20250310-090000-000001"
    aside.write_text("{cut short")

    # When a host runs the doctor, then it is removed, and said so
    assert main(["--data", str(community.store.root), "doctor"]) == 0
    assert (
        f"Removed {aside}, kept from a repair: no backup of its time is kept now."
        in capsys.readouterr().out
    )
    assert not aside.exists()
