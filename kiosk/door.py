"""A badge at the door: it checks its member in, or out when they are already here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kiosk.models import Member, Visit

if TYPE_CHECKING:
    from kiosk.community import Community


@dataclass(frozen=True, slots=True)
class Passage:
    """A member who came in or went out with their badge, and the visit begun or ended."""

    member: Member
    visit: Visit

    @property
    def arrived(self) -> bool:
        """Checked in by this badge; otherwise checked out."""
        return self.visit.until is None


def pass_badge(community: Community, code: str) -> Passage | None:
    """Check in the active member whose badge has `code` (as a scanner typed it), with
    their usual status and topics, or check them out when they are here. None, and nothing
    changed, when no active member has that badge (unknown, replaced, or paused)."""
    member = community.by_badge(code)
    if member is None:
        return None
    if community.visit_of(member.id) is None:
        return Passage(member, community.check_in(member.id))
    return Passage(member, community.check_out(member.id))
