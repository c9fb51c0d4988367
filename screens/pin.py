"""The host PIN prompt that stands between the kiosk and quitting, or the host console."""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Literal

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from kiosk.access.hosts import HostAccess, Verdict
from kiosk.language import N_, _, ngettext
from screens.commands import CANCEL, KeysInLanguage

if TYPE_CHECKING:
    from textual import getters

    from screens.app import KioskApp

Purpose = Literal["quit", "console"]
ASKING: dict[Purpose, tuple[str, str]] = {
    "quit": (
        N_("Host PIN to quit the kiosk"),
        N_(
            "No host PIN is set, so nobody can quit the kiosk here. Make one with "
            "`kiosk hash-pin` and put it in the config as host_pin_hash."
        ),
    ),
    "console": (
        N_("Host PIN to open the host console"),
        N_(
            "No host PIN is set, so nobody can open the host console here. Make one with "
            "`kiosk hash-pin` and put it in the config as host_pin_hash."
        ),
    ),
}
"""What the prompt asks for each purpose, and what it says when no host PIN is set."""


class PinScreen(KeysInLanguage, ModalScreen[bool]):
    """Dismisses with True once the right host PIN is entered.

    `purpose` says what the PIN is for: quitting the kiosk, or the host console. The wait
    that wrong PINs earn is the kiosk's (`HostAccess`), whatever the purpose, so a new
    prompt keeps to it; while it lasts, nothing can be typed, and the prompt counts it down.
    """

    if TYPE_CHECKING:
        app = getters.app(KioskApp)

    CSS_PATH = "pin.tcss"
    BINDINGS = [CANCEL]

    def __init__(self, access: HostAccess, purpose: Purpose = "quit") -> None:
        super().__init__()
        self.access = access
        self.purpose = purpose
        self._wait_until: datetime | None = None
        self._why = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            title, unset = ASKING[self.purpose]
            yield Label(_(title), classes="title")
            if self.access.pin_hash:
                yield Input(password=True, placeholder=_("PIN"), id="pin")
                yield Label(_("Escape to go back."), id="pin-message", classes="hint")
                yield Label("", id="pin-problem", classes="caution")
            else:
                yield Label(_(unset), classes="hint")

    def on_mount(self) -> None:
        if self.access.pin_hash:
            self.show_problem()
            self.look_up_wait()
            self.app.ticked.subscribe(self, lambda _: self.show_wait())

    @work(thread=True, group="pin-wait")
    def look_up_wait(self) -> None:
        # The wait may come from disk, left by wrong PINs before this prompt opened.
        wait = self.access.wait()
        self.app.call_from_thread(self._start_wait, "", wait)

    @on(Input.Submitted, "#pin")
    def check(self, event: Input.Submitted) -> None:
        entry = event.input
        # Nothing more is typed while this PIN is checked; it takes a moment on purpose.
        entry.disabled = True
        self.query_one("#pin-message", Label).update(_("Checking…"))
        self.verify(entry.value)
        entry.value = ""

    @work(thread=True, group="pin-check")
    def verify(self, pin: str) -> None:
        verdict = self.access.try_pin(pin)
        self.app.call_from_thread(self._judged, verdict)

    def _judged(self, verdict: Verdict) -> None:
        if not self.is_current:  # gone back meanwhile; a new prompt asks afresh
            return
        self.show_problem()
        if verdict.outcome == "right":
            self.dismiss(True)
        elif verdict.outcome == "wrong":
            self._start_wait(_("That PIN is not right."), verdict.wait)
        else:
            self._start_wait("", verdict.wait)

    def _start_wait(self, why: str, wait: timedelta) -> None:
        if not self.is_current:
            return
        self.show_problem()
        entry = self.query_one("#pin", Input)
        if wait <= timedelta(0):
            entry.disabled = False
            entry.focus()
            message = _("{why} Try again.").format(why=why) if why else _("Escape to go back.")
            self.query_one("#pin-message", Label).update(message)
            return
        self._why = why
        self._wait_until = self.access.clock() + wait
        self.show_wait()

    def show_wait(self) -> None:
        """Count the wait down, and let the host type once it is over (once a second)."""
        if self._wait_until is None:
            return
        entry = self.query_one("#pin", Input)
        message = self.query_one("#pin-message", Label)
        left = math.ceil((self._wait_until - self.access.clock()).total_seconds())
        if left > 0:
            entry.disabled = True
            wait = ngettext(
                "Wait {count} second, then try again.",
                "Wait {count} seconds, then try again.",
                left,
            ).format(count=left)
            message.update(
                _("{why} {wait}").format(why=self._why, wait=wait) if self._why else wait
            )
            return
        self._wait_until = None
        entry.disabled = False
        entry.focus()
        message.update(_("Try again, or Escape to go back."))

    def show_problem(self) -> None:
        """Tell the host when the wait could not be kept in the data folder."""
        problem = self.access.problem
        label = self.query_one("#pin-problem", Label)
        label.display = bool(problem)
        if problem:
            label.update(
                Content(
                    _(
                        "{problem} Until it can be, the wait for wrong PINs lasts only until "
                        "the kiosk restarts."
                    ).format(problem=problem)
                )
            )

    def action_back(self) -> None:
        self.dismiss(False)
