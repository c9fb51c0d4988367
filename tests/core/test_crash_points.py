"""Each command that writes, killed at each of its file calls in turn (and with the write
at that call torn), leaves the data exactly as before it or after it; doctor then finds
nothing wrong, and running the command again ends where one whole run ends.

The model is SQLite's crash tests. The data is read back by an independent reader
(tests.folder_state), never by the kiosk's own code.
"""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from kiosk.community import attendance
from tests.conftest import FakeClock
from tests.core import writing_commands as writing
from tests.core.crash_points import crash_points, run_command


@pytest.fixture
def before(tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The small community, where a check-out files the visits waiting."""
    monkeypatch.setattr(attendance, "FILE_AFTER", 2)
    monkeypatch.chdir(tmp_path)
    return writing.small_community(tmp_path / "data", clock)


@pytest.mark.parametrize("command", writing.COMMANDS)
def test_a_command_killed_at_any_file_call_leaves_the_data_before_or_after_it(
    before: Path, command: str
) -> None:
    case = writing.COMMANDS[command]
    args = writing.arguments(case, before)
    if not case.sound_before:
        writing.damage(before)
    as_before = case.state(before)
    # A whole run: the state after, and the file calls it makes
    whole = run_command(writing.copy_of(before, "whole"), args)
    assert whole.code == 0
    as_after = case.state(before.parent / "whole")
    assert as_after != as_before

    for number, crash in enumerate(crash_points(whole.calls)):
        # When the command is killed at that call (or tears its write)
        trial = writing.copy_of(before, f"trial-{number}")
        assert run_command(trial, args, crash).code == -signal.SIGKILL
        where = f"{command}, {'torn ' if crash.torn else ''}{whole.calls[crash.at]} #{crash.at}"

        # Then the data is exactly as before or after it
        state = case.state(trial)
        assert state in (as_before, as_after), where

        # And doctor finds nothing wrong (finishing what was begun) and changes nothing
        if case.sound_before or state == as_after:
            assert writing.doctor_finds_nothing_wrong(trial), where
            assert case.state(trial) == state, where

        # And running the command again ends where one whole run ends
        if state == as_after and not case.repeatable:
            continue
        run_command(trial, args)
        assert case.run_again(case.state(trial), as_after), where
        assert writing.doctor_finds_nothing_wrong(trial), where
