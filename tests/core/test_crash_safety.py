"""A process killed at any moment while it writes loses nothing it had confirmed.

Each trial forks a writer from this already-warm process (so a trial costs milliseconds,
not an interpreter start), lets it check members in and out, leave shout-outs and file
finished visits into the history, and kills it with SIGKILL after a random delay:
mid-write, mid-rename, between the steps of a filing. The writer logs each change only
after the call returned, the way the kiosk only says "checked in" then, and notes when
it begins one, so the test can tell how many kills landed in the middle of a change.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from datetime import datetime
from pathlib import Path

from kiosk.community.community import Community
from kiosk.models import Visit
from kiosk.storage.store import Store
from tests.conftest import FakeClock

TRIALS = 100
NAMES = ("Zoë Martin", "Björn Andersson", "Ngozi Okafor", "Hiroshi Tanaka", "Léa Fontaine")


def write_until_killed(root: Path, log: Path, seed: int, clock: FakeClock) -> None:
    """Check members in and out, leave shout-outs and file visits, logging each change."""
    rng = random.Random(seed)

    def ticking() -> datetime:
        # Each change a moment after the last, as at a real door: a member's visits are
        # counted once each by when they began.
        return clock.advance(minutes=0.001)

    community = Community(Store.open(root), ticking)
    members = community.members()
    confirmed = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT)

    def note(line: str) -> None:
        os.write(confirmed, f"{line}\n".encode())  # unbuffered: in the log once written

    while True:
        member = rng.choice(members)
        chance = rng.random()
        note("begin")
        if chance < 0.15:
            line = f"shoutout {community.post_shoutout(member.id, None, 'Thanks!').id}"
        elif chance < 0.25:
            line = f"filed {community.file_visits()}"
        elif community.visit_of(member.id) is None:
            line = f"in {community.check_in(member.id).id}"
        else:
            line = f"out {community.check_out(member.id).id}"
        note(line)


def test_kill_9_while_writing_never_loses_a_confirmed_change(
    tmp_path: Path, clock: FakeClock
) -> None:
    # Given a community with a few members, and a log of what writers confirmed
    root = tmp_path / "data"
    founders = Community(Store.open(root), clock)
    for name in NAMES:
        founders.add_member(name)
    log = tmp_path / "confirmed.log"
    log.touch()
    rng = random.Random(20240611)
    fork = multiprocessing.get_context("fork")
    mid_change = 0

    for trial in range(TRIALS):
        # When a writer is killed at a random moment (each an hour after the last)
        clock.advance(hours=1)
        writer = fork.Process(target=write_until_killed, args=(root, log, trial, clock))
        writer.start()
        time.sleep(rng.uniform(0, 0.04))
        writer.kill()
        writer.join()
        assert writer.exitcode == -signal.SIGKILL, f"trial {trial}: the writer failed by itself"
        lines = log.read_text().split("\n")
        if lines[-2:] == ["begin", ""]:
            mid_change += 1

        # Then every data file still loads, and every confirmed change is there
        store = Store.open(root)
        assert store.problems() == [], f"trial {trial}"
        assert_confirmed_changes_kept(store, lines, trial, clock)

    # And most kills landed in the middle of a change, so the trials tried what they meant to
    assert mid_change >= TRIALS // 2, f"only {mid_change} of {TRIALS} kills came mid-change"

    # And the temporary files the killed writers left are cleared by `kiosk doctor`
    Store.open(root).remove_leftovers()
    assert not list(root.rglob("*.tmp"))


def assert_confirmed_changes_kept(
    store: Store, lines: list[str], trial: int, clock: FakeClock
) -> None:
    confirmed: dict[str, set[str]] = {"in": set(), "out": set(), "shoutout": set()}
    for line in lines:
        kind, _, value = line.partition(" ")
        if kind in confirmed:
            confirmed[kind].add(value)
    here = store.open_visits()
    here_ids = {visit.id for visit in here}
    filed = [visit.id for visit in filed_visits(store)]
    waiting = [visit.id for visit in store.unfiled_visits()]
    finished = set(filed) | set(waiting)

    assert confirmed["out"] <= finished, f"trial {trial}: a confirmed check-out is lost"
    assert not confirmed["out"] & here_ids, f"trial {trial}: a member checked out is still here"
    assert confirmed["in"] <= here_ids | finished, f"trial {trial}: a check-in is lost"
    assert len(filed) == len(set(filed)), f"trial {trial}: a visit was filed twice"
    assert all(visit.until is None for visit in here), f"trial {trial}"
    members_here = [visit.member_id for visit in here]
    assert len(members_here) == len(set(members_here)), f"trial {trial}: two open visits"
    shoutout_ids = {shoutout.id for shoutout in store.shoutouts()}
    assert confirmed["shoutout"] <= shoutout_ids, f"trial {trial}: a shout-out is lost"
    # And once a filing cut short is finished, each member's count of visits is exactly
    # what the history holds
    Community(store, clock).file_visits()
    counts: dict[str, int] = {}
    for visit in filed_visits(store):
        counts[visit.member_id] = counts.get(visit.member_id, 0) + 1
    for member in store.members.everyone():
        assert member.visits == counts.get(member.id, 0), f"trial {trial}: {member.name}"


def filed_visits(store: Store) -> list[Visit]:
    return [
        visit
        for name in store.history.names()
        for visit in store.history.file(name).records("visits", Visit.from_doc)
    ]
