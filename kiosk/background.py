"""Starting a `kiosk` command as a process of its own, so nobody at the door waits for it
(the daily backup, the outbox's delivery)."""

from __future__ import annotations

import sys
from pathlib import Path


def start_command(arguments: list[str], data_dir: Path, config_file: Path | None) -> None:
    """Run `kiosk ARGUMENTS` on the data folder in the background, detached from this
    process and its terminal; it reports its own problems where the kiosk reads them."""
    import subprocess  # late: most commands start no process of their own

    command = [sys.executable, "-m", "kiosk.cli.main", *arguments, "--data", str(data_dir)]
    if config_file is not None:
        command += ["--config", str(config_file)]
    subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
