"""Running a command in a process of its own that is killed at its Nth file call.

A command runs as `kiosk ...` does (or a writer of the kiosk's own, as a function), in
a process forked from this warm one (a trial costs milliseconds, not an interpreter
start), with every call of `os` that changes a file counted: opening to write, writing,
flushing, renaming, removing, truncating, making or removing a folder, setting a time
stamp. At the call chosen, the process kills itself with SIGKILL before the call is
made, or, for a write, after writing half of its bytes (a torn write). Random ids and
names come from a generator seeded the same way in every run, so a command run to its
end and one run again after a kill make the same ids.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import re
import signal
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.cli import main as cli

_WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
CHANGING = (
    "write",
    "pwrite",
    "ftruncate",
    "truncate",
    "replace",
    "rename",
    "unlink",
    "remove",
    "rmdir",
    "mkdir",
    "utime",
    "fsync",
    "fdatasync",
    "sync",
    "chmod",
    "link",
    "symlink",
)
"""The calls of `os` that change files (and `open` when it opens one to write)."""


@dataclass(frozen=True, slots=True)
class Crash:
    """Where a run is stopped: before its file call number `at` (from 0), or in it."""

    at: int
    torn: bool = False


@dataclass(frozen=True, slots=True)
class Run:
    """How a run ended: its exit code (negative: killed by that signal), and the file
    calls it made (`call name`, `file name`), in order."""

    code: int
    calls: list[tuple[str, str]]


Writer = Callable[[Path], int]
"""A writer the command line does not offer (the kiosk's own), run on a data folder: its
exit code, as a command's."""


def run_command(
    root: Path, args: Sequence[str] | Writer, crash: Crash | None = None, log: Path | None = None
) -> Run:
    """Run `kiosk --data ROOT ARGS...`, or the writer `args`, in a forked process, stopped
    at `crash`."""
    log = log or root.parent / f"{root.name}-calls.log"
    log.write_text("")
    child = multiprocessing.get_context("fork").Process(target=_run, args=(root, args, crash, log))
    child.start()
    child.join()
    calls = [tuple(line.split("\t", 1)) for line in log.read_text().splitlines()]
    assert child.exitcode is not None
    return Run(child.exitcode, calls)  # type: ignore[arg-type]


def _run(root: Path, args: Sequence[str] | Writer, crash: Crash | None, log: Path) -> None:
    _same_ids_every_run()
    counted = os.open(log, os.O_WRONLY | os.O_APPEND)
    calls = [0]
    real = {name: getattr(os, name) for name in (*CHANGING, "open")}

    def counting(name: str) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            if name == "open" and not (args[1] & _WRITING):
                return real[name](*args, **kwargs)
            number = calls[0]
            calls[0] += 1
            what = _named(args[0]) if args else ""
            real["write"](counted, f"{name}\t{what}\n".encode())
            if crash is not None and number == crash.at:
                if crash.torn and name in ("write", "pwrite") and len(args[1]) > 1:
                    real[name](args[0], bytes(args[1][: len(args[1]) // 2]), *args[2:])
                os.kill(os.getpid(), signal.SIGKILL)
            return real[name](*args, **kwargs)

        return call

    for name in real:
        setattr(os, name, counting(name))
    code = args(root) if callable(args) else cli.main(["--data", str(root), *args])
    os._exit(code)  # the forked copy of the test process ends here, with nothing else run


def _named(target: Any) -> str:
    if isinstance(target, int):
        try:
            return Path(os.readlink(f"/proc/self/fd/{target}")).name
        except OSError:
            return f"fd {target}"
    return Path(os.fsdecode(target)).name


def _same_ids_every_run() -> None:
    chance = random.Random(2024)

    os.urandom = chance.randbytes  # the kiosk's ids, codes and temporary names


def crash_points(calls: list[tuple[str, str]]) -> list[Crash]:
    """Every distinct file call of a run: each call of each kind of file, at its first
    and its last time in the run (a command writing forty member files the same way
    is stopped at the first and the last, not at all forty); and each write torn."""
    first: dict[tuple[str, str], int] = {}
    last: dict[tuple[str, str], int] = {}
    for at, (name, target) in enumerate(calls):
        distinct = (name, _kind(target))
        first.setdefault(distinct, at)
        last[distinct] = at
    chosen = sorted({*first.values(), *last.values()})
    return [Crash(at) for at in chosen] + [
        Crash(at, torn=True) for at in chosen if calls[at][0] in ("write", "pwrite")
    ]


_KINDS = (
    (re.compile(r"\.(?P<of>.+)\.[0-9a-f]{16}\.tmp"), "temporary {of}"),
    (re.compile(r"[0-9a-f]{3}\.json"), "member file"),
    (re.compile(r"\d{4}-\d\d-\d\d.*\.json"), "history file"),
    (re.compile(r"\d{6}-\d{4}-\d\d-\d\d"), "backup folder"),
    (re.compile(r"\.building-.*"), "backup being made"),
)


def _kind(name: str) -> str:
    """What a file is, for telling distinct calls apart: one member file is as another."""
    for shape, kind in _KINDS:
        matched = shape.fullmatch(name)
        if matched is not None:
            return kind.format(of=_kind(matched["of"])) if "of" in shape.groupindex else kind
    return name
