"""A kiosk on the demo community, on the shared clock that stands still until moved."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from kiosk.community.community import Community
from kiosk.config import Config
from kiosk.storage.store import Store
from screens.app import KioskApp
from tests.conftest import FakeClock
from tests.ui.driving import PIN_HASH, Stopwatch


@pytest.fixture
def make_app(demo_data: Path, clock: FakeClock) -> Callable[..., KioskApp]:
    """Build a kiosk on the demo community; keyword arguments change its config."""

    def make(lock: bool = True, **settings: object) -> KioskApp:
        config = replace(
            Config(space_name="Makerspace North", data_dir=demo_data, host_pin_hash=PIN_HASH),
            **settings,
        )
        community = Community(Store.open(demo_data), clock, config.capacity, hours=config.hours)
        return KioskApp(community, config, lock=lock, timer=Stopwatch())

    return make


@pytest.fixture
def snap_compare(snap_compare: Callable[..., bool]) -> Callable[..., bool]:
    """The plugin's comparison, with every text cursor held still before the picture, so
    that a busy machine never catches one mid-blink."""

    def compare(
        app: KioskApp, *, run_before: Callable[[Pilot], Awaitable[None]] | None = None, **kwargs
    ) -> bool:
        async def then_hold_cursors(pilot: Pilot) -> None:
            if run_before is not None:
                await run_before(pilot)
            for widget in pilot.app.screen.query("Input, TextArea").results((Input, TextArea)):
                widget.cursor_blink = False
            await pilot.pause()

        return snap_compare(app, run_before=then_hold_cursors, **kwargs)

    return compare
