"""A kiosk in a process of its own, started as `kiosk` starts it, for the parent to time.

    python tests/benchmarks/kiosk_child.py DATA home         exit once home is painted
    python tests/benchmarks/kiosk_child.py DATA index        ... and the search index is ready
    python tests/benchmarks/kiosk_child.py DATA stay STOP    ... then run until STOP exists,
                                                             typing a key now and then
    python tests/benchmarks/kiosk_child.py DATA typed        type a name TYPED_AFTER seconds
                                                             after start, exit once matched

The app is built as `kiosk.cli.main.run_kiosk` builds it (the community opened with the daily
backup hook, who is here read once, `KioskApp(..., lock=False)`) and runs headless at
100x30. It prints one JSON line with `time.monotonic()` at each step (the parent's clock
is the same) and its peak memory, and, in `stay`, a line when ready. Run as a script,
so that the process imports only what the kiosk itself imports.
"""

from __future__ import annotations

import time

STARTED = time.monotonic()
"""About when the process started: before the kiosk's imports, which are part of a start."""

import asyncio  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from textual import events  # noqa: E402
from textual.pilot import Pilot  # noqa: E402
from textual.widgets import OptionList  # noqa: E402

from kiosk.cli.commands.running import backup_when_due  # noqa: E402
from kiosk.community.community import Community, utc_now  # noqa: E402
from kiosk.config import Config  # noqa: E402
from screens.app import KioskApp  # noqa: E402
from screens.home import HomeScreen  # noqa: E402

TYPING_SECONDS = 2.0
"""In `stay`, how often a key is typed (and taken back) on home, as people at the door do."""
TYPED_AFTER = 1.0
"""In `typed`, when a person starts typing after the kiosk (re)starts, in seconds."""
TYPED = "mar"
"""What they type: the start of many names."""
KEY_GAP = 0.1
"""Seconds between their keys."""


def main(data: Path, mode: str, stop: Path | None) -> None:
    marks: dict[str, float] = {}
    config = Config(data_dir=data)
    community = Community.open(config, utc_now, True, on_change=backup_when_due(config))
    community.present()
    app = KioskApp(community, config, lock=False)

    async def pilot(pilot: Pilot[object]) -> None:
        while not (isinstance(app.screen, HomeScreen) and app.screen.is_mounted):
            await asyncio.sleep(0.001)
        painted = asyncio.Event()
        app.call_after_refresh(painted.set)
        await painted.wait()
        marks["home"] = time.monotonic()
        if mode == "typed":
            await asyncio.sleep(max(0.0, STARTED + TYPED_AFTER - time.monotonic()))
            marks["typed"] = time.monotonic()
            # As the terminal sends keys, a person's pace apart: the pilot's `press` would
            # also wait for the process to be idle, which it is not while it reads everyone.
            for key in TYPED:
                app.post_message(events.Key(key, key))
                await asyncio.sleep(KEY_GAP)
            matches = app.screen.query_one("#matches", OptionList)
            while not matches.option_count:
                await asyncio.sleep(0.002)
            marks["matched"] = time.monotonic()
        if mode in ("index", "stay"):
            while not community.search_ready:
                await asyncio.sleep(0.005)
            marks["index"] = time.monotonic()
        if mode == "stay" and stop is not None:
            print(json.dumps({"ready": True}), flush=True)
            last = time.monotonic()
            while not stop.exists():
                await asyncio.sleep(0.1)
                if time.monotonic() - last >= TYPING_SECONDS:
                    last = time.monotonic()
                    await pilot.press("a", "backspace")
        app.exit()

    app.run(headless=True, size=(100, 30), auto_pilot=pilot)
    marks["exit"] = time.monotonic()
    print(json.dumps({**marks, "peak_rss": peak_resident()}), flush=True)


def peak_resident() -> int:
    """This process's largest resident set so far (VmHWM), in bytes.

    Read here rather than from the parent's `wait4`: the kernel starts a child's peak
    at its parent's, so a small kiosk started by a large bench would read large.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    main(Path(arguments[0]), arguments[1], Path(arguments[2]) if len(arguments) > 2 else None)
