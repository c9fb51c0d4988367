"""`kiosk doctor` checks a read-only data folder as it checks any other; only putting
back backups needs to write."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.storage.store import Store
from tests.cli.running import Kiosk
from tests.core.test_disk_errors import remount, small_disk, snapshot

__all__ = ["small_disk"]  # the fixture: a real small disk, remounted read-only here


def kiosk_on_a_read_only_disk(kiosk: Kiosk, disk: Path, damaged: bool = False) -> Path:
    """Zoë, here, and her shout-out in disk/data with today's backup, a temporary file
    left by a write that was cut short, and the disk then made read-only."""
    data = disk / "data"
    kiosk.add_member("Zoë Martin", "--data", str(data))
    assert kiosk("checkin", "Zoë Martin", "--data", str(data)).code == 0
    assert kiosk("shoutout", "--from", "Zoë Martin", "Hello", "--data", str(data)).code == 0
    assert kiosk("backup", "--data", str(data)).code == 0
    (data / ".presence.json.4242-1.tmp").write_text("{")
    if damaged:
        presence = data / "presence.json"
        presence.write_bytes(presence.read_bytes()[:20])
    remount(disk, "ro")
    return data


def test_a_read_only_data_folder_is_checked(kiosk: Kiosk, small_disk: Path) -> None:
    # Given a data folder on a disk that has turned read-only
    data = kiosk_on_a_read_only_disk(kiosk, small_disk)
    before = snapshot(data)
    # When the host runs the doctor
    checked = kiosk("doctor", "--data", str(data))
    # Then every file is checked, the leftover is politely left alone, and all is fine
    files = len(Store(data).data_files())
    assert (checked.code, checked.err) == (0, "")
    assert checked.out == (
        f"{data} is read-only, so it is only checked: temporary files left by an "
        "interrupted write, if any, stay where they are.\n"
        f"All {files} data files in {data} are fine.\n"
    )
    assert snapshot(data) == before


def test_a_damaged_file_in_a_read_only_folder_is_named_with_its_backup(
    kiosk: Kiosk, small_disk: Path
) -> None:
    data = kiosk_on_a_read_only_disk(kiosk, small_disk, damaged=True)
    checked = kiosk("doctor", "--data", str(data))
    assert checked.code == 1
    assert f"{data / 'presence.json'} is damaged" in checked.out
    assert "`kiosk doctor --restore` puts it back" in checked.out


def test_restoring_into_a_read_only_folder_is_refused_and_changes_nothing(
    kiosk: Kiosk, small_disk: Path
) -> None:
    data = kiosk_on_a_read_only_disk(kiosk, small_disk, damaged=True)
    before = snapshot(data)
    refused = kiosk("doctor", "--restore", "--data", str(data))
    assert (refused.code, refused.err) == (1, "")
    assert "  Not restored, as the folder is read-only. Nothing was changed. " in refused.out
    assert snapshot(data) == before


@pytest.mark.parametrize(
    ("name", "whose"), [("host-access.json", "host PIN"), ("member-access.json", "member's PIN")]
)
def test_a_fifo_as_a_pin_wait_file_is_named_without_hanging_and_mended(
    kiosk: Kiosk, tmp_path: Path, name: str, whose: str
) -> None:
    # Given a FIFO planted where the kiosk keeps the wait for wrong PINs
    kiosk.add_member("Zoë Martin")
    access = tmp_path / "kiosk-data" / name
    os.mkfifo(access)

    # When the host runs the doctor (in a process of its own, so a hang would show)
    checked = subprocess.run(
        [sys.executable, "-m", "kiosk.cli.main", "--data", str(access.parent), "doctor"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )

    # Then the file is named, with what the kiosk does about it
    assert checked.returncode == 1, checked.stderr
    assert f"{access} is damaged: it is not a regular file." in checked.stdout
    assert "`kiosk doctor --restore` does it now" in checked.stdout

    # And --restore writes it afresh with the longest wait, after which all is well
    mended = kiosk("doctor", "--restore")
    assert mended.code == 0, mended.out
    assert f"Written afresh: the next {whose} waits the longest wait." in mended.out
    assert json.loads(access.read_bytes())["wrong_tries"] == 8
    assert kiosk("doctor").code == 0


def test_a_record_of_a_change_that_cannot_be_read_is_named_and_set_aside(
    kiosk: Kiosk, tmp_path: Path
) -> None:
    # Given a record of an unfinished change spoiled by hand: it would move a file from
    # outside the data folder into it
    kiosk.add_member("Zoë Martin")
    record = tmp_path / "kiosk-data" / "intent.json"
    record.write_text('{"moves": [], "renames": [["../../etc/passwd", "members/000.json"]]}')

    # Then every command refuses to go on, naming it, and nothing is moved
    refused = kiosk("checkin", "Zoë Martin")
    assert refused.code == 2
    assert "intent.json is damaged: it is not a change the kiosk recorded" in refused.err
    assert "`kiosk doctor --restore` sets it aside" in refused.err
    assert not (tmp_path / "kiosk-data" / "members" / "000.json").exists()
    checked = kiosk("doctor")
    assert checked.code == 1
    assert "`kiosk doctor --restore` sets it aside" in checked.out

    # And --restore sets it aside, after which the kiosk works again
    mended = kiosk("doctor", "--restore")
    assert mended.code == 0, mended.out
    assert "  Set aside as kiosk-data/intent.json.damaged-" in mended.out
    assert kiosk("checkin", "Zoë Martin").code == 0
