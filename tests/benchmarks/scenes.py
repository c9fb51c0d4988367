"""The situations the bench measures in: a community opened as the kiosk opens it, members
who are not here yet, a busy day, a full room.

Everything is set up through the kiosk's own `Community` and `Store`, so the files on
disk look as they would after a real day at the door.
"""

from __future__ import annotations

import random
import secrets
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.community.attendance import FILE_AFTER
from kiosk.community.community import Community, utc_now
from kiosk.config import Config
from kiosk.models import Visit
from kiosk.storage.store import Store
from tests.benchmarks.datasets import Size, data_set, working_copy
from tests.benchmarks.processes import KIOSK, checked

BUSY_DAY = 5_000
"""Finished visits already today, on a busy day."""


@dataclass(slots=True)
class Scratch:
    """Working copies of data sets for one run, in one folder (next to the cache, so that
    history files can be shared by hard links)."""

    folder: Path
    made: int = 0
    backups: dict[str, float] = field(default_factory=dict)
    """Seconds of each data set's first daily backup in a working copy (`kiosk backup`)."""

    def copy(self, size: Size, backed_up: bool = False) -> Path:
        """A fresh working copy of the data set of `size`.

        `backed_up`: today's backup is made first (by `kiosk backup`, as the first change
        of the day would start it), so commands that start it when due do not.
        """
        self.made += 1
        data = working_copy(data_set(size).data, self.folder / f"{self.made:03d}-{size.slug}")
        if backed_up:
            seconds = checked([KIOSK, "backup", "--data", data]).seconds
            self.backups.setdefault(size.slug, seconds)
        return data


def opened(data: Path, everyone: bool = True) -> Community:
    """The community of a data folder, as the kiosk holds it once started: everyone read
    and the search index built (`everyone`), or as a command opens it."""
    community = Community.open(Config(data_dir=data), utc_now, create=False)
    if everyone:
        community.prepare_search()
    return community


def absent(community: Community, count: int, seed: int = 1) -> Iterator[str]:
    """Ids of active members who are not here, in a shuffled order, up to `count` of them."""
    store = community.store
    members = [m for m in store.members.everyone() if m.active and community.visit_of(m.id) is None]
    random.Random(seed).shuffle(members)
    if not members and count:
        raise RuntimeError("every member is here; none is left to check in")
    return iter([m.id for m in members[:count]])


def on_board(community: Community, ids: Iterator[str]) -> Iterator[str]:
    """Those of `ids` whom the board shows."""
    return (i for i in ids if community.member(i).on_board)


def check_in_and_out(community: Community, member_id: str) -> dict[str, float]:
    """A member checks in, then out; each timed, fsync included."""
    started = time.perf_counter()
    community.check_in(member_id)
    checked_in = time.perf_counter()
    community.check_out(member_id)
    done = time.perf_counter()
    return {"in": checked_in - started, "out": done - checked_in, "both": done - started}


def todays_visits(community: Community, count: int, now: datetime) -> list[Visit]:
    """`count` finished visits of members, earlier today (UTC), spread over the day."""
    members = [m.id for m in community.store.members.everyone() if m.active]
    rng = random.Random(count)
    midnight = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    span = max((now - midnight).total_seconds() - 60, 1)
    visits = []
    for _ in range(count):
        since = midnight + timedelta(seconds=rng.uniform(0, span))
        until = min(since + timedelta(minutes=rng.randint(10, 240)), now)
        visits.append(
            Visit("v" + secrets.token_hex(6), rng.choice(members), since, "open", (), until)
        )
    return sorted(visits, key=lambda v: v.since)


def make_busy_day(community: Community, count: int = BUSY_DAY) -> list[dict[str, Any]]:
    """File `count` finished visits into today's history, in the batches check-outs file
    them in; returns their documents (for a baseline to hold the same day)."""
    visits = todays_visits(community, count, utc_now())
    for start in range(0, len(visits), FILE_AFTER):
        community.store.close_visits(visits[start : start + FILE_AFTER])
        community.file_visits()
    return [visit.to_doc() for visit in visits]


def make_present(community: Community, count: int) -> None:
    """Check members in or out until exactly `count` are here, then file those who left.

    Who is here is whom the community counts now: a visit left open on a day that is over
    (the data set was made on an earlier day, or midnight has passed) ended at its day's
    closing, though the data folder still lists it until the next change writes that.
    """
    here = iter([visit.member_id for visit in community.visits_now if not visit.guest])
    while community.here_count() > count:
        community.check_out(next(here))  # with their guests, if they brought any
    coming = absent(community, count - community.here_count(), seed=count)
    for member_id in coming:
        community.check_in(member_id)
    community.file_visits()
    if community.here_count() != count:
        raise RuntimeError(f"{community.here_count()} are here, not {count}")


def quiet_days(data: Path, first: date, last: date, per_day: int) -> int:
    """Leave at most `per_day` visits (the earliest) on each UTC day from `first` to
    `last`, so that two communities of different sizes hold the same days; how many
    visits those days now hold."""
    history = Store(data).history
    by_day: dict[str, list[str]] = {}
    for name in history.names(first, last):
        by_day.setdefault(name[:10], []).append(name)
    kept = 0
    for names in by_day.values():
        docs = [doc for name in names for doc in history.file(name).tables()["visits"].values()]
        earliest = sorted(docs, key=lambda doc: doc["since"])[:per_day]
        table = {str(number): doc for number, doc in enumerate(earliest, 1)}
        # The day's first file holds what is kept, the others nothing.
        history.write({name: {} for name in names[1:]} | {names[0]: table})
        kept += len(earliest)
    return kept
