"""Who is inducted on which tool or area, and who may induct others on it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from kiosk import text
from kiosk.models.fields import read_day, read_id, read_moment, read_text


@dataclass(slots=True, frozen=True)
class Induction:
    """A member inducted on a tool or area: by whom, when, and until when if it expires."""

    member_id: str
    tool: str
    """The tool or area as the host typed it; compared by `text.topic_key`."""
    by_id: str
    at: datetime
    expires: date | None = None
    """The last day the induction holds; None for one that does not expire."""

    def to_doc(self) -> dict[str, Any]:
        return {
            "member": self.member_id,
            "tool": self.tool,
            "by": self.by_id,
            "at": self.at.isoformat(),
            "expires": None if self.expires is None else self.expires.isoformat(),
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Induction:
        return cls(
            member_id=read_id(doc, "member"),
            tool=read_text(doc, "tool", text.TOPIC_LIMIT),
            by_id=read_id(doc, "by"),
            at=read_moment(doc["at"], "at"),
            expires=read_day(doc, "expires"),
        )


@dataclass(slots=True, frozen=True)
class Inductor:
    """A member who may induct others on a tool or area, and supervise its use."""

    member_id: str
    tool: str

    def to_doc(self) -> dict[str, Any]:
        return {"member": self.member_id, "tool": self.tool}

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Inductor:
        return cls(member_id=read_id(doc, "member"), tool=read_text(doc, "tool", text.TOPIC_LIMIT))
