"""Members' acceptances of the house's agreements."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk import text
from kiosk.models.fields import read_id, read_moment, read_text


@dataclass(slots=True, frozen=True)
class Acceptance:
    """A member's acceptance of one version of one of the house's agreements."""

    member_id: str
    agreement: str
    """The agreement's title, as the config names it."""
    version: str
    accepted: datetime

    def to_doc(self) -> dict[str, Any]:
        return {
            "member": self.member_id,
            "agreement": self.agreement,
            "version": self.version,
            "accepted": self.accepted.isoformat(),
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Acceptance:
        return cls(
            member_id=read_id(doc, "member"),
            agreement=read_text(doc, "agreement", text.AGREEMENT_TITLE_LIMIT),
            version=read_text(doc, "version", text.AGREEMENT_TITLE_LIMIT),
            accepted=read_moment(doc["accepted"], "accepted"),
        )
