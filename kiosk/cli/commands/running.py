"""What every command shares: the clock, opening the community, and saying it is saved."""

from __future__ import annotations

import gc
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from kiosk.community.community import Community, utc_now
from kiosk.config import Config
from kiosk.errors import KioskError
from kiosk.language import _
from kiosk.output import json_text, say, warn
from kiosk.storage import daily_backup
from kiosk.storage.files import write_atomically
from kiosk.timekeeping.opening import current_day

__all__ = [
    "now",
    "open_community",
    "print_json",
    "runs_until_stopped",
    "saved",
    "telling_chat",
    "write_privately",
]


def now() -> datetime:
    """Now, by the clock commands use (tests replace `utc_now` with one they control)."""
    return utc_now()


def runs_until_stopped() -> None:
    """Turn the garbage collector on for a command that runs until it is stopped (the
    kiosk, the wall board, the web server): `kiosk.cli.main.run` leaves it off for the
    commands that end once their work is done, but screens drawn for days leave cycles."""
    gc.enable()


def open_community(config: Config, create: bool = False) -> Community:
    """The community in the data folder, which must exist unless `create`."""
    return Community.open(config, now, create, on_change=backup_when_due(config))


def backup_when_due(config: Config) -> Callable[[Community], None]:
    """After a change, start today's backup if none was made yet."""

    def after_change(community: Community) -> None:
        if daily_backup.due(
            community.store.root, current_day(community.clock(), community.zone).isoformat()
        ):
            start_backup(config)

    return after_change


def start_backup(config: Config) -> None:
    """Today's backup, made in the background (tests make it in-process instead)."""
    daily_backup.start_in_background(config.data_dir, config.source)


def saved(community: Community) -> int:
    """The change is saved: exit 0, but let a host know if the last backup failed."""
    problem = daily_backup.last_problem(community.store.root)
    if problem:
        warn(problem)
    return 0


@contextmanager
def telling_chat(community: Community, config: Config) -> Iterator[None]:
    """Make the block's change at the door and, in the same change, queue what the space's
    chat is due after it (the space opened or closed): one write, as the change alone
    would be. The change is saved whatever becomes of the news, and a host is told if it
    could not be queued."""
    if not config.tells_timed_news:
        yield
        return  # and the notices are not even loaded
    from kiosk.notices import delivery
    from kiosk.notices.chat import queue_chat_news

    with community.writing():
        yield
        try:
            if queue_chat_news(community, config):
                delivery.start_in_background(config)  # once the change is made
        except KioskError as error:
            warn(_("the chat was not told: {error}").format(error=error))


def print_json(value: Any) -> int:
    say(json_text(value))
    return 0


def write_privately(path: Path, write: Callable[[TextIO], int]) -> int:
    """Write the text `write` writes to `path` as the data folder's files are written: for
    its owner alone, whole or not at all, and never through a link planted at its name
    (what a host exports names members). Returns what `write` returns."""
    text = io.StringIO(newline="")
    count = write(text)
    write_atomically(path, text.getvalue().encode())
    return count


def asked(question: str) -> bool:
    """Whether the person at the terminal answers yes to `question` (no is the default)."""
    return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")
