"""Topics across the community: one topic however it is spelled, suggestions as a member
types, and merging two topics into one.

Topics are compared by `text.topic_key`, so "Rust", "rust " and "RUST" are one topic; a
topic is shown in the spelling most members use.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from kiosk import text
from kiosk.language import N_
from kiosk.models import Member

TopicField = Literal["topics", "ask_me_about", "looking_for", "learning", "mentor"]
TOPIC_FIELDS: tuple[TopicField, ...] = get_args(TopicField)
"""The profile fields that hold lists of topics."""


def topics_in(member: Member, field: TopicField) -> tuple[str, ...]:
    """The topics `member` wrote in `field`."""
    topics: tuple[str, ...] = getattr(member, field)
    return topics


def public_topics(member: Member, field: TopicField) -> tuple[str, ...]:
    """The topics of `field` that public screens may show: none when the member keeps the
    field for hosts or is not on the board."""
    return topics_in(member, field) if member.shows(field) else ()


def spelling(spellings: Iterable[str]) -> str:
    """The spelling of one topic to show: the most used, the first in code-point order
    among equals, so the choice does not depend on who was read first."""
    counts = Counter(spellings)
    return min(counts, key=lambda written: (-counts[written], written))


# -- suggestions as a member types ---------------------------------------------------


@dataclass(slots=True, frozen=True)
class TopicUse:
    """A topic of the community and how many members use it."""

    key: str
    name: str
    """The spelling to show."""
    members: int


class TopicIndex:
    """The community's topics, most used first, ready for suggestions on every key.

    Only topics that public screens may show are counted: a topic written only in a field
    a member keeps for hosts is never suggested to someone else at the kiosk.
    """

    def __init__(self, uses: Iterable[TopicUse]) -> None:
        self.uses: tuple[TopicUse, ...] = tuple(
            sorted(uses, key=lambda use: (-use.members, use.key))
        )
        self._words = [use.key.replace("-", " ").split() for use in self.uses]

    @classmethod
    def of(cls, members: Iterable[Member]) -> TopicIndex:
        """Count each public topic once per active member, across all their topic fields."""
        spellings: dict[str, list[str]] = defaultdict(list)
        key_of: dict[str, str] = {}  # the same spellings recur across many members
        for member in members:
            if not member.active:
                continue
            keys: dict[str, str] = {}
            for field in TOPIC_FIELDS:
                for topic in public_topics(member, field):
                    if topic not in key_of:
                        key_of[topic] = text.topic_key(topic)
                    keys.setdefault(key_of[topic], topic)
            for key, topic in keys.items():
                spellings[key].append(topic)
        return cls(
            TopicUse(key, spelling(written), len(written)) for key, written in spellings.items()
        )

    def __len__(self) -> int:
        return len(self.uses)

    def suggest(self, typed: str, limit: int = 5, chosen: Iterable[str] = ()) -> list[str]:
        """Topics for what was typed so far: those that start with it, then those with a
        later word that starts with it, then those that contain it; the most used first
        within each. Topics in `chosen` (any spelling) are left out."""
        wanted = text.topic_key(typed)
        if not wanted or limit < 1:
            return []
        left_out = {text.topic_key(topic) for topic in chosen}
        stages: tuple[list[str], list[str], list[str]] = ([], [], [])
        for use, words in zip(self.uses, self._words, strict=True):
            if use.key in left_out:
                continue
            if use.key.startswith(wanted):
                stages[0].append(use.name)
            elif any(word.startswith(wanted) for word in words[1:]):
                stages[1].append(use.name)
            elif wanted in use.key:
                stages[2].append(use.name)
            if len(stages[0]) == limit:
                break  # the first stage alone fills the list
        return [*stages[0], *stages[1], *stages[2]][:limit]


# -- merging two topics ---------------------------------------------------------------


def merged(topics: Sequence[str], old: str, new: str) -> tuple[str, ...]:
    """`topics` with `old` and `new` made one: the first of them, in any spelling, becomes
    `new` as written, and later ones are dropped; the rest keep their order."""
    keys = {text.topic_key(old), text.topic_key(new)}
    result: list[str] = []
    placed = False
    for topic in topics:
        if text.topic_key(topic) not in keys:
            result.append(topic)
        elif not placed:
            result.append(new)
            placed = True
    return tuple(result)


def plan_merge(members: Iterable[Member], old: str, new: str) -> list[Member]:
    """The members whose topics change when `old` is merged into `new`, as they will be.

    Every topic field is merged, so after the merge each member who had either topic, in
    any spelling, has exactly `new` where they first had one of the two. Members with
    neither are left out of the list; nothing is written here.
    """
    old_topic = text.required(old, N_("the topic to merge"), text.TOPIC_LIMIT)
    new_topic = text.required(new, N_("the topic to merge it into"), text.TOPIC_LIMIT)
    changed: list[Member] = []
    for member in members:
        after = dataclasses.replace(
            member,
            topics=merged(member.topics, old_topic, new_topic),
            ask_me_about=merged(member.ask_me_about, old_topic, new_topic),
            looking_for=merged(member.looking_for, old_topic, new_topic),
            learning=merged(member.learning, old_topic, new_topic),
            mentor=merged(member.mentor, old_topic, new_topic),
        )
        if after != member:
            changed.append(after)
    return changed
