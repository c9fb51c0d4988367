"""A kiosk on the demo community, on the shared clock that stands still until moved."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.community import Community
from kiosk.config import Config
from kiosk.store import Store
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
