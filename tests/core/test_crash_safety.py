"""A process killed at any moment while it writes loses nothing it had confirmed.

Each trial forks a writer from this already-warm process (so a trial costs milliseconds,
not an interpreter start), lets it check members in and out, and kills it with SIGKILL
after a random delay: mid-write, mid-rename, between a check-out's two files, or while it
makes the daily backup. The writer logs each change only after the call returned, the
way the kiosk only says "checked in" then.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from pathlib import Path

from kiosk.community import Community
from kiosk.store import Store

TRIALS = 100
NAMES = ("Zoë Martin", "Björn Andersson", "Ngozi Okafor", "Hiroshi Tanaka", "Léa Fontaine")


def write_until_killed(root: Path, log: Path, seed: int) -> None:
    """Check members in and out, and leave shout-outs, logging what each call confirmed."""
    rng = random.Random(seed)
    community = Community(Store.open(root))
    members = community.members()
    confirmed = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    while True:
        member = rng.choice(members)
        if rng.random() < 0.2:
            shoutout = community.post_shoutout(member.id, None, "Thanks for the coffee!")
            line = f"shoutout {shoutout.id}"
        elif community.visit_of(member.id) is None:
            line = f"in {community.check_in(member.id).id}"
        else:
            line = f"out {community.check_out(member.id).id}"
        os.write(confirmed, f"{line}\n".encode())  # unbuffered: in the log once written


def test_kill_9_while_writing_never_loses_a_confirmed_change(tmp_path: Path) -> None:
    # Given a community with a few members, and a log of what writers confirmed
    root = tmp_path / "data"
    founders = Community(Store.open(root))
    for name in NAMES:
        founders.add_member(name)
    log = tmp_path / "confirmed.log"
    log.touch()
    rng = random.Random(20240611)
    fork = multiprocessing.get_context("fork")

    for trial in range(TRIALS):
        # When a writer is killed at a random moment
        writer = fork.Process(target=write_until_killed, args=(root, log, trial))
        writer.start()
        time.sleep(rng.uniform(0, 0.025))
        os.kill(writer.pid, signal.SIGKILL)
        writer.join()
        assert writer.exitcode == -signal.SIGKILL, f"trial {trial}: the writer failed by itself"

        # Then every data file still loads, and every confirmed change is there
        store = Store.open(root)
        assert store.problems() == [], f"trial {trial}"
        assert_confirmed_changes_kept(store, log.read_text().split("\n"), trial)

    # And the temporary files the killed writers left are cleared by `kiosk doctor`
    Store.open(root).remove_leftovers()
    assert not list(root.rglob("*.tmp"))


def assert_confirmed_changes_kept(store: Store, lines: list[str], trial: int) -> None:
    confirmed: dict[str, set[str]] = {"in": set(), "out": set(), "shoutout": set()}
    for line in filter(None, lines):
        kind, visit_id = line.split()
        confirmed[kind].add(visit_id)
    here = store.presence.docs("visits")
    past = [doc for day in store.history_days() for doc in store.history_file(day).docs("visits")]
    here_ids = {doc["id"] for doc in here}
    past_ids = [doc["id"] for doc in past]

    assert confirmed["out"] <= set(past_ids), f"trial {trial}: a confirmed check-out is lost"
    assert not confirmed["out"] & here_ids, f"trial {trial}: a member checked out is still here"
    assert confirmed["in"] <= here_ids | set(past_ids), f"trial {trial}: a check-in is lost"
    assert len(past_ids) == len(set(past_ids)), f"trial {trial}: a visit was filed twice"
    assert all(doc["until"] is None for doc in here), f"trial {trial}"
    assert all(doc["until"] is not None for doc in past), f"trial {trial}"
    members_here = [doc["member"] for doc in here]
    assert len(members_here) == len(set(members_here)), f"trial {trial}: two open visits"
    shoutout_ids = {doc["id"] for doc in store.shoutouts.docs("shoutouts")}
    assert confirmed["shoutout"] <= shoutout_ids, f"trial {trial}: a shout-out is lost"
