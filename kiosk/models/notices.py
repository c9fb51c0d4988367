"""What the outbox keeps: the notices waiting to be sent, and what it last told of each subject."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk.models.fields import (
    read_channel,
    read_count,
    read_id,
    read_moment,
    read_optional_moment,
    read_reference,
    read_text,
)


@dataclass(slots=True, frozen=True)
class Notice:
    """A message waiting in the outbox to be sent to one receiver."""

    id: str
    """Unique, and the idempotency key of services that take one."""
    receiver: str
    """Where it goes: an Apprise URL."""
    title: str
    body: str
    queued: datetime
    expires: datetime | None = None
    """When its moment passes: it is dropped rather than sent after that."""
    tries: int = 0
    """Sending attempts that failed so far."""
    last_error: str = ""
    """Why the last attempt failed, as the service said it."""
    next_try: datetime | None = None
    """Not tried again before this (the back-off after a failure); None: at once."""
    shoutout: str | None = None
    """The shout-out it posts, if any: not sent once public screens no longer show it."""

    def to_doc(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "id": self.id,
            "receiver": self.receiver,
            "title": self.title,
            "body": self.body,
            "queued": self.queued.isoformat(),
            "expires": None if self.expires is None else self.expires.isoformat(),
            "tries": self.tries,
            "last_error": self.last_error,
            "next_try": None if self.next_try is None else self.next_try.isoformat(),
        }
        if self.shoutout is not None:
            doc["shoutout"] = self.shoutout
        return doc

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Notice:
        return cls(
            id=read_id(doc),
            receiver=read_channel(doc, "receiver"),
            title=read_text(doc, "title", NOTICE_TITLE_LIMIT),
            body=read_text(doc, "body", NOTICE_BODY_LIMIT),
            queued=read_moment(doc["queued"], "queued"),
            expires=read_optional_moment(doc, "expires"),
            tries=read_count(doc, "tries"),
            last_error=read_text(doc, "last_error", NOTICE_ERROR_LIMIT, required=False),
            next_try=read_optional_moment(doc, "next_try"),
            shoutout=read_reference(doc, "shoutout"),
        )


@dataclass(slots=True, frozen=True)
class Told:
    """What the outbox last told about one subject (the space being open, today's
    digest), so that each piece of news is queued once, whichever process sees it first."""

    subject: str
    """Like "open", or "digest 2026-12-07"."""
    state: str
    """What was told, like "yes"; news of the subject goes out again only when it changes."""
    at: datetime
    """When it was told; the outbox forgets what it told long ago."""

    def to_doc(self) -> dict[str, Any]:
        return {"subject": self.subject, "state": self.state, "at": self.at.isoformat()}

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Told:
        return cls(
            subject=read_text(doc, "subject", TOLD_LIMIT),
            state=read_text(doc, "state", TOLD_LIMIT),
            at=read_moment(doc["at"], "at"),
        )


TOLD_LIMIT = 100
NOTICE_TITLE_LIMIT = 200
NOTICE_BODY_LIMIT = 2000
NOTICE_ERROR_LIMIT = 500
