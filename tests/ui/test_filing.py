"""Finished visits are filed in batches: at the kiosk, after the person checking out has
their goodbye, so the door never waits for the filing."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.community.attendance import FILE_AFTER
from screens.confirmation import CheckedOutScreen
from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp
from tests.ui.driving import settle, stored, type_text


async def test_the_visits_are_filed_after_the_goodbye_is_shown(
    make_app: MakeApp, demo_data: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given one visit short of a batch waiting to be filed, and Kofi here
    earlier = stored(demo_data, clock)
    visitors = [m.id for m in earlier.members() if earlier.visit_of(m.id) is None]
    for number in range(FILE_AFTER - 1 - len(earlier.store.unfiled_visits())):
        earlier.check_in(visitors[number % len(visitors)])
        clock.advance(minutes=1)
        earlier.check_out(visitors[number % len(visitors)])
    kofi = next(m for m in earlier.members() if m.name.startswith("Kofi"))
    if earlier.visit_of(kofi.id) is None:
        earlier.check_in(kofi.id)
    clock.advance(minutes=30)
    app = make_app()
    screens_when_filed: list[type] = []
    # Attendance, the community's part for visits, files them.
    file_visits = app.community.attendance.file_visits

    def filing() -> int:
        screens_when_filed.append(type(app.screen))
        return file_visits()

    monkeypatch.setattr(app.community.attendance, "file_visits", filing)
    async with app.run_test(size=(100, 30)) as pilot:
        # When Kofi checks out at the door
        await type_text(pilot, "kofi")
        await pilot.press("enter", "enter")
        await settle(pilot)
        # Then his goodbye was on the screen before the filing began
        assert isinstance(app.screen, CheckedOutScreen)
        assert screens_when_filed == [CheckedOutScreen]
    # And every waiting visit, his too, is filed in the history
    after = stored(demo_data, clock)
    assert after.store.unfiled_visits() == []
    filed = list(after.past_visits(clock.now.date(), clock.now.date()))
    assert sum(v.member_id == kofi.id and v.until == clock.now for v in filed) == 1
