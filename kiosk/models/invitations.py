"""Guests invited by a member for one day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from kiosk import text
from kiosk.models.fields import (
    json_kind,
    read_flag,
    read_id,
    read_moment,
    read_reference,
    read_text,
)


@dataclass(slots=True, frozen=True)
class Invitation:
    """A guest invited by a member for one day, let in by scanning its code that day."""

    code: str
    """An invitation code (kiosk.badges.codes), never a badge's."""
    guest: str
    member_id: str
    """The member who invited them: the guest is theirs."""
    day: date
    """The one day it lets the guest in, in the kiosk's time zone."""
    made: datetime
    cancelled: bool = False
    visit_id: str | None = None
    """The guest's visit, once the invitation let them in: it works once."""

    def to_doc(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "guest": self.guest,
            "member": self.member_id,
            "day": self.day.isoformat(),
            "made": self.made.isoformat(),
            "cancelled": self.cancelled,
            "visit": self.visit_id,
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Invitation:
        day = doc["day"]
        if type(day) is not str:
            raise TypeError(f"day should be a day, not {json_kind(day)}")
        try:
            invited_for = date.fromisoformat(day)
        except ValueError:
            raise ValueError("day should be a day like 2026-11-26") from None
        return cls(
            # A code no scanner could give (a hand edit) is kept, and lets nobody in.
            code=read_id(doc, "code"),
            guest=read_text(doc, "guest", text.NAME_LIMIT),
            member_id=read_id(doc, "member"),
            day=invited_for,
            made=read_moment(doc["made"], "made"),
            cancelled=read_flag(doc, "cancelled", None),
            visit_id=read_reference(doc, "visit"),
        )
