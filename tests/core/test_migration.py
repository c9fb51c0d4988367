"""Data from older kiosks opens in this one, unchanged: schema 1 (one plain TinyDB file),
schema 2 (every member in one members.json), and the outbox as a file of its own."""

from __future__ import annotations

import errno
import json
import os
import threading
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from kiosk.community.community import Community
from kiosk.demo.seeding import write_schema_1
from kiosk.errors import DataError, StorageError
from kiosk.models import Member, Visit
from kiosk.models.notices import Notice
from kiosk.notices.outbox import Outbox, new_notice
from kiosk.storage.files import FolderLock, signature, write_atomically
from kiosk.storage.layout import LOCK_FILE
from kiosk.storage.migration import OUTBOX_FILE, from_schema_1, from_schema_2
from kiosk.storage.migration import SCHEMA_1_FILE as LEGACY_FILE
from kiosk.storage.store import Store
from tests.conftest import FakeClock

NOW = datetime(2025, 3, 14, 10, 0, tzinfo=UTC)
NEW_YORK = timezone(timedelta(hours=-5))

MEMBERS = [
    Member("m1", "Zoë Martin", NOW - timedelta(days=400), ("design", "3D printing")),
    Member("m2", "Björn Andersson", NOW - timedelta(days=30), ("woodworking",)),
    Member("m3", "Ngozi Okafor", NOW - timedelta(days=3), (), on_board=False),
]
OPEN = [
    Visit("v10", "m1", NOW - timedelta(hours=2), "open", ("design",)),
    Visit("v11", "m3", NOW - timedelta(minutes=5), "heads-down"),
]
CLOSED = [
    Visit("v1", "m1", NOW - timedelta(days=3), "open", (), NOW - timedelta(days=3, hours=-4)),
    Visit("v2", "m2", NOW - timedelta(days=3, hours=1), until=NOW - timedelta(days=3)),
    Visit("v3", "m2", NOW - timedelta(days=1), until=NOW - timedelta(hours=20)),
    # Written with a local offset: 23:30 in New York is already the next day in UTC.
    Visit(
        "v4",
        "m1",
        datetime(2025, 3, 10, 23, 30, tzinfo=NEW_YORK),
        until=datetime(2025, 3, 11, 1, 0, tzinfo=NEW_YORK),
    ),
]


def migration_cut_short(root: Path, old_file: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Open `root` on a disk with no room left to move `old_file` away at the end."""
    real_replace = os.replace

    def no_room_for_the_old_file(source: Path, target: Path) -> None:
        if Path(source).name == old_file:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_replace(source, target)

    with monkeypatch.context() as patched:
        patched.setattr(os, "replace", no_room_for_the_old_file)
        with pytest.raises(StorageError, match=r"Not migrated: the disk .* is full"):
            Store.open(root)


def strip_counts(member: Member) -> Member:
    """The member as the older kiosk had them: no visit counts, no badge code."""
    assert len(member.badge) == 10  # every migrated member gets a code
    return replace(member, visits=0, last_visit=None, badge="")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A data folder as the first kiosk left it."""
    root = tmp_path / "data"
    write_schema_1(root, MEMBERS, OPEN + CLOSED)
    return root


def test_a_schema_1_folder_opens_with_the_same_members_visits_and_history(root: Path) -> None:
    legacy_bytes = (root / LEGACY_FILE).read_bytes()

    # When this kiosk opens it
    community = Community(Store.open(root), clock=lambda: NOW)

    # Then it has the same members, the same people here, and the same history
    assert [strip_counts(m) for m in sorted(community.members(), key=lambda m: m.id)] == MEMBERS
    assert [community.visit_of(v.member_id) for v in OPEN] == OPEN
    past = list(community.past_visits(date(2000, 1, 1), date(2100, 1, 1)))
    assert sorted(past, key=lambda v: v.id) == sorted(CLOSED, key=lambda v: v.id)

    # And the old file is kept, byte for byte, among the backups
    assert not (root / LEGACY_FILE).exists()
    assert (root / "backups" / "kiosk-schema-1.json").read_bytes() == legacy_bytes


def test_a_visit_is_filed_under_the_utc_day_it_began(root: Path, clock: FakeClock) -> None:
    # When the schema 1 folder is opened
    community = Community(Store.open(root), clock)

    # Then the visit that began at 23:30 in New York is found on the next day, in UTC
    assert "v4" in [v.id for v in community.past_visits(date(2025, 3, 11), date(2025, 3, 11))]
    assert list(community.past_visits(date(2025, 3, 10), date(2025, 3, 10))) == []


def test_opening_a_migrated_folder_again_changes_nothing(root: Path) -> None:
    # Given a folder already migrated
    Store.open(root)
    files = sorted(p for p in root.rglob("*") if p.is_file())
    before = {path: signature(path) for path in files}

    # When it is opened again
    community = Community(Store.open(root), clock=lambda: NOW)

    # Then no file was written, and the community is the same
    assert {path: signature(path) for path in files} == before
    assert sorted(p for p in root.rglob("*") if p.is_file()) == files
    assert len(community.members()) == len(MEMBERS)


def test_the_migrated_community_checks_people_in_and_out(root: Path) -> None:
    # Given a migrated community
    community = Community(Store.open(root), clock=lambda: NOW)

    # When Zoë (here since before the migration) checks out and Björn checks in
    zoe_visit = community.check_out("m1")
    community.check_in("m2")

    # Then a fresh reader sees both
    fresh = Community(Store.open(root), clock=lambda: NOW)
    assert fresh.visit_of("m1") is None
    assert fresh.visit_of("m2") is not None
    assert zoe_visit in list(fresh.past_visits(NOW.date(), NOW.date()))


def test_a_migration_cut_short_is_simply_done_again(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a migration that stops after writing the new files, before moving the old one
    migration_cut_short(root, LEGACY_FILE, monkeypatch)
    assert (root / LEGACY_FILE).exists()

    # When the folder is opened again
    community = Community(Store.open(root), clock=lambda: NOW)

    # Then the migration is done once more, with nothing twice
    assert len(community.members()) == len(MEMBERS)
    assert len(list(community.past_visits(date(2000, 1, 1), date(2100, 1, 1)))) == len(CLOSED)
    assert community.here_count() == len(OPEN)


def test_two_processes_opening_a_schema_1_folder_at_once_both_succeed(
    root: Path, clock: FakeClock
) -> None:
    # Given one process that holds the lock and is about to migrate
    errors: list[BaseException] = []

    def open_second() -> None:
        try:
            Store.open(root)
        except BaseException as error:
            errors.append(error)

    with FolderLock(root / LOCK_FILE).held():
        # When a second one opens the folder meanwhile (it sees the old file, and waits)
        second = threading.Thread(target=open_second)
        second.start()
        time.sleep(0.3)
        from_schema_1(root)
        from_schema_2(root)

    # Then once the first is done, the second opens the migrated folder without error
    second.join()
    assert errors == []
    assert len(Community(Store.open(root), clock).members()) == len(MEMBERS)


def test_a_damaged_schema_1_file_is_refused_and_left_alone(root: Path) -> None:
    # Given a schema 1 file that was cut short
    legacy = root / LEGACY_FILE
    legacy.write_bytes(legacy.read_bytes()[:100])

    # When it is opened, then it is refused by name, and no new file was made
    with pytest.raises(DataError, match=r"kiosk\.json is damaged"):
        Store.open(root)
    assert sorted(p.name for p in root.iterdir()) == [".lock", LEGACY_FILE]


def test_visits_made_before_are_counted_for_each_member(root: Path) -> None:
    community = Community(Store.open(root), clock=lambda: NOW)
    counts = {m.id: (m.visits, m.last_visit) for m in community.members()}
    assert counts == {
        "m1": (2, CLOSED[0].since),
        "m2": (2, CLOSED[2].since),
        "m3": (0, None),
    }


# -- schema 2 ------------------------------------------------------------------


@pytest.fixture
def schema_2(tmp_path: Path) -> Path:
    """A data folder as the second kiosk left it: every member in members.json."""
    root = tmp_path / "data"
    (root / "history").mkdir(parents=True)

    def write(path: Path, table: str, docs: list[dict[str, object]]) -> None:
        tables = {table: {str(n): doc for n, doc in enumerate(docs, 1)}}
        path.write_text(json.dumps({**tables, "_meta": {"1": {"schema": 2}}}))

    write(root / "members.json", "members", [m.to_doc() for m in MEMBERS])
    write(root / "presence.json", "visits", [v.to_doc() for v in OPEN])
    write(root / "shoutouts.json", "shoutouts", [])
    by_day: dict[date, list[dict[str, object]]] = {}
    for visit in CLOSED:
        by_day.setdefault(visit.history_day, []).append(visit.to_doc())
    for day, docs in by_day.items():
        write(root / "history" / f"{day}.json", "visits", docs)
    return root


def test_a_schema_2_folder_opens_with_the_same_members_spread_over_small_files(
    schema_2: Path,
    clock: FakeClock,
) -> None:
    members_bytes = (schema_2 / "members.json").read_bytes()

    # When this kiosk opens it
    community = Community(Store.open(schema_2), clock=lambda: NOW)

    # Then the members are the same, each in a small file, and found by id and by name
    assert [strip_counts(m) for m in sorted(community.members(), key=lambda m: m.id)] == MEMBERS
    assert len(list((schema_2 / "members").glob("*.json"))) >= len(MEMBERS)
    fresh = Community(Store.open(schema_2), clock)
    assert fresh.find("Björn Andersson").id == "m2"
    assert fresh.find("m3").name == "Ngozi Okafor"
    assert [community.visit_of(v.member_id) for v in OPEN] == OPEN
    # And the old file is kept, byte for byte, among the backups
    assert not (schema_2 / "members.json").exists()
    assert (schema_2 / "backups" / "members-schema-2.json").read_bytes() == members_bytes


def test_a_schema_2_migration_cut_short_is_simply_done_again(
    schema_2: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    migration_cut_short(schema_2, "members.json", monkeypatch)

    community = Community(Store.open(schema_2), clock=lambda: NOW)
    assert len(community.members()) == len(MEMBERS)
    assert community.find("Zoë Martin").visits == 2


def test_a_schema_2_member_record_with_a_wrong_value_is_refused_and_left_alone(
    schema_2: Path,
) -> None:
    data = json.loads((schema_2 / "members.json").read_text())
    data["members"]["1"]["on_board"] = "no"
    write_atomically(schema_2 / "members.json", json.dumps(data).encode())
    with pytest.raises(DataError, match="on_board should be true or false"):
        Store.open(schema_2)
    assert (schema_2 / "members.json").exists()
    assert not (schema_2 / "members").exists()


def test_members_of_a_kiosk_from_before_fields_kept_for_hosts_keep_none_for_hosts(
    schema_2: Path, clock: FakeClock
) -> None:
    # Given members.json as a kiosk wrote it before members could keep fields for hosts
    data = json.loads((schema_2 / "members.json").read_text())
    for doc in data["members"].values():
        del doc["hosts_only"]
    write_atomically(schema_2 / "members.json", json.dumps(data).encode())
    # When this kiosk opens it, each member keeps nothing for hosts, as then
    community = Community(Store.open(schema_2), clock)
    assert [m.hosts_only for m in community.members()] == [frozenset()] * len(MEMBERS)


def test_a_schema_2_member_record_without_the_board_choice_every_kiosk_wrote_is_refused(
    schema_2: Path,
) -> None:
    data = json.loads((schema_2 / "members.json").read_text())
    del data["members"]["1"]["on_board"]
    write_atomically(schema_2 / "members.json", json.dumps(data).encode())
    with pytest.raises(DataError, match="on_board is missing"):
        Store.open(schema_2)
    assert (schema_2 / "members.json").exists()


@pytest.fixture
def outbox_of_its_own(tmp_path: Path, clock: FakeClock) -> tuple[Path, list[Notice]]:
    """A data folder as the last kiosk with an outbox file of its own left it: Ana here,
    her guest's news waiting in outbox.json (one tried and failing), an old "open now"
    dropped, and the chat told the space is open. Written by hand, as that kiosk wrote it."""
    root = tmp_path / "data"
    community = Community(Store.open(root), clock)
    ana = community.add_member("Ana Lopez")
    community.check_in(ana.id)
    waiting = [
        replace(
            new_notice("ntfy://ntfy.sh/ana", "A guest", "Ana's guest Sam has arrived.", clock()),
            tries=2,
            last_error="Connection refused.",
            next_try=clock() + timedelta(seconds=20),
        ),
        new_notice("json://127.0.0.1:9/", "A guest", "Ana's guest Kim has arrived.", clock()),
    ]
    dropped = new_notice("json://127.0.0.1:9/", "Open", "Not sent: its moment had passed.", NOW)
    told = {"subject": "open", "state": "yes", "at": clock().isoformat()}
    outbox = {
        "outbox": {str(n): notice.to_doc() for n, notice in enumerate(waiting, 1)},
        "dropped": {"1": dropped.to_doc()},
        "news": {"1": told},
    }
    (root / OUTBOX_FILE).write_text(json.dumps(outbox))
    return root, waiting


def test_an_outbox_file_moves_into_presence_when_the_folder_opens(
    outbox_of_its_own: tuple[Path, list[Notice]], clock: FakeClock
) -> None:
    root, waiting = outbox_of_its_own
    # When this kiosk opens the folder
    store = Store.open(root)
    # Then the notices wait as they did, in order, tries and all; what was dropped and
    # told is remembered; Ana is still here; the old file is kept among the backups
    outbox = Outbox(store)
    assert outbox.waiting() == waiting
    assert [n.title for n in outbox.dropped()] == ["Open"]
    assert outbox.told()["open"].state == "yes"
    assert Community(store, clock).here_count() == 1
    assert not (root / OUTBOX_FILE).exists()
    assert (root / "backups" / "outbox-before-presence.json").exists()
    assert store.problems() == []


def test_an_outbox_move_cut_short_is_simply_done_again(
    outbox_of_its_own: tuple[Path, list[Notice]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a move stopped after presence was written, before outbox.json went
    root, waiting = outbox_of_its_own
    migration_cut_short(root, OUTBOX_FILE, monkeypatch)
    assert (root / OUTBOX_FILE).exists()
    # When the folder is opened again, the notices are moved once more: none twice
    assert Outbox(Store.open(root)).waiting() == waiting
    assert Outbox(Store.open(root)).waiting() == waiting


def test_a_damaged_outbox_file_is_named_and_left_alone(
    outbox_of_its_own: tuple[Path, list[Notice]],
) -> None:
    root, _ = outbox_of_its_own
    data = json.loads((root / OUTBOX_FILE).read_text())
    data["outbox"]["1"]["receiver"] = 123
    (root / OUTBOX_FILE).write_text(json.dumps(data))
    with pytest.raises(DataError, match=r"outbox.json is damaged.*move it out of the folder"):
        Store.open(root)
    assert json.loads((root / OUTBOX_FILE).read_text()) == data
