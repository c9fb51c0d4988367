"""The `kiosk` fixture: the command run in-process, in a temporary folder, on the test clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.running import Kiosk


@pytest.fixture
def kiosk(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Kiosk:
    """The kiosk command, run in tmp_path (so its default data folder is
    tmp_path/kiosk-data) with the `clock` fixture's time (as every test has)."""
    monkeypatch.chdir(tmp_path)
    return Kiosk(capsys)


@pytest.fixture
def no_one_yet(kiosk: Kiosk, tmp_path: Path) -> Kiosk:
    """The kiosk command on a data folder that exists but holds nobody yet."""
    (tmp_path / "kiosk-data").mkdir()
    return kiosk
