"""A badge scanner and a person on the same keyboard, in a small app hooked up the way the
kiosk hooks up `ScanRecognizer`: every key goes through it at the App, before any widget
sees it. The test's clock stands still until the test moves it; the timer that lets held
keys go is fired by the test after moving the clock."""

from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.timer import Timer
from textual.widgets import Input, Label

from kiosk.badges.scanning import Outcome, Scan, ScanRecognizer, typed
from tests.core.test_scanning import PERSON, SCANNER


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class ScanningApp(App[None]):
    """An input with focus, and a label that says the last scan."""

    def __init__(self, clock: Clock) -> None:
        super().__init__()
        self.clock = clock
        self.scanner: ScanRecognizer[events.Key] = ScanRecognizer()
        self.scans: list[Scan] = []
        self.submitted: list[str] = []
        self._expiry: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Input(id="search")
        yield Label("", id="scanned")

    # -- the hook ---------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        # Keys fresh from the terminal only: a key a widget has seen and let bubble up is
        # `is_forwarded`, and goes its usual way.
        if isinstance(event, events.Key) and not event.is_forwarded:
            # The kiosk's clock is time.monotonic; here it is the test's.
            character = typed(event.key, event.character)
            await self._follow(self.scanner.press(event, character, self.clock()))
        else:
            await super().on_event(event)

    async def release_expired(self) -> None:
        """The timer: a burst that went quiet was typing, so its keys go on."""
        await self._follow(self.scanner.expire(self.clock()))

    async def _follow(self, outcome: Outcome[events.Key]) -> None:
        for key in outcome.release:
            await super().on_event(key)  # to bindings and the focused widget, in order
        if outcome.scan is not None:
            self.scans.append(outcome.scan)
            if not outcome.scan.repeat:
                self.query_one("#scanned", Label).update(f"Scanned {outcome.scan.code}")
        if self._expiry is not None:
            self._expiry.stop()
            self._expiry = None
        if outcome.deadline is not None:
            delay = max(outcome.deadline - self.clock(), 0)
            self._expiry = self.set_timer(delay, self.release_expired)

    # ----------------------------------------------------------------------------------

    def on_input_submitted(self, message: Input.Submitted) -> None:
        self.submitted.append(message.value)


async def keys(pilot: Pilot[None], clock: Clock, presses: list[str], every: float) -> None:
    """Press `presses` `every` seconds apart on the test's clock."""
    for key in presses:
        clock.now += every
        await pilot.press(key)


async def time_passes(pilot: Pilot[None], clock: Clock, seconds: float) -> None:
    """Move the clock, and fire the timer as it would have fired in that time."""
    clock.now += seconds
    app = pilot.app
    assert isinstance(app, ScanningApp)
    app.call_later(app.release_expired)
    await pilot.pause()


async def test_a_scan_is_reported_and_types_nothing_into_the_input() -> None:
    clock = Clock()
    app = ScanningApp(clock)
    async with app.run_test() as pilot:
        await keys(pilot, clock, [*"7G4KQ9ZX2M", "enter"], every=SCANNER)
        await time_passes(pilot, clock, 1)
        assert app.scans == [Scan("7G4KQ9ZX2M", repeat=False)]
        assert str(app.query_one("#scanned", Label).content) == "Scanned 7G4KQ9ZX2M"
        assert app.query_one(Input).value == ""
        assert app.submitted == []


async def test_what_a_person_types_reaches_the_input_in_order_and_enter_submits_it() -> None:
    clock = Clock()
    app = ScanningApp(clock)
    async with app.run_test() as pilot:
        await keys(pilot, clock, [*"Margarethe"], every=PERSON)
        await time_passes(pilot, clock, PERSON)
        assert app.query_one(Input).value == "Margarethe"
        await keys(pilot, clock, ["enter"], every=PERSON)
        assert app.submitted == ["Margarethe"]
        assert app.scans == []


async def test_a_held_burst_that_is_no_scan_reaches_the_input_when_it_goes_quiet() -> None:
    clock = Clock()
    app = ScanningApp(clock)
    async with app.run_test() as pilot:
        await keys(pilot, clock, [*"7G4KQ9ZX"], every=SCANNER)
        assert app.query_one(Input).value == ""  # held: it may still be a scan
        await time_passes(pilot, clock, PERSON)
        assert app.query_one(Input).value == "7G4KQ9ZX"
        assert app.scans == []


async def test_a_short_quick_burst_and_its_enter_reach_the_input_in_order() -> None:
    clock = Clock()
    app = ScanningApp(clock)
    async with app.run_test() as pilot:
        await keys(pilot, clock, [*"abc", "enter"], every=SCANNER)
        assert app.submitted == ["abc"]


async def test_the_same_badge_again_at_once_is_a_repeat_and_changes_nothing() -> None:
    clock = Clock()
    app = ScanningApp(clock)
    async with app.run_test() as pilot:
        await keys(pilot, clock, [*"7G4KQ9ZX2M", "enter"], every=SCANNER)
        await time_passes(pilot, clock, 1)
        await keys(pilot, clock, [*"7G4KQ9ZX2M", "enter", *"0123456789", "enter"], every=SCANNER)
        assert app.scans == [
            Scan("7G4KQ9ZX2M", repeat=False),
            Scan("7G4KQ9ZX2M", repeat=True),
            Scan("0123456789", repeat=False),
        ]
        assert str(app.query_one("#scanned", Label).content) == "Scanned 0123456789"
        assert app.query_one(Input).value == ""
