"""One of the house's agreements, read on screen before a check-in goes through.

Accepting is a choice of its own (the "I agree" button); Escape, the first button and
leaving the kiosk alone all decline, and a member who declines is told they are not
checked in and whom to ask.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Label, Static

from kiosk.language import _
from kiosk.safety.agreements import Agreement
from screens.commands import AGREE, DECLINE, KeysInLanguage
from screens.masthead import Masthead

if TYPE_CHECKING:
    from textual import getters

    from screens.app import KioskApp


class AgreementScreen(KeysInLanguage, Screen[bool]):
    """Dismisses True when the member presses "I agree", False when they decline."""

    CSS_PATH = "agreement.tcss"
    BINDINGS = [DECLINE, AGREE]

    if TYPE_CHECKING:
        app = getters.app(KioskApp)

    def __init__(self, agreement: Agreement, name: str, place: str) -> None:
        super().__init__()
        self.agreement = agreement
        self.member_name = name
        self.place = place
        """Like "1 of 2" when there are more to read; empty for one."""

    def compose(self) -> ComposeResult:
        agreement = self.agreement
        yield Masthead()
        yield Label(Content(agreement.title), id="agreement-title", classes="title")
        # Translators: {key} is the key that agrees, like F2.
        hint = (
            _(
                "{name}, please read version {version} ({place}) and agree to it before you "
                "check in: ↑/↓ and PgUp/PgDn scroll, {key} or a tap on “I agree” agrees."
            )
            if self.place
            else _(
                "{name}, please read version {version} and agree to it before you check in: "
                "↑/↓ and PgUp/PgDn scroll, {key} or a tap on “I agree” agrees."
            )
        )
        said = hint.format(
            name=self.member_name,
            version=agreement.version,
            place=self.place,
            key=self.app.get_key_display(AGREE),
        )
        yield Label(
            Content(said),
            id="agreement-hint",
            classes="hint",
        )
        with VerticalScroll(id="agreement-text"):
            yield Static(Content(agreement.text))
        with Horizontal(classes="buttons"):
            yield Button(_("I do not agree"), id="decline")
            yield Button(_("I agree"), id="agree", variant="success")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#agreement-text").focus()

    @on(Button.Pressed, "#agree")
    def action_agree(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#decline")
    def action_decline(self) -> None:
        self.dismiss(False)


def ask_agreements(
    app: KioskApp, name: str, agreements: Sequence[Agreement], then: Callable[[], object]
) -> None:
    """Show each of `agreements` in turn to the member called `name`; `then` once they
    agree to every one. Declining one ends it: they are told they are not checked in."""

    def read(index: int) -> None:
        if index == len(agreements):
            then()
            return
        place = (
            _("{number} of {count}").format(number=index + 1, count=len(agreements))
            if len(agreements) > 1
            else ""
        )
        app.push_screen(
            AgreementScreen(agreements[index], name, place),
            lambda agreed: read(index + 1) if agreed else declined(agreements[index]),
        )

    def declined(agreement: Agreement) -> None:
        app.notify(
            _(
                "You are not checked in: '{title}' needs your agreement first. "
                "Please ask {contact} about it."
            ).format(title=agreement.title, contact=app.config.agreements_contact),
            title=_("{name}, you are not checked in").format(name=name),
            severity="warning",
            timeout=12,
            markup=False,
        )

    read(0)
