"""Whether the wall board runs for days without growing: the memory of a running board
while another process makes thousands of changes.

It runs `WallApp` in a terminal of its own (a pseudo-terminal) on a demo community,
looking for changes far more often than the usual once a second, while this process
checks members in and out and leaves a shout-out now and then, pausing after each tenth
of the changes. `make bench` reports the growth after warming up (`section`); run alone,
it prints the board's resident memory (RSS) as the changes, the board's refreshes and
its redraws add up.

    python -m tests.benchmarks.board_memory [--changes 6000] [--every 0.02] [--size 80x24]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import random
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from kiosk.community.community import Community, utc_now
from kiosk.config import Config
from kiosk.demo.seeding import seed_demo
from kiosk.errors import Refused
from tests.benchmarks.figures import Figure
from tests.benchmarks.processes import ROOT
from tests.benchmarks.report import Row, Section, bound
from tests.benchmarks.scenes import Scratch

CHANGES = 6000
"""Enough that what counts comes after Textual's caches of drawn lines have filled (they
grow over the first 1,500 changes or so, then stay), as on a board left running."""
GROWTH_ALLOWED_MB = 8.0
"""What the end may be above the warmed-up board and still count as flat."""
WARM_UP = 0.3
"""The share of the changes made before the first figure counts."""
QUIET = 4.0
"""Seconds without changes after each tenth of them, as on a quiet afternoon."""
Tally = tuple[int, int, int, float]
"""After a tenth of the changes: how many were made, the board's refreshes and redraws so
far, and its RSS in MiB."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--changes", type=int, default=CHANGES)
    parser.add_argument("--every", type=float, default=0.02, help="the board's refresh, s")
    parser.add_argument("--size", default="80x24", help="the board's terminal, COLUMNSxROWS")
    parser.add_argument("--board", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--counts", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.board is not None:
        run_board(args.board, args.every, args.counts)
        return 0
    columns, rows = (int(n) for n in args.size.split("x"))
    with tempfile.TemporaryDirectory() as folder:
        started = time.monotonic()
        figures = measure(Path(folder), args.changes, args.every, columns, rows)
        report(figures, args.changes, time.monotonic() - started, columns, rows)
    return 0


def section(scratch: Scratch) -> Section:
    """The growth of a running wall board, for `make bench`."""
    changes, every = CHANGES, 0.02
    print(f"  the wall board while {changes:,} changes are made ...", flush=True)
    folder = scratch.folder / "wall-board"
    folder.mkdir()
    figures = measure(folder, changes, every, 80, 24)
    warmed, end = _warmed(figures, changes), figures[-1]
    growth = Figure(samples=[(end[3] - warmed[3]) * 2**20], unit="B")
    return Section(
        "10. The wall board's memory stays flat (demo community, 80x24)",
        [
            bound(
                f"board RSS growth from {warmed[0]:,} to {end[0]:,} changes",
                growth,
                GROWTH_ALLOWED_MB * 2**20,
                f"<= {GROWTH_ALLOWED_MB:.0f} MiB",
            ),
            Row("  board RSS after warming up", Figure(samples=[warmed[3] * 2**20], unit="B")),
        ],
        [
            f"`kiosk board` in a pseudo-terminal, rereading every {every} s rather than every "
            f"second; meanwhile {end[1] - warmed[1]:,} refreshes and {end[2] - warmed[2]:,} "
            "redraws; RSS after each tenth of the changes: "
            + ", ".join(f"{change}: {rss:.1f}" for change, _, _, rss in figures)
            + " MiB",
        ],
    )


# -- the board, in its own process ---------------------------------------------------------


def run_board(data: Path, every: float, counts: Path) -> None:
    """Run the wall board, writing how often it refreshed into `counts` as it goes."""
    from screens.wall import WallScreen
    from screens.wall_app import WallApp

    tally = {"refreshes": 0, "shown": 0}
    refresh, show = Community.refresh, WallScreen.show

    def counted_refresh(self: Community) -> bool:
        tally["refreshes"] += 1
        if tally["refreshes"] % 5 == 0:
            # Replaced whole, so the other process never reads it half written.
            written = counts.with_suffix(".new")
            written.write_text(f"{tally['refreshes']} {tally['shown']}")
            written.replace(counts)
        return refresh(self)

    async def counted_show(self: WallScreen, view: object) -> None:
        tally["shown"] += 1
        await show(self, view)  # type: ignore[arg-type]

    Community.refresh = counted_refresh  # type: ignore[method-assign]
    WallScreen.show = counted_show  # type: ignore[method-assign]
    config = Config(space_name="Makerspace North", data_dir=data)
    WallApp(Community.open(config, utc_now, create=False), config, refresh_seconds=every).run()


# -- this process: the changes and the figures ------------------------------------------


def measure(folder: Path, changes: int, every: float, columns: int, rows: int) -> list[Tally]:
    """A `Tally` after each tenth of the changes."""
    data = folder / "data"
    seed_demo(data, datetime.now(UTC))
    counts = folder / "counts"
    board = Board(data, every, counts, columns, rows)
    try:
        wait_for(lambda: counts.exists(), "the board to start")
        community = Community.open(Config(data_dir=data), utc_now, create=False)
        members = [member.id for member in community.members()]
        chooser = random.Random(7)
        figures: list[Tally] = []
        for change in range(1, changes + 1):
            make_change(community, chooser, chooser.choice(members), change)
            time.sleep(every / 4)  # busy: several changes to a refresh, each one redrawn
            if change % max(changes // 10, 1) == 0:
                time.sleep(QUIET)  # quiet: refreshes that find nothing new
                refreshes, shown = (int(n) for n in counts.read_text().split())
                figures.append((change, refreshes, shown, board.rss_mb()))
    finally:
        board.stop()
    return figures


class Board:
    """The board in a pseudo-terminal of the given size; its output is read and only the
    last of it kept, to tell why it stopped if it does."""

    def __init__(self, data: Path, every: float, counts: Path, columns: int, rows: int) -> None:
        controller, terminal = os.openpty()
        fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        module = "tests.benchmarks.board_memory"
        command = [sys.executable, "-m", module, "--board", str(data), "--every", str(every)]
        self.process = subprocess.Popen(
            [*command, "--counts", str(counts)],
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
        # A terminal nobody reads would stop the board once its buffer is full.
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:
                break
            if not chunk:
                break
            self.last_output = (self.last_output + chunk)[-4000:]
        os.close(controller)

    def rss_mb(self) -> float:
        """The board's resident memory now."""
        if self.process.poll() is None:
            for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        said = self.last_output.decode(errors="replace")
        raise RuntimeError(f"The board stopped. The last it showed:\n{said}")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self._reader.join(timeout=5)


def make_change(community: Community, chooser: random.Random, member_id: str, number: int) -> None:
    """Check the member in or out; every 100th change, a shout-out."""
    try:
        if number % 100 == 0:
            community.post_shoutout(member_id, None, f"Thanks, everyone (note {number})")
        elif community.visit_of(member_id) is None:
            community.check_in(member_id, chooser.choice(("open", "heads-down", "incognito")))
        else:
            community.check_out(member_id)
    except Refused:
        pass  # the space is full, or a membership paused: the next change will do


def wait_for(condition: object, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise RuntimeError(f"Gave up waiting for {what}.")
        time.sleep(0.1)


def report(
    figures: list[Tally],
    changes: int,
    seconds: float,
    columns: int,
    rows: int,
) -> None:
    print(f"Wall board memory at {columns}x{rows}: {changes} changes in {seconds:.0f} s")
    print(f"{'changes':>8}  {'refreshes':>9}  {'redrawn':>7}  {'RSS':>8}")
    for change, refreshes, shown, rss in figures:
        print(f"{change:>8}  {refreshes:>9}  {shown:>7}  {rss:>5.1f} MB")
    warmed, end = _warmed(figures, changes), figures[-1]
    growth = end[3] - warmed[3]
    flat = growth <= GROWTH_ALLOWED_MB
    print(
        f"From {warmed[0]} to {end[0]} changes ({end[1] - warmed[1]} refreshes, "
        f"{end[2] - warmed[2]} redrawn) the board grew {growth:+.1f} MB: "
        f"{'flat' if flat else 'GROWING'} (allowed {GROWTH_ALLOWED_MB:.0f} MB)."
    )


def _warmed(figures: list[Tally], changes: int) -> Tally:
    """The first figure after warming up."""
    return next(f for f in figures if f[0] >= changes * WARM_UP)


if __name__ == "__main__":
    sys.exit(main())
