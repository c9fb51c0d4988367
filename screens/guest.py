"""Signing in a guest of a member who is here: a name, nothing else."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label

from kiosk.community.guests import guest_of
from kiosk.language import _
from kiosk.models import Member, Visit
from kiosk.notices.arrivals import sign_in_guest
from kiosk.text import NAME_LIMIT
from screens.commands import CANCEL
from screens.kiosk_screen import KioskScreen


class GuestScreen(KioskScreen):
    """The guest's name, then home: they show on the board as "guest of <host>"."""

    CSS_PATH = "guest.tcss"
    BINDINGS = [CANCEL]

    def __init__(self, host: Member) -> None:
        super().__init__()
        self.host = host

    def compose_body(self) -> ComposeResult:
        with Vertical(id="guest-form"):
            yield Label(
                Content(_("A guest of {name}").format(name=self.host.name)), classes="title"
            )
            yield Label(
                Content(
                    _(
                        "Their name is all we need. They show on the board as "
                        "“{shown_as}” and leave when you check out."
                    ).format(shown_as=self.shown_as)
                ),
                classes="hint",
            )
            yield Label(_("Your guest's name"), classes="section-title")
            yield Input(placeholder=_("Name"), max_length=NAME_LIMIT, id="guest-name")
            with Horizontal(classes="buttons"):
                yield Button(_("Sign in"), id="sign-in", variant="success")
                yield Button(_("Cancel"), id="cancel")

    @property
    def shown_as(self) -> str:
        """How the board shows the guest: as the host's."""
        return guest_of(self.host.first_name)

    def on_mount(self) -> None:
        self.query_one("#guest-name", Input).focus()

    @on(Input.Submitted, "#guest-name")
    def name_given(self) -> None:
        self.query_one("#sign-in", Button).press()

    @on(Button.Pressed, "#sign-in")
    def sign_in(self, event: Button.Pressed) -> None:
        community, host, config = self.app.community, self.host, self.app.config
        name = self.query_one("#guest-name", Input).value
        self.app.store_call(
            lambda: sign_in_guest(community, host.id, name, config),
            self.signed_in,
            saved=_("Your guest is signed in, {name}.").format(name=host.first_name),
            button=event.button,
        )

    def signed_in(self, visit: Visit) -> None:
        self.app.go_home()
        # Said on home, for the next person to read too: as the board says it.
        self.app.notify(
            _("Welcome! Your guest shows on the board as “{shown_as}”.").format(
                shown_as=self.shown_as
            ),
            title=_("Guest signed in"),
            markup=False,
        )

    @on(Button.Pressed, "#cancel")
    def cancel(self) -> None:
        self.action_back()
