"""Long work at the command line shows how far it has come, on a terminal only."""

from __future__ import annotations

import io
import sys

import pytest

from tests.cli.running import Kiosk


class Terminal(io.StringIO):
    """Standard error a person watches."""

    def isatty(self) -> bool:
        return True


def test_a_large_demo_shows_its_days_of_history(
    kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    seeded = kiosk("demo", "--members", "40", "--history-days", "20")
    assert seeded.code == 0
    shown = terminal.getvalue()
    assert "\rDays of history [" + "#" * 30 + "] 20/20" in shown
    assert "] 10/20" in shown
    # wiped at the end, so what is said next starts on a clean line
    assert shown.endswith("\r" + " " * len("Days of history [] 20/20" + "#" * 30) + "\r")


def test_a_backup_shows_its_files(kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch) -> None:
    assert kiosk("demo", "--members", "40", "--history-days", "3").code == 0
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    made = kiosk("backup")
    assert made.code == 0
    files = int(made.out.split()[2])
    assert "\rBacking up files [" in terminal.getvalue()
    assert f"] {files - 1}/{files}" in terminal.getvalue()


def test_without_a_terminal_no_progress_is_drawn(kiosk: Kiosk) -> None:
    seeded = kiosk("demo", "--members", "40", "--history-days", "20")
    made = kiosk("backup")
    assert (seeded.err, made.err) == ("", "")
