"""What members say to each other: shout-outs, and the question of the week with its answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk import text
from kiosk.models.fields import read_flag, read_id, read_moment, read_reference, read_text


@dataclass(slots=True, frozen=True)
class ShoutOut:
    id: str
    from_id: str | None
    """None once the author deleted their data and chose to leave it, anonymous."""
    text: str
    created: datetime
    to_id: str | None = None
    """None means the shout-out is to everyone."""
    hidden: bool = False
    """Hidden by a host: on no public screen until restored."""
    quiet: bool = False
    """Written while its author was here unseen (incognito, or off the board): public
    screens show it once they have left, and give its day, never its time."""

    def to_doc(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "id": self.id,
            "from": self.from_id,
            "to": self.to_id,
            "text": self.text,
            "created": self.created.isoformat(),
        }
        if self.hidden:
            doc["hidden"] = True
        if self.quiet:
            doc["quiet"] = True
        return doc

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> ShoutOut:
        return cls(
            id=read_id(doc),
            from_id=read_reference(doc, "from"),
            to_id=read_reference(doc, "to"),
            text=read_text(doc, "text", text.SHOUTOUT_LIMIT),
            created=read_moment(doc["created"], "created"),
            hidden=read_flag(doc, "hidden", False),
            quiet=read_flag(doc, "quiet", False),
        )


@dataclass(slots=True, frozen=True)
class Question:
    """The question of the week, set by a host."""

    id: str
    text: str
    asked: datetime

    def to_doc(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "asked": self.asked.isoformat()}

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Question:
        return cls(
            id=read_id(doc),
            text=read_text(doc, "text", text.QUESTION_LIMIT),
            asked=read_moment(doc["asked"], "asked"),
        )


@dataclass(slots=True, frozen=True)
class Answer:
    """A member's one-line answer to the question of the week."""

    question_id: str
    member_id: str
    text: str
    given: datetime
    hidden: bool = False
    """Hidden by a host: on no board until restored."""
    quiet: bool = False
    """Given while the member was here unseen (incognito, or off the board): as a quiet
    shout-out (`ShoutOut.quiet`), shown once they have left, by its day alone."""

    def to_doc(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "question": self.question_id,
            "member": self.member_id,
            "text": self.text,
            "given": self.given.isoformat(),
        }
        if self.hidden:
            doc["hidden"] = True
        if self.quiet:
            doc["quiet"] = True
        return doc

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Answer:
        return cls(
            question_id=read_id(doc, "question"),
            member_id=read_id(doc, "member"),
            text=read_text(doc, "text", text.ANSWER_LIMIT),
            given=read_moment(doc["given"], "given"),
            hidden=read_flag(doc, "hidden", False),
            quiet=read_flag(doc, "quiet", False),
        )
