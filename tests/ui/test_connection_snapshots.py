"""The look of the screens that help members meet, at 80x24, 100x30 and 160x48: the welcome
with people to meet and a milestone, and a member's own profile.

The clock stands still at 09:00 UTC unless a test moves it; keys are pressed inside
`run_before`, which lets every save finish (see test_snapshots.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Button

from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp, SnapCompare
from tests.ui.driving import ada_with_a_shout_out, kiosk_app, settle, stored, type_text
from tests.ui.test_snapshots import EVERY_SIZE, SIZES, pressing


@pytest.mark.parametrize("size", EVERY_SIZE)
def test_welcome_on_a_first_visit(
    snap_compare: SnapCompare,
    make_app: MakeApp,
    demo_data: Path,
    clock: FakeClock,
    size: tuple[int, int],
) -> None:
    """Ada's first visit: the milestone, then the words of Björn's shout-out, three people
    to meet with their reasons (Jürgen offers the laser cutting she could use a hand
    with) in their own words, and the question of the week; side by side, with who else
    is here, on a big screen."""
    ada_with_a_shout_out(demo_data, clock)
    keys = [*"ada", "enter", "enter"]
    assert snap_compare(make_app(), run_before=pressing(*keys), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_welcome_while_answering(
    snap_compare: SnapCompare, make_app: MakeApp, size: tuple[int, int]
) -> None:
    """Zoë answers the question of the week: the countdown waits, Enter shares, Escape skips."""
    keys = [*"zoe", "enter", "enter", "tab", *"A dolls' house sofa"]
    assert snap_compare(make_app(), run_before=pressing(*keys), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_member_typing_a_topic(
    snap_compare: SnapCompare, make_app: MakeApp, size: tuple[int, int]
) -> None:
    """Zoë types "py" beside her topics: the community's Python is suggested."""

    async def run_before(pilot: Pilot[None]) -> None:
        await type_text(pilot, "zoe")
        await pilot.press("enter")
        await pilot.click("#new-topic")
        await settle(pilot)
        await type_text(pilot, "py")
        await settle(pilot)

    assert snap_compare(make_app(), run_before=run_before, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_profile(
    snap_compare: SnapCompare,
    make_app: MakeApp,
    demo_data: Path,
    size: tuple[int, int],
    clock: FakeClock,
) -> None:
    """Zoë's own profile: her words, each with who sees it, her badge code, her visits,
    her PIN, and deleting her data."""
    zoe = stored(demo_data, clock).member("m00demo")

    async def run_before(pilot: Pilot[None]) -> None:
        kiosk_app(pilot).open_profile(zoe)
        await settle(pilot)

    assert snap_compare(make_app(), run_before=run_before, terminal_size=size)


@pytest.mark.parametrize("size", [SIZES[0], SIZES[-1]])
def test_profile_with_guests_to_come(
    snap_compare: SnapCompare,
    make_app: MakeApp,
    demo_data: Path,
    size: tuple[int, int],
    clock: FakeClock,
) -> None:
    """Zoë's guests to come, under "My guests", soonest first, each with Cancel… (the
    first has the focus) and without its code."""
    community = stored(demo_data, clock)
    community.invite("m00demo", "Sam Okafor", date(2026, 12, 11))
    community.invite("m00demo", "Ana Lima", date(2026, 11, 27))
    zoe = community.member("m00demo")

    async def run_before(pilot: Pilot[None]) -> None:
        kiosk_app(pilot).open_profile(zoe)
        await settle(pilot)
        cancel = pilot.app.screen.query(".cancel-guest").first(Button)
        cancel.focus()
        pilot.app.screen.query_one("#invite").scroll_visible(animate=False, immediate=True)
        await settle(pilot)

    assert snap_compare(make_app(), run_before=run_before, terminal_size=size)


def test_profile_pin_after_wrong_tries(
    snap_compare: SnapCompare, make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    """Three wrong PINs: the prompt waits, and says for how long."""
    stored(demo_data, clock).set_pin("m00demo", "tiny-chairs")

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press(*"zoe", "enter", "f6")
        for guess in ("123456", "654321", "111111"):
            await pilot.press(*guess, "enter")
            await settle(pilot)  # each PIN is checked before the next is typed

    assert snap_compare(make_app(), run_before=run_before, terminal_size=(80, 24))


def test_deleting_ones_data(
    snap_compare: SnapCompare, make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    """What goes and what stays, and the choice about one's shout-outs; Keep has the focus."""
    hiroshi = stored(demo_data, clock).member("m05demo")

    async def run_before(pilot: Pilot[None]) -> None:
        kiosk_app(pilot).open_profile(hiroshi)
        await settle(pilot)
        pilot.app.screen.query_one("#delete", Button).press()
        await settle(pilot)

    assert snap_compare(make_app(), run_before=run_before, terminal_size=(80, 24))
