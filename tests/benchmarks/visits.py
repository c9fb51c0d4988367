"""Check-ins and check-outs in the kiosk's own process (`Community`, fsync included):
against SQLite and plain TinyDB, on a busy day, and as the community grows.

Each community here is opened as the running kiosk holds it (everyone read, search index
built). Each measured round is one member checking in then out; visits waiting to be
filed are filed between rounds, untimed, before a round's check-out would file them: the
check-out that files is measured on its own. These rounds take milliseconds, so there
are more of them, against the noise of a shared disk.
"""

from __future__ import annotations

import gc
import math
import statistics
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from itertools import cycle

from kiosk.community.attendance import FILE_AFTER
from kiosk.community.community import Community
from tests.benchmarks.baselines import PlainTinyDB, SqliteVisits, sqlite_database
from tests.benchmarks.datasets import (
    FEW_DAYS,
    LARGE,
    NO_HISTORY_LARGE,
    ONE_YEAR_LARGE,
    ONE_YEAR_TINY,
    SMALL,
    TINY,
    Size,
    data_set,
)
from tests.benchmarks.figures import Case, Figure, interleaved
from tests.benchmarks.report import Row, Section, versus
from tests.benchmarks.scenes import (
    BUSY_DAY,
    Scratch,
    absent,
    check_in_and_out,
    make_busy_day,
    make_present,
    opened,
)

ROOM = 300
"""People here at once, in a full room."""
PAIR_ROUNDS = 41


def pairs(community: Community, name: str, seed: int = 1) -> Case:
    """A case: the next absent member checks in and out; figures named `name in/out/both`."""
    members = cycle(list(absent(community, 200, seed)))

    def case() -> dict[str, float]:
        if len(community.store.unfiled_visits()) >= FILE_AFTER - 1:
            community.file_visits()
        measured = check_in_and_out(community, next(members))
        return {f"{name} {part}": seconds for part, seconds in measured.items()}

    return case


def baseline_pairs(
    check_in: Callable[[str, datetime], object],
    check_out: Callable[[str, datetime], None],
    members: Iterator[str],
    name: str,
) -> Case:
    """A case: a baseline checks the next member in and out, timed as one."""
    from time import perf_counter

    def case() -> dict[str, float]:
        member_id = next(members)
        started = perf_counter()
        check_in(member_id, datetime.now(UTC))
        check_out(member_id, datetime.now(UTC))
        return {f"{name} both": perf_counter() - started}

    return case


def busy_day_and_sqlite(scratch: Scratch) -> list[Section]:
    """Targets 3 and 4: a check-out with 5,000 visits today or none, and both days against
    SQLite holding the same community."""
    print("  check-in and check-out on an empty and a busy day, and in SQLite ...", flush=True)
    empty = opened(scratch.copy(LARGE))
    busy = opened(scratch.copy(LARGE))
    todays = make_busy_day(busy)
    database = sqlite_database(data_set(LARGE).data, LARGE.slug)
    sql_empty = SqliteVisits(database, scratch.folder / "sqlite-empty.db")
    sql_busy = SqliteVisits(database, scratch.folder / "sqlite-busy.db")
    sql_busy.add_finished(todays)
    try:
        ids = list(absent(empty, 200, seed=4))
        figures = interleaved(
            [
                pairs(empty, "empty"),
                pairs(busy, "busy"),
                baseline_pairs(sql_empty.check_in, sql_empty.check_out, cycle(ids), "sql empty"),
                baseline_pairs(sql_busy.check_in, sql_busy.check_out, cycle(ids), "sql busy"),
            ],
            PAIR_ROUNDS,
        )
    finally:
        sql_empty.close()
        sql_busy.close()
    busy_day = Section(
        "3. A check-out with 5,000 visits already today costs as much as with none "
        f"({LARGE.label}, in-process)",
        [
            Row("check-out, no visits yet today", figures["empty out"]),
            versus(
                f"check-out, {BUSY_DAY:,} visits today vs none",
                figures["busy out"],
                figures["empty out"],
                1.5,
            ),
            Row("check-in, no visits yet today", figures["empty in"]),
            versus(
                f"check-in, {BUSY_DAY:,} visits today vs none",
                figures["busy in"],
                figures["empty in"],
            ),
        ],
        [
            "the busy day's visits were filed through the kiosk's own Store, 50 a batch, "
            "as check-outs file them",
        ],
    )
    against_sqlite = Section(
        f"4. In-process check-in + check-out within 3x of SQLite ({LARGE.label})",
        [
            versus(
                "check-in + check-out, no visits today, vs SQLite",
                figures["empty both"],
                figures["sql empty both"],
                3.0,
            ),
            versus(
                f"check-in + check-out, {BUSY_DAY:,} visits today, vs SQLite",
                figures["busy both"],
                figures["sql busy both"],
                3.0,
            ),
        ],
        [
            "baseline: SQLite 3 (WAL, synchronous=FULL), members and every past visit in two "
            "tables (index on the day and on open visits), one connection kept open; the "
            "same checks (member read, not yet here) in one BEGIN IMMEDIATE transaction each",
        ],
    )
    return [busy_day, against_sqlite, _today_series(figures)]


def _today_series(figures: dict[str, Figure]) -> Section:
    return Section(
        f"Grows with today's visits: in-process check-in + check-out ({LARGE.label})",
        [
            Row("0 visits today", figures["empty both"]),
            Row(f"{BUSY_DAY:,} visits today (vs 0)", figures["busy both"], figures["empty both"]),
        ],
        [],
    )


def series(scratch: Scratch, title: str, sizes: dict[str, Size]) -> Section:
    """Check-in + check-out on several data sets, rounds taking turns; ratios to the first."""
    print(f"  check-in and check-out, {title} ...", flush=True)
    communities = {label: opened(scratch.copy(size)) for label, size in sizes.items()}
    figures = interleaved([pairs(c, label) for label, c in communities.items()], PAIR_ROUNDS)
    first = next(iter(sizes))
    rows = [
        Row(
            label if label == first else f"{label} (vs {first})",
            figures[f"{label} both"],
            None if label == first else figures[f"{first} both"],
        )
        for label in sizes
    ]
    return Section(f"Grows with {title}: in-process check-in + check-out", rows, [])


def members_and_years(scratch: Scratch) -> list[Section]:
    return [
        series(
            scratch,
            "members (1 year of history)",
            {
                f"{ONE_YEAR_TINY.members:,} members": ONE_YEAR_TINY,
                f"{SMALL.members:,} members": SMALL,
                f"{ONE_YEAR_LARGE.members:,} members": ONE_YEAR_LARGE,
            },
        ),
        series(
            scratch,
            f"years of history ({LARGE.members:,} members)",
            {
                "no history": NO_HISTORY_LARGE,
                "1 year": ONE_YEAR_LARGE,
                "3 years": LARGE,
            },
        ),
    ]


def people_here(scratch: Scratch) -> Section:
    print("  check-in and check-out with 1 and with 300 people here ...", flush=True)
    few = opened(scratch.copy(LARGE))
    full = opened(scratch.copy(LARGE))
    make_present(few, 1)
    make_present(full, ROOM)
    figures = interleaved([pairs(few, "1 here"), pairs(full, "300 here")], PAIR_ROUNDS)
    return Section(
        f"Grows with people here: in-process check-in + check-out ({LARGE.label})",
        [
            Row("1 person here", figures["1 here both"]),
            Row(f"{ROOM} people here (vs 1)", figures["300 here both"], figures["1 here both"]),
        ],
        [],
    )


def filing(scratch: Scratch) -> Section:
    """The check-out that finds 49 visits waiting and files all 50 into the history."""
    print("  the check-out that files 50 visits ...", flush=True)
    tiny = opened(scratch.copy(TINY))
    large = opened(scratch.copy(LARGE))
    busy = opened(scratch.copy(LARGE))
    make_busy_day(busy)

    def filing_case(community: Community, name: str) -> Case:
        members = cycle(list(absent(community, 200, seed=9)))

        def case() -> dict[str, float]:
            while len(community.store.unfiled_visits()) < FILE_AFTER - 1:
                member_id = next(members)
                community.check_in(member_id)
                community.check_out(member_id)
            measured = check_in_and_out(community, next(members))
            if community.store.unfiled_visits():
                raise RuntimeError("the 50th check-out did not file the waiting visits")
            return {name: measured["out"]}

        return case

    figures = interleaved(
        [filing_case(tiny, "tiny"), filing_case(large, "large"), filing_case(busy, "busy")]
    )
    return Section(
        "Filing: the check-out that finds 49 finished visits waiting and files all 50 "
        "(in-process; 1 check-out in 50)",
        [
            Row(f"at {TINY.label}", figures["tiny"]),
            Row(f"at {LARGE.label} (vs 50 members)", figures["large"], figures["tiny"]),
            versus(
                f"at {LARGE.label}, {BUSY_DAY:,} visits today (vs 50 members)",
                figures["busy"],
                figures["tiny"],
            ),
        ],
        [
            "writes the day's batch file, updates each member's visit count in their "
            "member file, then empties the waiting list; all fsync'd",
        ],
    )


PAIRS_A_ROUND = 100
"""Pairs in a round of the door's tail: two filings' worth, so each round files twice."""


def door_tail(scratch: Scratch) -> Section:
    """The slowest pairs at a busy door, as the kiosk makes them: the check-out that makes
    a batch answers first, and the batch is filed after it (`files_in_background`)."""
    print("  the tail of check-in + check-out at the door, and in SQLite ...", flush=True)
    ours = opened(scratch.copy(LARGE))
    ours.files_in_background = True
    gc.freeze()  # as the kiosk sets aside everyone it read (screens/app.py)
    database = sqlite_database(data_set(LARGE).data, LARGE.slug)
    sql = SqliteVisits(database, scratch.folder / "sqlite-tail.db")
    ids = list(absent(ours, 200, seed=11))
    ours_members, sql_members = cycle(ids), cycle(ids)

    def ours_case() -> dict[str, float]:
        pairs, filings = [], []
        for _ in range(PAIRS_A_ROUND):
            pairs.append(check_in_and_out(ours, next(ours_members))["both"])
            # What the kiosk's worker does once the goodbye is on the screen.
            started = time.perf_counter()
            ours.file_when_due()
            if not ours.store.unfiled_visits():
                filings.append(time.perf_counter() - started)
        return {"ours p99": p99(pairs), "ours median": statistics.median(pairs)} | {
            "filing": statistics.mean(filings)
        }

    def sql_case() -> dict[str, float]:
        pairs = []
        for _ in range(PAIRS_A_ROUND):
            member_id = next(sql_members)
            started = time.perf_counter()
            sql.check_in(member_id, datetime.now(UTC))
            sql.check_out(member_id, datetime.now(UTC))
            pairs.append(time.perf_counter() - started)
        return {"sql p99": p99(pairs), "sql median": statistics.median(pairs)}

    try:
        figures = interleaved([ours_case, sql_case])
    finally:
        sql.close()
        gc.unfreeze()
    return Section(
        f"4. The door's slowest pairs within 3x of SQLite's ({LARGE.label}, in-process)",
        [
            versus(
                f"p99 of {PAIRS_A_ROUND} check-in + check-out pairs, vs SQLite's p99",
                figures["ours p99"],
                figures["sql p99"],
                3.0,
            ),
            versus(
                "  median of the same pairs, vs SQLite's",
                figures["ours median"],
                figures["sql median"],
            ),
            Row(f"  filing {FILE_AFTER} visits, after the goodbye (apart)", figures["filing"]),
        ],
        [
            f"a round is {PAIRS_A_ROUND} pairs back to back (p99: the second slowest); the "
            f"check-out that makes {FILE_AFTER} visits wait answers first, and the kiosk "
            "then files them, as its worker does after showing the goodbye: that filing is "
            "timed apart; a person reaching the door within it waits for its end",
        ],
    )


def p99(values: list[float]) -> float:
    """The 99th percentile: the value 99 in 100 do not exceed."""
    ordered = sorted(values)
    return ordered[max(math.ceil(0.99 * len(ordered)) - 1, 0)]


def plain_tinydb(scratch: Scratch) -> Section:
    print(f"  plain TinyDB at {FEW_DAYS.label} ...", flush=True)
    ours = opened(scratch.copy(FEW_DAYS))
    plain = PlainTinyDB(data_set(FEW_DAYS).data, scratch.folder / "plain-tinydb.json")
    try:
        ids = cycle(list(absent(ours, 200, seed=5)))
        figures = interleaved(
            [pairs(ours, "ours"), baseline_pairs(plain.check_in, plain.check_out, ids, "plain")]
        )
    finally:
        plain.close()
    return Section(
        f"Plain TinyDB as its documentation shows it ({FEW_DAYS.label})",
        [
            versus(
                "check-in + check-out, ours vs plain TinyDB",
                figures["ours both"],
                figures["plain both"],
            )
        ],
        [
            f"baseline: one TinyDB file ({plain.size / 2**20:.1f} MiB) with every member and "
            "visit, default JSONStorage (its write already fsyncs), Query as documented; a "
            f"size where it finishes (it rewrites the whole file on each change)",
        ],
    )
