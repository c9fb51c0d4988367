"""What a member sees right after checking in, worked out by `Attendance.welcome`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.community.connections import Suggestion
    from kiosk.community.milestones import Milestone
    from kiosk.models.conversation import ShoutOut


@dataclass(slots=True, frozen=True)
class Welcome:
    """What a member sees right after checking in."""

    milestone: Milestone | None
    suggestions: list[Suggestion]
    """People here they might connect with, each with a reason."""
    shoutouts: list[ShoutOut]
    """Shout-outs to them since they last checked in (whose welcome showed the ones
    before), newest first."""

    @property
    def first_visit(self) -> bool:
        """This check-in is the member's first visit ever: said once, not all that day."""
        return self.milestone is not None and self.milestone.kind == "first-visit"
