"""Driving the kiosk in tests as a person would, and reading back what it shows and stores."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from kiosk.access.pin import hash_pin
from kiosk.community.community import Community
from kiosk.storage.store import Store
from kiosk.timekeeping.opening import NO_HOURS, OpeningHours
from screens.app import KioskApp
from screens.masthead import Masthead
from tests.conftest import FakeClock
from tests.core.test_scanning import PERSON

PIN = "2468"
PIN_HASH = hash_pin(PIN, salt="tests")


def stored(data_dir: Path, clock: FakeClock) -> Community:
    """The community as another process would read it from disk now, on the test clock."""
    return Community(Store.open(data_dir), clock)


def shown(pilot: Pilot) -> str:
    """All text on the current screen: the masthead, labels, statics (the board's cards
    among them) and list options."""
    screen = pilot.app.screen
    parts = [str(masthead.render()) for masthead in screen.query(Masthead)]
    parts += [str(widget.render()) for widget in screen.query(Static) if widget.display]
    for options in screen.query(OptionList):
        parts += [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    return "\n".join(parts)


BACKGROUND = ("refresh", "search")
"""Worker groups the kiosk runs by itself, each replacing the last: not waited for."""


def everyone_here(
    data_dir: Path,
    clock: FakeClock,
    since: timedelta = timedelta(hours=1),
    hours: OpeningHours = NO_HOURS,
) -> None:
    """All thirty demo members checked in; María José the first, `since` ago (an hour),
    in the opening `hours` she came in."""
    community = Community(Store.open(data_dir), clock, hours=hours)
    community.check_out("m01demo")
    community.clock = lambda: clock.now - since
    community.check_in("m01demo")
    community.clock = clock
    for member in community.members():
        if community.visit_of(member.id) is None:
            community.check_in(member.id)


def ada_with_a_shout_out(data_dir: Path, clock: FakeClock) -> None:
    """Ada Lovelace registers (she could use a hand with laser cutting), and five minutes
    later Björn leaves her a shout-out: her first check-in has all a welcome can say."""
    community = stored(data_dir, clock)
    ada = community.add_member(
        "Ada Lovelace", ("electronics", "design"), looking_for=["laser cutting"]
    )
    clock.advance(minutes=5)
    community.post_shoutout("m02demo", ada.id, "Welcome! Come by the workshop any time.")


async def settle(pilot: Pilot) -> None:
    """Let store calls and PIN checks finish and the screen catch up."""
    await pilot.pause()
    # A finished call may start another (a second scan waits on the first); and what it
    # opens, a screen or a notification, takes a frame or two more to be shown.
    while waited := [
        worker
        for worker in pilot.app.workers
        if worker.group not in BACKGROUND and not worker.is_finished
    ]:
        await pilot.app.workers.wait_for_complete(waited)
        await pilot.pause()
    await pilot.pause()
    await pilot.pause()


async def type_text(pilot: Pilot, text: str) -> None:
    """Type `text` as a person does, a key every PERSON seconds of the kiosk's timer, so
    that it is never taken for a badge scanner; every key has reached the screen after."""
    await type_every(pilot, PERSON, text)


async def type_burst(pilot: Pilot, text: str) -> None:
    """Keys arriving all at once, as a paste or a badge scanner sends them, and then a
    pause, after which whatever they were not has reached the screen."""
    for char in text:
        pilot.app.post_message(events.Key(_key_name(char), char))
    await pilot.pause()
    await keys_go_quiet(pilot)


async def type_every(pilot: Pilot, seconds: float, text: str) -> None:
    """Type `text` a key every `seconds` of the kiosk's timer (a quick typist's 0.02 is
    quicker than any person the scanner gate expects); every key has reached the screen
    after."""
    for char in text:
        _stopwatch(pilot).advance(seconds)
        await pilot.press(_key_name(char))
    await keys_go_quiet(pilot)


def _key_name(char: str) -> str:
    return {" ": "space", "\r": "enter"}.get(char, char)


async def scan_badges(pilot: Pilot, *codes: str, end: str = "enter") -> None:
    """Scan badges with these codes, one right after the other, as a USB scanner types
    them: all at once, each ended with `end` ('enter', 'tab' or 'ctrl+j'); then let the
    check-ins be saved."""
    ending = {"enter": "\r", "tab": "\t", "ctrl+j": "\n"}[end]
    for code in codes:
        for char in code:
            pilot.app.post_message(events.Key(char, char))
        pilot.app.post_message(events.Key(end, ending))
    await settle(pilot)


async def keys_go_quiet(pilot: Pilot) -> None:
    """A moment passes without a key, so that keys the kiosk held back in case they were
    a badge scan reach the screen (its own timer would do it on the moment)."""
    _stopwatch(pilot).advance(PERSON)
    app = pilot.app
    assert isinstance(app, KioskApp)
    await app.scan_gate.let_typing_through()
    await pilot.pause()


def toasts(pilot: Pilot) -> list[str]:
    """The notifications on screen now; the app must run with `notifications=True`."""
    return [str(toast.render()) for toast in pilot.app.screen.query("Toast").results(Static)]


def _stopwatch(pilot: Pilot) -> Stopwatch:
    timer = pilot.app.timer
    assert isinstance(timer, Stopwatch), "the kiosk runs on the tests' Stopwatch"
    return timer


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
    assert isinstance(app, KioskApp)
    _stopwatch(pilot).advance(seconds)
    app.tick()
    await settle(pilot)
