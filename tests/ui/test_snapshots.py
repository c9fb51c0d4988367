"""The look of each main screen at a small 80x24, a roomy 100x30 and a big 160x48 terminal;
home, the welcome, the board and the wall board at a lobby screen's 200x60 too.

Each snapshot runs the demo community with the clock stopped at 09:00 UTC. Keys are
pressed inside `run_before`, which then lets every save finish, so nothing races.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp, RunBefore, SnapCompare
from tests.ui.driving import everyone_here, keys_go_quiet, settle, stored

SIZES = [
    pytest.param((80, 24), id="80x24"),
    pytest.param((100, 30), id="100x30"),
    pytest.param((160, 48), id="160x48"),
]
EVERY_SIZE = [*SIZES, pytest.param((200, 60), id="200x60")]
"""For the screens a crowd reads: home, the welcome, the board and the wall board."""


def pressing(*keys: str) -> RunBefore:
    """A `run_before` that presses `keys`, then waits for saves and the screen."""

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press(*("space" if key == " " else key for key in keys))
        await keys_go_quiet(pilot)
        await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_home_while_typing(
    snap_compare: SnapCompare, make_app: MakeApp, size: tuple[int, int]
) -> None:
    """Home: matches for 'mar', who is here and the latest shout-outs."""
    assert snap_compare(make_app(), run_before=pressing(*"mar"), terminal_size=size)


@pytest.mark.parametrize("size", EVERY_SIZE)
def test_home_with_everyone_here(
    snap_compare: SnapCompare,
    make_app: MakeApp,
    demo_data: Path,
    clock: FakeClock,
    size: tuple[int, int],
) -> None:
    """Home with thirty here: whole names, as many as fit, then '…and N more (F2)'."""
    everyone_here(demo_data, clock)
    assert snap_compare(make_app(), run_before=pressing(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_member_check_in(
    snap_compare: SnapCompare, make_app: MakeApp, size: tuple[int, int]
) -> None:
    """A member who is out: status, usual topics ticked, status focused."""
    assert snap_compare(make_app(), run_before=pressing(*"zoe", "enter"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_member_who_is_here(
    snap_compare: SnapCompare, make_app: MakeApp, size: tuple[int, int]
) -> None:
    """A member who is here unticked a topic: Enter now saves, rather than checks out."""
    keys = [*"maria jose", "enter", "tab", "space"]
    assert snap_compare(make_app(), run_before=pressing(*keys), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_welcome_with_everyone_here(
    snap_compare: SnapCompare,
    make_app: MakeApp,
    demo_data: Path,
    clock: FakeClock,
    size: tuple[int, int],
) -> None:
    """Thirty here: who shares a topic first, the rest in a paragraph, buttons on screen."""
    everyone_here(demo_data, clock)
    stored(demo_data, clock).check_out("m29demo")
    keys = [*"kofi", "enter", "enter"]
    assert snap_compare(make_app(), run_before=pressing(*keys), terminal_size=size)


@pytest.mark.parametrize("size", EVERY_SIZE)
def test_whos_here_board_full(
    snap_compare: SnapCompare,
    make_app: MakeApp,
    demo_data: Path,
    clock: FakeClock,
    size: tuple[int, int],
) -> None:
    """Thirty on the board, as cards by topic in as many columns as fit; ↓ for the rest."""
    everyone_here(demo_data, clock)
    assert snap_compare(make_app(), run_before=pressing("f2"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_shoutout_wall(snap_compare: SnapCompare, make_app: MakeApp, size: tuple[int, int]) -> None:
    """The wall, newest first."""
    assert snap_compare(make_app(), run_before=pressing("f3"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_shoutout_to_a_namesake(
    snap_compare: SnapCompare,
    make_app: MakeApp,
    demo_data: Path,
    size: tuple[int, int],
    clock: FakeClock,
) -> None:
    """The composer offers both Kofis, told apart by their topics."""
    # The second Kofi registered after the first: on a clock a few minutes on
    later = FakeClock(clock.now + timedelta(minutes=5))
    stored(demo_data, later).add_member("Kofi Boateng", ("chess", "cycling"))
    keys = [*"zoe", "enter", "ctrl+s", "shift+tab", *"kofi", "down"]
    assert snap_compare(make_app(), run_before=pressing(*keys), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_register(snap_compare: SnapCompare, make_app: MakeApp, size: tuple[int, int]) -> None:
    """Register, warning beside the name that it is like an existing member's."""
    keys = ["f4", *"zoe", "space", *"martn"]
    assert snap_compare(make_app(), run_before=pressing(*keys), terminal_size=size)


def test_home_in_high_contrast(snap_compare: SnapCompare, make_app: MakeApp) -> None:
    """Home on the high-contrast theme, a match highlighted: white on black, bright accents."""
    app = make_app(theme="high-contrast")
    assert snap_compare(app, run_before=pressing(*"mar"), terminal_size=(80, 24))
