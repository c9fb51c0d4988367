"""The look of each main screen, at a roomy 100x30 and a small 80x24 terminal.

Each snapshot runs the demo community with the clock stopped at 09:00 UTC.
"""

from __future__ import annotations

import pytest

from tests.ui.driving import settle

SIZES = [pytest.param((100, 30), id="100x30"), pytest.param((80, 24), id="80x24")]


@pytest.mark.parametrize("size", SIZES)
def test_home_while_typing(snap_compare, make_app, size):
    """Home: matches for 'mar', who is here and the latest shout-outs."""
    assert snap_compare(make_app(), press=["m", "a", "r"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_member_check_in(snap_compare, make_app, size):
    """A member who is out: status, usual topics preselected, Check in focused."""
    assert snap_compare(make_app(), press=["z", "o", "e", "enter"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_check_in_confirmation(snap_compare, make_app, size):
    """Welcome back, with who else is here and the topics shared."""
    assert snap_compare(
        make_app(),
        press=[*"bjorn", "enter", "enter"],
        terminal_size=size,
        run_before=settle,
    )


@pytest.mark.parametrize("size", SIZES)
def test_whos_here_board(snap_compare, make_app, size):
    """The board, newest first."""
    assert snap_compare(make_app(), press=["f2"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_shoutout_wall(snap_compare, make_app, size):
    """The wall, newest first."""
    assert snap_compare(make_app(), press=["f3"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_register(snap_compare, make_app, size):
    """Register, warning that the typed name is like an existing member's."""
    keys = ["f4", *"zoe", "space", *"martn"]
    assert snap_compare(make_app(), press=keys, terminal_size=size)
