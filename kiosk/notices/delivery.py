"""Delivering the outbox: one process at a time sends what waits, with retries.

Each receiver gets its notices in the order they were queued: while its first notice
fails, the rest wait behind it, tried again after a back-off that grows with each
failure (`retry_after`). A notice is marked sent as soon as the service took it, before
the next is sent; a process stopped between the two (kill -9, a power cut) leaves it
waiting, and the next delivery sends it once more, so a receiver may get it twice but
never loses it. Two processes never send at once: the one that holds outbox.sending
sends, the other leaves it the work. Each notice sent, or tried and failed, is one line of
presence.journal; a notice that became stale while it waited (its moment passed, its
shout-out hidden) is dropped rather than sent.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from kiosk.background import start_command
from kiosk.config import Config
from kiosk.errors import StorageError
from kiosk.language import N_
from kiosk.models.notices import Notice
from kiosk.notices.outbox import Outbox, firsts
from kiosk.storage import staging
from kiosk.storage.files import FILE_MODE, explain
from kiosk.storage.store import Store

SENDING_LOCK = "outbox.sending"
"""Held by the one process delivering the outbox of a data folder."""
FIRST_RETRY = timedelta(seconds=10)
LAST_RETRY = timedelta(minutes=10)
"""The longest wait between two tries of a notice."""
LOOK_AGAIN = 2.0
"""Seconds at most between two looks at the outbox while waiting for a retry, so a
notice queued meanwhile (for a receiver that works) is not kept waiting behind it."""
STAY = timedelta(minutes=30)
"""How long one delivery process keeps trying before it leaves the rest to the next
(the kiosk starts one now and then while notices wait, and so does a new notice)."""

Send = Callable[[Notice], "str | None"]
"""Sends one notice: None when the service took it, else why it did not."""


def retry_after(tries: int) -> timedelta:
    """The wait before the next try of a notice that failed `tries` times: doubling
    from FIRST_RETRY, at most LAST_RETRY."""
    doubled: timedelta = FIRST_RETRY * 2 ** (tries - 1)
    return min(doubled, LAST_RETRY)


@dataclass(slots=True)
class Delivered:
    """What one delivery did."""

    sent: list[Notice] = field(default_factory=list)
    failed: list[Notice] = field(default_factory=list)
    """Each failed try, with its error, in order."""
    dropped: list[Notice] = field(default_factory=list)
    waiting: int = 0
    """Notices left waiting when it stopped."""


def deliver(
    store: Store,
    clock: Callable[[], datetime],
    send: Send,
    wait: Callable[[float], None],
    stay: timedelta = STAY,
) -> Delivered | None:
    """Send what waits in the outbox until it is empty or `stay` is over, waiting (by
    `wait`, in seconds) for the next retry in between; None when another process is
    delivering it already."""
    outbox = Outbox(store)
    done = Delivered()
    until = clock() + stay
    while True:
        with _sending(store.root) as ours:
            if not ours:
                return None
            _deliver_held(outbox, clock, send, wait, until, done)
        # A notice queued while this process was finishing found the lock taken and left
        # the work to it: look once more now that the lock is free.
        done.waiting = len(outbox.waiting())
        if not _due(outbox.waiting(), clock()) or clock() >= until:
            return done


def _deliver_held(
    outbox: Outbox,
    clock: Callable[[], datetime],
    send: Send,
    wait: Callable[[float], None],
    until: datetime,
    done: Delivered,
) -> None:
    while True:
        now = clock()
        done.dropped += outbox.drop_stale(now)
        waiting = outbox.waiting()
        if not waiting:
            return
        due = _due(waiting, now)
        for notice in due:
            error = send(notice)
            if error is None:
                outbox.sent(notice)
                done.sent.append(notice)
            else:
                later = clock() + retry_after(notice.tries + 1)
                done.failed.append(outbox.failed(notice, error, later))
        if due:
            continue
        soonest = min(n.next_try for n in firsts(waiting) if n.next_try is not None)
        if soonest > until:
            return
        wait(min((soonest - now).total_seconds(), LOOK_AGAIN))


def _due(waiting: list[Notice], now: datetime) -> list[Notice]:
    """The notices to send now: each receiver's first, unless it waits for a retry."""
    return [n for n in firsts(waiting) if n.next_try is None or n.next_try <= now]


@contextmanager
def _sending(root: Path) -> Iterator[bool]:
    """Hold the outbox's sending lock if no other process does; whether this one does."""
    path = root / SENDING_LOCK
    try:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, FILE_MODE)
    except OSError as error:
        raise StorageError(explain(error, path, N_("Not sent"))) from error
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(descriptor)


def start_in_background(config: Config) -> None:
    """Deliver the outbox in a process of its own (`kiosk outbox --deliver`), so nobody
    at the door waits for the network; none when one is under way already, as it looks
    at the outbox again before it ends and every few seconds while it waits. Asked
    within a change to the data folder, it starts once the change is made: the notices
    it is to send are on disk by then."""
    staged = staging.current()
    if staged is not None:
        staged.once_made.append(lambda: start_in_background(config))
        return
    with _sending(config.data_dir) as free:
        pass
    if free:
        start_command(["outbox", "--deliver"], config.data_dir, config.source)
