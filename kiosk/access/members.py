"""Members' personal PINs at the kiosk, and the wait that wrong ones earn.

A member's profile opens with their personal PIN. One person at a time stands at the
kiosk, so the wait belongs to the kiosk, not to one member: someone guessing from name to
name waits as long as someone guessing one name, and opening one's own profile with the
right PIN does not wipe out the wrong tries made for others. The waits follow the host
PIN's (`kiosk.access.hosts.wait_after`): two wrong PINs are free, then 2, 4, 8 ... seconds up to
a minute; wrong tries an hour old, with none since, are forgotten.

The wait is kept in the data folder as `member-access.json`, as the host PIN's is
(`kiosk.access.hosts.PinGuard`): a kiosk in a browser is a new process at each reconnect, and
several kiosks may share the folder, and none of them may start the count afresh.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from kiosk.access.hosts import PinGuard, Verdict

ACCESS_FILE = "member-access.json"

Clock = Callable[[], datetime]
PinCheck = Callable[[str, str], bool]
"""Whether a PIN (second) is the personal PIN of a member (first, by id)."""


class MemberAccess:
    """Checks members' personal PINs one at a time, each try waiting as long as the wrong
    ones before it earn."""

    def __init__(self, folder: Path, opens: PinCheck, clock: Clock) -> None:
        self.opens = opens
        self.clock = clock
        self._guard = PinGuard(folder / ACCESS_FILE, clock, right_forgives=False)

    def wait(self) -> timedelta:
        """How long until the next PIN may be tried; zero when it may be tried now."""
        return self._guard.wait()

    def try_pin(self, member_id: str, pin: str) -> Verdict:
        """Check `pin` for the member, unless the wait is not over; count it if wrong."""
        return self._guard.try_pin(lambda: self.opens(member_id, pin))
