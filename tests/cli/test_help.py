"""`kiosk --help` and every command's help: what each lists, word for word.

helps.json holds each help as the command line gave it (at 100 columns) before commands
were declared apart from their handlers; the keys are every command and group. A change
of help meant on purpose changes that file too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.running import Kiosk

HELPS: dict[str, str] = json.loads((Path(__file__).parent / "helps.json").read_text("utf-8"))


@pytest.mark.parametrize("command", list(HELPS), ids=lambda command: command or "kiosk")
def test_each_help_lists_what_it_listed(
    kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    # Given a terminal 100 columns wide
    monkeypatch.setenv("COLUMNS", "100")
    # When a host asks a command for its help
    shown = kiosk(*command.split(), "--help")
    # Then it says exactly what it said, and nothing on stderr
    assert (shown.code, shown.err) == (0, "")
    assert shown.out == HELPS[command]


def test_every_command_listed_has_its_own_help_kept() -> None:
    # A group's help lists its commands, a name at the start of each four-space line.
    listed = set()
    for command, help in HELPS.items():
        _, _, commands = help.partition("\ncommands:\n  COMMAND\n")
        names = [line.split()[0] for line in commands.splitlines() if line[4:5].strip()]
        listed |= {f"{command} {name}".strip() for name in names}
    assert listed == set(HELPS) - {""}
