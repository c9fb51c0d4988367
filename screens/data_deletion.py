"""Deleting one's own data, after saying plainly what goes and what stays."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, RadioSet

from kiosk.community.erasure import TheirShoutouts
from kiosk.language import N_, _
from kiosk.models import Member
from screens.commands import CANCEL, KeysInLanguage
from screens.ticks import Choice

if TYPE_CHECKING:
    from textual import getters

    from screens.app import KioskApp

WHAT_GOES = N_(
    "Your profile, your badge code and PIN, your answers to the question of the week and "
    "the shout-outs to you are deleted. Your visits stay only as anonymous counts, with "
    "no name and no topics. This cannot be undone."
)
CHOICES: dict[TheirShoutouts, str] = {
    "remove": N_("Delete them too"),
    "anonymous": N_("Keep them on the wall, without my name"),
}


class DeleteDataScreen(KeysInLanguage, ModalScreen[None]):
    """Nothing is deleted until the red button is pressed; Escape or Keep leaves all as it is."""

    if TYPE_CHECKING:
        app = getters.app(KioskApp)

    CSS_PATH = "data_deletion.tcss"
    BINDINGS = [CANCEL]

    def __init__(self, member: Member) -> None:
        super().__init__()
        self.member = member

    def private_to(self) -> str | None:
        return self.member.id

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(
                Content(_("Delete {name}'s data?").format(name=self.member.name)), classes="title"
            )
            yield Label(_(WHAT_GOES), classes="hint")
            yield Label(_("The shout-outs you wrote to others:"), classes="section-title")
            with RadioSet(id="their-shoutouts"):
                for index, (choice, label) in enumerate(CHOICES.items()):
                    yield Choice(_(label), value=index == 0, classes=choice)
            with Horizontal(classes="buttons"):
                yield Button(_("Keep my data"), id="keep", variant="primary")
                yield Button(_("Delete my data"), id="delete", variant="error")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    def chosen(self) -> TheirShoutouts:
        index = self.query_one("#their-shoutouts", RadioSet).pressed_index
        return list(CHOICES)[max(index, 0)]

    @on(Button.Pressed, "#delete")
    def delete(self, event: Button.Pressed) -> None:
        community, member_id, choice = self.app.community, self.member.id, self.chosen()
        self.app.store_call(
            lambda: community.delete_member(member_id, choice),
            lambda _: self.deleted(),
            saved=_("Your data is deleted."),
            button=event.button,
        )

    def deleted(self) -> None:
        self.app.go_home()
        self.app.notify(
            _("Your data is deleted. Thank you for being part of this place."),
            title=_("Deleted"),
            markup=False,
        )

    @on(Button.Pressed, "#keep")
    def action_back(self) -> None:
        self.dismiss()
