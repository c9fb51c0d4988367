"""docs/deploy.md, the guide to a kiosk machine that runs itself: its systemd units are
valid, and the kiosk commands it runs exist."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.running import Kiosk

GUIDE = (Path(__file__).parents[2] / "docs" / "deploy.md").read_text(encoding="utf-8")
UNITS = dict(re.findall(r"`/etc/systemd/system/([\w.-]+)`[^\n]*\n\n```ini\n(.*?)```", GUIDE, re.S))
INSTALLED = "/opt/kiosk/venv/bin/kiosk"


def test_the_guide_has_the_kiosk_the_board_and_three_nightly_jobs_each_with_a_timer() -> None:
    assert sorted(UNITS) == [
        "kiosk-backup.service",
        "kiosk-backup.timer",
        "kiosk-board.service",
        "kiosk-close-day.service",
        "kiosk-close-day.timer",
        "kiosk-spaceapi.service",
        "kiosk-spaceapi.timer",
        "kiosk.service",
    ]
    for name in ("kiosk.service", "kiosk-board.service"):
        assert "Restart=on-failure" in UNITS[name]


def test_systemd_accepts_every_unit(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed here")
    kiosk = Path(sys.executable).parent / "kiosk"
    for name, text in UNITS.items():
        # The units name where the guide installs the kiosk; here it is installed elsewhere.
        (tmp_path / name).write_text(text.replace(INSTALLED, str(kiosk)), encoding="utf-8")
    checked = subprocess.run(
        [analyze, "verify", *sorted(str(path) for path in tmp_path.iterdir())],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (checked.returncode, checked.stderr) == (0, "")


def test_every_kiosk_command_in_the_guide_exists(kiosk: Kiosk) -> None:
    used = set(re.findall(rf"{re.escape(INSTALLED)} --config \S+ ([a-z-]+)", GUIDE))
    assert {"serve", "board", "backup", "spaceapi", "doctor", "close-day"} <= used
    assert [command for command in sorted(used) if kiosk(command, "--help").code != 0] == []
