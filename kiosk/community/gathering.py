"""Who is here, gathered by what they are open to chatting about: the plain data the board
shows ("climbing: Ana, Ben · Rust: Cy, Dee").

Only what public screens may show is here: a member who is incognito or not on the board
is left out entirely, a heads-down member is listed without topics, and a field a member
keeps for hosts is not used.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from kiosk.community.milestones import Milestone, milestone_on_board
from kiosk.community.topics import public_topics, spelling
from kiosk.language import _
from kiosk.models import Member, Presence, Visit
from kiosk.text import fold, topic_key


@dataclass(slots=True, frozen=True)
class Here:
    """A member as the board shows them."""

    member: Member
    visit: Visit
    milestone: Milestone | None
    """What to celebrate beside their name today: "new here, say hi", "10th visit"..."""

    @property
    def newcomer(self) -> bool:
        return self.milestone is not None and self.milestone.kind == "first-visit"


@dataclass(slots=True, frozen=True)
class InGroup:
    """A member in a topic group, marked when they are happy to mentor in the topic."""

    here: Here
    mentor: bool


@dataclass(slots=True, frozen=True)
class TopicGroup:
    topic: str
    """The topic as most of the group spell it."""
    people: tuple[InGroup, ...]
    """By name."""


@dataclass(slots=True, frozen=True)
class HandWanted:
    """An open request: a member here who could use a hand with these topics."""

    here: Here
    topics: tuple[str, ...]


@dataclass(slots=True, frozen=True)
class GuestHere:
    """A guest as public screens show them: never by their own name, but as the member
    who signed them in was told, "guest of Zoë"; "a guest" when naming that member would
    show someone who is not shown."""

    host: str | None
    """The first name of the member who signed them in, where it may be shown."""
    since: datetime
    visit_id: str

    @property
    def shown_as(self) -> str:
        """How public screens name the guest, in the language speaking."""
        return guest_of(self.host)


def guest_of(host: str | None) -> str:
    """A guest as public screens name them: "guest of Zoë", or "a guest" when their host,
    `host` (a first name), is not shown."""
    return _("guest of {host}").format(host=host) if host else _("a guest")


@dataclass(slots=True, frozen=True)
class Gathering:
    groups: tuple[TopicGroup, ...]
    """Largest first, then by topic; a member open to several topics is in each group."""
    without_topics: tuple[Here, ...]
    """Open to chat, with no topic shown today; by name."""
    heads_down: tuple[Here, ...]
    """Here but focused: listed without topics; by name."""
    hands_wanted: tuple[HandWanted, ...]
    """Members open to chat who could use a hand; by name."""
    guests: tuple[GuestHere, ...]
    """By who they are a guest of, then by arrival."""


def gather(present: Sequence[Presence], now: datetime, tz: tzinfo) -> Gathering:
    """Who is here, as the public board shows them at `now` (`tz`, the kiosk's one zone,
    decides the day of a milestone)."""
    shown = [presence for presence in present if presence.shown == "by name"]
    people = sorted(
        (Here(p.member, p.visit, milestone_on_board(p.member, p.visit, now, tz)) for p in shown),
        key=lambda here: _by_name(here.member),
    )
    open_to_chat = [here for here in people if here.visit.status == "open"]
    return Gathering(
        groups=_groups(open_to_chat),
        without_topics=tuple(here for here in open_to_chat if not _topics_today(here)),
        heads_down=tuple(here for here in people if here.visit.status == "heads-down"),
        hands_wanted=tuple(
            HandWanted(here, asked)
            for here in open_to_chat
            if (asked := public_topics(here.member, "looking_for"))
        ),
        guests=_guests(present, {here.member.id for here in people}),
    )


def _by_name(member: Member) -> tuple[str, str]:
    return (fold(member.name), member.id)


def _topics_today(here: Here) -> tuple[str, ...]:
    """Today's topics of a member open to chat, if they show their topics."""
    return here.visit.topics if here.member.shows("topics") else ()


def _groups(open_to_chat: list[Here]) -> tuple[TopicGroup, ...]:
    members: dict[str, list[Here]] = defaultdict(list)
    spellings: dict[str, list[str]] = defaultdict(list)
    for here in open_to_chat:  # already by name, so each group is too
        for topic in _topics_today(here):
            key = topic_key(topic)
            members[key].append(here)
            spellings[key].append(topic)
    groups = [
        TopicGroup(
            spelling(spellings[key]),
            tuple(InGroup(here, _mentors(here.member, key)) for here in people),
        )
        for key, people in members.items()
    ]
    return tuple(sorted(groups, key=lambda group: (-len(group.people), topic_key(group.topic))))


def _mentors(member: Member, key: str) -> bool:
    return any(topic_key(topic) == key for topic in public_topics(member, "mentor"))


def _guests(present: Sequence[Presence], shown_members: set[str]) -> tuple[GuestHere, ...]:
    """Guests not incognito; their host is named only when the host is shown too."""
    guests = (
        GuestHere(
            p.member.first_name if p.member.id in shown_members else None,
            p.visit.since,
            p.visit.id,
        )
        for p in present
        if p.shown == "as a guest"
    )
    return tuple(sorted(guests, key=lambda g: (fold(g.host or ""), g.since, g.visit_id)))
