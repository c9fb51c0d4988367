"""Many `kiosk` commands at the same moment, each its own process, as cron jobs, scripts and
hosts run them: every change a command reported as done is there afterwards."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.cli.running import Kiosk


def at_once(data: Path, *commands: tuple[str, ...]) -> list[subprocess.CompletedProcess[str]]:
    """Start every command in a process of its own, all together; wait for them all."""
    started = [
        subprocess.Popen(
            [sys.executable, "-m", "kiosk.cli.main", "--data", str(data), *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        for command in commands
    ]
    finished = []
    for process, command in zip(started, commands, strict=True):
        out, err = process.communicate(timeout=60)
        finished.append(subprocess.CompletedProcess(command, process.returncode, out, err))
    return finished


def done(results: list[subprocess.CompletedProcess[str]]) -> list[str]:
    """What each command printed; each must have said it was done (exit code 0)."""
    for result in results:
        assert (result.returncode, result.stderr) == (0, ""), result
    return [result.stdout.strip() for result in results]


def listing(kiosk: Kiosk, data: Path, *command: str) -> Any:
    """A listing read afterwards (in this process: reading needs no second one)."""
    return kiosk("--data", str(data), *command, "--json").json()


def test_commands_run_at_once_lose_no_change(kiosk: Kiosk, tmp_path: Path) -> None:
    data = tmp_path / "data"

    # When six hosts add a member each at the same moment
    names = [f"Member {number}" for number in range(6)]
    ids = done(at_once(data, *(("members", "add", name) for name in names)))
    # Then all six are members, under the ids they were given
    members = {m["id"]: m["name"] for m in listing(kiosk, data, "members", "list")}
    assert members == dict(zip(ids, names, strict=True))

    # When all of them check in and leave a shout-out at once
    results = at_once(
        data,
        *(("checkin", member) for member in ids),
        *(("shoutout", "--from", member, f"Hello from {member}") for member in ids),
    )
    shoutouts = done(results)[len(ids) :]
    # Then all are here, and every shout-out is on the wall
    assert {p["id"] for p in listing(kiosk, data, "present")} == set(ids)
    assert {s["id"] for s in listing(kiosk, data, "shoutouts")} == set(shoutouts)

    # When half leave, others write to them, and two newcomers join, all at once
    leaving, staying = ids[:3], ids[3:]
    results = at_once(
        data,
        *(("checkout", member) for member in leaving),
        *(
            ("shoutout", "--from", sender, "--to", to, "See you!")
            for sender, to in zip(staying, leaving, strict=True)
        ),
        ("members", "add", "Newcomer A"),
        ("members", "add", "Newcomer B"),
    )
    printed = done(results)
    # Then exactly the others are here, no shout-out is lost, and the newcomers are members
    assert {p["id"] for p in listing(kiosk, data, "present")} == set(staying)
    wall = {s["id"]: s for s in listing(kiosk, data, "shoutouts")}
    assert set(wall) == {*shoutouts, *printed[3:6]}
    assert {wall[s]["to_id"] for s in printed[3:6]} == set(leaving)
    names_now = {m["name"] for m in listing(kiosk, data, "members", "list")}
    assert names_now == {*names, "Newcomer A", "Newcomer B"}
