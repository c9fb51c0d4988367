"""Answers to the question of the week picked for the board, as conversation starters:
those of people in the room first, then the newest, as far as the public may tell (one
given while its member was here unseen by its day alone)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from kiosk.models import Member, Presence
from kiosk.models.conversation import Answer, Question
from kiosk.timekeeping.hours import public_order

ANSWERS_LAST = timedelta(days=7)
"""How long an answer stays on the board: the week of the question."""


@dataclass(slots=True, frozen=True)
class ShownAnswer:
    member: Member
    text: str
    given: datetime
    here: bool
    """The member is here now, and the board shows it."""
    quiet: bool = False
    """Given while the member was here unseen: its day may be told, not its time."""


def answers_to_show(
    question: Question | None,
    answers: Iterable[Answer],
    members: Mapping[str, Member],
    present: Sequence[Presence],
    now: datetime,
    zone: tzinfo,
    limit: int = 5,
) -> list[ShownAnswer]:
    """Up to `limit` answers to `question` from the last week, one a member (their
    latest): members here first, then the newest. Answers a host hid, and members not on
    the board, deactivated or deleted are left out; a member here incognito is not told
    apart from one away."""
    if question is None or limit < 1:
        return []
    shown_here = {presence.member.id for presence in present if presence.shown == "by name"}
    latest: dict[str, ShownAnswer] = {}
    for answer in answers:
        member = members.get(answer.member_id)
        if (
            answer.question_id != question.id
            or answer.hidden
            or not question.asked <= answer.given <= now
            or now - answer.given > ANSWERS_LAST
            or member is None
            or not (member.on_board and member.active)
        ):
            continue
        known = latest.get(member.id)
        if known is None or answer.given > known.given:
            here = member.id in shown_here
            latest[member.id] = ShownAnswer(member, answer.text, answer.given, here, answer.quiet)
    # By member, then (a stable sort keeps that order among equals) newest first.
    ranked = sorted(latest.values(), key=lambda a: a.member.id)
    ranked.sort(key=lambda a: (a.here, public_order(a.given, a.quiet, zone)), reverse=True)
    return ranked[:limit]
