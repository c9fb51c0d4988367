"""Target 10: `kiosk board` under a busy door, run for thousands of changes: the UI
thread's time for each change, how late the board ever answers, and whether its memory
stays flat.

The wall board (`WallApp`, as `kiosk board` runs it) runs in a terminal of its own (a
pseudo-terminal) on a copy of the big community with 300 people here, looking for changes
more often than its usual once a second, while this process checks members in and out
(and leaves a shout-out now and then), one change per look, so that each is laid out on
its own: someone new comes in while fewer than 300 of those the board shows are here,
and someone here leaves when that many are, so the room stays as full over thousands
of changes, and most who come were not seen by the board before. After warming up, the
changes come in rounds, each followed by a quiet spell without changes, as on an
afternoon.

Inside the board (`run_board`): the UI thread's CPU time (`time.thread_time()`, read on
that thread), every lag (a 10 ms sleep on its event loop that wakes late) and every full
pass of the garbage collector (timed with its callbacks). Outside: its resident memory
(RSS) after each round, and the lags of a bare event loop in a process beside it, doing
nothing else: what the machine's own load costs in the same run. The UI time of a change
is what the UI thread spent over a round beyond its floor (the quiet spell's rate of
looking and turning pages with nothing new), per layout of a change. Beside its growth,
that of a plain Textual board under the same changes (`plain_board`), run after it: what
Textual itself grows with that churn.

    python -m tests.benchmarks.wall_board [--changes 5000] [--every 0.05] [--size 80x24]
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import gc
import json
import os
import random
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.community.community import Community, utc_now
from kiosk.config import Config
from kiosk.errors import Refused
from tests.benchmarks.datasets import LARGE, cache_folder, data_set, working_copy
from tests.benchmarks.figures import ROUNDS, Figure
from tests.benchmarks.processes import ROOT
from tests.benchmarks.report import Row, Section, bound
from tests.benchmarks.scenes import Scratch, make_present, opened
from tests.benchmarks.visits import ROOM

if TYPE_CHECKING:
    from kiosk.exchange.wall import WallView
    from screens import gathering_cards

CHANGES = 5000
WARM_UP = 500
"""Changes before the first figure counts: Textual's caches of drawn lines fill first."""
EVERY = 0.05
"""How often the board looks for changes, in seconds (`kiosk board`: once a second)."""
QUIET = 3.0
"""Seconds without changes after each round."""
PROBE = 0.01
"""The lag probe's sleep on the board's event loop."""
UI_LIMIT = 0.020
LAG_LIMIT = 0.100
GROWTH_LIMIT = 5 * 2**20


@dataclass(frozen=True, slots=True)
class Reading:
    """What the board said of itself at one moment, and its RSS then."""

    at: float
    shown: int
    ui_cpu: float
    lags: int
    """How many lags it had recorded so far (its lag file's lines)."""
    bare_lags: int
    """The same of a bare event loop running beside it, doing nothing else."""
    passes: int
    """How many full passes of its garbage collector it had timed so far."""
    rss: int


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--changes", type=int, default=CHANGES)
    parser.add_argument("--every", type=float, default=EVERY, help="the board's look, s")
    parser.add_argument("--size", default="80x24", help="the board's terminal, COLUMNSxROWS")
    parser.add_argument("--board", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--state", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--bare", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare is not None:
        asyncio.run(probe(args.bare, 1.0, lambda: None))
        return 0
    if args.board is not None:
        run_board(args.board, args.every, args.state)
        return 0
    columns, rows = (int(n) for n in args.size.split("x"))
    with tempfile.TemporaryDirectory(dir=cache_folder()) as folder:
        data = working_copy(data_set(LARGE).data, Path(folder) / "data")
        section = measure(data, Path(folder), args.changes, args.every, columns, rows)
        for row in section.rows:
            beside = "" if row.baseline is None else f"; beside it: {row.baseline.cell()}"
            print(f"{row.metric}: {row.ours.cell()}{beside}")
        for note in section.notes:
            print(note)
    return 0


def section(scratch: Scratch) -> Section:
    """The wall board under a busy door, for `make bench`."""
    print(f"  `kiosk board` while {CHANGES:,} changes are made ...", flush=True)
    data = scratch.copy(LARGE)
    folder = scratch.folder / "wall-board"
    folder.mkdir()
    return measure(data, folder, CHANGES, EVERY, 80, 24)


# -- the board, in its own process ---------------------------------------------------------


def run_board(data: Path, every: float, state: Path) -> None:
    """Run the wall board, writing what it did into `state` as it goes, the length of each
    full pass of its collector too (and every lag into `state` with the suffix .lags, a
    line each)."""
    from screens.wall import WallScreen
    from screens.wall_app import WallApp

    shown = 0
    passes: list[float] = []
    show = WallScreen.show

    async def counted_show(
        self: WallScreen, view: WallView, sections: Sequence[gathering_cards.Section]
    ) -> None:
        nonlocal shown
        shown += 1
        await show(self, view, sections)

    WallScreen.show = counted_show  # type: ignore[method-assign]

    def tell() -> None:
        # Replaced whole, so the other process never reads it half written.
        said = state.with_suffix(".new")
        told = {"shown": shown, "ui_cpu": time.thread_time(), "passes": passes}
        said.write_text(json.dumps(told))
        said.replace(state)

    mount = WallApp.on_mount

    def measured_mount(self: WallApp) -> None:
        mount(self)
        self.run_worker(probe(state.with_suffix(".lags"), every, tell), group="probe")

    WallApp.on_mount = measured_mount  # type: ignore[method-assign]
    began = 0.0

    def timed(phase: str, info: dict[str, Any]) -> None:
        nonlocal began
        if info["generation"] == 2:
            if phase == "start":
                began = time.perf_counter()
            else:
                passes.append(time.perf_counter() - began)  # no file: nothing that waits

    gc.callbacks.append(timed)
    config = Config(space_name="Makerspace North", data_dir=data)
    WallApp(Community.open(config, utc_now, create=False), config, every).run()


async def probe(lags: Path, every: float, tell: Callable[[], None]) -> None:
    """On an event loop: each wake-up from a PROBE sleep later than PROBE past due, a
    line in `lags`; every `every` seconds, `tell` what else there is to tell."""
    with lags.open("a", buffering=1) as said:
        told = time.monotonic()
        while True:
            started = time.perf_counter()
            await asyncio.sleep(PROBE)
            late = time.perf_counter() - started - PROBE
            if late > PROBE:
                said.write(f"{late:.4f}\n")
            if time.monotonic() - told >= every:
                told = time.monotonic()
                tell()


# -- this process: the changes and the figures ------------------------------------------


def measure(
    data: Path, folder: Path, changes: int, every: float, columns: int, rows: int
) -> Section:
    make_present(opened(data, everyone=False), ROOM)
    state = folder / "state"
    board = Board(data, every, state, columns, rows)
    try:
        wait_for(lambda: board.rss() and state.exists(), "the board to start")
        community = Community.open(Config(data_dir=data), utc_now, create=False)
        # Members the board shows, coming in open or heads-down: each change shows.
        members = [m.id for m in community.store.members.everyone() if m.active and m.on_board]
        here = {member for member in members if community.visit_of(member) is not None}
        chooser = random.Random(7)
        per_round = (changes - WARM_UP) // ROUNDS
        marks = [WARM_UP + per_round * n for n in range(ROUNDS + 1)]
        busy: list[tuple[Reading, Reading]] = []
        quiet: list[tuple[Reading, Reading]] = []
        start: Reading | None = None
        for change in range(1, marks[-1] + 1):
            # Someone leaves when the room is full, and someone new comes when it is not:
            # a busy door, and a room that stays as full as it was.
            member = chooser.choice(sorted(here) if len(here) >= ROOM else members)
            make_change(community, chooser, member, change)
            if community.visit_of(member) is None:
                here.discard(member)
            else:
                here.add(member)
            shown = board.reading().shown
            # One change per look: wait for the board to lay this one out.
            deadline = time.monotonic() + 20 * every
            while board.reading().shown == shown and time.monotonic() < deadline:
                time.sleep(every / 5)
            if change in marks:
                calm = board.reading()
                time.sleep(QUIET)
                after = board.reading()
                if start is not None:
                    busy.append((start, calm))
                    quiet.append((calm, after))
                start = after
    finally:
        board.stop()
    plain = plain_growth(folder, marks[-1], every, columns, rows)
    lags = [float(line) for line in state.with_suffix(".lags").read_text().split()]
    bare = [float(line) for line in state.with_suffix(".bare").read_text().split()]
    passes: list[float] = json.loads(state.read_text())["passes"]
    return _section(busy, quiet, lags, bare, passes, plain, every, columns, rows)


def _section(
    busy: list[tuple[Reading, Reading]],
    quiet: list[tuple[Reading, Reading]],
    lags: list[float],
    bare: list[float],
    passes: list[float],
    plain: Figure,
    every: float,
    columns: int,
    rows: int,
) -> Section:
    ui, floor, worst, worst_bare, longest, rss = (Figure() for _ in range(6))
    rss.unit = "B"
    for (start, end), (calm, after) in zip(busy, quiet, strict=True):
        floor_rate = (after.ui_cpu - calm.ui_cpu) / (after.at - calm.at)
        spent = end.ui_cpu - start.ui_cpu - floor_rate * (end.at - start.at)
        ui.samples.append(spent / max(end.shown - start.shown, 1))
        floor.samples.append(floor_rate * every)
        worst.samples.append(max(lags[start.lags : end.lags], default=0.0))
        worst_bare.samples.append(max(bare[start.bare_lags : end.bare_lags], default=0.0))
        longest.samples.append(max(passes[start.passes : end.passes], default=0.0))
        rss.samples.append(end.rss)
    first, last = busy[0][0], busy[-1][1]
    growth = Figure(samples=[last.rss - first.rss], unit="B")
    # Each round's growth, quiet spell included: flat is a median near zero, not only
    # a small total.
    ends = [first.rss, *rss.samples]
    per_round = Figure(samples=[after - before for before, after in pairwise(ends)], unit="B")
    changes = sum(end.shown - start.shown for start, end in busy)
    return Section(
        f"10. `kiosk board` under a busy door: {ROOM} people here, one change a look "
        f"({LARGE.label}, {columns}x{rows})",
        [
            bound("UI thread CPU per change (floor taken off)", ui, UI_LIMIT, "<= 20 ms", "max"),
            Row("  UI thread CPU per look with nothing new (floor)", floor),
            Row(
                "worst lag of the board's event loop, per round; beside it, a bare one's",
                worst,
                worst_bare,
                LAG_LIMIT,
                "<= 100 ms",
                "max",
            ),
            Row("  the collector's longest full pass, per round (0: none)", longest),
            Row(
                f"board RSS growth from change {WARM_UP:,} to the last; beside it, a plain "
                "Textual board's",
                growth,
                plain,
                GROWTH_LIMIT,
                "<= 5 MiB",
                "median",
            ),
            Row("  board RSS growth over each round", per_round),
            Row("  board RSS at the end of each round", rss),
        ],
        [
            f"`kiosk board` (WallApp) in a pseudo-terminal, looking every {every} s rather than "
            f"every second; {changes:,} layouts over {ROUNDS} rounds after {WARM_UP} changes "
            f"of warming up, each round followed by {QUIET:.0f} s without changes; "
            f"lags: a {PROBE * 1000:.0f} ms sleep on its event loop waking later than that "
            f"({len(lags)} in all, start-up included); {len(passes)} full passes of its "
            f"collector in all, start-up included; the plain Textual board "
            f"(tests/benchmarks/plain_board.py: no kiosk code, no files, the same changes "
            f"and page turns) ran after it in a terminal of the same size",
        ],
    )


class Terminal:
    """A command in a pseudo-terminal of the given size; its output is read and only the
    last of it kept, to tell why it stopped if it does."""

    def __init__(self, command: list[str], columns: int, rows: int) -> None:
        controller, terminal = os.openpty()
        fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.process = subprocess.Popen(
            command,
            stdin=terminal,
            stdout=terminal,
            stderr=terminal,
            cwd=ROOT,
            env={**os.environ, "TERM": "xterm-256color"},
            start_new_session=True,
        )
        os.close(terminal)
        self.last_output = b""
        self._reader = threading.Thread(target=self._drain, args=(controller,), daemon=True)
        self._reader.start()

    def _drain(self, controller: int) -> None:
        # A terminal nobody reads would stop the program once its buffer is full.
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:
                break
            if not chunk:
                break
            self.last_output = (self.last_output + chunk)[-4000:]
        os.close(controller)

    def rss(self) -> int:
        """The program's resident memory now, in bytes."""
        if self.process.poll() is None:
            for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        raise RuntimeError(f"It stopped. The last it showed:\n{self.shown()}")

    def shown(self) -> str:
        return self.last_output.decode(errors="replace")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self._reader.join(timeout=5)


class Board(Terminal):
    """`kiosk board` in a terminal, and a bare event loop beside it."""

    def __init__(self, data: Path, every: float, state: Path, columns: int, rows: int) -> None:
        module = "tests.benchmarks.wall_board"
        command = [sys.executable, "-m", module, "--board", str(data), "--every", str(every)]
        super().__init__([*command, "--state", str(state)], columns, rows)
        self.state = state
        module_bare = [sys.executable, "-m", module, "--bare", str(state.with_suffix(".bare"))]
        self.bare = subprocess.Popen(module_bare, cwd=ROOT, start_new_session=True)

    def reading(self) -> Reading:
        said = json.loads(self.state.read_text())
        lags, bare = (_lines(self.state.with_suffix(kind)) for kind in (".lags", ".bare"))
        passes = len(said["passes"])
        return Reading(
            time.monotonic(), said["shown"], said["ui_cpu"], lags, bare, passes, self.rss()
        )

    def stop(self) -> None:
        self.bare.terminate()
        self.bare.wait(timeout=30)
        super().stop()


def plain_growth(folder: Path, changes: int, every: float, columns: int, rows: int) -> Figure:
    """How much a plain Textual board (`plain_board`) grows from change WARM_UP to the
    last, under the same changes, in a terminal of the same size."""
    state = folder / "plain"
    module = "tests.benchmarks.plain_board"
    figures = {"changes": changes, "warm-up": WARM_UP, "room": ROOM, "every": every}
    command = [sys.executable, "-m", module, str(state), "--quiet", str(QUIET)]
    for name, figure in figures.items():
        command += [f"--{name}", str(figure)]
    plain = Terminal(command, columns, rows)
    try:
        wait_for(lambda: plain.process.poll() is not None, "the plain board", changes * 2.0)
    finally:
        plain.stop()
    if not state.exists():
        raise RuntimeError(f"The plain board stopped. The last it showed:\n{plain.shown()}")
    said = json.loads(state.read_text())
    return Figure(samples=[said["last"] - said["warm"]], unit="B")


def _lines(path: Path) -> int:
    return path.read_text().count("\n") if path.exists() else 0


def make_change(community: Community, chooser: random.Random, member_id: str, number: int) -> None:
    """Check the member in or out; every 100th change, a shout-out."""
    try:
        if number % 100 == 0:
            community.post_shoutout(member_id, None, f"Thanks, everyone (note {number})")
        elif community.visit_of(member_id) is None:
            community.check_in(member_id, chooser.choice(("open", "heads-down")))
        else:
            community.check_out(member_id)
    except Refused:
        pass  # the space is full, or a membership paused: the next change will do


def wait_for(condition: object, what: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise RuntimeError(f"Gave up waiting for {what}.")
        time.sleep(0.1)


if __name__ == "__main__":
    sys.exit(main())
