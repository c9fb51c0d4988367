"""Each command that writes, on a real disk filled up to leave a little room or none,
either does all it is asked or refuses with a true message ("Nothing was changed" only
when nothing was); and once space is freed, running it again does all of it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kiosk.community import attendance
from tests.conftest import FakeClock
from tests.core import writing_commands as writing
from tests.core.crash_points import run_command
from tests.core.test_disk_errors import fill, small_disk

__all__ = ["small_disk"]  # the fixture: a real 1 MB disk

ROOM = (0, 4 << 10, 16 << 10, 64 << 10)
"""Bytes left free on the disk when the command runs."""


@pytest.mark.parametrize("command", writing.COMMANDS)
def test_a_command_on_a_full_disk_does_all_of_it_or_says_truly_that_it_did_nothing(
    small_disk: Path,
    tmp_path: Path,
    clock: FakeClock,
    command: str,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    # Given the small community, and what one whole run of the command makes of it
    monkeypatch.setattr(attendance, "FILE_AFTER", 2)
    case = writing.COMMANDS[command]
    pristine = writing.small_community(tmp_path / "data", clock)
    if not case.sound_before:
        writing.damage(pristine)
    as_before = case.state(pristine)
    whole = writing.copy_of(pristine, "whole")
    assert run_command(whole, writing.arguments(case, pristine)).code == 0
    as_after = case.state(whole)
    for name in writing.BESIDE:
        (small_disk / name).write_bytes((pristine.parent / name).read_bytes())
    capfd.readouterr()

    for room in ROOM:
        # When it runs on a disk with only that much room left
        root = small_disk / "data"
        shutil.rmtree(root, ignore_errors=True)
        shutil.copytree(pristine, root, symlinks=True)
        filler = fill(small_disk)
        os.truncate(filler, filler.stat().st_size - room)
        ran = run_command(root, writing.arguments(case, root), log=tmp_path / "calls.log")
        err = capfd.readouterr().err
        where = f"{command} with {room} bytes free: {err}"

        # Then it did all of it, or nothing and said so, and left no temporary file
        if ran.code == 0:
            assert case.state(root) == as_after, where
        else:
            assert "is full. Nothing was changed; please ask a host to free some space." in err
            assert case.state(root) == as_before, where
        assert not list(root.rglob("*.tmp")), where

        # And once space is freed, running it again does all of it
        filler.unlink()
        if ran.code != 0 or case.repeatable:
            run_command(root, writing.arguments(case, root), log=tmp_path / "calls.log")
            assert case.run_again(case.state(root), as_after), where
        assert writing.doctor_finds_nothing_wrong(root), where
        capfd.readouterr()
