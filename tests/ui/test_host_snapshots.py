"""The look of the host console at a small 80x24, a roomy 100x30 and a big 160x48 terminal,
on the demo community and its eight weeks of history, the clock stopped at 09:00 UTC."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from kiosk.models.agreements import Acceptance
from kiosk.safety.roll_call import RollCall
from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp, RunBefore, SnapCompare
from tests.ui.driving import stored
from tests.ui.hosting import open_console
from tests.ui.test_agreements import house_rules
from tests.ui.test_host_members import open_member
from tests.ui.test_host_safety import open_inductions
from tests.ui.test_snapshots import SIZES


def in_console(tab: str = "") -> RunBefore:
    """A `run_before` that opens the console with the host PIN, then `tab`'s key."""

    async def run_before(pilot: Pilot[None]) -> None:
        await open_console(pilot, tab)

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_host_board(
    snap_compare: SnapCompare,
    make_app: MakeApp,
    demo_data: Path,
    clock: FakeClock,
    size: tuple[int, int],
) -> None:
    """Everyone here, a member incognito and a guest marked, counted against capacity."""
    community = stored(demo_data, clock)
    community.clock = clock
    community.check_in(community.find("Zoë Martin").id, "incognito")
    app = make_app(capacity=40)
    assert snap_compare(app, run_before=in_console(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_host_stats(snap_compare: SnapCompare, make_app: MakeApp, size: tuple[int, int]) -> None:
    """Today's figures, members per day for thirty days, and the busiest hours."""
    app = make_app(capacity=40)
    assert snap_compare(app, run_before=in_console("f6"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_roll_call(
    snap_compare: SnapCompare,
    make_app: MakeApp,
    demo_data: Path,
    clock: FakeClock,
    size: tuple[int, int],
) -> None:
    """Everyone in the building, a member incognito and a guest too, two ticked off."""
    community = stored(demo_data, clock)
    community.check_in(community.find("Zoë Martin").id, "incognito")
    here = sorted(community.present_for_hosts(), key=lambda p: p.visit.since)
    clock.advance(minutes=3)
    ticks = RollCall(community.store)
    for person in here[:2]:
        ticks.tick(person.visit.id, True, clock(), [p.visit.id for p in here])
    app = make_app()
    assert snap_compare(app, run_before=in_console("f7"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_agreements_tab(
    snap_compare: SnapCompare,
    make_app: MakeApp,
    demo_data: Path,
    clock: FakeClock,
    tmp_path: Path,
    size: tuple[int, int],
) -> None:
    """The house rules at version 2 and the active members who have not accepted them."""
    community = stored(demo_data, clock)
    for member in community.members()[:25]:
        community.store.add_acceptances([Acceptance(member.id, "House rules", "2", clock())])
    app = make_app(agreements=(house_rules(tmp_path, version="2"),))
    assert snap_compare(app, run_before=in_console("f8"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_member_card(snap_compare: SnapCompare, make_app: MakeApp, size: tuple[int, int]) -> None:
    """Björn's card, a keyholder, with his profile, the ticks and the buttons."""

    async def run_before(pilot: Pilot[None]) -> None:
        await open_member(pilot, "bjorn")

    assert snap_compare(make_app(), run_before=run_before, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_member_inductions(
    snap_compare: SnapCompare, make_app: MakeApp, size: tuple[int, int]
) -> None:
    """Zoë's inductions, the 3D printers one ending within the month, and the form to add
    one."""

    async def run_before(pilot: Pilot[None]) -> None:
        await open_inductions(pilot, "zoe")

    assert snap_compare(make_app(), run_before=run_before, terminal_size=size)
