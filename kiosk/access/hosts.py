"""The host's way out of the kiosk: the PIN, and the wait that wrong PINs earn.

The wait belongs to the kiosk, not to one PIN prompt: closing the prompt, restarting the
kiosk or trying from a second kiosk process does not end it. It is kept in the data
folder as `host-access.json`, read and written under the data folder's lock at every try:

    {"wrong_tries": 4, "last_wrong_try": "2026-11-26T09:00:00+00:00"}

`wrong_tries` counts wrong PINs since the last right one; `last_wrong_try` is when the
latest was typed (UTC), or null. A file that cannot be read or makes no sense earns the
longest wait, never none. A wrong try an hour old is forgotten, so a host is not made to
wait for a passer-by's guesses of last week.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Literal

from kiosk import text
from kiosk.access.pin import pin_matches
from kiosk.config import Config
from kiosk.errors import DataError, StorageError
from kiosk.language import N_
from kiosk.storage.files import FolderLock, read_regular, signature, write_atomically
from kiosk.storage.layout import LOCK_FILE
from kiosk.storage.store import Store

Clock = Callable[[], datetime]

ACCESS_FILE = "host-access.json"
FREE_TRIES = 3
"""Wrong PINs in a row before the next try has to wait."""
LONGEST_WAIT = timedelta(seconds=60)
FORGET_AFTER = timedelta(hours=1)
"""Wrong tries this old, with none since, no longer count."""
_STRICTEST = FREE_TRIES + 5
"""Enough wrong tries for the longest wait."""
_NO_WAIT = timedelta(0)

DEMO_PIN = "1234"
"""The host PIN of the example config, published in the README."""
DEMO_PIN_WARNING = N_(
    "The host PIN is still the demo PIN 1234, which anyone can look up. Make your own "
    "with `kiosk hash-pin` and put it in the config as host_pin_hash."
)


def wait_after(wrong_tries: int) -> timedelta:
    """How long the next try waits after `wrong_tries` wrong PINs in a row: nothing
    for the first two, then 2, 4, 8, 16, 32 seconds, then a minute each time."""
    if wrong_tries < FREE_TRIES:
        return _NO_WAIT
    doubling = min(wrong_tries - FREE_TRIES + 1, 6)
    return min(timedelta(seconds=2**doubling), LONGEST_WAIT)


@dataclass(frozen=True, slots=True)
class WrongTries:
    """Wrong PINs since the last right one, and when the latest was typed."""

    count: int = 0
    last: datetime | None = None

    def wait_at(self, now: datetime) -> timedelta:
        """How long, from `now`, until the next PIN may be tried."""
        if self.last is None:
            return _NO_WAIT
        return max(self.last + wait_after(self.count) - now, _NO_WAIT)

    def as_of(self, now: datetime) -> WrongTries:
        """These tries as they count at `now`: forgotten when old, and never later than
        now (after the clock was set back, the wait counts from now)."""
        if self.last is None or now - self.last >= FORGET_AFTER:
            return WrongTries()
        return WrongTries(self.count, min(self.last, now))


@dataclass(frozen=True, slots=True)
class Verdict:
    """What became of one try: the right PIN, a wrong one, or one typed too soon (not
    checked at all); `wait` is how long until the next try may be made."""

    outcome: Literal["right", "wrong", "too soon"]
    wait: timedelta = _NO_WAIT


class PinGuard:
    """Checks PINs one at a time, each try waiting as long as the wrong ones before it
    earn, for every kiosk process on the data folder together.

    The wrong tries are read from `path` and written back under the data folder's lock
    at every try, so eight kiosks (or eight browsers, each a process) wait as one does.
    When the folder cannot be locked or written (a full or read-only disk), the tries
    this process saw still count, in memory, and `problem` says why.
    """

    def __init__(self, path: Path, clock: Clock, right_forgives: bool) -> None:
        self.path = path
        self.clock = clock
        self.right_forgives = right_forgives
        """Whether the right PIN starts the count afresh (the one host PIN), or not (many
        members' PINs: knowing one's own must not wipe out guesses at others')."""
        self._folder_lock = FolderLock(path.parent / LOCK_FILE)
        self._lock = threading.Lock()
        self._tries = WrongTries()
        """The tries as this process last knew them."""
        self.problem: str | None = None
        """Why the wait could not be kept in the data folder, when it could not."""

    def wait(self) -> timedelta:
        """How long until the next PIN may be tried; zero when it may be tried now."""
        with self._held():
            now = self.clock()
            return self._current(now).wait_at(now)

    def try_pin(self, right: Callable[[], bool]) -> Verdict:
        """Try a PIN (`right` checks it), unless it comes before the wait is over; count
        it if wrong."""
        with self._held():
            now = self.clock()
            tries = self._current(now)
            wait = tries.wait_at(now)
            if wait > _NO_WAIT:
                return Verdict("too soon", wait)
            if right():
                if self.right_forgives and tries != WrongTries():
                    self._keep(WrongTries())
                return Verdict("right")
            # The check took a moment on purpose; the wait counts from its end.
            now = self.clock()
            tries = WrongTries(tries.count + 1, now)
            self._keep(tries)
            return Verdict("wrong", tries.wait_at(now))

    @contextmanager
    def _held(self) -> Iterator[None]:
        with self._lock, ExitStack() as stack:
            try:
                stack.enter_context(self._folder_lock.held())
            except StorageError as error:
                self.problem = str(error)
            yield

    def _current(self, now: datetime) -> WrongTries:
        kept = self._read(now)
        if self.problem is not None and self._tries.count > kept.count:
            kept = self._tries  # the file missed the latest tries: they count all the same
        current = kept.as_of(now)
        if current != kept:
            self._keep(current)  # forgotten, or the clock was set back: from now on
        self._tries = current
        return current

    def _read(self, now: datetime) -> WrongTries:
        try:
            return read_wrong_tries(self.path)
        except DataError:
            # Someone may have damaged it to get rid of the wait: the longest wait, from
            # now, and the file is made whole again.
            return self._mended(now)

    def mend(self, now: datetime) -> None:
        """Keep the longest wait, from `now`, in place of a file that cannot be read."""
        with self._held():
            self._mended(now)

    def _mended(self, now: datetime) -> WrongTries:
        strictest = WrongTries(_STRICTEST, now)
        self._keep(strictest)
        return strictest

    def _keep(self, tries: WrongTries) -> None:
        self._tries = tries
        last = None if tries.last is None else tries.last.isoformat()
        payload = json.dumps({"wrong_tries": tries.count, "last_wrong_try": last})
        try:
            write_atomically(self.path, payload.encode() + b"\n")
        except StorageError as error:
            # A full or read-only disk: the wait still holds, in memory, until a restart.
            self.problem = str(error)
        else:
            self.problem = None


class HostAccess:
    """Checks the host PIN, making each try wait as long as the wrong ones before it earn
    (kept in `host-access.json`, see `PinGuard`)."""

    def __init__(self, folder: Path, pin_hash: str, clock: Clock) -> None:
        self.pin_hash = pin_hash
        self.clock = clock
        self._guard = PinGuard(folder / ACCESS_FILE, clock, right_forgives=True)

    @property
    def problem(self) -> str | None:
        """Why the wait could not be kept in the data folder, when it could not."""
        return self._guard.problem

    def wait(self) -> timedelta:
        """How long until the next PIN may be tried; zero when it may be tried now."""
        return self._guard.wait()

    def try_pin(self, pin: str) -> Verdict:
        """Check `pin`, unless it comes before the wait is over; count it if wrong."""
        return self._guard.try_pin(lambda: pin_matches(pin, self.pin_hash))


def read_wrong_tries(path: Path) -> WrongTries:
    """The wrong tries kept in `path` (none when there is no file); DataError, saying
    what is wrong, when it cannot be read or makes no sense."""
    if signature(path) is None:
        return WrongTries()
    raw = read_regular(path)  # never waits on a FIFO planted in its place
    try:
        kept = json.loads(raw)
        count, last = kept["wrong_tries"], kept["last_wrong_try"]
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ValueError(f"wrong_tries is {count!r:.40}")
        when = None if last is None else datetime.fromisoformat(last)
        if when is not None and when.tzinfo is None:
            raise ValueError(f"last_wrong_try {last!r:.40} has no time zone")
    except (ValueError, KeyError, TypeError, RecursionError) as error:
        raise DataError(
            f"{path} is damaged: it does not say how many wrong PINs were typed "
            f"({text.shortened(str(error) or type(error).__name__, 80)}).",
            path,
        ) from None
    return WrongTries(count, when)


def uses_demo_pin(config: Config) -> bool:
    """Whether the host PIN is the published demo PIN while the data folder holds real
    data. Real is anything but the untouched demo: a folder with no members, members
    that cannot be read, or any member `kiosk demo` did not make (it alone makes the
    ids m00demo to m29demo; other ids are "m" and six hexadecimal digits)."""
    if not pin_matches(DEMO_PIN, config.host_pin_hash):
        return False
    try:
        ids = [member.id for member in Store(config.data_dir).members.everyone()]
    except (DataError, OSError):
        return True
    return not ids or not all(_DEMO_ID.fullmatch(i) for i in ids)


_DEMO_ID = re.compile("m[0-9][0-9]demo")
