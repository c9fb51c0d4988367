"""The day's backup as every change sees it: whether it is due, starting it in a process of
its own, and why the last one failed. Apart from kiosk.storage.backups, which makes, checks
and restores backups, so that a change at the door loads only these few lines."""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.background import start_command
from kiosk.errors import DataError
from kiosk.storage.files import read_regular

FOLDER = "backups"
"""The data folder's folder of backups."""
_NAME = re.compile(r"\d{6}-\d{4}-\d\d-\d\d")
"""A backup's folder: its number, then the local day it was made on."""
PROBLEM = "problem.txt"
"""Why the last backup could not be made, until one is; read by the kiosk and the CLI."""


def numbered(folder: Path) -> list[Path]:
    """The folder of each backup in `folder`, whether or not it reads."""
    try:
        return [p for p in folder.iterdir() if _NAME.fullmatch(p.name) and p.is_dir()]
    except FileNotFoundError:
        return []


def due(root: Path, today: str) -> bool:
    """Whether no backup of the data folder `root` was made on `today` (a local date, as
    ISO text) yet. Cheap: it reads folder names only, so every change can ask."""
    newest = max(numbered(root / FOLDER), key=lambda p: p.name, default=None)
    return newest is None or newest.name[7:] != today


def last_problem(root: Path) -> str | None:
    """Why the last backup of the data folder `root` failed, if it did."""
    try:
        return read_regular(root / FOLDER / PROBLEM).decode("utf-8", "replace").strip() or None
    except DataError:
        return None


def start_in_background(data_dir: Path, config_file: Path | None) -> None:
    """Make today's backup in a process of its own, so nobody at the door waits for it.

    It reports a failure in backups/problem.txt, which the kiosk and the CLI pass on.
    """
    start_command(["backup", "--if-due"], data_dir, config_file)
