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

from kiosk.community.guests import GuestHere, shown_guests
from kiosk.community.milestones import Milestone, milestone_on_board
from kiosk.community.topics import public_topics, spelling
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
        guests=shown_guests(present),
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
