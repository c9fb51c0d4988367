"""The things the kiosk keeps: members, visits and shout-outs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, get_args

Status = Literal["open", "heads-down"]
STATUSES: tuple[Status, ...] = get_args(Status)
STATUS_LABELS: dict[Status, str] = {"open": "open to chat", "heads-down": "heads-down"}


def _time(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


@dataclass(slots=True, frozen=True)
class Member:
    id: str
    name: str
    joined: datetime
    topics: tuple[str, ...] = ()
    on_board: bool = True
    """The member agreed to be shown on the public who's-here board."""

    @property
    def first_name(self) -> str:
        return self.name.split()[0]

    def to_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "joined": self.joined.isoformat(),
            "topics": list(self.topics),
            "on_board": self.on_board,
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Member:
        return cls(
            id=doc["id"],
            name=doc["name"],
            joined=datetime.fromisoformat(doc["joined"]),
            topics=tuple(doc.get("topics", ())),
            on_board=doc.get("on_board", True),
        )


@dataclass(slots=True, frozen=True)
class Visit:
    id: str
    member_id: str
    since: datetime
    status: Status = "open"
    topics: tuple[str, ...] = ()
    until: datetime | None = None

    @property
    def open(self) -> bool:
        return self.until is None

    def to_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "member": self.member_id,
            "since": self.since.isoformat(),
            "until": None if self.until is None else self.until.isoformat(),
            "status": self.status,
            "topics": list(self.topics),
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Visit:
        return cls(
            id=doc["id"],
            member_id=doc["member"],
            since=datetime.fromisoformat(doc["since"]),
            until=_time(doc.get("until")),
            status=doc.get("status", "open"),
            topics=tuple(doc.get("topics", ())),
        )


@dataclass(slots=True, frozen=True)
class ShoutOut:
    id: str
    from_id: str
    text: str
    created: datetime
    to_id: str | None = None
    """None means the shout-out is to everyone."""

    def to_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "from": self.from_id,
            "to": self.to_id,
            "text": self.text,
            "created": self.created.isoformat(),
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> ShoutOut:
        return cls(
            id=doc["id"],
            from_id=doc["from"],
            to_id=doc.get("to"),
            text=doc["text"],
            created=datetime.fromisoformat(doc["created"]),
        )


@dataclass(slots=True, frozen=True)
class Presence:
    """A member who is here now, with the visit that brought them."""

    member: Member
    visit: Visit
