"""What a board left running for weeks sets aside from the garbage collector: out of its
full passes while held, and freed by the daily sweep once dropped."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from screens.set_aside import SetAside


class Node:
    """One of two things holding each other, as a widget and its styles do: only the
    collector frees them."""

    def __init__(self) -> None:
        self.other: Node | None = None


def cycle() -> Node:
    first, second = Node(), Node()
    first.other, second.other = second, first
    return first


@pytest.fixture
def set_aside() -> Iterator[SetAside]:
    aside = SetAside()
    yield aside
    aside.stop()


def test_what_a_full_pass_finds_alive_is_not_walked_again_until_the_sweep(
    set_aside: SetAside,
) -> None:
    # Given a board that set aside what it built to start, and a card made since
    set_aside.start()
    card = cycle()
    gone = weakref.ref(card)
    # When a full pass finds the card alive, and it is dropped after
    gc.collect()
    del card
    # Then the next full passes leave it be
    gc.collect()
    assert gone() is not None
    # And the sweep frees it
    set_aside.sweep()
    assert gone() is None


def test_what_is_dropped_before_a_full_pass_is_freed_by_it(set_aside: SetAside) -> None:
    # Given a board that set aside what it built to start, and a card made and dropped since
    set_aside.start()
    card = cycle()
    gone = weakref.ref(card)
    del card
    # When the collector makes a full pass, it frees the card
    gc.collect()
    assert gone() is None


def test_a_board_that_stops_gives_everything_back_to_the_collector(set_aside: SetAside) -> None:
    # Given a card a full pass set aside, then dropped
    set_aside.start()
    card = cycle()
    gone = weakref.ref(card)
    gc.collect()
    del card
    # When the board stops, the next full pass frees it
    set_aside.stop()
    gc.collect()
    assert gone() is None
    # And no pass sets anything aside any more
    assert gc.get_freeze_count() == 0
