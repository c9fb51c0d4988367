"""Each command that writes, killed at each of its file calls in turn (and with the write
at that call torn), leaves the data exactly as before it or after it; doctor then finds
nothing wrong, and running the command again ends where one whole run ends.

The model is SQLite's crash tests. The data is read back by an independent reader
(tests.folder_state), never by the kiosk's own code.
"""

from __future__ import annotations

import shutil
import signal
from pathlib import Path

import pytest

from kiosk import attendance, cli
from kiosk.backups import Backups
from kiosk.community import Community
from kiosk.store import Store
from tests.conftest import FakeClock
from tests.core.crash_points import crash_points, run_command
from tests.folder_state import folder_state

IMPORTED = "name,intro\nEve Ekwueme,Glass and light\nCy Chen,Fixes bikes\n"

COMMANDS = {
    "check-in": ["checkin", "Cy Chen"],
    "check-out": ["checkout", "Bo Berg"],
    "close-day": ["close-day"],
    "import": ["members", "import", "IMPORTED"],
    "merge": ["members", "merge", "Ana Lima", "Ana L."],
    "delete": ["members", "delete", "Bo Berg", "--yes"],
    "topics merge": ["topics", "merge", "3-D printing", "3D printing"],
}


@pytest.fixture
def before(tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small community on its third day: two days of visits filed in the history;
    today Ana came and went (her visit waits to be filed), Bo is here with a guest, and
    Ana's second record is here too; shout-outs, a question with answers, and today's
    backup made. A check-out files the waiting visits once two wait."""
    monkeypatch.setattr(attendance, "FILE_AFTER", 2)
    root = tmp_path / "data"
    community = Community(Store.open(root), clock)
    ana = community.add_member("Ana Lima", ("3-D printing", "knitting"))
    bo = community.add_member("Bo Berg", ("3D printing", "rust"))
    community.add_member("Cy Chen")
    twin = community.add_member("Ana L.", ("welding",))
    for _ in range(2):
        for member in (ana, bo, twin):
            community.check_in(member.id)
            clock.advance(hours=1)
            community.check_out(member.id)
        community.file_visits()
        clock.advance(days=1)
    community.check_in(ana.id)
    clock.advance(hours=1)
    community.check_out(ana.id)
    community.check_in(bo.id)
    community.sign_in_guest(bo.id, "Dee Guest")
    community.check_in(twin.id)
    community.post_shoutout(ana.id, bo.id, "Thanks for the printer help!")
    community.post_shoutout(bo.id, None, "Pizza on Friday")
    community.ask("What are you making this week?")
    community.answer(bo.id, "A lamp")
    community.answer(twin.id, "A chair")
    Backups(community.store).make(clock())
    clock.advance(hours=1)
    (tmp_path / "IMPORTED").write_text(IMPORTED)
    return root


def copy_of(root: Path, name: str) -> Path:
    copy = root.parent / name
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(root, copy, symlinks=True)
    return copy


def doctor_finds_nothing_wrong(root: Path) -> bool:
    return cli.main(["--data", str(root), "doctor"]) == 0


@pytest.mark.parametrize("command", COMMANDS)
def test_a_command_killed_at_any_file_call_leaves_the_data_before_or_after_it(
    before: Path, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = [str(before.parent / a) if a == "IMPORTED" else a for a in COMMANDS[command]]
    monkeypatch.chdir(before.parent)
    as_before = folder_state(before)
    # A whole run: the state after, and the file calls it makes
    whole = run_command(copy_of(before, "whole"), args)
    assert whole.code == 0
    as_after = folder_state(before.parent / "whole")
    assert as_after != as_before

    for crash in crash_points(whole.calls):
        # When the command is killed at that call (or tears its write)
        trial = copy_of(before, "trial")
        assert run_command(trial, args, crash).code == -signal.SIGKILL
        where = f"{command}, {'torn ' if crash.torn else ''}{whole.calls[crash.at]} #{crash.at}"

        # Then the data is exactly as before or after it
        state = folder_state(trial)
        assert state in (as_before, as_after), where

        # And doctor finds nothing wrong (finishing what was begun) and changes nothing
        assert doctor_finds_nothing_wrong(trial), where
        assert folder_state(trial) == state, where

        # And running the command again ends where one whole run ends
        run_command(trial, args)
        assert folder_state(trial) == as_after, where
        assert doctor_finds_nothing_wrong(trial), where
