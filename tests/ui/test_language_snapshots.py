"""Home, the welcome and the board in German and French, at a small 80x24 and a big
160x48 terminal: longer words must keep each layout whole.

The demo community, the clock stopped at 09:00 UTC, as the English snapshots have it;
the kiosk's config speaks the language. The catalogs translate what translators have
done so far: the pictures change, on purpose, as they do more.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp, SnapCompare
from tests.ui.driving import everyone_here, stored
from tests.ui.test_snapshots import pressing

LANGUAGES = [pytest.param("de", id="de"), pytest.param("fr", id="fr")]
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("code", LANGUAGES)
def test_home(
    snap_compare: SnapCompare, make_app: MakeApp, code: str, size: tuple[int, int]
) -> None:
    """Home: the search, who is here, the latest shout-outs and the row of languages."""
    assert snap_compare(make_app(language=code), run_before=pressing(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("code", LANGUAGES)
def test_welcome(
    snap_compare: SnapCompare,
    make_app: MakeApp,
    demo_data: Path,
    clock: FakeClock,
    code: str,
    size: tuple[int, int],
) -> None:
    """Kofi's welcome with everyone else here: people to meet, the rest, the countdown."""
    everyone_here(demo_data, clock)
    stored(demo_data, clock).check_out("m29demo")
    keys = [*"kofi", "enter", "enter"]
    assert snap_compare(make_app(language=code), run_before=pressing(*keys), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("code", LANGUAGES)
def test_board(
    snap_compare: SnapCompare,
    make_app: MakeApp,
    demo_data: Path,
    clock: FakeClock,
    code: str,
    size: tuple[int, int],
) -> None:
    """The board with thirty here, as cards by topic in as many columns as fit."""
    everyone_here(demo_data, clock)
    assert snap_compare(make_app(language=code), run_before=pressing("f2"), terminal_size=size)
