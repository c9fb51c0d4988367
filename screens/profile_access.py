"""Proving who you are before your profile opens: your personal PIN, or a badge scan.

A typed name is not enough, since anyone can type it. `ProfilePinScreen` asks the member
for their PIN (or, without one, says how to get in); `open_profile` opens the profile of
a member whose identity is already proven, as by a badge scan.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from kiosk.access.hosts import Verdict
from kiosk.language import N_, _, ngettext
from kiosk.models import Member
from screens.commands import CANCEL, KeysInLanguage
from screens.profile import ProfileScreen
from screens.scanner import BadgeScanned

if TYPE_CHECKING:
    from textual import getters

    from screens.app import KioskApp

NO_PIN = N_(
    "You have no personal PIN yet. To open your profile, scan your badge at the kiosk, "
    "or ask a host to open it for you; once in, you can choose a PIN. Escape goes back."
)


def open_profile(app: KioskApp, member: Member) -> None:
    """Open `member`'s profile now: for a badge scan, or a host who checked who they are.
    A PIN prompt or another profile on top is closed first."""
    while isinstance(app.screen, ProfilePinScreen | ProfileScreen):
        app.pop_screen()
    app.push_screen(ProfileScreen(app.community.member(member.id)))


class ProfilePinScreen(KeysInLanguage, ModalScreen[bool]):
    """Dismisses with True once the member's own PIN is typed. Wrong PINs earn the whole
    kiosk a wait (`kiosk.access.members`); while it lasts nothing can be typed, and the
    prompt counts it down."""

    if TYPE_CHECKING:
        app = getters.app(KioskApp)

    CSS_PATH = "profile_access.tcss"
    BINDINGS = [CANCEL]

    def __init__(self, member: Member) -> None:
        super().__init__()
        self.member = member
        self.wait_over: datetime | None = None
        """When the wait that wrong PINs earned is over; nothing is typed before."""
        self.told = ""
        self.checking = False

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(
                Content(_("{name}'s profile").format(name=self.member.name)), classes="title"
            )
            if self.member.pin_hash:
                yield Input(password=True, placeholder=_("Your personal PIN"), id="pin")
                yield Label("", id="pin-message", classes="hint")
            else:
                yield Label(_(NO_PIN), id="pin-message", classes="hint")

    def on_mount(self) -> None:
        if self.member.pin_hash:
            self.look_up_wait()
            self.app.ticked.subscribe(self, lambda _: self.show_wait())

    @work(thread=True, group="pin-wait")
    def look_up_wait(self) -> None:
        # Read from the data folder, where wrong PINs at any kiosk left it.
        wait = self.app.member_access.wait()
        self.app.call_from_thread(self.wait_for, wait, "")

    @on(Input.Submitted, "#pin")
    def check(self, event: Input.Submitted) -> None:
        entry = event.input
        entry.disabled = self.checking = True  # the check takes a moment, on purpose
        self.query_one("#pin-message", Label).update("Checking…")
        self.verify(entry.value)
        entry.value = ""

    def on_badge_scanned(self, scanned: BadgeScanned) -> None:
        """The member's own badge proves who they are as well as their PIN does."""
        scanned.stop()
        member = self.app.community.by_badge(scanned.code)
        if member is not None and member.id == self.member.id:
            self.dismiss(True)
        else:
            self.query_one("#pin-message", Label).update(
                Content(
                    _("That badge is not {name}'s; nothing was opened.").format(
                        name=self.member.name
                    )
                )
            )

    @work(thread=True, group="pin-check")
    def verify(self, pin: str) -> None:
        verdict = self.app.member_access.try_pin(self.member.id, pin)
        self.app.call_from_thread(self.judged, verdict)

    def judged(self, verdict: Verdict) -> None:
        self.checking = False
        if not self.is_current:
            return  # gone back meanwhile
        if verdict.outcome == "right":
            self.dismiss(True)
        else:
            wrong = verdict.outcome == "wrong"
            self.wait_for(verdict.wait, _("That PIN is not right.") if wrong else "")

    def wait_for(self, wait: timedelta, told: str) -> None:
        self.told = told
        self.wait_over = self.app.member_access.clock() + wait
        self.show_wait()

    def show_wait(self) -> None:
        """Count the wait down, once a second; then let the member type."""
        if not self.is_current or self.wait_over is None or self.checking:
            return
        entry = self.query_one("#pin", Input)
        left = math.ceil((self.wait_over - self.app.member_access.clock()).total_seconds())
        if left > 0:
            message = ngettext(
                "Too many wrong PINs: wait {count} second, then try again.",
                "Too many wrong PINs: wait {count} seconds, then try again.",
                left,
            ).format(count=left)
            message = f"{self.told} {message}" if self.told else message
        elif self.told:
            message = _("{why} Try again, or Escape to go back.").format(why=self.told)
        else:
            message = _("Enter opens your profile; Escape goes back. Or scan your badge.")
        entry.disabled = left > 0
        if not entry.disabled and entry.value == "" and not entry.has_focus:
            entry.focus()
        self.query_one("#pin-message", Label).update(message)

    def action_back(self) -> None:
        self.dismiss(False)
