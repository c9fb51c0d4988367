"""Answers to the question of the week picked for the board."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kiosk.community.answers import answers_to_show
from kiosk.models import Member, Presence, Status, Visit
from kiosk.models.conversation import Answer, Question

ASKED = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # a Monday morning
NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)
QUESTION = Question("q1", "What are you making this week?", ASKED)


def member(name: str, **profile: object) -> Member:
    return Member(name.lower(), name, ASKED - timedelta(days=300), **profile)  # type: ignore[arg-type]


def answer(name: str, hours_after_asking: float, text: str = "", question: str = "q1") -> Answer:
    given = ASKED + timedelta(hours=hours_after_asking)
    return Answer(question, name.lower(), text or f"{name}'s answer", given)


def present(who: Member, status: Status = "open") -> Presence:
    return Presence(who, Visit(f"v-{who.id}", who.id, NOW - timedelta(hours=1), status))


def shown(
    answers: list[Answer],
    members: list[Member],
    here: tuple[Presence, ...] | list[Presence] = (),
    now: datetime = NOW,
    limit: int = 5,
) -> list[tuple[str, str, bool]]:
    picked = answers_to_show(QUESTION, answers, {m.id: m for m in members}, here, now, UTC, limit)
    return [(a.member.name, a.text, a.here) for a in picked]


ANA, BEN, CY, DEE = member("Ana"), member("Ben"), member("Cy"), member("Dee")


def test_the_newest_answers_first() -> None:
    answers = [answer("Ana", 1), answer("Ben", 30), answer("Cy", 5)]
    assert shown(answers, [ANA, BEN, CY]) == [
        ("Ben", "Ben's answer", False),
        ("Cy", "Cy's answer", False),
        ("Ana", "Ana's answer", False),
    ]


def test_answers_of_people_here_come_first() -> None:
    answers = [answer("Ana", 1), answer("Ben", 30), answer("Cy", 5), answer("Dee", 2)]
    here = [present(ANA), present(DEE, "heads-down")]
    assert shown(answers, [ANA, BEN, CY, DEE], here) == [
        ("Dee", "Dee's answer", True),
        ("Ana", "Ana's answer", True),
        ("Ben", "Ben's answer", False),
        ("Cy", "Cy's answer", False),
    ]


def test_a_member_here_incognito_is_not_told_apart() -> None:
    answers = [answer("Ana", 1), answer("Ben", 30)]
    assert shown(answers, [ANA, BEN], [present(ANA, "incognito")]) == [
        ("Ben", "Ben's answer", False),
        ("Ana", "Ana's answer", False),
    ]


def test_one_answer_a_member_their_latest() -> None:
    answers = [answer("Ana", 1, "a kite"), answer("Ana", 20, "a bigger kite"), answer("Ana", 3)]
    assert shown(answers, [ANA]) == [("Ana", "a bigger kite", False)]


def test_answers_to_another_question_are_left_out() -> None:
    answers = [answer("Ana", 1, question="q0"), answer("Ben", 2)]
    assert [name for name, *_ in shown(answers, [ANA, BEN])] == ["Ben"]


def test_answers_stay_a_week() -> None:
    week = 7 * 24
    answers = [answer("Ana", 1), answer("Ben", 2)]
    later = ASKED + timedelta(hours=week + 1, minutes=1)  # Ana answered a week and a minute ago
    assert [name for name, *_ in shown(answers, [ANA, BEN], now=later)] == ["Ben"]


def test_answers_from_before_the_question_or_the_future_are_left_out() -> None:
    answers = [answer("Ana", -1), answer("Ben", 100), answer("Cy", 2)]
    assert [name for name, *_ in shown(answers, [ANA, BEN, CY])] == ["Cy"]


def test_answers_of_members_not_shown_are_left_out() -> None:
    hidden = member("Ben", on_board=False)
    gone = member("Cy", active=False)
    answers = [answer("Ana", 1), answer("Ben", 2), answer("Cy", 3), answer("Dee", 4)]
    # Dee deleted her data: she is no longer among the members
    assert [name for name, *_ in shown(answers, [ANA, hidden, gone])] == ["Ana"]


def test_at_most_the_limit() -> None:
    answers = [answer("Ana", 1), answer("Ben", 2), answer("Cy", 3)]
    assert [name for name, *_ in shown(answers, [ANA, BEN, CY], limit=2)] == ["Cy", "Ben"]
    assert shown(answers, [ANA, BEN, CY], limit=0) == []


def test_no_question_no_answers() -> None:
    picked = answers_to_show(None, [answer("Ana", 1)], {ANA.id: ANA}, [], NOW, UTC)
    assert picked == []
