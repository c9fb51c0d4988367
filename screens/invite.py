"""Inviting a guest from one's own profile: their name, the day, and where to send them
the code if the member wishes; then the code and its QR code on screen, to photograph or
read out.

Opened from the profile, so only for a member who proved who they are, and private to
them (`screens.private`) like the profile: anyone else's badge scan closes it.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label

from kiosk import language
from kiosk.badges.codes import spaced_badge_code
from kiosk.language import _
from kiosk.models import Member
from kiosk.models.invitations import Invitation
from kiosk.notices.invitations import invite_guest
from kiosk.timekeeping.dates import read_coming_day
from screens.commands import CANCEL
from screens.kiosk_screen import KioskScreen
from screens.qr import QRCode


class InviteScreen(KioskScreen):
    """A guest of `member` invited for a day. Enter moves on to the next line, and from
    the last one invites; Escape leaves without inviting."""

    CSS_PATH = "invite.tcss"
    BINDINGS = [CANCEL]

    def __init__(self, member: Member) -> None:
        super().__init__()
        self.member = member

    def private_to(self) -> str | None:
        return self.member.id

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="page"):
            with Vertical(id="form"):
                yield Label(
                    Content(_("Invite a guest · {name}").format(name=self.member.name)),
                    classes="title",
                )
                yield Label(
                    _(
                        "Your guest gets a code that signs them in at this kiosk on that day, "
                        "once, even before you arrive. You are told when they come, if your "
                        "profile has a channel for it."
                    ),
                    classes="hint",
                )
                yield Label(_("Your guest's name"), classes="section-title")
                yield Input(id="guest", compact=True)
                yield Label(_("The day they come"), classes="section-title")
                yield Input(
                    # Translators: the words a person types for a day, which stay English.
                    placeholder=_("today, tomorrow, friday or 2026-12-24"),
                    id="day",
                    compact=True,
                )
                yield Label(_("Send them the code (optional)"), classes="section-title")
                yield Input(
                    # Translators: an example address to send a code to; "you", "password"
                    # and "them" may be translated, the rest is the address's form.
                    placeholder=_("mailto://you:password@example.org?to=them@example.org"),
                    id="send-to",
                    compact=True,
                )
                with Horizontal(classes="buttons"):
                    yield Button(_("Invite"), id="invite", variant="primary")
                    yield Button(_("Back"), id="back")
            with Vertical(id="invited"):
                yield Label("", id="invited-title", classes="title")
                # The code beside its words, so that both and Done fit 80x24.
                with Horizontal(id="code"):
                    yield QRCode("", id="invitation-qr")
                    with Vertical(id="code-words"):
                        yield Label("", id="invitation-code", classes="hint")
                        with Horizontal(classes="buttons"):
                            yield Button(_("Done"), id="done", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#invited").display = False
        self.query_one("#guest", Input).focus()

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        if event.input.id == "send-to":
            self.invite()
        else:
            self.focus_next(Input)

    @on(Button.Pressed, "#invite")
    def invite(self) -> None:
        button = self.query_one("#invite", Button)
        if button.disabled:
            return  # already on its way
        community, config, member_id = self.app.community, self.app.config, self.member.id
        guest = self.query_one("#guest", Input).value
        typed_day = self.query_one("#day", Input).value
        send_to = self.query_one("#send-to", Input).value.strip()

        def invite() -> tuple[Invitation, bool]:
            day = read_coming_day(typed_day, community.invitations.today())
            return invite_guest(community, config, member_id, guest, day, send_to), bool(send_to)

        self.app.store_call(invite, self.invited, saved=_("Your guest is invited."), button=button)

    def invited(self, result: tuple[Invitation, bool]) -> None:
        invitation, sent = result
        self.query_one("#invite", Button).disabled = False
        self.query_one("#invited-title", Label).update(
            Content(
                _("{guest} is invited for {day}").format(
                    guest=invitation.guest, day=language.day(invitation.day)
                )
            )
        )
        self.query_one("#invitation-qr", QRCode).data = invitation.code
        code = spaced_badge_code(invitation.code)
        said = (
            _("Code {code}. The code is on its way to your guest.")
            if sent
            else _(
                "Code {code}. Photograph the QR code, or write the code down, and give it "
                "to your guest: scanned or typed at the kiosk on that day, it signs them in."
            )
        ).format(code=code)
        self.query_one("#invitation-code", Label).update(said)
        self.query_one("#form").display = False
        self.query_one("#invited").display = True
        self.query_one("#done", Button).focus()

    @on(Button.Pressed, "#back")
    @on(Button.Pressed, "#done")
    def leave(self) -> None:
        self.app.pop_screen()
