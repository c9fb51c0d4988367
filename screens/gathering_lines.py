"""The board's conversation starters, as lines: who is here by topic ("climbing: Ana, Ben"),
who could use a hand, and this week's answers. Made only of what `Gathering` and the
shown answers hold, which is only what public screens may show."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from textual.content import Content

from kiosk.answers import ShownAnswer
from kiosk.gathering import Gathering, Here, InGroup
from kiosk.models import Member
from kiosk.text import fold

MENTOR = Content.styled(" (mentor)", "$text-success")
NEW_HERE = Content.styled(" (new here)", "bold $text-warning")
P = TypeVar("P")
NAMES_A_LINE = 8
"""Names on one line of the panel; the rest are counted ("+12 more"): a topic line stays
readable on a busy day, and the table beside it lists everyone."""


def everyone(gathering: Gathering) -> list[Here]:
    """Each member the board shows, once, by name."""
    shown: dict[str, Here] = {}
    for group in gathering.groups:
        for in_group in group.people:
            shown.setdefault(in_group.here.member.id, in_group.here)
    for here in (*gathering.without_topics, *gathering.heads_down):
        shown.setdefault(here.member.id, here)
    return sorted(shown.values(), key=lambda here: here.member.name.casefold())


def short_names(members: Iterable[Member]) -> dict[str, str]:
    """First names where they tell people apart, whole names where two share one."""
    folded = [(member, fold(member.first_name)) for member in members]
    firsts = Counter(first for _, first in folded)
    return {
        member.id: member.first_name if firsts[first] == 1 else member.name
        for member, first in folded
    }


def topic_lines(gathering: Gathering, names: dict[str, str]) -> list[Content]:
    """'climbing: Ana (mentor) · Ben', a line a topic, the most people first; then who is
    open to chat without a topic, and who is heads-down."""

    def named(here: Here, mentor: bool = False) -> Content:
        return Content.assemble(
            names.get(here.member.id, here.member.name),
            MENTOR if mentor else "",
            NEW_HERE if here.newcomer else "",
        )

    def in_group(person: InGroup) -> Content:
        return named(person.here, person.mentor)

    lines = [
        Content.assemble((group.topic, "bold $accent"), ": ", _some(group.people, in_group, " · "))
        for group in gathering.groups
    ]
    if gathering.without_topics:
        people = _some(gathering.without_topics, named, " · ")
        lines.append(Content.assemble(("open to chat", "bold"), ": ", people))
    if gathering.heads_down:
        people = _some(gathering.heads_down, named, ", ")
        lines.append(Content.assemble(("heads-down", "bold dim"), ": ", people))
    return lines


def _some(people: Sequence[P], name: Callable[[P], Content], separator: str) -> Content:
    """The first NAMES_A_LINE people by name, and how many more there are."""
    shown = Content(separator).join([name(person) for person in people[:NAMES_A_LINE]])
    more = len(people) - NAMES_A_LINE
    return Content.assemble(shown, (f" +{more} more", "dim")) if more > 0 else shown


def hand_lines(gathering: Gathering, names: dict[str, str]) -> list[Content]:
    """'Mei Lin: electronics', for each member here who could use a hand."""
    return [
        Content.assemble(
            (names.get(wanted.here.member.id, wanted.here.member.name), "bold"),
            ": ",
            ", ".join(wanted.topics),
        )
        for wanted in gathering.hands_wanted
    ]


def answer_lines(answers: Sequence[ShownAnswer]) -> list[Content]:
    """'Jürgen Weiß · here: A walnut box', those here first."""
    return [
        Content.assemble(
            (answer.member.name, "bold"),
            (" · here" if answer.here else "", "$text-success"),
            ": ",
            answer.text,
        )
        for answer in answers
    ]
