"""The things the kiosk keeps, a module of this package for each kind of thing, so that a
command loads only the records it uses. Here, those every command uses: members and their
profiles, visits, and who is here; beside them, what members say to each other
(`conversation`), guests invited ahead (`invitations`), the community's events
(`events`), the outbox's notices (`notices`), tool inductions (`inductions`) and the
acceptances of the house's agreements (`agreements`), each read with the strict readers
of `fields`.

Every record is read strictly: a missing field or a value of the wrong type is damage
(`from_doc` raises KeyError, TypeError or ValueError, which the store reports), and every
text is cleaned as typed text is, so a hand edit or another program cannot put a control
character or an invisible mark in front of a member. A choice of who sees what (a visit's
status, a member's `on_board` and `hosts_only`) is always written, and never read as its
public default when it is missing: that is damage too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Literal, get_args

from kiosk import text
from kiosk.language import LANGUAGES, N_
from kiosk.models.fields import (
    json_kind,
    read_channel,
    read_count,
    read_flag,
    read_id,
    read_moment,
    read_optional_moment,
    read_text,
    read_topics,
)

Status = Literal["open", "heads-down", "incognito"]
STATUSES: tuple[Status, ...] = get_args(Status)
# The labels are marked for translation, and translated where they are shown.
STATUS_LABELS: dict[Status, str] = {
    "open": N_("open to chat"),
    "heads-down": N_("heads-down"),
    "incognito": N_("incognito"),
}
"""What each status is called, marked for the catalogs: shown through `gettext`."""
PUBLIC_STATUSES: tuple[Status, ...] = ("open", "heads-down")
"""Statuses shown on public screens; an incognito member is only counted, for hosts."""

Shown = Literal["by name", "as a guest", "counted", "not at all"]
"""How public screens show someone here (`Presence.shown`)."""

ProfileField = Literal[
    "pronouns", "intro", "topics", "ask_me_about", "looking_for", "learning", "mentor"
]
PROFILE_FIELDS: tuple[ProfileField, ...] = get_args(ProfileField)
PROFILE_LABELS: dict[ProfileField, str] = {
    "pronouns": N_("pronouns"),
    "intro": N_("about me"),
    "topics": N_("open to chatting about"),
    "ask_me_about": N_("ask me about"),
    "looking_for": N_("could use a hand with"),
    "learning": N_("learning"),
    "mentor": N_("happy to mentor in"),
}


def history_day(since: datetime) -> date:
    """The day a visit is filed under in the history: the UTC day it began."""
    return since.astimezone(UTC).date()


def _status(doc: dict[str, Any]) -> Status:
    value = doc["status"]
    if value not in STATUSES:
        raise ValueError(f"status should be {', '.join(STATUSES[:-1])} or {STATUSES[-1]}")
    return value  # type: ignore[no-any-return]


def _language(doc: dict[str, Any]) -> str:
    value = doc.get("language", "")
    if value != "" and value not in LANGUAGES:
        raise ValueError(f"language should be one of {', '.join(LANGUAGES)}, or left out")
    return value  # type: ignore[no-any-return]


def _hosts_only(doc: dict[str, Any]) -> frozenset[ProfileField]:
    values = doc["hosts_only"]
    if type(values) is not list or not all(v in PROFILE_FIELDS for v in values):
        raise ValueError(f"hosts_only should list profile fields ({', '.join(PROFILE_FIELDS)})")
    return frozenset(values)


# -- records ------------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class Member:
    """A member: who they are, what they tell others in their own words, what they keep
    for hosts, and how they are found and shown."""

    id: str
    name: str
    joined: datetime
    topics: tuple[str, ...] = ()
    """Open to chatting about: the topics offered at each check-in."""
    on_board: bool = True
    """The member agreed to be shown on public screens (the board, the wall board)."""
    named_online: bool = False
    """The member agreed, besides, to be named while here in the space's status online
    (the SpaceAPI file); otherwise it only counts them."""
    pronouns: str = ""
    intro: str = ""
    """A one-line introduction in the member's own words."""
    ask_me_about: tuple[str, ...] = ()
    looking_for: tuple[str, ...] = ()
    """Could use a hand with."""
    learning: tuple[str, ...] = ()
    mentor: tuple[str, ...] = ()
    """Happy to mentor in."""
    hosts_only: frozenset[ProfileField] = frozenset()
    """Profile fields the member keeps for hosts; public screens never show them."""
    badge: str = ""
    """The code on the member's badge; empty until one is issued."""
    pin_hash: str = ""
    """A hash of the member's personal PIN, which opens their profile at the kiosk."""
    active: bool = True
    """False once a host deactivated the member: kept, but not found and not checked in."""
    visits: int = 0
    """Check-ins so far, for milestones."""
    last_visit: datetime | None = None
    """When the member last checked in, for what happened since."""
    notify: str = ""
    """The channel (an Apprise URL) the member is told on, as when their guest arrives;
    for hosts only, never shown in public or exported but in the member's own data."""
    keyholder: bool = False
    """Holds a key to the space: may open it, and is warned before leaving it without one."""
    language: str = ""
    """The language the member chose for their screens (see kiosk.language); empty for
    the kiosk's own."""

    @property
    def first_name(self) -> str:
        return self.name.split()[0]

    def shows(self, field: ProfileField) -> bool:
        """Whether public screens may show `field` of this member."""
        return self.on_board and field not in self.hosts_only

    def to_doc(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "joined": self.joined.isoformat(),
            "topics": list(self.topics),
            "on_board": self.on_board,
            "named_online": self.named_online,
            "pronouns": self.pronouns,
            "intro": self.intro,
            "ask_me_about": list(self.ask_me_about),
            "looking_for": list(self.looking_for),
            "learning": list(self.learning),
            "mentor": list(self.mentor),
            "hosts_only": sorted(self.hosts_only),
            "badge": self.badge,
            "pin": self.pin_hash,
            "active": self.active,
            "visits": self.visits,
            "last_visit": None if self.last_visit is None else self.last_visit.isoformat(),
        }
        if self.notify:
            doc["notify"] = self.notify
        if self.keyholder:
            doc["keyholder"] = True
        if self.language:
            doc["language"] = self.language
        return doc

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Member:
        badge = doc.get("badge", "")
        if type(badge) is not str or (badge and not text.is_id(badge)):
            raise ValueError("badge should be a badge code of letters and digits")
        pin = doc.get("pin", "")
        if type(pin) is not str:
            raise TypeError(f"pin should be text, not {json_kind(pin)}")
        return cls(
            id=read_id(doc),
            name=read_text(doc, "name", text.NAME_LIMIT),
            joined=read_moment(doc["joined"], "joined"),
            topics=read_topics(doc, "topics"),
            on_board=read_flag(doc, "on_board", None),
            named_online=read_flag(doc, "named_online", False),
            pronouns=read_text(doc, "pronouns", text.PRONOUNS_LIMIT, required=False),
            intro=read_text(doc, "intro", text.INTRO_LIMIT, required=False),
            ask_me_about=read_topics(doc, "ask_me_about"),
            looking_for=read_topics(doc, "looking_for"),
            learning=read_topics(doc, "learning"),
            mentor=read_topics(doc, "mentor"),
            hosts_only=_hosts_only(doc),
            badge=badge,
            pin_hash=pin,
            active=read_flag(doc, "active", True),
            visits=read_count(doc, "visits"),
            last_visit=read_optional_moment(doc, "last_visit"),
            notify=read_channel(doc, "notify", required=False),
            keyholder=read_flag(doc, "keyholder", False),
            language=_language(doc),
        )


@dataclass(slots=True, frozen=True)
class Visit:
    """One visit to the space: a member's (or a guest's they signed in), from check-in to
    check-out."""

    id: str
    member_id: str
    """The member who came; for a guest, the member who signed them in."""
    since: datetime
    status: Status = "open"
    topics: tuple[str, ...] = ()
    until: datetime | None = None
    automatic: bool = False
    """Checked out by the kiosk at closing time, not by the member."""
    guest: str = ""
    """A guest's name: this visit is the guest's, and `member_id` their host."""
    event: str = ""
    """The title of the event the member said they came for, if any."""

    @property
    def history_day(self) -> date:
        return history_day(self.since)

    @property
    def open(self) -> bool:
        return self.until is None

    @property
    def public(self) -> bool:
        """Whether public screens may show this visit at all."""
        return self.status != "incognito"

    def to_doc(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "id": self.id,
            "member": self.member_id,
            "since": self.since.isoformat(),
            "until": None if self.until is None else self.until.isoformat(),
            "status": self.status,
            "topics": list(self.topics),
        }
        if self.automatic:
            doc["automatic"] = True
        if self.guest:
            doc["guest"] = self.guest
        if self.event:
            doc["event"] = self.event
        return doc

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Visit:
        since = read_moment(doc["since"], "since")
        until = read_optional_moment(doc, "until")
        if until is not None and until < since:
            raise ValueError("the visit ends before it begins")
        member = doc["member"]
        # A visit of a member who deleted their data is kept as an anonymous count.
        if type(member) is not str or (member and not text.is_id(member)):
            raise ValueError("member should be an id of letters and digits")
        return cls(
            id=read_id(doc),
            member_id=member,
            since=since,
            until=until,
            status=_status(doc),
            topics=read_topics(doc, "topics"),
            automatic=read_flag(doc, "automatic", False),
            guest=read_text(doc, "guest", text.NAME_LIMIT, required=False),
            event=read_text(doc, "event", text.EVENT_TITLE_LIMIT, required=False),
        )


@dataclass(slots=True, frozen=True)
class Presence:
    """Someone who is here now, with the visit that brought them."""

    member: Member
    visit: Visit

    @property
    def shown(self) -> Shown:
        """How public screens (home, the board, the wall board, the space's status online)
        show someone here, the one rule of README "Privacy: who sees what": a member here
        incognito not at all, counted for hosts only; a member off the board counted, never
        named; a guest apart from members, as the guest of the member who signed them in."""
        if not self.visit.public:
            return "not at all"
        if self.visit.guest:
            return "as a guest"
        return "by name" if self.member.on_board else "counted"
