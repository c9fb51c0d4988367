"""Inductions in the core: what a host may record (the rules every way of recording one
keeps), the tools the space knows, and a member's ticks for the inductions they would
like, kept in what they would like a hand with."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kiosk.community.community import Community
from kiosk.errors import Refused
from kiosk.models import Member
from kiosk.safety.inductions import Inductions, asking_inductions, wants_induction
from kiosk.text import TOPIC_LIMIT
from tests.conftest import FakeClock


@pytest.fixture
def ada_and_jurgen(community: Community) -> tuple[Member, Member]:
    return community.add_member("Ada Lovelace"), community.add_member("Jürgen Weiß")


def test_an_induction_is_recorded_with_its_tool_as_typed_and_cleaned(
    community: Community, clock: FakeClock, ada_and_jurgen: tuple[Member, Member]
) -> None:
    ada, jurgen = ada_and_jurgen
    inductions = Inductions(community.store)
    today = clock().date()
    # When Jürgen inducts Ada on the laser cutter, typed with stray spaces
    made = inductions.induct(ada, "  Laser cutter ", jurgen, clock(), None, today)
    # Then it is kept as she would read it
    assert (made.member_id, made.tool, made.by_id, made.expires) == (
        ada.id,
        "Laser cutter",
        jurgen.id,
        None,
    )
    assert inductions.inductions(ada.id) == [made]


@pytest.mark.parametrize(
    ("by_herself", "days", "refused"),
    [
        (True, None, "Ada Lovelace cannot induct themselves"),
        (False, -1, "has passed: give the last day the induction holds"),
        (False, None, ""),
        (False, 0, ""),
    ],
)
def test_nobody_inducts_themselves_and_no_last_day_has_passed(
    community: Community,
    clock: FakeClock,
    ada_and_jurgen: tuple[Member, Member],
    by_herself: bool,
    days: int | None,
    refused: str,
) -> None:
    ada, jurgen = ada_and_jurgen
    inductions = Inductions(community.store)
    today = clock().date()
    last_day = None if days is None else today + timedelta(days=days)
    by = ada if by_herself else jurgen
    if refused:
        with pytest.raises(Refused, match=refused):
            inductions.induct(ada, "Lathe", by, clock(), last_day, today)
        assert inductions.inductions(ada.id) == []
    else:
        inductions.induct(ada, "Lathe", by, clock(), last_day, today)
        assert [i.expires for i in inductions.inductions(ada.id)] == [last_day]


def test_the_tools_are_those_with_inductors_or_inductions_each_once(
    community: Community, clock: FakeClock, ada_and_jurgen: tuple[Member, Member]
) -> None:
    ada, jurgen = ada_and_jurgen
    inductions = Inductions(community.store)
    inductions.set_inductor(jurgen.id, "Laser cutter", True)
    inductions.induct(ada, "laser CUTTER", jurgen, clock(), None, clock().date())
    inductions.induct(ada, "Bandsaw", jurgen, clock(), date(2030, 1, 1), clock().date())
    assert inductions.tools() == ["Bandsaw", "Laser cutter"]


def test_a_tick_adds_an_induction_to_ask_for_and_keeps_the_rest() -> None:
    asked = asking_inductions(("soldering",), {"Table saw": True})
    assert asked == ("soldering", "Table saw induction")
    assert wants_induction(asked, "table saw")


def test_a_tick_already_asked_for_in_any_words_adds_nothing() -> None:
    for typed in ("table saw", "Induction on the table saw", "TABLE SAW induction"):
        assert asking_inductions((typed,), {"Table saw": True}) == (typed,)


def test_unticking_drops_every_topic_asking_for_that_tool_only() -> None:
    looking_for = ("laser cutter", "Laser cutter induction", "soldering", "lathe induction")
    asked = asking_inductions(looking_for, {"Laser cutter": False})
    assert asked == ("soldering", "lathe induction")
    assert not wants_induction(asked, "Laser cutter")


def test_a_tool_named_up_to_the_limit_is_asked_for_by_its_name() -> None:
    tool = "x" * TOPIC_LIMIT
    asked = asking_inductions((), {tool: True})
    assert asked == (tool,)
    assert wants_induction(asked, tool)
