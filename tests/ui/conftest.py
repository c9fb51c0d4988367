"""A kiosk on the demo community, with a clock that stands still unless a test moves it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.community import Community
from kiosk.config import Config
from kiosk.demo import seed_demo
from kiosk.store import Store
from screens.app import KioskApp
from tests.ui.driving import NOW, PIN_HASH, StillClock


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    seed_demo(folder, NOW)
    return folder


@pytest.fixture
def clock() -> StillClock:
    return StillClock()


@pytest.fixture
def make_app(data_dir: Path, clock: StillClock) -> Callable[..., KioskApp]:
    """Build a kiosk on the demo community; keyword arguments change its config."""

    def make(lock: bool = True, **settings: object) -> KioskApp:
        config = replace(
            Config(space_name="Makerspace North", data_dir=data_dir, host_pin_hash=PIN_HASH),
            **settings,
        )
        community = Community(Store.open(data_dir), clock, config.capacity)
        return KioskApp(community, config, lock=lock)

    return make
