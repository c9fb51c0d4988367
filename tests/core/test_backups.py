"""Daily backups: one a day, the newest few kept, each a faithful copy that later writes
and later damage to the live files cannot reach."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.community import Community
from kiosk.store import Store
from tests.conftest import FakeClock

MONDAY = date(2025, 3, 10)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2025, 3, 10, 9, 0, tzinfo=UTC))


@pytest.fixture
def community(tmp_path: Path, clock: FakeClock) -> Community:
    """Two members; Zoë came yesterday and is here again today."""
    community = Community(Store.open(tmp_path / "data", backups_to_keep=3), clock)
    zoe = community.add_member("Zoë Martin")
    community.add_member("Björn Andersson")
    community.check_in(zoe.id)
    clock.advance(days=1)
    community.check_out(zoe.id)
    community.check_in(zoe.id)
    return community


def backed_up_days(store: Store) -> list[str]:
    return sorted(folder.name for folder in store.backups())


def files_in(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_the_first_change_of_each_day_makes_one_backup(
    community: Community, clock: FakeClock
) -> None:
    # Given the changes of two days (Monday, and Tuesday's check-out and check-in)
    store = community.store
    assert backed_up_days(store) == ["2025-03-10", "2025-03-11"]

    # When more changes are made the same day, by this process and by another one
    community.check_out(community.find("Zoë Martin").id)
    Community(Store.open(store.root), clock).check_in(community.find("Björn Andersson").id)

    # Then no other backup is made that day
    assert backed_up_days(store) == ["2025-03-10", "2025-03-11"]
    assert store.backup_daily(clock().date()) is None
    assert Store(store.root).backup_daily(clock().date()) is None


def test_a_backup_holds_every_data_file(community: Community, clock: FakeClock) -> None:
    # When a backup is made
    folder = community.store.backup(clock().date())

    # Then it holds every data file, byte for byte
    root = community.store.root
    live = [str(p.relative_to(root)) for p in community.store.data_files()]
    assert files_in(folder) == sorted(live)
    for name in live:
        assert (folder / name).read_bytes() == (root / name).read_bytes()


def test_only_the_newest_backups_are_kept(community: Community) -> None:
    # Given a store keeping three backups, and a schema 1 file kept among them
    store = community.store
    (store.root / "backups" / "kiosk-schema-1.json").write_text("{}")

    # When backups are made on six days
    for day in range(6):
        store.backup(MONDAY + timedelta(days=day))

    # Then the newest three are left, and the old schema 1 file too
    assert backed_up_days(store) == ["2025-03-13", "2025-03-14", "2025-03-15"]
    assert (store.root / "backups" / "kiosk-schema-1.json").exists()


def test_a_backup_keeps_its_bytes_when_the_live_file_is_rewritten(
    community: Community, clock: FakeClock
) -> None:
    # Given a backup of who is here
    store = community.store
    folder = store.backup(clock().date())
    backed_up = store.presence.path.read_bytes()

    # When the live file is rewritten (Björn checks in)
    community.check_in(community.find("Björn Andersson").id)

    # Then the backup still holds the file as it was
    assert store.presence.path.read_bytes() != backed_up
    assert (folder / "presence.json").read_bytes() == backed_up


def test_a_backup_is_untouched_by_damage_done_to_the_live_file_in_place(
    community: Community, clock: FakeClock
) -> None:
    # Given a backup of the members
    store = community.store
    folder = store.backup(clock().date())
    backed_up = store.members.path.read_bytes()

    # When the live file is damaged in place (an editor saving over it, a failing disk)
    with store.members.path.open("r+b") as file:
        file.truncate(10)

    # Then the backup is whole, and is the one offered to restore
    assert (folder / "members.json").read_bytes() == backed_up
    assert store.newest_good_backup(store.members.path) == folder / "members.json"


def test_a_file_unchanged_since_the_last_backup_is_not_stored_twice(
    community: Community, clock: FakeClock
) -> None:
    # Given yesterday's backup
    store = community.store
    monday = store.history_days()[0]
    store.backup(clock().date() - timedelta(days=1))

    # When today's backup is made, with Monday's history unchanged since
    folder = store.backup(clock().date())

    # Then both backups share one copy of it, and that copy is not the live file
    yesterday = store.root / "backups" / "2025-03-10"
    name = f"history/{monday.isoformat()}.json"
    assert (folder / name).stat().st_ino == (yesterday / name).stat().st_ino
    assert (folder / name).stat().st_ino != (store.root / name).stat().st_ino
    assert (folder / name).read_bytes() == (store.root / name).read_bytes()


def test_a_backup_cut_short_is_made_again(community: Community, clock: FakeClock) -> None:
    # Given a backup that a power cut interrupted, leaving a partial folder
    store = community.store
    partial = store.root / "backups" / f".{clock().date().isoformat()}.partial"
    (partial / "history").mkdir(parents=True)
    (partial / "members.json").write_text("half")

    # When the backup is made again, then it is whole, and the partial folder is gone
    folder = store.backup(clock().date())
    assert files_in(folder) == sorted(str(p.relative_to(store.root)) for p in store.data_files())
    assert (folder / "members.json").read_bytes() == store.members.path.read_bytes()
    assert not partial.exists()


def test_kiosk_backup_makes_one_on_demand(
    community: Community, capsys: pytest.CaptureFixture[str]
) -> None:
    # When a host runs `kiosk backup`
    code = main(["--data", str(community.store.root), "backup"])

    # Then today's backup holds every data file, and says so
    out = capsys.readouterr().out
    today = datetime.now(UTC).date().isoformat()
    folder = community.store.root / "backups" / today
    assert code == 0
    assert out == f"Backed up {len(community.store.data_files())} files to {folder}.\n"
    assert len(files_in(folder)) == len(community.store.data_files())


def test_a_backup_an_older_kiosk_made_by_linking_the_live_file_is_not_shared(
    community: Community, clock: FakeClock
) -> None:
    # Given yesterday's backup as an older kiosk made it: hard links to the live files
    store = community.store
    yesterday = store.root / "backups" / "2025-03-10"
    shutil.rmtree(yesterday)
    (yesterday / "history").mkdir(parents=True)
    for path in store.data_files():
        os.link(path, yesterday / path.relative_to(store.root))

    # When today's backup is made
    folder = store.backup(clock().date())

    # Then none of its files is the live file itself
    for path in store.data_files():
        assert (folder / path.relative_to(store.root)).stat().st_ino != path.stat().st_ino


def test_a_backup_that_cannot_be_made_does_not_turn_a_member_away(
    community: Community, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a new day, and a backups folder that cannot take today's backup
    store = community.store
    clock.advance(days=1)
    shutil.rmtree(store.root / "backups")
    (store.root / "backups").write_text("not a folder")

    # When Björn checks in
    bjorn = community.find("Björn Andersson")
    community.check_in(bjorn.id)

    # Then he is checked in, and the problem waits for a host to be told
    assert Community(Store.open(store.root)).visit_of(bjorn.id) is not None
    assert community.backup_problem is not None
    assert community.backup_problem.startswith("The backup was not made")

    # And the command line says so on stderr, but the check-out still succeeds
    assert main(["--data", str(store.root), "checkout", "Björn Andersson"]) == 0
    assert "kiosk: warning: The backup was not made" in capsys.readouterr().err
