"""A badge at the door: it checks its member in, or out when they are already here.

A member who did not hear the beep scans again. A second scan soon after the check-in
(within the door's window) therefore does not check them out: they are told when they
checked in and asked to scan once more if they mean to leave, and that next scan does.
The last keyholder to leave while others are here is told so first, and checks out with
the scan after. A member with one of the house's agreements to accept is not checked in
by their badge (`unagreed`): the kiosk shows it to them first.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from kiosk.language import ngettext
from kiosk.models import Member, Visit

if TYPE_CHECKING:
    from kiosk.community.community import Community
    from kiosk.safety.agreements import Agreement
    from kiosk.safety.house_agreements import HouseAgreements


@dataclass(frozen=True, slots=True)
class Unagreed:
    """A member whose badge would check them in, but who has agreements to accept first:
    nothing changed."""

    member: Member
    due: tuple[Agreement, ...]


@dataclass(frozen=True, slots=True)
class Passage:
    """A member who came in or went out with their badge, and the visit begun or ended;
    or, with `asked_again`, a member who stays in."""

    member: Member
    visit: Visit
    asked_again: timedelta | None = None
    """Set when nothing changed: the badge came this soon after the check-in of `visit`,
    and the member is asked to scan once more to check out."""
    left_without_keyholder: int = 0
    """Set when nothing changed: the member is the last keyholder here, this many people
    would stay without one, and the member is asked to scan once more to check out."""

    @property
    def arrived(self) -> bool:
        """Checked in by this badge."""
        return self.visit.until is None and self.asked_again is None and not self.staying

    @property
    def staying(self) -> bool:
        """Nothing changed: the member stays checked in until they scan once more."""
        return self.asked_again is not None or self.left_without_keyholder > 0


class Door:
    """Badges passing one kiosk's door, with the check-ins after which a member was asked
    to scan once more. Safe to call from several threads."""

    def __init__(self, community: Community, window: timedelta) -> None:
        self.community = community
        self.window = window
        """How soon after a check-in a second scan asks before checking out; zero never asks."""
        self._asked: dict[str, str] = {}
        """By member id, the last visit after whose check-in they were asked to scan once
        more to check out (one a member, so it never grows past the members)."""
        self._warned: dict[str, str] = {}
        """By member id, the last visit in which they were told they are the last keyholder."""
        self._lock = threading.Lock()

    def pass_badge(self, code: str) -> Passage | None:
        """Check in the active member whose badge has `code` (as a scanner typed it), with
        their usual status and topics; or check them out when they are here, unless they
        checked in within the window and were not asked yet (then nothing changes). None,
        and nothing changed, when no active member has that badge (unknown, replaced, or
        paused)."""
        community = self.community
        member = community.by_badge(code)
        if member is None:
            return None
        with self._lock:
            visit = community.visit_of(member.id)
            if visit is None:
                return Passage(member, community.check_in(member.id))
            ago = community.clock() - visit.since
            if ago < self.window and self._asked.get(member.id) != visit.id:
                self._asked[member.id] = visit.id
                return Passage(member, visit, asked_again=max(ago, timedelta(0)))
            staying = community.left_without_keyholder(member.id)
            if staying and self._warned.get(member.id) != visit.id:
                self._warned[member.id] = visit.id
                return Passage(member, visit, left_without_keyholder=staying)
            return Passage(member, community.check_out(member.id))


def unagreed(community: Community, agreements: HouseAgreements, code: str) -> Unagreed | None:
    """The member whose badge has `code` when it would check them in but they have
    agreements to accept first; None when the badge may pass (`Door.pass_badge`)."""
    member = community.by_badge(code)
    if member is None or community.visit_of(member.id) is not None:
        return None
    due = agreements.due(member.id)
    return Unagreed(member, due) if due else None


def last_keyholder(staying: int) -> str:
    """What the last keyholder to leave is told, with `staying` people still here."""
    return ngettext(
        "You are the last keyholder; {count} person is still here.",
        "You are the last keyholder; {count} people are still here.",
        staying,
    ).format(count=staying)
