"""New here? Register with a name, topics and a clear choice about the board.

A name like an existing member's is named in a warning, and registering anyway takes a
choice of its own ("I'm someone else"), so that one more Enter never makes a member
twice."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Input, Label

from kiosk import language, text
from kiosk.errors import Refused
from kiosk.language import N_, _
from kiosk.models import Member
from kiosk.text import split_topics
from screens.agreement import ask_agreements
from screens.commands import CANCEL, FINISH_REGISTRATION
from screens.consent import Consent
from screens.kiosk_screen import KioskScreen
from screens.member import MemberScreen
from screens.namesakes import namesakes_together, told_apart

BOARD_CHOICE = N_("Show my name and topics on the who's-here board")
BOARD_MEANS = N_("There people can find you and say hi; if not, you are only counted.")


class RegisterScreen(KioskScreen):
    """Under a minute: name, topics, consent, done. Enter moves on, and registers at the end."""

    CSS_PATH = "register.tcss"
    BINDINGS = [CANCEL, FINISH_REGISTRATION]

    def __init__(self, name: str = "") -> None:
        super().__init__()
        self.typed_name = name
        """What the newcomer typed on home and found nobody by: their name, most likely."""
        self.namesakes: list[Member] = []
        """Members whose name is like the one typed, named in the warning."""

    def compose_body(self) -> ComposeResult:
        suggestions = ", ".join(self.app.config.suggested_topics[:4])
        with VerticalScroll(id="form"):
            yield Label(_("New here? Welcome!"), classes="title")
            yield Label(_("Your name"), classes="section-title")
            yield Input(self.typed_name, placeholder=_("As you'd like others to see it"), id="name")
            yield Label("", id="name-warning", classes="caution")
            yield Label(_("Topics you'd enjoy chatting about"), classes="section-title")
            yield Input(
                placeholder=_("Separated by commas, like {topics}").format(topics=suggestions),
                id="topics",
            )
            yield Consent(_(BOARD_CHOICE), id="on-board", compact=True)
            yield Label(_(BOARD_MEANS), id="board-means", classes="hint")
            yield Consent("", id="someone-else", compact=True)
            with Horizontal(classes="buttons"):
                yield Button(_("Register"), id="register", variant="primary")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#someone-else").display = False
        self.query_one("#name", Input).focus()

    @on(Input.Changed, "#name")
    def name_changed(self, event: Input.Changed) -> None:
        similar = self.app.community.similar_at_door(event.value) if event.value.strip() else []
        shown = namesakes_together(similar[:3])
        someone_else = self.query_one("#someone-else", Checkbox)
        if shown != self.namesakes:
            # A choice made about other names does not count for these.
            someone_else.value = False
        self.namesakes = shown
        someone_else.display = bool(shown)
        if not shown:
            self.warn("")
            return
        names = []
        for member in shown:
            about = told_apart(member, shown, self.app.community.zone)
            names.append(f"{member.name} ({about})" if about else member.name)
        self.warn(
            _(
                "Already a member: {names}. If that's you, Escape and find your "
                "name at the start; if not, tick the box below."
            ).format(names="; ".join(names))
        )
        not_them = language.either(dict.fromkeys(member.name for member in shown))
        someone_else.label = Content(
            _("I'm not {names}: register me as someone new").format(names=not_them)
        )

    def warn(self, warning: str) -> None:
        self.query_one("#name-warning", Label).update(Content(warning))

    @on(Input.Submitted)
    def next_field(self) -> None:
        # Enter moves on, so the topics and the board choice are never skipped by accident.
        self.focus_next()

    @on(Button.Pressed, "#register")
    def action_register(self) -> None:
        community = self.app.community
        name_box = self.query_one("#name", Input)
        try:
            name = text.required(name_box.value, N_("a name"), text.NAME_LIMIT)
        except Refused as problem:
            self.warn(str(problem))
            name_box.focus()
            return
        someone_else = self.query_one("#someone-else", Checkbox)
        if self.namesakes and not someone_else.value:
            # Only the choice itself registers a second member of a name like this.
            someone_else.focus()
            return
        on_board = self.query_one("#on-board", Checkbox).value
        topics = self.query_one("#topics", Input).value
        agreements = self.app.agreements

        def register() -> Member:
            return agreements.register(
                lambda: community.add_member(name, split_topics(topics), on_board)
            )

        ask_agreements(self.app, name, agreements.agreements, lambda: self.register(register))

    def register(self, register: Callable[[], Member]) -> None:
        self.app.store_call(
            register,
            self.registered,
            saved=_("You are registered: find your name on home to check in."),
            button=self.query_one("#register", Button),
        )

    def registered(self, member: Member) -> None:
        self.app.speak_to(member)  # keeps the language they registered in, if not the kiosk's
        greeting = _(
            "Welcome, {name}! You are registered; F6 sets up your profile whenever you like."
        ).format(name=member.first_name)
        if not member.on_board:
            # Nobody who only types a name learns of them: they need to know how it works.
            off_board = _(
                "Off the board, you find yourself here by your whole name, and check out "
                "with your badge (F6 shows it) or a PIN you set there."
            )
            greeting = f"{greeting} {off_board}"
        self.app.switch_screen(MemberScreen(member, greeting=greeting, registered=True))

    @on(Button.Pressed, "#cancel")
    def action_back(self) -> None:
        self.app.pop_screen()
