"""The `kiosk` fixture: the command run in-process, in a temporary folder, on the test clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.commands import running
from tests.cli.running import Kiosk
from tests.conftest import FakeClock


@pytest.fixture
def kiosk(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    clock: FakeClock,
) -> Kiosk:
    """The kiosk command, run in tmp_path (so its default data folder is
    tmp_path/kiosk-data) with the `clock` fixture's time."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(running, "utc_now", clock)
    return Kiosk(capsys)


@pytest.fixture
def no_one_yet(kiosk: Kiosk, tmp_path: Path) -> Kiosk:
    """The kiosk command on a data folder that exists but holds nobody yet."""
    (tmp_path / "kiosk-data").mkdir()
    return kiosk
