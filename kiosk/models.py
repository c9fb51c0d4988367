"""The things the kiosk keeps: members and their profiles, visits, shout-outs, the
question of the week with its answers, guests' invitations, the notices waiting in the
outbox, and who is inducted on which tool.

Every record is read strictly: a missing field or a value of the wrong type is damage
(`from_doc` raises KeyError, TypeError or ValueError, which the store reports), and every
text is cleaned as typed text is, so a hand edit or another program cannot put a control
character or an invisible mark in front of a member. A choice of who sees what (a visit's
status, a member's `on_board` and `hosts_only`) is always written, and never read as its
public default when it is missing: that is damage too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal, get_args

from kiosk import text
from kiosk.errors import Refused
from kiosk.language import LANGUAGES, N_

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


# -- reading stored documents -------------------------------------------------------
# Each raises KeyError, TypeError or ValueError for a missing or wrong value; the store
# turns that into a report naming the file. The report says what kind of value is wrong,
# never the value: it goes to the host, and a record's values are a member's business.


def _kind(value: Any) -> str:
    """What kind of JSON value `value` is, for a report that must not quote it."""
    if value is None:
        return "null"
    if type(value) is bool:
        return "true or false"
    if type(value) in (int, float):
        return "a number"
    kinds: dict[type, str] = {str: "text", list: "a list", dict: "an object"}
    return kinds.get(type(value), "something else")


def _text(doc: dict[str, Any], key: str, limit: int, required: bool = True) -> str:
    value = doc[key] if required else doc.get(key, "")
    if value == "" and not required:
        return ""  # most optional fields are empty: read tens of thousands fast
    if type(value) is not str:
        raise TypeError(f"{key} should be text, not {_kind(value)}")
    cleaned = text.clean(value)
    if required and not cleaned:
        raise ValueError(f"{key} is blank")
    if len(cleaned) > limit:
        raise ValueError(f"{key} is {len(cleaned)} characters, more than {limit}")
    return cleaned


def _topics(doc: dict[str, Any], key: str) -> tuple[str, ...]:
    values = doc.get(key, [])
    if values == [] and type(values) is list:
        return ()
    if type(values) is not list:
        raise TypeError(f"{key} should be a list of texts, not {_kind(values)}")
    if not all(type(v) is str for v in values):
        raise TypeError(f"{key} should be a list of texts, not a list of other things")
    try:
        return text.topics(values)
    except Refused:
        raise ValueError(
            f"{key} holds more topics than {text.TOPICS_LIMIT}, or one longer than "
            f"{text.TOPIC_LIMIT} characters"
        ) from None


def _flag(doc: dict[str, Any], key: str, default: bool | None) -> bool:
    """A true-or-false field; without a `default`, one that must be there."""
    value = doc[key] if default is None else doc.get(key, default)
    if type(value) is not bool:
        raise TypeError(f"{key} should be true or false, not {_kind(value)}")
    return value


def _count(doc: dict[str, Any], key: str) -> int:
    value = doc.get(key, 0)
    if type(value) is not int or value < 0:
        raise TypeError(f"{key} should be a whole number from 0")
    return value


def _moment(value: Any, key: str) -> datetime:
    if type(value) is not str:
        raise TypeError(f"{key} should be a time, not {_kind(value)}")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{key} should be a time like 2026-11-26T09:00:00+00:00") from None
    if moment.tzinfo is None:
        raise ValueError(f"the time in {key} has no UTC offset")
    return moment


def _optional_moment(doc: dict[str, Any], key: str) -> datetime | None:
    value = doc.get(key)
    return None if value is None else _moment(value, key)


def _day(doc: dict[str, Any], key: str) -> date | None:
    """An optional day, like 2027-01-31."""
    value = doc.get(key)
    if value is None:
        return None
    if type(value) is not str:
        raise TypeError(f"{key} should be a day or null, not {_kind(value)}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{key} should be a day like 2027-01-31") from None


def _reference(doc: dict[str, Any], key: str) -> str | None:
    value = doc.get(key)
    if value is not None and (type(value) is not str or not value):
        raise TypeError(f"{key} should be an id or null, not {_kind(value)}")
    return value


def _id(doc: dict[str, Any], key: str = "id") -> str:
    value = doc[key]
    if type(value) is not str or not text.is_id(value):
        raise ValueError(f"{key} should be an id of letters and digits")
    return value


def _channel(doc: dict[str, Any], key: str, required: bool = True) -> str:
    value = doc[key] if required else doc.get(key, "")
    if value == "" and not required:
        return ""
    if type(value) is not str:
        raise TypeError(f"{key} should be text, not {_kind(value)}")
    try:
        return text.channel(value)
    except Refused:
        raise ValueError(f"{key} should be a notification channel (one URL)") from None


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
            raise TypeError(f"pin should be text, not {_kind(pin)}")
        return cls(
            id=_id(doc),
            name=_text(doc, "name", text.NAME_LIMIT),
            joined=_moment(doc["joined"], "joined"),
            topics=_topics(doc, "topics"),
            on_board=_flag(doc, "on_board", None),
            named_online=_flag(doc, "named_online", False),
            pronouns=_text(doc, "pronouns", text.PRONOUNS_LIMIT, required=False),
            intro=_text(doc, "intro", text.INTRO_LIMIT, required=False),
            ask_me_about=_topics(doc, "ask_me_about"),
            looking_for=_topics(doc, "looking_for"),
            learning=_topics(doc, "learning"),
            mentor=_topics(doc, "mentor"),
            hosts_only=_hosts_only(doc),
            badge=badge,
            pin_hash=pin,
            active=_flag(doc, "active", True),
            visits=_count(doc, "visits"),
            last_visit=_optional_moment(doc, "last_visit"),
            notify=_channel(doc, "notify", required=False),
            keyholder=_flag(doc, "keyholder", False),
            language=_language(doc),
        )


@dataclass(slots=True, frozen=True)
class Visit:
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
        since = _moment(doc["since"], "since")
        until = _optional_moment(doc, "until")
        if until is not None and until < since:
            raise ValueError("the visit ends before it begins")
        member = doc["member"]
        # A visit of a member who deleted their data is kept as an anonymous count.
        if type(member) is not str or (member and not text.is_id(member)):
            raise ValueError("member should be an id of letters and digits")
        return cls(
            id=_id(doc),
            member_id=member,
            since=since,
            until=until,
            status=_status(doc),
            topics=_topics(doc, "topics"),
            automatic=_flag(doc, "automatic", False),
            guest=_text(doc, "guest", text.NAME_LIMIT, required=False),
            event=_text(doc, "event", text.EVENT_TITLE_LIMIT, required=False),
        )


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
            id=_id(doc),
            from_id=_reference(doc, "from"),
            to_id=_reference(doc, "to"),
            text=_text(doc, "text", text.SHOUTOUT_LIMIT),
            created=_moment(doc["created"], "created"),
            hidden=_flag(doc, "hidden", False),
            quiet=_flag(doc, "quiet", False),
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
            id=_id(doc),
            text=_text(doc, "text", text.QUESTION_LIMIT),
            asked=_moment(doc["asked"], "asked"),
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
            question_id=_id(doc, "question"),
            member_id=_id(doc, "member"),
            text=_text(doc, "text", text.ANSWER_LIMIT),
            given=_moment(doc["given"], "given"),
            hidden=_flag(doc, "hidden", False),
            quiet=_flag(doc, "quiet", False),
        )


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
            member_id=_id(doc, "member"),
            tool=_text(doc, "tool", text.TOPIC_LIMIT),
            by_id=_id(doc, "by"),
            at=_moment(doc["at"], "at"),
            expires=_day(doc, "expires"),
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
        return cls(member_id=_id(doc, "member"), tool=_text(doc, "tool", text.TOPIC_LIMIT))


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
            raise TypeError(f"day should be a day, not {_kind(day)}")
        try:
            invited_for = date.fromisoformat(day)
        except ValueError:
            raise ValueError("day should be a day like 2026-11-26") from None
        return cls(
            # A code no scanner could give (a hand edit) is kept, and lets nobody in.
            code=_id(doc, "code"),
            guest=_text(doc, "guest", text.NAME_LIMIT),
            member_id=_id(doc, "member"),
            day=invited_for,
            made=_moment(doc["made"], "made"),
            cancelled=_flag(doc, "cancelled", None),
            visit_id=_reference(doc, "visit"),
        )


@dataclass(slots=True, frozen=True)
class HostedEvent:
    """An event hosts added at the kiosk or with `kiosk events add`, once or repeating."""

    id: str
    title: str
    starts: datetime
    """Its first beginning, in the kiosk's zone when it was added: a repeat keeps the
    wall-clock time across a change of the clocks."""
    length: timedelta
    made: datetime
    all_day: bool = False
    """It fills whole days from the day of `starts`, `length` being whole days."""
    repeat: str = ""
    """An RRULE without its "RRULE:" prefix, like "FREQ=WEEKLY"; empty for once."""
    host_id: str = ""
    """The member hosting it, named on public screens only as the board would name them."""
    topic: str = ""
    closure: bool = False
    """The space is closed for its days, as for the closed days of the opening hours."""

    def to_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "starts": self.starts.isoformat(),
            "minutes": int(self.length.total_seconds()) // 60,
            "made": self.made.isoformat(),
            "all_day": self.all_day,
            "repeat": self.repeat,
            "host": self.host_id,
            "topic": self.topic,
            "closure": self.closure,
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> HostedEvent:
        minutes = doc["minutes"]
        if type(minutes) is not int or minutes <= 0:
            raise TypeError("minutes should be a whole number above 0")
        repeat = _text(doc, "repeat", text.REPEAT_LIMIT, required=False).removeprefix("RRULE:")
        if repeat:
            check_repeat(repeat)
        host = doc.get("host", "")
        if type(host) is not str or (host and not text.is_id(host)):
            raise ValueError("host should be a member id or empty")
        return cls(
            id=_id(doc),
            title=_text(doc, "title", text.EVENT_TITLE_LIMIT),
            starts=_moment(doc["starts"], "starts"),
            length=timedelta(minutes=minutes),
            made=_moment(doc["made"], "made"),
            all_day=_flag(doc, "all_day", False),
            repeat=repeat,
            host_id=host,
            topic=_text(doc, "topic", text.TOPIC_LIMIT, required=False),
            closure=_flag(doc, "closure", False),
        )


TOO_OFTEN = frozenset({"SECONDLY", "MINUTELY", "HOURLY"})
"""Repeats no community event has: expanding one would take the kiosk hours."""


def repeats_too_often(frequency: str) -> bool:
    """Whether an RRULE's FREQ repeats an event more often than daily."""
    return frequency.upper() in TOO_OFTEN


def check_repeat(rule: str) -> None:
    """Raise ValueError unless `rule` is a repeating rule python-dateutil reads, at most
    daily."""
    from dateutil.rrule import rrulestr  # late: only events repeat by rules

    try:
        rrulestr(f"RRULE:{rule}", dtstart=datetime(2000, 1, 1))
    except (ValueError, TypeError):
        raise ValueError("repeat should be a rule like FREQ=WEEKLY;BYDAY=FR") from None
    fields = dict(part.partition("=")[::2] for part in rule.split(";"))
    if repeats_too_often(fields.get("FREQ", "")):
        raise ValueError("repeat should be daily at the most")


@dataclass(slots=True, frozen=True)
class CachedFeed:
    """The last copy fetched of a calendar feed on the web, used while it cannot be reached."""

    source: str
    """The feed's web address, as the config names it."""
    fetched: datetime
    body: str
    """The feed's iCalendar text."""

    def to_doc(self) -> dict[str, Any]:
        return {"source": self.source, "fetched": self.fetched.isoformat(), "body": self.body}

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> CachedFeed:
        source, body = doc["source"], doc["body"]
        if type(source) is not str or type(body) is not str:
            raise TypeError("source and body should be text")
        return cls(source, _moment(doc["fetched"], "fetched"), body)


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
            id=_id(doc),
            receiver=_channel(doc, "receiver"),
            title=_text(doc, "title", NOTICE_TITLE_LIMIT),
            body=_text(doc, "body", NOTICE_BODY_LIMIT),
            queued=_moment(doc["queued"], "queued"),
            expires=_optional_moment(doc, "expires"),
            tries=_count(doc, "tries"),
            last_error=_text(doc, "last_error", NOTICE_ERROR_LIMIT, required=False),
            next_try=_optional_moment(doc, "next_try"),
            shoutout=_reference(doc, "shoutout"),
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
            subject=_text(doc, "subject", TOLD_LIMIT),
            state=_text(doc, "state", TOLD_LIMIT),
            at=_moment(doc["at"], "at"),
        )


TOLD_LIMIT = 100
NOTICE_TITLE_LIMIT = 200
NOTICE_BODY_LIMIT = 2000
NOTICE_ERROR_LIMIT = 500


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
            member_id=_id(doc, "member"),
            agreement=_text(doc, "agreement", text.AGREEMENT_TITLE_LIMIT),
            version=_text(doc, "version", text.AGREEMENT_TITLE_LIMIT),
            accepted=_moment(doc["accepted"], "accepted"),
        )
