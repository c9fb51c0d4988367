"""Driving the kiosk in tests as a person would, and reading back what it shows and stores."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from kiosk.community import Community
from kiosk.pin import hash_pin
from kiosk.store import Store

PIN = "2468"
PIN_HASH = hash_pin(PIN, salt="tests")


def stored(data_dir: Path) -> Community:
    """The community as another process would read it from disk now."""
    return Community(Store.open(data_dir))


def shown(pilot: Pilot) -> str:
    """All text on the current screen: labels, statics and list options."""
    screen = pilot.app.screen
    parts = [str(widget.render()) for widget in screen.query(Static) if widget.display]
    for options in screen.query(OptionList):
        parts += [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    return "\n".join(parts)


BACKGROUND = ("refresh", "search")
"""Worker groups the kiosk runs by itself, each replacing the last: not waited for."""


async def settle(pilot: Pilot) -> None:
    """Let store calls and PIN checks finish and the screen catch up."""
    await pilot.pause()
    waited = [worker for worker in pilot.app.workers if worker.group not in BACKGROUND]
    await pilot.app.workers.wait_for_complete(waited)
    await pilot.pause()


async def type_text(pilot: Pilot, text: str) -> None:
    await pilot.press(*("space" if char == " " else char for char in text))
