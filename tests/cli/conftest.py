"""The `kiosk` fixture: the command run in-process, in a temporary folder, on the test clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.running import Kiosk

HOSTS_CONFIG = Path("kiosk.toml")
"""The config the `kiosk` fixture finds in its folder."""


@pytest.fixture
def kiosk(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Kiosk:
    """The kiosk command, run in tmp_path with the `clock` fixture's time (as every test
    has). There it finds the host's config, kiosk.toml, with every setting as it comes,
    so its data folder is tmp_path/kiosk-data; a test of the defaults removes it."""
    monkeypatch.chdir(tmp_path)
    HOSTS_CONFIG.write_text("# Every setting as it comes.\n")
    return Kiosk(capsys)


@pytest.fixture
def no_one_yet(kiosk: Kiosk, tmp_path: Path) -> Kiosk:
    """The kiosk command on a data folder that exists but holds nobody yet."""
    (tmp_path / "kiosk-data").mkdir()
    return kiosk
