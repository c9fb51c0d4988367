"""A member's guests to come, on their own profile: each guest they invited who has not
come yet, soonest first, with a button that cancels the invitation after asking.

The codes are not shown here: a code lets a person in, and it is given once, on the
invite screen. The rules (which invitations are the member's, that they may cancel only
their own) are the community's (kiosk.community.invitations).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Label

from kiosk.errors import KioskError
from kiosk.language import _
from kiosk.models.invitations import Invitation
from kiosk.timekeeping.dates import coming_day_words, day_words
from screens.confirm import ConfirmScreen

if TYPE_CHECKING:
    from textual import getters

    from screens.app import KioskApp


class GuestLine(Horizontal):
    """One guest to come: their name and day, and Cancel…"""

    def __init__(self, invitation: Invitation, day: str) -> None:
        super().__init__(classes="guest")
        self.invitation = invitation
        self.day = day
        """The invitation's day as the line says it ("tomorrow")."""

    def compose(self) -> ComposeResult:
        yield Label(
            Content(
                _("{guest} · {day}").format(guest=self.invitation.guest, day=self.day),
            ),
            classes="guest-name",
        )
        # Translators: beside a guest to come, it cancels their invitation (after asking).
        yield Button(_("Cancel…"), classes="cancel-guest", compact=True)


class MyGuests(Vertical):
    """The member's invitations still to be used, read off the UI thread, and read again
    whenever the community changes: one made or cancelled here, or a guest let in."""

    if TYPE_CHECKING:
        app = getters.app(KioskApp)

    def __init__(self, member_id: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.member_id = member_id
        self.shown: list[tuple[Invitation, str]] = []
        """Each invitation listed, with its day as said, to redraw only what changed."""

    def compose(self) -> ComposeResult:
        yield Label("", id="guests-said", classes="hint")
        yield Vertical(id="guest-lines")

    def on_mount(self) -> None:
        self.query_one("#guests-said").display = False
        self.app.community_changed.subscribe(self, lambda _: self.read())
        self.read()

    @work(thread=True, group="my-guests", exclusive=True)
    def read(self) -> None:
        community = self.app.community
        try:
            coming = community.coming_invitations_of(self.member_id)
            today = community.invitations.today()
        except KioskError as problem:
            self.app.call_from_thread(self.say, str(problem))
            return
        self.app.call_from_thread(self.show, coming, today)

    def show(self, coming: list[Invitation], today: date) -> None:
        if not self.is_attached:
            return  # the member left meanwhile
        shown = [(invitation, coming_day_words(invitation.day, today)) for invitation in coming]
        if shown == self.shown:
            return  # nothing to redraw under a finger or the focus
        lines = self.query_one("#guest-lines", Vertical)
        buttons = list(lines.query(".cancel-guest"))
        # Where a cancel button had the focus, the one now in its place takes it.
        focused = next((at for at, b in enumerate(buttons) if b.has_focus), None)
        self.shown = shown
        lines.remove_children()
        lines.mount_all(GuestLine(invitation, day) for invitation, day in shown)
        if focused is not None and shown:
            self.call_after_refresh(self.focus_line, min(focused, len(shown) - 1))

    def focus_line(self, at: int) -> None:
        lines = list(self.query(GuestLine))
        if at < len(lines):
            lines[at].query_one(Button).focus()

    def say(self, said: str) -> None:
        label = self.query_one("#guests-said", Label)
        label.update(Content(said))
        label.display = bool(said)

    @on(Button.Pressed, ".cancel-guest")
    def ask_cancel(self, pressed: Button.Pressed) -> None:
        line = pressed.button.query_ancestor(GuestLine)
        invitation, day = line.invitation, line.day
        self.app.push_screen(
            ConfirmScreen(
                _(
                    "Cancel the invitation of {guest} for {day}? Its code will let nobody in."
                ).format(guest=invitation.guest, day=day),
                _("Cancel the invitation"),
                # Translators: keeps the invitation as it is.
                keeping=_("Keep it"),
            ),
            lambda sure: self.cancel(invitation) if sure else None,
        )

    def cancel(self, invitation: Invitation) -> None:
        community, member_id = self.app.community, self.member_id
        said = _("Cancelled the invitation of {guest} for {day}: it lets nobody in.").format(
            guest=invitation.guest, day=day_words(invitation.day)
        )
        self.app.store_call(
            lambda: community.cancel_invitation(invitation.code, by=member_id),
            lambda _cancelled: self.say(said),
            saved=said,
        )
