"""Target 1: a `kiosk checkin`, `checkout` or `present --json` command, the whole process
(start, imports, opening the data, the change, exit), at 50 members and in a big community;
and each whole command beside an SQLite one-shot doing the same job, and Python's own start.

Each working copy has today's backup made first (`kiosk backup`), as the first change of
the day would have started it, so no command here starts one. Members are named by id (a
generated community repeats names). Rounds take turns between the sizes.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from itertools import cycle
from pathlib import Path

from kiosk.community.attendance import FILE_AFTER
from kiosk.community.community import utc_now
from tests.benchmarks.baselines import sqlite_database
from tests.benchmarks.datasets import LARGE, SMALL, TINY, Size, data_set
from tests.benchmarks.figures import Case, interleaved
from tests.benchmarks.processes import KIOSK, PYTHON, ROOT, Finished, checked
from tests.benchmarks.report import Row, Section, versus
from tests.benchmarks.scenes import Scratch, absent, opened, quiet_days

COMMANDS = ("checkin", "checkout", "present --json")
EXPORT = ("export", "visits", "--from", "yesterday")
VISITS_A_DAY = 5
"""Visits a day in the exported days at both sizes, so the figure shows what members cost
(the 50-member community has about this many)."""


def kiosk(data: Path, *arguments: str) -> Finished:
    return checked([KIOSK, *arguments, "--data", data])


def commands_case(data: Path, members: Iterator[str], name: str) -> Case:
    def case() -> dict[str, float]:
        member_id = next(members)
        return {
            f"{name} checkin": kiosk(data, "checkin", member_id).seconds,
            f"{name} checkout": kiosk(data, "checkout", member_id).seconds,
            f"{name} present --json": kiosk(data, "present", "--json").seconds,
        }

    return case


def filing_case(data: Path, members: Iterator[str], name: str) -> Case:
    """The command that files: 49 visits waiting (made in-process), then `kiosk checkout`."""

    def case() -> dict[str, float]:
        community = opened(data, everyone=False)
        while len(community.store.unfiled_visits()) < FILE_AFTER - 1:
            member_id = next(members)
            community.check_in(member_id)
            community.check_out(member_id)
        member_id = next(members)
        community.check_in(member_id)
        seconds = kiosk(data, "checkout", member_id).seconds
        if community.store.unfiled_visits():
            raise RuntimeError("`kiosk checkout` did not file the waiting visits")
        return {f"{name} filing checkout": seconds}

    return case


def export_case(data: Path, name: str) -> Case:
    def case() -> dict[str, float]:
        return {f"{name} export": kiosk(data, *EXPORT).seconds}

    return case


def export_rows(scratch: Scratch) -> tuple[list[Row], str]:
    """`kiosk export visits --from yesterday` with the same visits at both sizes, and on the
    big community's days as generated."""
    print("  `kiosk export visits --from yesterday` ...", flush=True)
    today = utc_now().date()
    # Visits are filed by UTC day: a day either side of yesterday and today covers them.
    first, last = today - timedelta(days=2), today + timedelta(days=1)
    quiet = {name: scratch.copy(size) for name, size in (("tiny", TINY), ("large", LARGE))}
    held = {name: quiet_days(data, first, last, VISITS_A_DAY) for name, data in quiet.items()}
    busy = scratch.copy(LARGE)
    figures = interleaved([export_case(data, name) for name, data in quiet.items()])
    figures |= interleaved([export_case(busy, "busy")])
    return [
        Row(f"kiosk export visits --from yesterday, {TINY.label}", figures["tiny export"]),
        versus(
            f"kiosk export visits --from yesterday, {LARGE.label} (vs 50)",
            figures["large export"],
            figures["tiny export"],
            1.5,
        ),
        Row(
            f"  the same, with the generated {LARGE.members:,} members' days (vs 50)",
            figures["busy export"],
            figures["tiny export"],
        ),
    ], (
        f"export: the days around yesterday cut to {VISITS_A_DAY} visits a day at both sizes "
        f"({held['tiny']} and {held['large']} visits in the files read), so the figure shows "
        "what members cost; the generated big community has about 5,500 visits a day, each "
        "a row to write and a member to name"
    )


def measure(scratch: Scratch) -> Section:
    print("  kiosk commands as whole processes ...", flush=True)
    sizes: dict[str, Size] = {"tiny": TINY, "small": SMALL, "large": LARGE}
    copies = {name: scratch.copy(size, backed_up=True) for name, size in sizes.items()}
    members = {
        name: cycle(list(absent(opened(data, everyone=False), 200, seed=2)))
        for name, data in copies.items()
    }
    figures = interleaved([commands_case(copies[n], members[n], n) for n in sizes])
    print("  `kiosk checkout` that files 50 visits ...", flush=True)
    filing = {name: scratch.copy(sizes[name], backed_up=True) for name in ("tiny", "large")}
    filing_members = {
        name: cycle(list(absent(opened(data, everyone=False), 200, seed=3)))
        for name, data in filing.items()
    }
    figures |= interleaved([filing_case(filing[n], filing_members[n], n) for n in filing])
    export, about_export = export_rows(scratch)
    rows = []
    for command in COMMANDS:
        rows += [
            Row(f"kiosk {command}, {TINY.label}", figures[f"tiny {command}"]),
            versus(
                f"kiosk {command}, {SMALL.label} (vs 50)",
                figures[f"small {command}"],
                figures[f"tiny {command}"],
            ),
            versus(
                f"kiosk {command}, {LARGE.label} (vs 50)",
                figures[f"large {command}"],
                figures[f"tiny {command}"],
                1.5,
            ),
        ]
    rows += [
        Row(f"kiosk checkout that files 50 visits, {TINY.label}", figures["tiny filing checkout"]),
        versus(
            f"kiosk checkout that files 50 visits, {LARGE.label} (vs 50)",
            figures["large filing checkout"],
            figures["tiny filing checkout"],
        ),
        *export,
    ]
    return Section(
        "1. A kiosk command, as a whole process, costs at most 1.5x at 50,000 members "
        "what it costs at 50",
        rows,
        [
            "each figure is `.venv/bin/kiosk ... --data COPY` from start to exit (wall time, "
            "the parent's clock); a command's floor is Python starting and importing the kiosk",
            "1 check-out in 50 files the waiting visits: the last two rows time that one",
            about_export,
        ],
    )


SQLITE_ONE_SHOT = Path(__file__).with_name("sqlite_one_shot.py")
ONE_SHOT_LIMIT = 2.0
"""A whole command costs at most this many times an SQLite one-shot doing the same job."""


def one_shot_case(data: Path, database: Path, members: Iterator[str]) -> Case:
    """Each command and its SQLite one-shot on the same member, and Python starting alone:
    the CPU time of each process (user and system), and its wall time."""

    def sqlite(*job: str) -> Finished:
        return checked([PYTHON, SQLITE_ONE_SHOT, database, *job])

    def case() -> dict[str, float]:
        member_id = next(members)
        done = {
            "python": checked([PYTHON, "-c", "pass"]),
            "help": checked([KIOSK, "--help"]),
            "checkin": kiosk(data, "checkin", member_id),
            "sqlite checkin": sqlite("checkin", member_id),
            "checkout": kiosk(data, "checkout", member_id),
            "sqlite checkout": sqlite("checkout", member_id),
            "present": kiosk(data, "present", "--json"),
            "sqlite present": sqlite("present"),
        }
        return {f"{name} cpu": finished.cpu for name, finished in done.items()} | {
            f"{name} wall": finished.seconds for name, finished in done.items()
        }

    return case


def one_shots(scratch: Scratch) -> Section:
    print("  kiosk commands beside SQLite one-shots ...", flush=True)
    # As a kiosk installed by pip runs: its modules compiled once, not on every start.
    checked([PYTHON, "-m", "compileall", "-q", ROOT / "kiosk"])
    data = scratch.copy(TINY, backed_up=True)
    database = scratch.folder / "sqlite-one-shot.db"
    database.write_bytes(sqlite_database(data_set(TINY).data, TINY.slug).read_bytes())
    members = cycle(list(absent(opened(data, everyone=False), 200, seed=4)))
    figures = interleaved([one_shot_case(data, database, members)])
    pairs = (
        ("kiosk checkin", "checkin", "sqlite checkin"),
        ("kiosk checkout", "checkout", "sqlite checkout"),
        ("kiosk present --json", "present", "sqlite present"),
        ("kiosk --help", "help", "sqlite checkin"),
    )
    rows = [
        Row("`python -c pass`: Python starting alone, CPU", figures["python cpu"]),
        Row("SQLite one-shot check-in, CPU", figures["sqlite checkin cpu"]),
        *(
            versus(
                f"{label}, CPU (vs SQLite one-shot)",
                figures[f"{ours} cpu"],
                figures[f"{baseline} cpu"],
                ONE_SHOT_LIMIT,
            )
            for label, ours, baseline in pairs
        ),
        *(
            versus(
                f"{label}, wall (vs SQLite one-shot)",
                figures[f"{ours} wall"],
                figures[f"{baseline} wall"],
            )
            for label, ours, baseline in pairs
        ),
    ]
    return Section(
        f"1b. A whole command costs at most {ONE_SHOT_LIMIT:g}x an SQLite one-shot doing "
        f"the same job ({TINY.label})",
        rows,
        [
            "each round runs every command and then its one-shot on the same member: "
            "`.venv/bin/kiosk ... --data COPY`, and `python tests/benchmarks/sqlite_one_shot.py` "
            "on an SQLite copy of the same community (WAL, synchronous=FULL), each a whole "
            "process from start to exit",
            "CPU is the child's user and system time (wait4); the targets are on CPU, which a "
            "busy neighbour disturbs less than wall time",
            "`kiosk --help` has no SQLite job of its own: its baseline is the SQLite check-in",
            "the kiosk's modules are compiled to bytecode first, as pip installs them "
            "(this machine's shells set PYTHONDONTWRITEBYTECODE)",
        ],
    )
