"""What a board left running for weeks sets aside from the garbage collector: out of its
full passes while held, and freed by the daily sweep once dropped."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from screens.set_aside import WALKED, SetAside


class Node:
    """One of two things holding each other, as a widget and its styles do: only the
    collector frees them."""

    def __init__(self) -> None:
        self.other: Node | None = None


def cycle() -> Node:
    first, second = Node(), Node()
    first.other, second.other = second, first
    return first


def many_cycles() -> list[Node]:
    """More than a full pass may walk before it sets what it found alive aside."""
    return [cycle() for _ in range(WALKED)]


@pytest.fixture
def set_aside() -> Iterator[SetAside]:
    aside = SetAside()
    yield aside
    aside.stop()


def test_what_a_long_pass_finds_alive_is_not_walked_again_until_the_sweep(
    set_aside: SetAside,
) -> None:
    # Given a board that set aside what it built to start, and many cards made since
    set_aside.start()
    cards = many_cycles()
    gone = weakref.ref(cards[0])
    # When a full pass finds them alive, and they are dropped after
    gc.collect()
    del cards
    # Then the next full passes leave them be
    gc.collect()
    assert gone() is not None
    # And the sweep frees them
    set_aside.sweep()
    assert gone() is None


def test_what_a_short_pass_finds_alive_is_freed_by_the_next_once_dropped(
    set_aside: SetAside,
) -> None:
    # Given a board that set aside what it built to start, and a card made since
    set_aside.start()
    card = cycle()
    gone = weakref.ref(card)
    # When a full pass finds it alive, with little else, and it is dropped after
    gc.collect()
    del card
    # Then the next full pass frees it
    gc.collect()
    assert gone() is None


def test_a_board_that_stops_gives_everything_back_to_the_collector(set_aside: SetAside) -> None:
    # Given many cards a full pass set aside, then dropped
    set_aside.start()
    cards = many_cycles()
    gone = weakref.ref(cards[0])
    gc.collect()
    del cards
    # When the board stops, the next full pass frees them
    set_aside.stop()
    gc.collect()
    assert gone() is None
    # And no pass sets anything aside any more
    assert gc.get_freeze_count() == 0
