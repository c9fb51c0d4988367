"""The question of the week at the command line: shown as JSON, answers hidden and restored."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.community.community import Community
from kiosk.storage.store import Store
from tests.cli.running import Kiosk
from tests.conftest import FakeClock


@pytest.fixture
def answered(kiosk: Kiosk, tmp_path: Path, clock: FakeClock) -> dict[str, str]:
    """A question asked at 09:00, answered by Ana at 09:10 and by Bo at 09:20."""
    ids = {name: kiosk.add_member(name) for name in ("Ana Lima", "Bo Berg")}
    assert kiosk("question", "set", "What are you making this week?").code == 0
    community = Community(Store.open(tmp_path / "kiosk-data"), clock)
    clock.advance(minutes=10)
    community.answer(ids["Ana Lima"], "A birdhouse")
    clock.advance(minutes=10)
    community.answer(ids["Bo Berg"], "Rude words in cross-stitch")
    return ids


def test_question_show_as_json(kiosk: Kiosk, answered: dict[str, str]) -> None:
    shown = kiosk("question", "show", "--json")
    assert shown.code == 0, shown.err
    assert shown.json() == {
        "question": "What are you making this week?",
        "asked": "2026-11-26T09:00:00+00:00",
        "answers": [
            {
                "member": "Bo Berg",
                "member_id": answered["Bo Berg"],
                "text": "Rude words in cross-stitch",
                "given": "2026-11-26T09:20:00+00:00",
                "hidden": False,
            },
            {
                "member": "Ana Lima",
                "member_id": answered["Ana Lima"],
                "text": "A birdhouse",
                "given": "2026-11-26T09:10:00+00:00",
                "hidden": False,
            },
        ],
    }


def test_no_question_is_null_as_json(kiosk: Kiosk) -> None:
    kiosk.add_member("Ana Lima")
    shown = kiosk("question", "show", "--json")
    assert (shown.code, shown.json()) == (0, None)


def test_a_host_hides_an_answer_and_restores_it(kiosk: Kiosk, answered: dict[str, str]) -> None:
    # When a host hides Bo's answer
    hidden = kiosk("hide-answer", "Bo Berg")

    # Then it is off the board's list, and only hosts see it, marked
    assert (hidden.code, hidden.out) == (0, "Bo Berg's answer is hidden from every board.\n")
    assert kiosk("question", "show").out == (
        "What are you making this week?\n  Ana Lima: A birdhouse\n"
    )
    assert (
        "  Bo Berg: Rude words in cross-stitch  [hidden]\n"
        in kiosk("question", "show", "--all").out
    )

    # And restored, it is back
    restored = kiosk("restore-answer", answered["Bo Berg"])
    assert restored.out == "Bo Berg's answer is back on the boards.\n"
    assert "Bo Berg: Rude words" in kiosk("question", "show").out


def test_hiding_an_answer_nobody_gave_is_refused(kiosk: Kiosk, answered: dict[str, str]) -> None:
    kiosk.add_member("Cy Dorn")
    refused = kiosk("hide-answer", "Cy Dorn")
    assert (refused.code, refused.err) == (
        1,
        "kiosk: Cy Dorn has not answered the question of the week.\n",
    )
