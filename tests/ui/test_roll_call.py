"""The roll call in the host console (F7): everyone in the building, incognito members
too, ticked off as they are accounted for, and seen by every kiosk at once."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widgets import DataTable, Label

from kiosk.safety.roll_call import RollCall
from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp
from tests.ui.driving import let_time_pass, settle, stored
from tests.ui.hosting import open_console


def rows(pilot: Pilot[None]) -> list[tuple[str, str]]:
    """The roll call as shown: ("✔" or "☐", name) for each row, top to bottom."""
    table = pilot.app.screen.query_one("#roll-call-table", DataTable)
    shown = (table.get_row_at(row) for row in range(table.row_count))
    return [("☐" if str(row[2]) == "not yet" else "✔", str(row[0])) for row in shown]


def summary(pilot: Pilot[None]) -> str:
    return str(pilot.app.screen.query_one("#roll-call-summary", Label).render())


async def test_f7_lists_everyone_here_and_ticks_them_off_as_they_are_accounted_for(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given the demo, and Zoë here incognito
    community = stored(demo_data, clock)
    zoe = community.find("Zoë Martin")
    community.check_in(zoe.id, status="incognito")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # When a host opens the roll call
        await open_console(pilot, "f7")
        # Then everyone is on it: Zoë too, and the guest with whose guest they are
        names = [name for _, name in rows(pilot)]
        assert zoe.name in names
        assert "Sam Okoro, guest of Jürgen Weiß" in names
        assert (
            summary(pilot)
            == f"{len(names)} in the building · 0 accounted for · {len(names)} not yet"
        )
        # When the host ticks off the first person read out
        await pilot.press("enter")
        await settle(pilot)
        # Then it is saved at once, and shown
        first = rows(pilot)[0]
        assert first[0] == "✔"
        assert len(RollCall(stored(demo_data, clock).store).ticks()) == 1
        assert summary(pilot).startswith(f"{len(names)} in the building · 1 accounted for")
        # and Space unticks it again
        await pilot.press("space")
        await settle(pilot)
        assert rows(pilot)[0][0] == "☐"
        assert RollCall(stored(demo_data, clock).store).ticks() == {}


async def test_two_kiosks_tick_off_one_roll_call(make_app: MakeApp) -> None:
    first, second = make_app(), make_app()
    async with first.run_test(size=(100, 30)) as one, second.run_test(size=(100, 30)) as two:
        await open_console(one, "f7")
        await open_console(two, "f7")
        # When the first kiosk ticks off the first person, and the second the second
        await one.press("enter")
        await settle(one)
        await two.press("down", "enter")
        await settle(two)
        # Then, within a second, each kiosk shows both ticked
        for pilot in (one, two):
            await let_time_pass(pilot, 1)
            assert [mark for mark, _ in rows(pilot)[:3]] == ["✔", "✔", "☐"]
            assert " · 2 accounted for · " in summary(pilot)


async def test_keys_in_a_burst_tick_off_the_person_they_reach(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_console(pilot, "f7")
        # When a quick host presses ↓ ↓ Space all at once
        for key, character in (("down", None), ("down", None), ("space", " ")):
            app.post_message(events.Key(key, character))
        await pilot.pause()
        await settle(pilot)
        # Then the third person read out is ticked off, not the first
        assert [mark for mark, _ in rows(pilot)[:3]] == ["☐", "☐", "✔"]


async def test_a_second_tap_on_a_person_ticks_them_off(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_console(pilot, "f7")
        await pilot.click("#roll-call-table", offset=(10, 2))
        await settle(pilot)
        assert [mark for mark, _ in rows(pilot)[:2]] == ["☐", "☐"]
        await pilot.click("#roll-call-table", offset=(10, 2))
        await settle(pilot)
        assert [mark for mark, _ in rows(pilot)[:2]] == ["☐", "✔"]


async def test_a_check_in_in_the_same_second_as_a_look_for_ticks_is_on_the_roll(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_console(pilot, "f7")
        listed = len(rows(pilot))
        # When Zoë checks in at the door as the second turns, and nobody ticks anyone off
        stored(demo_data, clock).check_in("m00demo")
        app.community.refresh()
        app.community_changed.publish(None)
        app.ticked.publish(0.0)
        await settle(pilot)
        # Then she is on the roll all the same
        assert len(rows(pilot)) == listed + 1
