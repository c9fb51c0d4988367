"""`kiosk doctor --restore` repairs what is damaged and keeps every change it can still
read: a bad journal line costs that line alone, a bad record that record alone, and an
undamaged file is never swapped for an older backup."""

from __future__ import annotations

import json
import zlib
from datetime import UTC
from pathlib import Path

import pytest

from kiosk.cli.main import main
from kiosk.community.community import Community
from kiosk.community.membership import Membership
from kiosk.storage.backups import Backups
from kiosk.storage.files import write_atomically
from kiosk.storage.member_files import FILES, file_of
from kiosk.storage.store import Store
from tests.conftest import FakeClock

NAMES = ("Ana Lima", "Bo Berg", "Cy Chen", "Di Diaz", "Eve Ekwueme", "Fay Fox")


@pytest.fixture
def morning(tmp_path: Path, clock: FakeClock) -> Community:
    """Six members, the first three here, and the morning's backup made."""
    community = Community(Store.open(tmp_path / "data"), clock)
    for name in NAMES:
        community.add_member(name)
    for member in community.members()[:3]:
        community.check_in(member.id)
    Backups(community.store).make(clock(), UTC)
    return community


def doctor(root: Path, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, str]:
    code = main(["--data", str(root), "doctor", *options])
    return code, capsys.readouterr().out


def test_a_bad_journal_line_costs_that_line_alone_and_is_named(
    morning: Community, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a day that went on after the morning's backup: two more came, one left, and
    # a member was deleted (the snapshot of who is here is newer than the backup's)
    root = morning.store.root
    bo, di, eve, fay = (morning.find(name) for name in ("Bo Berg", "Di Diaz", NAMES[4], NAMES[5]))
    clock.advance(hours=1)
    morning.delete_member(fay.id)
    morning.check_in(di.id)
    morning.check_in(eve.id)
    morning.check_out(bo.id)
    snapshot = (root / "presence.json").read_bytes()
    # ... and then one line of the journal spoiled: Eve's check-in
    journal = root / "presence.journal"
    lines = journal.read_bytes().splitlines(keepends=True)
    [eves] = [n for n, line in enumerate(lines) if eve.id.encode() in line]
    lines[eves] = lines[eves].replace(b'"since"', b'"snice"')
    journal.write_bytes(b"".join(lines))

    # When the host runs the doctor, then the journal alone is named, not the snapshot
    code, out = doctor(root, capsys)
    assert code == 1
    assert f"{journal} is damaged: its line {eves + 1} is not a change the kiosk wrote" in out
    assert f"{root / 'presence.json'} is" not in out

    # And --restore leaves out that line alone, saying whose change it was
    code, out = doctor(root, capsys, "--restore")
    assert code == 0, out
    assert f"  Line {eves + 1} was left out: it changed a visit of Eve Ekwueme.\n" in out
    assert "Restored from" not in out

    # Then everyone else's changes since the backup are kept, and Fay is still gone
    assert (root / "presence.json").read_bytes() == snapshot
    after = Community(Store.open(root), clock)
    assert sorted(p.member.name for p in after.present()) == ["Ana Lima", "Cy Chen", "Di Diaz"]
    assert [m.name for m in after.members()] == list(NAMES[:5])
    # And the damaged journal is kept beside it, and doctor finds nothing more to do
    assert len(list(root.glob("presence.journal.damaged-*"))) == 1
    assert doctor(root, capsys)[0] == 0


def ids_sharing_a_file(count: int) -> list[str]:
    """Member ids that all fall in one member file."""
    ids: list[str] = []
    number = 0
    while len(ids) < count:
        candidate = f"m{number:06x}"
        if zlib.crc32(candidate.encode()) % FILES == 7:
            ids.append(candidate)
        number += 1
    return ids


def test_a_bad_record_is_put_back_from_the_backup_and_the_rest_of_its_file_kept(
    tmp_path: Path,
    clock: FakeClock,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Given Zoë and Björn, whose records share a file, backed up in the morning
    ids = iter(ids_sharing_a_file(2))
    monkeypatch.setattr(Membership, "_new_member_id", lambda self: next(ids))
    community = Community(Store.open(tmp_path / "data"), clock)
    zoe = community.add_member("Zoë Martin", intro="Designs lamps")
    bjorn = community.add_member("Björn Andersson")
    assert file_of(zoe.id) == file_of(bjorn.id)
    Backups(community.store).make(clock(), UTC)
    # When Björn writes his intro in the afternoon, and a hand edit spoils Zoë's record
    community.edit_member(bjorn.id, intro="Welds bikes")
    path = community.store.root / "members" / file_of(zoe.id)
    data = json.loads(path.read_text())
    next(d for d in data["members"].values() if d["id"] == zoe.id)["joined"] = "someday"
    write_atomically(path, json.dumps(data).encode())

    # Then --restore puts back Zoë's record as the backup has it, and keeps Björn's intro
    code, out = doctor(community.store.root, capsys, "--restore")
    assert code == 0, out
    assert "  The record of Zoë Martin in its members was put back as backup 1" in out
    after = Community(Store.open(community.store.root), clock)
    assert after.member(zoe.id).intro == "Designs lamps"
    assert after.member(bjorn.id).intro == "Welds bikes"


def test_a_bad_record_no_backup_has_is_left_out_and_said(
    morning: Community, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a shout-out left after the morning's backup, then spoiled by a hand edit
    root = morning.store.root
    morning.post_shoutout(morning.find("Ana Lima").id, None, "Cake in the kitchen")
    kept = morning.post_shoutout(morning.find("Bo Berg").id, None, "Thanks!")
    path = root / "shoutouts.json"
    data = json.loads(path.read_text())
    spoiled = next(d for d in data["shoutouts"].values() if d["text"] == "Cake in the kitchen")
    spoiled["created"] = 12
    write_atomically(path, json.dumps(data).encode())

    # Then --restore leaves it out, saying so, and keeps the other
    code, out = doctor(root, capsys, "--restore")
    assert code == 0, out
    assert f"  The record {spoiled['id']} in its shoutouts could not be read, and no " in out
    after = Community(Store.open(root), clock)
    assert [s.id for s in after.shoutouts()] == [kept.id]


def test_a_snapshot_put_back_keeps_the_journal_written_on_it(
    morning: Community, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given check-ins after the morning's backup, written to the journal, and then the
    # snapshot itself cut short
    root = morning.store.root
    morning.check_in(morning.find("Di Diaz").id)
    morning.check_in(morning.find("Eve Ekwueme").id)
    snapshot = root / "presence.json"
    snapshot.write_bytes(snapshot.read_bytes()[:40])

    # Then --restore puts the backup's snapshot back, and the journal's two changes
    # since apply to it as before
    code, out = doctor(root, capsys, "--restore")
    assert code == 0, out
    assert "Restored from" in out
    assert "  The 4 changes in presence.journal, made to that copy, were kept." in out
    assert Community(Store.open(root), clock).here_count() == 5
