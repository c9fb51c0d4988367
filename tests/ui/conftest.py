"""A kiosk on the demo community, on the shared clock that stands still until moved."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from kiosk.community.community import Community
from kiosk.config import Config
from kiosk.storage.store import Store
from screens.app import KioskApp
from tests.conftest import FakeClock
from tests.ui.driving import PIN_HASH, Stopwatch

RunBefore = Callable[[Pilot[None]], Awaitable[None]]
"""What a snapshot test does to the app before the picture is taken."""


class MakeApp(Protocol):
    """The `make_app` fixture: a kiosk on the demo community, its config changed by name
    (any field of `Config`, checked when the kiosk is made)."""

    def __call__(self, lock: bool = True, **settings: Any) -> KioskApp: ...


class SnapCompare(Protocol):
    """The `snap_compare` fixture: whether `app` looks as its stored snapshot."""

    def __call__(
        self, app: App[None], *, run_before: RunBefore | None = None, **options: object
    ) -> bool: ...


@pytest.fixture
def make_app(demo_data: Path, clock: FakeClock) -> MakeApp:
    """Build a kiosk on the demo community; keyword arguments change its config."""

    def make(lock: bool = True, **settings: Any) -> KioskApp:
        config = replace(
            Config(space_name="Makerspace North", data_dir=demo_data, host_pin_hash=PIN_HASH),
            **settings,
        )
        community = Community(
            Store.open(demo_data),
            clock,
            config.capacity,
            hours=config.hours,
            event_feeds=config.event_feeds,
        )
        return KioskApp(community, config, lock=lock, timer=Stopwatch())

    return make


@pytest.fixture
def snap_compare(snap_compare: Callable[..., bool]) -> SnapCompare:
    """The plugin's comparison, with every text cursor held still before the picture, so
    that a busy machine never catches one mid-blink."""

    def compare(app: App[None], *, run_before: RunBefore | None = None, **options: object) -> bool:
        async def then_hold_cursors(pilot: Pilot[None]) -> None:
            if run_before is not None:
                await run_before(pilot)
            screen = pilot.app.screen
            for field in [*screen.query(Input), *screen.query(TextArea)]:
                field.cursor_blink = False
            await pilot.pause()

        return snap_compare(app, run_before=then_hold_cursors, **options)

    return compare
