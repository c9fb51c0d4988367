"""Driving the kiosk in tests as a person would, and reading back what it shows and stores."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from kiosk.community import Community
from kiosk.pin import hash_pin
from kiosk.store import Store
from tests.conftest import FakeClock

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


def everyone_here(data_dir: Path, clock: FakeClock) -> None:
    """All thirty demo members checked in; María José since Tuesday 08:00, two days ago."""
    community = stored(data_dir)
    community.check_out("m01demo")
    community.clock = lambda: clock.now - timedelta(days=2, hours=1)
    community.check_in("m01demo")
    community.clock = clock
    for member in community.members():
        if community.visit_of(member.id) is None:
            community.check_in(member.id)


async def settle(pilot: Pilot) -> None:
    """Let store calls and PIN checks finish and the screen catch up."""
    await pilot.pause()
    waited = [worker for worker in pilot.app.workers if worker.group not in BACKGROUND]
    await pilot.app.workers.wait_for_complete(waited)
    await pilot.pause()


async def type_text(pilot: Pilot, text: str) -> None:
    await pilot.press(*("space" if char == " " else char for char in text))


async def type_burst(pilot: Pilot, text: str) -> None:
    """Keys arriving all at once, as a paste or a badge scanner sends them."""
    for char in text:
        pilot.app.post_message(events.Key(char, char))
    await pilot.pause()
    await pilot.pause()


def toasts(pilot: Pilot) -> list[str]:
    """The notifications on screen now; the app must run with `notifications=True`."""
    return [str(toast.render()) for toast in pilot.app.screen.query("Toast").results(Static)]


class Stopwatch:
    """The kiosk's timer for idle time and countdowns; it moves only when a test moves it."""

    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds

    def advance(self, seconds: float) -> None:
        self.seconds += seconds


async def let_time_pass(pilot: Pilot, seconds: float) -> None:
    """Move the kiosk's timer on by `seconds`, and let the kiosk notice."""
    app = pilot.app
    assert isinstance(app.timer, Stopwatch)
    app.timer.advance(seconds)
    app.tick()
    await settle(pilot)
