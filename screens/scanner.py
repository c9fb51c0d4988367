"""The badge scanner, heard on every screen: keys go through `ScanGate` before any screen
sees them, so a scan is never typed into the field that has focus.

A USB scanner types a badge code fast and ends it with Enter, Tab or a line feed. The gate
holds back a quick burst of keys that could still be a badge code (`kiosk.badges.scanning`): when
it ends as one, the keys are swallowed and `BadgeScanned` is posted; anything else goes on,
in order, a few hundredths of a second late. Heard at the app rather than in an input, two
scans in a row stay two scans; an input would take them as one value.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual import events
from textual.app import App
from textual.message import Message
from textual.timer import Timer

from kiosk.badges.codes import could_begin_door_code, is_door_code
from kiosk.badges.scanning import Outcome, ScanRecognizer, typed


class BadgeScanned(Message):
    """A badge was scanned. Posted to the screen in front; a screen that gives a scan a
    meaning of its own handles it and stops it, else it bubbles up to the app, which checks
    the member in or out."""

    def __init__(self, code: str, repeat: bool) -> None:
        super().__init__()
        self.code = code
        """As the scanner typed it; `kiosk.badges.codes.normalize_badge_code` reads it."""
        self.repeat = repeat
        """The same badge was scanned a moment ago (a badge held under the scanner)."""


class ScanGate:
    """Between the keyboard and the screens. `key` takes every fresh key the app gets;
    `deliver` is how a key goes on to bindings and the focused widget (the app's own
    handling); `timer` is the app's, which tests move."""

    def __init__(
        self,
        app: App[Any],
        timer: Callable[[], float],
        deliver: Callable[[events.Key], Awaitable[None]],
    ) -> None:
        self._app = app
        self._timer = timer
        self._deliver = deliver
        self._recognizer: ScanRecognizer[events.Key] = ScanRecognizer(
            may_begin=could_begin_door_code, is_code=is_door_code
        )
        self._expiry: Timer | None = None

    @property
    def holding(self) -> bool:
        """Whether keys are held back, not yet known to be typing or a scan."""
        return self._recognizer.holding

    async def key(self, event: events.Key) -> None:
        """A key fresh from the keyboard."""
        character = typed(event.key, event.character)
        await self._follow(self._recognizer.press(event, character, self._timer()))

    async def let_typing_through(self) -> None:
        """Keys held for a burst that has gone quiet were typing: they go on, in order.
        The gate's own timer calls this at the burst's deadline."""
        await self._follow(self._recognizer.expire(self._timer()))

    async def _follow(self, outcome: Outcome[events.Key]) -> None:
        for key in outcome.release:
            await self._deliver(key)
        if outcome.scan is not None:
            scanned = BadgeScanned(outcome.scan.code, outcome.scan.repeat)
            self._app.screen.post_message(scanned)
        if self._expiry is not None:
            self._expiry.stop()
            self._expiry = None
        if outcome.deadline is not None:
            delay = max(outcome.deadline - self._timer(), 0)
            self._expiry = self._app.set_timer(delay, self.let_typing_through, name="scan-gate")
