"""Fixtures shared by every test: local time pinned to UTC, the user's and the machine's
own config files out of reach, a clock that moves only when told, a community in a
temporary folder, and the demo community on disk."""

from __future__ import annotations

import io
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.community.community import Community
from kiosk.config import Config
from kiosk.demo.seeding import seed_demo
from kiosk.storage.store import Store

START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
"""When every test's clock starts: a Thursday morning."""


class FakeClock:
    """A clock for `Community(clock=...)` that stands still until a test moves it."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: float = 0, hours: float = 0, days: float = 0) -> datetime:
        """Move time forward, and return the new now."""
        self.now += timedelta(minutes=minutes, hours=hours, days=days)
        return self.now


@contextmanager
def machine_time_zone(zone: str) -> Iterator[None]:
    """The machine's local time in `zone` for a while, then UTC again, as every test has."""
    os.environ["TZ"] = zone
    time.tzset()
    try:
        yield
    finally:
        os.environ["TZ"] = "UTC"
        time.tzset()


@pytest.fixture(autouse=True)
def utc_local_time() -> Iterator[None]:
    """Show local times as UTC, so '09:00' means the same on every machine."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.fixture(autouse=True)
def english_to_start() -> Iterator[None]:
    """Every test starts with the kiosk speaking English, and leaves it so."""
    from kiosk import language

    language.speak(language.ENGLISH)
    yield
    language.speak(language.ENGLISH)


@pytest.fixture(autouse=True)
def own_config_out_of_reach(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Keep this machine's config files from every test: HOME and XDG_CONFIG_HOME point at
    an empty temporary folder, KIOSK_CONFIG is unset, and the machine's config file is
    looked for in that folder too. Returns the folder, standing for the user's home."""
    from kiosk import config

    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("KIOSK_CONFIG", raising=False)
    monkeypatch.setattr(config, "SYSTEM_CONFIG", home / "etc" / "kiosk" / "config.toml")
    return home


@pytest.fixture(autouse=True)
def backups_made_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """The daily backup, which the command line starts as a process of its own, is made
    here instead, to its end, so no test leaves a process behind."""
    from kiosk.cli import main as cli
    from kiosk.cli.commands import running

    def made_here(config: Config) -> None:
        named = ["--config", str(config.source)] if config.source is not None else []
        # What it says goes nowhere, as the background process's does.
        with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
            cli.main(["--data", str(config.data_dir), *named, "backup", "--if-due"])

    monkeypatch.setattr(running, "start_backup", made_here)


@pytest.fixture(autouse=True)
def deliveries_started(monkeypatch: pytest.MonkeyPatch) -> list[Config]:
    """The outbox's delivery, which commands start as a process of their own: here only
    counted, so no test leaves a process behind; a test delivers in-process when it
    means to, on its own clock."""
    from kiosk.notices import delivery

    started: list[Config] = []
    monkeypatch.setattr(delivery, "start_in_background", started.append)
    return started


@pytest.fixture
def clock() -> FakeClock:
    """The clock the `community` and `demo_data` fixtures use, at START."""
    return FakeClock()


@pytest.fixture(autouse=True)
def commands_on_the_test_clock(monkeypatch: pytest.MonkeyPatch, clock: FakeClock) -> None:
    """Commands run in-process (`cli.main`) tell the time by the `clock` fixture: no test
    meets the real date, so the suite passes on any day."""
    from kiosk.cli.commands import running

    monkeypatch.setattr(running, "utc_now", clock)


@pytest.fixture
def community(tmp_path: Path, clock: FakeClock) -> Community:
    """An empty community in tmp_path/data, on the `clock` fixture's time, with no capacity."""
    return Community(Store.open(tmp_path / "data"), clock=clock)


@pytest.fixture
def demo_data(tmp_path: Path, clock: FakeClock) -> Path:
    """The demo community (30 members, 6 here, 5 shout-outs) seeded at the clock's now;
    returns its data folder. Open it with `Community(Store.open(demo_data), clock=clock)`
    (not together with `community`, which uses the same folder)."""
    data = tmp_path / "data"
    seed_demo(data, clock())
    return data
