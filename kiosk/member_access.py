"""Members' personal PINs at the kiosk, and the wait that wrong ones earn.

A member's profile opens with their personal PIN. One person at a time stands at the
kiosk, so the wait belongs to the kiosk, not to one member: someone guessing from name to
name waits as long as someone guessing one name, and opening one's own profile with the
right PIN does not wipe out the wrong tries made for others. The waits follow the host
PIN's (`kiosk.access.wait_after`): two wrong PINs are free, then 2, 4, 8 ... seconds up to
a minute; wrong tries an hour old, with none since, are forgotten.

The wait is kept in memory only. Quitting the kiosk takes the host PIN, and restarting
the machine takes longer than the longest wait, so a file would add nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timedelta

from kiosk.access import Verdict, WrongTries

Clock = Callable[[], datetime]
PinCheck = Callable[[str, str], bool]
"""Whether a PIN (second) is the personal PIN of a member (first, by id)."""


class MemberAccess:
    """Checks members' personal PINs one at a time, each try waiting as long as the wrong
    ones before it earn."""

    def __init__(self, opens: PinCheck, clock: Clock) -> None:
        self.opens = opens
        self.clock = clock
        self._lock = threading.Lock()
        self._wrong = WrongTries()

    def wait(self) -> timedelta:
        """How long until the next PIN may be tried; zero when it may be tried now."""
        with self._lock:
            now = self.clock()
            self._wrong = self._wrong.as_of(now)
            return self._wrong.wait_at(now)

    def try_pin(self, member_id: str, pin: str) -> Verdict:
        """Check `pin` for the member, unless the wait is not over; count it if wrong."""
        with self._lock:
            now = self.clock()
            self._wrong = self._wrong.as_of(now)
            if (wait := self._wrong.wait_at(now)) > timedelta(0):
                return Verdict("too soon", wait)
            if self.opens(member_id, pin):
                return Verdict("right")
            # The check took a moment on purpose; the wait counts from its end.
            self._wrong = WrongTries(self._wrong.count + 1, self.clock())
            return Verdict("wrong", self._wrong.wait_at(self.clock()))
