"""People here you might connect with: a few members who are here, each with a reason.

The reasons, best first:
0. you are looking for an induction on a tool they may induct on (kiosk.safety.inductions);
1. what you could use a hand with is what they offer (ask me about, or happy to mentor in);
2. one of you mentors in what the other is learning;
3. you are both open to chatting about a topic today;
4. you are both learning the same thing.

Privacy: a member who is heads-down, incognito, a guest or not on the board is never
suggested, and of the others only what public screens may show is used: a field a member
keeps for hosts neither names a topic in a reason nor causes one. Every topic a reason names
is written as it stands in a public field of that member (today's topics count when their
topics are public).

Your own fields find people for you only as far as whoever checked you in may know them.
Anyone can type a name, so after a check-in by name only what the board would show of you
is used: a field you keep for hosts (or, off the board, every field) causes no reason,
since "can help with home automation" would tell them what you are looking for. Once you
proved who you are (your badge, or your PIN), all of yours are used; but when you keep a
field for hosts (or are not on the board), the reason does not say it is yours ("can help
with Rust" rather than "... (you're looking for a hand)"), in case someone reads the
screen over your shoulder.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from kiosk.community.topics import TopicField, public_topics, topics_in
from kiosk.language import N_, _
from kiosk.models import Member, Presence, Visit
from kiosk.safety.inductions import tool_key, wanted_tool
from kiosk.text import fold, topic_key

SuggestionKind = Literal["induction", "offers", "mentoring", "shared-topics", "learning-together"]
SUGGESTION_KINDS: tuple[SuggestionKind, ...] = get_args(SuggestionKind)
"""The kinds of reason, best first."""
TOPICS_NAMED = 3
"""A reason names at most this many topics, and says how many more there are."""


@dataclass(slots=True, frozen=True)
class Suggestion:
    """Someone here you might connect with, and why, in one line."""

    member: Member
    reason: str
    """Why, in the language speaking when the suggestion was made."""
    kind: SuggestionKind
    topics: tuple[str, ...]
    """All the topics the reason is about, as the member wrote them in a public field."""


def suggestions(
    me: Member,
    my_visit: Visit,
    present: Sequence[Presence],
    limit: int = 3,
    *,
    proven: bool = False,
    inducts: Mapping[str, Sequence[str]] | None = None,
) -> list[Suggestion]:
    """Up to `limit` members here for `me` to meet, best reason first; among equal
    reasons, the one with more topics in common, then by name. Unless `me` `proven` who
    they are for this check-in, only their fields the board would show are used.
    `inducts` gives, by member id, the tools each may induct on."""
    found: list[Suggestion] = []
    for presence in present:
        if _may_suggest(presence, me):
            tools = (inducts or {}).get(presence.member.id, ())
            suggestion = _induction(me, presence.member, tools, proven) or next(
                _reasons(me, my_visit, presence.member, presence.visit, proven), None
            )
            if suggestion is not None:
                found.append(suggestion)
    found.sort(key=_rank)
    chosen: dict[str, Suggestion] = {}
    for suggestion in found:
        chosen.setdefault(suggestion.member.id, suggestion)
        if len(chosen) == limit:
            break
    return list(chosen.values()) if limit > 0 else []


def _may_suggest(presence: Presence, me: Member) -> bool:
    member, visit = presence.member, presence.visit
    return (
        visit.open
        and visit.status == "open"
        and not visit.guest
        and member.id != me.id
        and member.on_board
        and member.active
    )


def _rank(suggestion: Suggestion) -> tuple[int, int, str, str]:
    member = suggestion.member
    kind = SUGGESTION_KINDS.index(suggestion.kind)
    return (kind, -len(suggestion.topics), fold(member.name), member.id)


@dataclass(slots=True, frozen=True)
class _Rule:
    """One reason to meet: my topics of `mine` in common with theirs of `theirs`, where
    "topics" stands for the topics of today's visit."""

    kind: SuggestionKind
    mine: TopicField
    theirs: tuple[TopicField, ...]
    wording: str
    """Marked for the catalogs, with `{topics}` where the topics go."""
    wording_if_kept: str
    """The wording when I keep `mine` for hosts: it does not say the topic is mine."""


REASONS = (
    _Rule(
        "offers",
        "looking_for",
        ("ask_me_about", "mentor"),
        N_("can help with {topics} (you're looking for a hand)"),
        N_("can help with {topics}"),
    ),
    _Rule(
        "mentoring",
        "learning",
        ("mentor",),
        N_("mentors in {topics}, which you're learning"),
        N_("mentors in {topics}"),
    ),
    _Rule(
        "mentoring",
        "mentor",
        ("learning",),
        N_("learning {topics}, which you mentor in"),
        N_("learning {topics}"),
    ),
    _Rule(
        "shared-topics",
        "topics",
        ("topics",),
        N_("you both like {topics}"),
        N_("open to chatting about {topics}"),
    ),
    _Rule(
        "learning-together",
        "learning",
        ("learning",),
        N_("also learning {topics}"),
        N_("learning {topics}"),
    ),
)
"""The reasons, best first."""


def _reasons(
    me: Member, my_visit: Visit, them: Member, their_visit: Visit, proven: bool
) -> Iterator[Suggestion]:
    """The reasons to meet `them`, best first; the caller takes the first."""
    for rule in REASONS:
        if not (proven or me.shows(rule.mine)):
            continue  # whoever typed my name may not learn it
        mine = my_visit.topics if rule.mine == "topics" else topics_in(me, rule.mine)
        theirs = [t for field in rule.theirs for t in _shown_today(them, their_visit, field)]
        common = _common(mine, theirs)
        if common:
            wording = rule.wording if me.shows(rule.mine) else rule.wording_if_kept
            reason = _(wording).format(topics=_named(common))
            yield Suggestion(them, reason, rule.kind, common)


def _induction(me: Member, them: Member, tools: Sequence[str], proven: bool) -> Suggestion | None:
    """An induction I am looking for (in my looking-for, by the tool's name, with or
    without the word "induction") on a tool they may induct on."""
    if not tools or not (proven or me.shows("looking_for")):
        return None  # whoever typed my name may not learn what I look for
    wanted = {wanted_tool(topic) for topic in topics_in(me, "looking_for")}
    common = tuple({tool_key(t): t for t in tools if tool_key(t) in wanted}.values())
    if common:
        wording = (
            _("inducts on {tools} (you're looking for an induction)")
            if me.shows("looking_for")
            else _("inducts on {tools}")
        )
        return Suggestion(them, wording.format(tools=_named(common)), "induction", common)
    return None


def _shown_today(member: Member, visit: Visit, field: TopicField) -> tuple[str, ...]:
    """What public screens show of `field` of a member here; for "topics", today's."""
    if field != "topics":
        return public_topics(member, field)
    return visit.topics if member.shows("topics") else ()


def _common(mine: Iterable[str], theirs: Iterable[str]) -> tuple[str, ...]:
    """Their topics that are also mine, once each, in their order and spelling."""
    my_keys = {topic_key(topic) for topic in mine}
    common: dict[str, str] = {}
    for topic in theirs:
        key = topic_key(topic)
        if key in my_keys:
            common.setdefault(key, topic)
    return tuple(common.values())


def _named(topics: tuple[str, ...]) -> str:
    """Topics for a reason line: "climbing, coffee", or "a, b, c and 2 more"."""
    named = ", ".join(topics[:TOPICS_NAMED])
    more = len(topics) - TOPICS_NAMED
    return _("{topics} and {count} more").format(topics=named, count=more) if more > 0 else named


EVENT_REASONS: tuple[tuple[TopicField, str], ...] = (
    ("learning", N_("you're learning {topic}")),
    ("looking_for", N_("you're looking for a hand with {topic}")),
    ("topics", N_("you like {topic}")),
    ("mentor", N_("you mentor in {topic}")),
    ("ask_me_about", N_("you know about {topic}")),
)
"""Why an event is for a member, by the field of theirs its topic is in, best first."""


def event_reason(me: Member, my_visit: Visit, topic: str, proven: bool) -> str:
    """Why an event about `topic` is for `me` ("you're learning electronics"); empty when
    none of my fields names it. As for people to meet, a field whoever typed my name may
    not learn neither causes a reason nor, once proven, is named as mine."""
    key = topic_key(topic)
    for field, wording in EVENT_REASONS:
        if not (proven or me.shows(field)):
            continue
        mine = my_visit.topics if field == "topics" else topics_in(me, field)
        if any(topic_key(t) == key for t in mine):
            return (
                _(wording).format(topic=topic)
                if me.shows(field)
                else _("about {topic}").format(topic=topic)
            )
    return ""
