"""`make bench`: how fast the kiosk is at the size of a big community, against its targets
and against SQLite and plain TinyDB, measured in one run.

A report, not a test: it prints one table (metric, ours, baseline, ratio, target, ok),
writes the same as JSON to bench-results.json, and exits 0 whatever the figures say (1
only when a part could not be measured at all). Each figure is a median with its min and
max over 15 rounds after 2 warm-up rounds (kept apart, in the JSON), unless it says n=1.

`python -m tests.benchmarks "1b one-shots"` measures only the parts named (by the start of
their names), making only the data sets they use.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime

from tests.benchmarks import (
    board,
    commands,
    daily_backup,
    memory,
    notices,
    search,
    startup,
    visits,
    wall_board,
)
from tests.benchmarks.datasets import ALL, CACHE, cache_folder, data_set
from tests.benchmarks.figures import Figure
from tests.benchmarks.processes import ROOT
from tests.benchmarks.report import Row, Section, summary, table, write_json
from tests.benchmarks.scenes import Scratch

RESULTS = ROOT / "bench-results.json"
Part = Callable[[Scratch], list[Section]]


def parts() -> list[tuple[str, Part]]:
    """What is measured, in the order it runs (the table keeps the targets' order)."""
    return [
        ("1 commands", lambda s: [commands.measure(s)]),
        ("1b one-shots", lambda s: [commands.one_shots(s)]),
        ("2 start and memory", startup.measure),
        ("3-4 busy day, SQLite", visits.busy_day_and_sqlite),
        ("5 search", lambda s: [search.measure(s)]),
        ("6 board", lambda s: [board.measure(s)]),
        ("7 daily backup", lambda s: [daily_backup.measure(s)]),
        ("8 demo memory", lambda s: [memory.demo_memory()]),
        ("9 flat memory", lambda s: [memory.flat_memory(s)]),
        ("10 wall board", lambda s: [wall_board.section(s)]),
        ("growth: members, years", visits.members_and_years),
        ("growth: people here", lambda s: [visits.people_here(s)]),
        ("filing", lambda s: [visits.filing(s)]),
        ("the door's tail", lambda s: [visits.door_tail(s)]),
        ("plain TinyDB", lambda s: [visits.plain_tinydb(s)]),
        ("notices", lambda s: [notices.measure(s)]),
    ]


def main(only: list[str]) -> int:
    began = time.monotonic()
    chosen = [(n, part) for n, part in parts() if not only or n.startswith(tuple(only))]
    print("Data sets (cached in .bench-data/):", flush=True)
    made = [data_set(size) for size in ALL] if not only else []
    generated = [d.size.label for d in made if not d.reused]
    prepared = time.monotonic() - began
    scratch = Scratch(cache_folder() / f"run-{os.getpid()}")
    for stale in cache_folder().glob("run-*"):
        shutil.rmtree(stale, ignore_errors=True)
    scratch.folder.mkdir()
    sections: list[Section] = []
    failed: list[str] = []
    took: dict[str, float] = {}
    print("Measuring:", flush=True)
    try:
        for name, part in chosen:
            started = time.monotonic()
            try:
                sections += part(scratch)
            except Exception:
                traceback.print_exc()
                failed.append(name)
                sections.append(Section(f"{name}: could not be measured", [], []))
            took[name] = took.get(name, 0.0) + time.monotonic() - started
    finally:
        shutil.rmtree(scratch.folder, ignore_errors=True)
    sections.append(_housekeeping(scratch, generated, prepared, took))
    sections.sort(key=_order)
    total = time.monotonic() - began
    met, measured, missed = summary(sections)
    print()
    print(table(sections))
    print()
    print(f"bench: {met}/{measured} targets met in {total / 60:.1f} min", end="")
    print(f" ({len(generated)} data sets generated first)" if generated else " (data cached)")
    for metric in missed:
        print(f"  missed: {metric}")
    write_json(RESULTS, sections, _about(total, generated, failed))
    print(f"Written to {RESULTS.relative_to(ROOT)}.")
    return 1 if failed else 0


def _order(section: Section) -> tuple[int, str]:
    head = section.title.split(".", 1)[0]
    if head.isdigit():
        return int(head), ""
    return (99 if section.title == ABOUT else 10), section.title


ABOUT = "About this run"


def _housekeeping(
    scratch: Scratch, generated: list[str], prepared: float, took: dict[str, float]
) -> Section:
    rows = [
        Row(f"`kiosk backup` of a working copy, {slug} (first of the day)", Figure([seconds]))
        for slug, seconds in scratch.backups.items()
    ]
    rows.append(Row("finding (or generating) the data sets", Figure([prepared])))
    rows += [Row(f"time taken: {name}", Figure([seconds])) for name, seconds in took.items()]
    return Section(
        ABOUT,
        rows,
        [
            f"data sets generated by this run: {', '.join(generated) or 'none (all cached)'}",
            f"cache: {CACHE.relative_to(ROOT)}/{cache_folder().name}; files are in the "
            "page cache (warm), as on a kiosk that has been running",
        ],
    )


def _about(total: float, generated: list[str], failed: list[str]) -> dict[str, object]:
    commit = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.strip()
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": commit,
        "python": sys.version.split()[0],
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "seconds": total,
        "generated": generated,
        "failed": failed,
    }


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
