"""Child processes, timed whole: wall time from start to exit, and the child's CPU time and
peak memory."""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
"""The project's folder: every child runs here, with the project's virtual environment."""
BIN = ROOT / ".venv" / "bin"
PYTHON = BIN / "python"
KIOSK = BIN / "kiosk"


@dataclass(slots=True, frozen=True)
class Finished:
    """A child process that ran to its end."""

    seconds: float
    """From just before it was started to its exit, measured by the parent."""
    peak_rss: int
    """Its largest resident set, in bytes (from `wait4`, the child alone)."""
    cpu: float
    """The CPU time it used, user and system, in seconds (from `wait4`, the child alone)."""
    code: int
    out: str
    err: str
    started: float
    """time.monotonic() just before the start, comparable with the child's own clock."""


def run(command: list[str | Path], env: dict[str, str] | None = None) -> Finished:
    """Run `command` to its end, timing it and reading its peak memory."""
    started = time.monotonic()
    child = subprocess.Popen(
        [str(part) for part in command],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    out, err = child.stdout.read(), child.stderr.read()  # type: ignore[union-attr]
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.monotonic() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    child.stdout.close()  # type: ignore[union-attr]
    child.stderr.close()  # type: ignore[union-attr]
    return Finished(
        seconds,
        usage.ru_maxrss * 1024,
        usage.ru_utime + usage.ru_stime,
        child.returncode,
        out.decode("utf-8", "replace"),
        err.decode("utf-8", "replace"),
        started,
    )


def checked(command: list[str | Path], env: dict[str, str] | None = None) -> Finished:
    """`run`, raising with the child's own message when it failed."""
    done = run(command, env)
    if done.code != 0:
        shown = " ".join(str(part) for part in command)
        raise RuntimeError(f"{shown} exited {done.code}: {done.err.strip()[-2000:]}")
    return done


def resident(pid: int) -> int:
    """A running process's resident set now (VmRSS), in bytes."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"process {pid} has no VmRSS")
