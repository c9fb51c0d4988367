"""The host PIN prompt that stands between the kiosk and quitting."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from kiosk.pin import pin_matches
from screens.commands import Cancel

if TYPE_CHECKING:
    from textual import getters

    from screens.app import KioskApp

FREE_TRIES = 3
"""Wrong PINs allowed before each further try has to wait."""


@dataclass(slots=True)
class WrongTries:
    """Wrong PINs so far; kept by the app, so closing the prompt does not reset it."""

    count: int = 0


class PinScreen(ModalScreen[bool]):
    """Dismisses with True once the right host PIN is entered."""

    CSS_PATH = "pin.tcss"
    if TYPE_CHECKING:
        app = getters.app(KioskApp)

    BINDINGS = [Cancel.binding()]

    def __init__(self, pin_hash: str, wrong: WrongTries) -> None:
        super().__init__()
        self.pin_hash = pin_hash
        self.wrong = wrong
        self.retry_at: float | None = None
        """When the next try is allowed, on the app's timer; None when it is now."""

    def on_mount(self) -> None:
        self.app.ticked.subscribe(self, self.tick)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Host PIN to quit the kiosk", classes="title")
            if self.pin_hash:
                yield Input(password=True, placeholder="PIN", id="pin")
                yield Label("Escape to go back.", id="pin-message", classes="hint")
            else:
                yield Label(
                    "No host PIN is set, so the kiosk cannot be quit here. Make one with "
                    "`kiosk hash-pin` and put it in the config as host_pin_hash.",
                    classes="hint",
                )

    @on(Input.Submitted, "#pin")
    def check(self, event: Input.Submitted) -> None:
        self.verify(event.value)

    @work(thread=True, exclusive=True)
    def verify(self, pin: str) -> None:
        # Hashing takes a moment on purpose; keep the screen responsive meanwhile.
        if pin_matches(pin, self.pin_hash):
            self.wrong.count = 0
            self.app.call_from_thread(self.dismiss, True)
        else:
            self.app.call_from_thread(self.wrong_pin)

    def wrong_pin(self) -> None:
        self.wrong.count += 1
        entry = self.query_one("#pin", Input)
        entry.value = ""
        message = self.query_one("#pin-message", Label)
        if self.wrong.count < FREE_TRIES:
            message.update("That PIN is not right. Try again.")
            return
        # Guessing gets slower with every wrong try: 2, 4, 8… seconds, at most a minute.
        wait = min(2 ** (self.wrong.count - FREE_TRIES + 1), 60)
        message.update(f"That PIN is not right. Wait {wait} seconds, then try again.")
        entry.disabled = True
        self.retry_at = self.app.timer() + wait

    def tick(self, now: float) -> None:
        if self.retry_at is not None and now >= self.retry_at:
            self.allow_retry()

    def allow_retry(self) -> None:
        self.retry_at = None
        entry = self.query_one("#pin", Input)
        entry.disabled = False
        entry.focus()
        self.query_one("#pin-message", Label).update("Try again, or Escape to go back.")

    def action_back(self) -> None:
        self.dismiss(False)
