"""The things the kiosk keeps: members, visits and shout-outs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Literal, get_args

Status = Literal["open", "heads-down"]
STATUSES: tuple[Status, ...] = get_args(Status)
STATUS_LABELS: dict[Status, str] = {"open": "open to chat", "heads-down": "heads-down"}


def history_day(since: datetime) -> date:
    """The day a visit is filed under in the history: the UTC day it began."""
    return since.astimezone(UTC).date()


# Reading a stored document: a missing or mistyped field raises KeyError, TypeError or
# ValueError, which the store reports as a damaged file.


def _text(doc: dict[str, Any], key: str) -> str:
    value = doc[key]
    if not isinstance(value, str):
        raise TypeError(f"{key} should be text, not {value!r}")
    return value


def _texts(doc: dict[str, Any], key: str) -> tuple[str, ...]:
    values = doc.get(key, [])
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise TypeError(f"{key} should be a list of texts, not {values!r}")
    return tuple(values)


def _moment(value: Any) -> datetime:
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(f"the time {value!r} has no UTC offset")
    return moment


def _status(value: Any) -> Status:
    if value not in STATUSES:
        raise ValueError(f"the status {value!r} is unknown")
    return value


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
            id=_text(doc, "id"),
            name=_text(doc, "name"),
            joined=_moment(doc["joined"]),
            topics=_texts(doc, "topics"),
            on_board=bool(doc.get("on_board", True)),
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
    def history_day(self) -> date:
        return history_day(self.since)

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
        until = doc.get("until")
        return cls(
            id=_text(doc, "id"),
            member_id=_text(doc, "member"),
            since=_moment(doc["since"]),
            until=None if until is None else _moment(until),
            status=_status(doc.get("status", "open")),
            topics=_texts(doc, "topics"),
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
        to = doc.get("to")
        return cls(
            id=_text(doc, "id"),
            from_id=_text(doc, "from"),
            to_id=None if to is None else _text(doc, "to"),
            text=_text(doc, "text"),
            created=_moment(doc["created"]),
        )


@dataclass(slots=True, frozen=True)
class Presence:
    """A member who is here now, with the visit that brought them."""

    member: Member
    visit: Visit
