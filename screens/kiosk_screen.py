"""What every kiosk screen shares: the masthead, the key footer, and Escape to go back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from screens.commands import KeysInLanguage
from screens.masthead import Masthead

if TYPE_CHECKING:
    from textual import getters

    from screens.app import KioskApp


class KioskScreen(KeysInLanguage, Screen[None]):
    """A full screen of the kiosk; subclasses compose the part between masthead and footer
    and list their commands, usually starting with `BACK`."""

    if TYPE_CHECKING:
        # The kiosk app, typed, as Textual types `app` itself.
        app = getters.app(KioskApp)

    def compose(self) -> ComposeResult:
        yield Masthead()
        yield from self.compose_body()
        yield Footer()

    def compose_body(self) -> ComposeResult:
        raise NotImplementedError

    def on_screen_resume(self) -> None:
        self.query_one(Masthead).update_now()  # it waited while another screen was in front

    def action_back(self) -> None:
        self.app.pop_screen()
