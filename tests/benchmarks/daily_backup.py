"""Target 7: the daily backup never runs while a member waits. The first check-in of a day
(which starts the backup) returns as fast as the second (made while it runs).

An in-process Community with the command line's hook
(`kiosk.cli.commands.running.backup_when_due`) on a clock that moves a day each round. The
hook starts `kiosk backup --if-due` in a process of its own, which dates the backup by the
real clock; here `kiosk.cli.commands.running.start_backup` is
replaced by the same start (same detached process, same check that one is due, then
`Backups.make`) dated by the round's day, so each round's backup is really made. Each
round waits for its backup to finish, so rounds do not overlap.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from itertools import cycle

import kiosk.cli.commands.running
from kiosk.community.community import Community, utc_now
from kiosk.config import Config
from kiosk.storage import daily_backup
from kiosk.timekeeping.opening import local_day
from tests.benchmarks.datasets import SMALL
from tests.benchmarks.figures import ROUNDS, WARMUP, Figure, timed
from tests.benchmarks.processes import PYTHON, ROOT
from tests.benchmarks.report import Row, Section, versus
from tests.benchmarks.scenes import Scratch, absent

BACKUP_AT = """
import sys
from datetime import datetime
from pathlib import Path
from kiosk.storage import daily_backup
from kiosk.storage.backups import Backups
from kiosk.storage.store import Store
from kiosk.timekeeping.opening import local_day, time_zone
now = datetime.fromisoformat(sys.argv[2])
zone = time_zone("")  # the machine's, as the bench's kiosk has no zone named
backups = Backups(Store.open(Path(sys.argv[1]), create=False), int(sys.argv[3]))
if daily_backup.due(backups.store.root, local_day(now, zone).isoformat()):
    backups.make(now, zone)
"""
"""`kiosk backup --if-due`, dated by the clock it is given."""


class FakeDays:
    """A clock that stands at a given moment, moved a day at a time."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def measure(scratch: Scratch) -> Section:
    print("  the first change of a day, which starts the backup ...", flush=True)
    data = scratch.copy(SMALL)
    config = Config(data_dir=data)
    clock = FakeDays(utc_now())
    started: list[subprocess.Popen[bytes]] = []

    def start_backup(config: Config) -> None:
        started.append(
            subprocess.Popen(
                [PYTHON, "-c", BACKUP_AT, config.data_dir, clock().isoformat(), "7"],
                cwd=ROOT,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
        )

    community = Community.open(
        config, clock, False, on_change=kiosk.cli.commands.running.backup_when_due(config)
    )
    members = cycle(list(absent(community, 200, seed=7)))
    figures = {name: Figure() for name in ("first", "second", "after", "backup")}
    real_start = kiosk.cli.commands.running.start_backup
    kiosk.cli.commands.running.start_backup = start_backup
    try:
        for number in range(WARMUP + ROUNDS):
            clock.now = clock.now.replace(hour=9) + timedelta(days=1)
            _day(community, members, clock, started, figures, number)
    finally:
        kiosk.cli.commands.running.start_backup = real_start
        for process in started:
            process.wait()
    return Section(
        f"7. The daily backup never runs while a member waits ({SMALL.label}, in-process)",
        [
            Row("second check-in of a day (backup running)", figures["second"]),
            versus(
                "first check-in of a day (starts the backup) vs second",
                figures["first"],
                figures["second"],
                1.5,
            ),
            Row("  the backup itself, in its own process", figures["backup"]),
            Row("a check-in once the day's backup is done", figures["after"]),
            versus(
                "second check-in (backup running) vs once it is done",
                figures["second"],
                figures["after"],
            ),
        ],
        [
            "each round is a new day on a fake clock; the backup is started as the command "
            "line's hook starts it, dated by that clock (see daily_backup.py); 7 backups "
            "are kept, so from the 8th day on each backup also rotates the oldest out",
        ],
    )


def _day(
    community: Community,
    members: Iterator[str],
    clock: FakeDays,
    started: list[subprocess.Popen[bytes]],
    figures: dict[str, Figure],
    number: int,
) -> None:
    first, second = next(members), next(members)
    before = len(started)
    began = time.perf_counter()
    community.check_in(first)
    one = time.perf_counter()
    clock.now += timedelta(seconds=30)
    community.check_in(second)
    two = time.perf_counter()
    third = next(members)
    if len(started) == before:
        raise RuntimeError("the first change of the day started no backup")
    for backup in started[before:]:  # a second start finds the first one's lock, and stops
        backup.wait()
    if daily_backup.due(community.store.root, local_day(clock(), community.zone).isoformat()):
        raise RuntimeError("the day's backup was not made")
    done = time.perf_counter()
    clock.now += timedelta(seconds=30)
    after = timed(lambda: community.check_in(third))
    for member_id in (first, second, third):
        community.check_out(member_id)
    kept = "warmup" if number < WARMUP else "samples"
    getattr(figures["first"], kept).append(one - began)
    getattr(figures["second"], kept).append(two - one)
    getattr(figures["backup"], kept).append(done - began)
    getattr(figures["after"], kept).append(after)
