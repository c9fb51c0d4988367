"""Driving the kiosk in tests as a person would, and reading back what it shows and stores."""

from __future__ import annotations

from contextlib import suppress
from datetime import timedelta
from pathlib import Path
from typing import Any, TypeGuard, TypeVar

from textual import events
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.worker import WorkerCancelled

from kiosk.access.pin import hash_pin
from kiosk.community.community import Community
from kiosk.models import Visit
from kiosk.storage.store import Store
from kiosk.timekeeping.opening import NO_HOURS, OpeningHours
from screens.app import KioskApp
from screens.masthead import Masthead
from tests.conftest import FakeClock
from tests.core.test_scanning import PERSON

PIN = "2468"
PIN_HASH = hash_pin(PIN, salt="tests")

S = TypeVar("S", bound=Screen[Any])


def stored(data_dir: Path, clock: FakeClock) -> Community:
    """The community as another process would read it from disk now, on the test clock."""
    return Community(Store.open(data_dir), clock)


def visit_now(data_dir: Path, clock: FakeClock, member_id: str) -> Visit:
    """The visit `member_id` is on now, as stored; the member must be here."""
    visit = stored(data_dir, clock).visit_of(member_id)
    assert visit is not None, f"{member_id} is not here"
    return visit


def showing(screen: Screen[Any], kind: type[S]) -> TypeGuard[S]:
    """Whether `screen` (the kiosk's `app.screen`) is a `kind`. Unlike `isinstance`, it
    does not add to what the type checker already knows of `app.screen`, so a test may
    ask again after a key press has changed the screen."""
    return isinstance(screen, kind)


def shown(pilot: Pilot[None]) -> str:
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


async def settle(pilot: Pilot[None]) -> None:
    """Let store calls and PIN checks finish and the screen catch up."""
    await pilot.pause()
    # A finished call may start another (a second scan waits on the first); and what it
    # opens, a screen or a notification, takes a frame or two more to be shown.
    while waited := [
        worker
        for worker in pilot.app.workers
        if worker.group not in BACKGROUND and not worker.is_finished
    ]:
        # A worker whose screen closed as it finished (a right PIN opens the console) is
        # cancelled with it: its work is done, and it counts as settled.
        with suppress(WorkerCancelled):
            await pilot.app.workers.wait_for_complete(waited)
        await pilot.pause()
    await pilot.pause()
    await pilot.pause()


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type `text` as a person does, a key every PERSON seconds of the kiosk's timer, so
    that it is never taken for a badge scanner; every key has reached the screen after."""
    await type_every(pilot, PERSON, text)


async def type_burst(pilot: Pilot[None], text: str) -> None:
    """Keys arriving all at once, as a paste or a badge scanner sends them, and then a
    pause, after which whatever they were not has reached the screen."""
    for char in text:
        pilot.app.post_message(events.Key(_key_name(char), char))
    await pilot.pause()
    await keys_go_quiet(pilot)


async def type_every(pilot: Pilot[None], seconds: float, text: str) -> None:
    """Type `text` a key every `seconds` of the kiosk's timer (a quick typist's 0.02 is
    quicker than any person the scanner gate expects); every key has reached the screen
    after."""
    for char in text:
        stopwatch(pilot).advance(seconds)
        await pilot.press(_key_name(char))
    await keys_go_quiet(pilot)


def _key_name(char: str) -> str:
    return {" ": "space", "\r": "enter"}.get(char, char)


async def scan_badges(pilot: Pilot[None], *codes: str, end: str = "enter") -> None:
    """Scan badges with these codes, one right after the other, as a USB scanner types
    them: all at once, each ended with `end` ('enter', 'tab' or 'ctrl+j'); then let the
    check-ins be saved."""
    ending = {"enter": "\r", "tab": "\t", "ctrl+j": "\n"}[end]
    for code in codes:
        for char in code:
            pilot.app.post_message(events.Key(char, char))
        pilot.app.post_message(events.Key(end, ending))
    await settle(pilot)


async def keys_go_quiet(pilot: Pilot[None]) -> None:
    """A moment passes without a key, so that keys the kiosk held back in case they were
    a badge scan reach the screen (its own timer would do it on the moment)."""
    stopwatch(pilot).advance(PERSON)
    app = pilot.app
    assert isinstance(app, KioskApp)
    await app.scan_gate.let_typing_through()
    await pilot.pause()


def toasts(pilot: Pilot[None]) -> list[str]:
    """The notifications on screen now; the app must run with `notifications=True`."""
    return [str(toast.render()) for toast in pilot.app.screen.query("Toast").results(Static)]


def kiosk_app(pilot: Pilot[None]) -> KioskApp:
    """The kiosk `pilot` drives (a pilot knows only that it drives some app)."""
    assert isinstance(pilot.app, KioskApp)
    return pilot.app


def stopwatch(pilot: Pilot[None]) -> Stopwatch:
    """The timer the kiosk under `pilot` runs on, for a test to move."""
    timer = kiosk_app(pilot).timer
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


async def let_time_pass(pilot: Pilot[None], seconds: float) -> None:
    """Move the kiosk's timer on by `seconds`, and let the kiosk notice, its reread of the
    data included: what another kiosk or a command wrote meanwhile is then shown."""
    app = kiosk_app(pilot)
    # A tick starts no reread while one runs: one begun before the other's write ends first.
    await rereads_done(app)
    stopwatch(pilot).advance(seconds)
    app.tick()
    await rereads_done(app)
    await settle(pilot)


async def rereads_done(app: KioskApp) -> None:
    await app.workers.wait_for_complete([w for w in app.workers if w.group == "refresh"])
