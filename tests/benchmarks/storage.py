"""How fast the kiosk stores and finds things, against the targets and against plain TinyDB.

Run by `make bench`. A report, not a test: it prints a table (metric, measured, target, ok)
and a last line summing up, and exits 0 whether or not every target is met.

"Plain TinyDB" is the first kiosk's layout (schema 1, `demo.write_schema_1`): one file with
every member and all past visits, where a check-in inserts an open visit and a check-out
updates it. Both sides fsync every write.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from tinydb import TinyDB

from kiosk.community import Community
from kiosk.config import Config
from kiosk.demo import seed_synthetic, write_schema_1
from kiosk.models import Member, Visit
from kiosk.store import Store

MEMBERS = 5_000
PAST_VISITS = 200_000
FEW_PAST_VISITS = 1_000
SEARCH_MEMBERS = 10_000
HISTORY_DAYS = 365
ROUNDS = 41
BASELINE_ROUNDS = 5
STARTS = 3
TYPED = ("mar", "zoe", "smiht", "jürgen we", "ana k")
"""Typed key by key (and so also deleted key by key): prefixes, accents, a typo."""


@dataclass(slots=True, frozen=True)
class Row:
    metric: str
    measured: str
    target: str
    ok: bool | None
    """None for a row that only informs."""


def duration(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    return f"{seconds * 1000:.2f} ms" if seconds < 0.01 else f"{seconds * 1000:.1f} ms"


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def seeded(root: Path, now: datetime, members: int, visits: int) -> Path:
    started = time.perf_counter()
    seed_synthetic(root, now, members=members, history_days=HISTORY_DAYS, visits=visits)
    print(
        f"  seeded {members:,} members, {visits:,} past visits "
        f"in {time.perf_counter() - started:.1f} s",
        flush=True,
    )
    return root


def absent_members(communities: Iterable[Community], count: int) -> list[str]:
    """Ids of members who are in every community and here in none."""
    everywhere = set.intersection(
        *({m.id for m in c.members() if c.visit_of(m.id) is None} for c in communities)
    )
    return sorted(everywhere)[:count]


def check_in_and_out(community: Community, member_id: str) -> float:
    started = time.perf_counter()
    community.check_in(member_id)
    community.check_out(member_id)
    return time.perf_counter() - started


def ours(large: Community, small: Community) -> tuple[list[float], list[float], float]:
    """Check-in plus check-out times at 200k and at 1k past visits, rounds interleaved.

    The first change of a day also makes the daily backup; that round is timed apart.
    """
    member_ids = absent_members((large, small), ROUNDS + 1)
    first_of_day = check_in_and_out(large, member_ids[0])
    check_in_and_out(small, member_ids[0])
    at_large, at_small = [], []
    for member_id in member_ids[1:]:
        at_large.append(check_in_and_out(large, member_id))
        at_small.append(check_in_and_out(small, member_id))
    return at_large, at_small, first_of_day


def plain_tinydb(source: Store, folder: Path, now: datetime) -> list[float]:
    """The same check-in and check-out in one plain TinyDB file holding everything."""
    members = [Member.from_doc(doc) for doc in source.members.docs("members")]
    visits = [
        Visit.from_doc(doc)
        for day in source.history_days()
        for doc in source.history_file(day).docs("visits")
    ]
    started = time.perf_counter()
    path = write_schema_1(folder, members, visits)
    print(
        f"  wrote plain TinyDB file ({path.stat().st_size / 1e6:.0f} MB) "
        f"in {time.perf_counter() - started:.1f} s",
        flush=True,
    )
    times = []
    with TinyDB(path) as db:
        table = db.table("visits")
        for number in range(BASELINE_ROUNDS):
            visit = Visit(f"vbench{number}", members[number].id, now)
            started = time.perf_counter()
            doc_id = table.insert(visit.to_doc())
            table.update({"until": datetime.now(UTC).isoformat()}, doc_ids=[doc_id])
            times.append(time.perf_counter() - started)
    return times


def search_per_key(community: Community) -> tuple[float, float]:
    """Typical and slowest time to answer one more (or one fewer) typed key."""
    per_key = []
    for query in (word[:length] for word in TYPED for length in range(1, len(word) + 1)):
        per_key.append(statistics.median(timed(partial(community.search, query)) for _ in range(5)))
    return statistics.median(per_key), max(per_key)


def start_to_first_screen(root: Path) -> tuple[float, dict[str, float | str | None]]:
    """A fresh `kiosk` process: imports, opening the data, and the app's home screen."""
    walls, reports = [], []
    for _ in range(STARTS):
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, __file__, "--first-screen", str(root)],
            capture_output=True,
            text=True,
            check=False,
        )
        walls.append(time.perf_counter() - started)
        if done.returncode != 0:
            return statistics.median(walls), {"error": done.stderr.strip().splitlines()[-1]}
        reports.append(json.loads(done.stdout))
    return statistics.median(walls), reports[walls.index(statistics.median(walls))]


def first_screen(root: Path) -> None:
    """In a fresh process: open the community and show the kiosk's home screen, timed."""
    started = time.perf_counter()
    config = Config(data_dir=root)
    community = Community.open(config)
    opened = time.perf_counter() - started
    app_seconds = None
    try:
        from screens.app import KioskApp
        from screens.home import HomeScreen
    except ModuleNotFoundError as missing:
        if missing.name not in ("screens", "screens.app", "screens.home"):
            raise
        # No app yet: the start is opening the community alone.
    else:

        async def until_home_is_mounted() -> None:
            app = KioskApp(community, config, lock=True)
            async with app.run_test() as pilot:
                await pilot.pause()
                assert isinstance(app.screen, HomeScreen), app.screen

        app_started = time.perf_counter()
        asyncio.run(until_home_is_mounted())
        app_seconds = time.perf_counter() - app_started
    print(json.dumps({"open": opened, "app": app_seconds}))


def report(rows: list[Row], summary: str) -> None:
    widths = [max(len(getattr(row, f)) for row in rows) for f in ("metric", "measured", "target")]
    header = ("metric", "measured", "target", "ok")
    print()
    print("  ".join(h.ljust(w) for h, w in zip(header, [*widths, 3], strict=True)))
    print("  ".join("-" * w for w in [*widths, 3]))
    for row in rows:
        ok = "" if row.ok is None else ("yes" if row.ok else "NO")
        cells = (row.metric, row.measured, row.target)
        print("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + f"  {ok}")
    print()
    print(summary)


@dataclass(slots=True, frozen=True)
class Measured:
    at_large: list[float]
    at_small: list[float]
    first_of_day: float
    baseline: list[float]
    present: float
    typical_key: float
    slowest_key: float
    start: float
    start_parts: dict[str, float | str | None]


def measure() -> Measured:
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as folder:
        scratch = Path(folder)
        print("Preparing data:", flush=True)
        large_root = seeded(scratch / "large", now, MEMBERS, PAST_VISITS)
        small_root = seeded(scratch / "small", now, MEMBERS, FEW_PAST_VISITS)
        search_root = scratch / "search"
        seed_synthetic(search_root, now, members=SEARCH_MEMBERS, history_days=0)

        print("Measuring:", flush=True)
        start, start_parts = start_to_first_screen(large_root)
        large = Community.open(Config(data_dir=large_root))
        small = Community.open(Config(data_dir=small_root))
        at_large, at_small, first_of_day = ours(large, small)
        baseline = plain_tinydb(Store(large_root), scratch / "plain", now)
        present = statistics.median(timed(large.present) for _ in range(500))
        typical_key, slowest_key = search_per_key(Community.open(Config(data_dir=search_root)))
    return Measured(
        at_large,
        at_small,
        first_of_day,
        baseline,
        present,
        typical_key,
        slowest_key,
        start,
        start_parts,
    )


def main() -> int:
    m = measure()
    check_in_out = statistics.median(m.at_large)
    speedup = statistics.median(m.baseline) / check_in_out
    growth = check_in_out / statistics.median(m.at_small)
    if "error" in m.start_parts:
        start_text, start_ok = f"{m.start:.2f} s, app failed: {m.start_parts['error']}", False
    else:
        app = m.start_parts["app"]
        parts = f"open {m.start_parts['open']:.2f} s" + (
            ", no app yet" if app is None else f", app {app:.2f} s"
        )
        start_text, start_ok = f"{m.start:.2f} s ({parts}, new process)", m.start <= 1.5
    rows = [
        Row(
            f"check-in + check-out, {MEMBERS:,} members, {PAST_VISITS // 1000}k past visits",
            f"{duration(check_in_out)} (median of {len(m.at_large)})",
            "<= 10 ms",
            check_in_out <= 0.010,
        ),
        Row(
            "  against plain TinyDB, one file",
            f"{duration(statistics.median(m.baseline))} (median of {len(m.baseline)}): "
            f"{speedup:.0f}x faster",
            ">= 30x",
            speedup >= 30,
        ),
        Row("who is present now", duration(m.present), "<= 2 ms", m.present <= 0.002),
        Row(
            f"search as you type, {SEARCH_MEMBERS:,} members",
            f"{duration(m.typical_key)}/key (slowest key {duration(m.slowest_key)})",
            "<= 5 ms a key",
            m.slowest_key <= 0.005,
        ),
        Row("kiosk start to first screen", start_text, "<= 1.5 s", start_ok),
        Row(
            f"check-in cost at {PAST_VISITS // 1000}k vs {FEW_PAST_VISITS // 1000}k past visits",
            f"{growth:.2f}x ({duration(statistics.median(m.at_small))} at "
            f"{FEW_PAST_VISITS // 1000}k)",
            "<= 2x",
            growth <= 2,
        ),
        Row("  first change of a day (makes the daily backup)", duration(m.first_of_day), "", None),
    ]
    met = sum(1 for row in rows if row.ok)
    targets = sum(1 for row in rows if row.ok is not None)
    report(
        rows,
        f"bench: {met}/{targets} targets met · check-in+out {duration(check_in_out)} "
        f"({speedup:.0f}x faster than plain TinyDB) · present {duration(m.present)} · "
        f"search {duration(m.typical_key)}/key · start {m.start:.2f} s · "
        f"{PAST_VISITS // 1000}k/{FEW_PAST_VISITS // 1000}k cost {growth:.2f}x",
    )
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--first-screen"]:
        first_screen(Path(sys.argv[2]))
    else:
        sys.exit(main())
