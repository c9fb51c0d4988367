"""Writing a shout-out, to one member or to everyone, with a live counter. The message
shows whole as it is written, wrapped over as many lines as it takes, and leaving with
words written asks first. Where the space has a chat, its author may tick to post it
there too."""

from __future__ import annotations

from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, OptionList, TextArea
from textual.widgets.option_list import Option

from kiosk.community.matching import MIN_LETTERS, enough_letters
from kiosk.language import _, ngettext
from kiosk.models import Member
from kiosk.models.conversation import ShoutOut
from kiosk.notices.chat import offers_chat, post_shoutout
from kiosk.text import SHOUTOUT_LIMIT, clean, fold
from screens.commands import CANCEL, NEXT_MATCH, POST_SHOUT_OUT, PREVIOUS_MATCH
from screens.confirm import ConfirmScreen
from screens.kiosk_screen import KioskScreen
from screens.length_count import length_count
from screens.namesakes import name_line, namesakes_together, told_apart
from screens.ticks import Tick

RECIPIENT_CHOICES = 5
"""Members offered as the To field is typed."""


class ComposeScreen(KioskScreen):
    """A shout-out from `author`. `back_to` says where Cancel and Post lead: the author's
    own screen underneath, or home for the next person."""

    CSS_PATH = "composer.tcss"
    BINDINGS = [
        POST_SHOUT_OUT,
        CANCEL,
        NEXT_MATCH,
        PREVIOUS_MATCH,
    ]

    def __init__(self, author: Member, back_to: Literal["member", "home"]) -> None:
        super().__init__()
        self.author = author
        self.back_to = back_to
        self.recipient: Member | None = None
        self.offered: list[Member] = []

    def compose_body(self) -> ComposeResult:
        with Vertical(id="composer"):
            yield Label(
                Content(_("A shout-out from {name}").format(name=self.author.name)), classes="title"
            )
            yield Label(_("To"), classes="section-title")
            yield Input(placeholder=_("Everyone, or type a member's name…"), id="to")
            yield OptionList(id="to-matches")
            yield Label(_("To everyone."), id="to-match", classes="hint")
            yield Label(_("Your message"), classes="section-title")
            # Wrapped, so the whole message shows as it is written; Enter posts it.
            yield TextArea(placeholder=_("Say thanks, share news…"), id="text")
            yield Label(f"0 / {SHOUTOUT_LIMIT}", id="counter", classes="hint")
            with Horizontal(classes="buttons"):
                yield Button(_("Post"), id="post", variant="primary")
                yield Button(_("Cancel"), id="cancel")
                if self.chat_offered:
                    yield Tick(_("Also post to the chat"), id="to-chat")

    @property
    def chat_offered(self) -> bool:
        """Whether the author may post to the space's chat too: never one here unseen,
        as the chat would tell that they are here."""
        return offers_chat(self.app.config) and not self.app.community.here_unseen(self.author)

    def on_mount(self) -> None:
        self.query_one("#to-matches").display = False
        self.query_one("#to-matches").can_focus = False
        self.message_box.focus()

    @property
    def message_box(self) -> TextArea:
        return self.query_one("#text", TextArea)

    # -- to whom ----------------------------------------------------------------------

    @on(Input.Changed, "#to")
    def recipient_typed(self, event: Input.Changed) -> None:
        choices = self.query_one("#to-matches", OptionList)
        typed = event.value.strip()
        if self.recipient is not None and fold(typed) == fold(self.recipient.name):
            return  # the name of the one just chosen
        found = self.app.community.search(typed, RECIPIENT_CHOICES) if typed else []
        self.offered = namesakes_together(found)
        choices.set_options(
            Option(name_line(m, self.offered, self.app.community.zone), id=m.id)
            for m in self.offered
        )
        choices.display = bool(self.offered)
        if self.offered:
            choices.highlighted = 0
        self.choose(self.offered[0] if self.offered else None)

    def action_move(self, step: int) -> None:
        choices = self.query_one("#to-matches", OptionList)
        if choices.display and choices.option_count:
            index = ((choices.highlighted or 0) + step) % choices.option_count
            choices.highlighted = index
            self.choose(self.offered[index])

    @on(OptionList.OptionSelected, "#to-matches")
    def recipient_tapped(self, event: OptionList.OptionSelected) -> None:
        self.pick(self.offered[event.option_index])

    @on(Input.Submitted, "#to")
    def recipient_entered(self) -> None:
        if self.recipient is not None:
            self.pick(self.recipient)
        self.message_box.focus()

    def pick(self, member: Member) -> None:
        """`member` is the one meant: their name goes in the field and the list closes."""
        self.choose(member)
        self.query_one("#to", Input).value = member.name
        self.query_one("#to-matches").display = False

    def choose(self, member: Member | None) -> None:
        self.recipient = member
        match = self.query_one("#to-match", Label)
        typed = self.query_one("#to", Input).value.strip()
        if member is not None:
            about = told_apart(
                member,
                self.app.community.similar_at_door(member.name),
                self.app.community.zone,
            )
            match.update(
                Content(
                    _("To {name} ({about}).").format(name=member.name, about=about)
                    if about
                    else _("To {name}.").format(name=member.name)
                )
            )
        elif typed and not enough_letters(typed):
            match.update(
                ngettext(
                    "Keep typing: {count} letter or more finds a member.",
                    "Keep typing: {count} letters or more find a member.",
                    MIN_LETTERS,
                ).format(count=MIN_LETTERS)
            )
        elif typed:
            match.update(
                Content(
                    _("Nobody matches “{typed}”. Leave it empty for everyone.").format(typed=typed)
                )
            )
        else:
            match.update(_("To everyone."))

    # -- the message --------------------------------------------------------------------

    @on(TextArea.Changed, "#text")
    def text_changed(self) -> None:
        length = len(clean(self.message_box.text))
        counter = self.query_one("#counter", Label)
        counter.update(length_count(length, SHOUTOUT_LIMIT))
        counter.set_class(length > SHOUTOUT_LIMIT, "caution")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Enter posts from the message; in the To field it chooses the one offered.
        return self.focused is self.message_box if action == "post" else True

    @on(Button.Pressed, "#post")
    def action_post(self) -> None:
        if self.query_one("#to", Input).value.strip() and self.recipient is None:
            self.query_one("#to", Input).focus()
            return  # the line under To already says nobody matches
        button = self.query_one("#post", Button)
        if button.disabled:
            return  # already on its way
        community, config = self.app.community, self.app.config
        author, to = self.author.id, self.recipient.id if self.recipient else None
        message = self.message_box.text
        to_chat = any(tick.value for tick in self.query("#to-chat").results(Tick))
        self.app.store_call(
            lambda: post_shoutout(community, config, author, to, message, to_chat),
            self.posted,
            saved=_("Your shout-out is on the wall."),
            button=button,
        )

    def posted(self, shoutout: ShoutOut) -> None:
        # Home shows the newest shout-outs first: this one is there to see.
        self.app.go_home()

    @on(Button.Pressed, "#cancel")
    def action_back(self) -> None:
        if not clean(self.message_box.text):
            self.leave()
            return
        self.app.push_screen(
            ConfirmScreen(
                _("Throw away what you wrote? It is not posted."),
                _("Throw it away"),
                _("Keep writing"),
            ),
            self.leave_if,
        )

    def leave_if(self, throw_away: bool | None) -> None:
        """Leave when the writer chose to throw their words away, else write on."""
        if throw_away:
            self.leave()
        else:
            self.message_box.focus()

    def leave(self) -> None:
        if self.back_to == "member":
            self.app.pop_screen()
        else:
            self.app.go_home()
