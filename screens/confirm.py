"""Asking to be sure before a change that cannot be undone: a host's, or a member's
throwing away what they wrote."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from kiosk.language import _
from screens.commands import CANCEL, KeysInLanguage


class ConfirmScreen(KeysInLanguage, ModalScreen[bool]):
    """Dismisses True when the button that does it is pressed; Escape or the other button,
    labelled `keeping`, dismisses False. The button that does it has the focus, so Enter
    does it, unless the change is too big to be made by a second Enter (`cancel_first`):
    then the other button has it."""

    CSS_PATH = "confirm.tcss"
    BINDINGS = [CANCEL]

    def __init__(
        self, question: str, doing: str, keeping: str = "", cancel_first: bool = False
    ) -> None:
        super().__init__()
        self.question = question
        self.doing = doing
        self.keeping = keeping or _("Cancel")
        self.cancel_first = cancel_first

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Content(self.question), classes="title")
            with Horizontal(classes="buttons"):
                yield Button(self.doing, id="yes", variant="error")
                yield Button(self.keeping, id="no")

    def on_mount(self) -> None:
        self.query_one("#no" if self.cancel_first else "#yes").focus()

    @on(Button.Pressed, "#yes")
    def yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_back(self) -> None:
        self.dismiss(False)
