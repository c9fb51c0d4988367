"""New here? Register with a name, topics and a clear choice about the board."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Footer, Input, Label

from kiosk.models import Member
from kiosk.text import split_topics
from screens.masthead import Masthead
from screens.member import MemberScreen


class RegisterScreen(Screen[None]):
    """Under a minute: name, topics, consent, done."""

    CSS_PATH = "register.tcss"
    BINDINGS = [Binding("escape", "back", "Cancel", id="register.cancel")]

    def compose(self) -> ComposeResult:
        suggestions = ", ".join(self.app.config.suggested_topics[:4])
        yield Masthead()
        with Vertical(id="form"):
            yield Label("New here? Welcome!", classes="title")
            yield Label("Your name", classes="section-title")
            yield Input(placeholder="As you'd like others to see it", id="name")
            yield Label("", id="name-warning", classes="caution")
            yield Label("Topics you'd enjoy chatting about", classes="section-title")
            yield Input(placeholder=f"Separated by commas, like {suggestions}", id="topics")
            yield Checkbox(
                "Show my name on the who's-here board (if not, I'm only counted)", id="on-board"
            )
            with Horizontal(classes="buttons"):
                yield Button("Register", id="register", variant="primary")
                yield Button("Cancel", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    @on(Input.Changed, "#name")
    def name_changed(self, event: Input.Changed) -> None:
        similar = self.app.community.similar_names(event.value) if event.value.strip() else []
        warning = self.query_one("#name-warning", Label)
        if similar:
            names = ", ".join(m.name for m in similar[:3])
            warning.update(
                Content(f"Already a member: {names}. If that's you, go back and find your name.")
            )
        else:
            warning.update("")

    @on(Input.Submitted)
    def next_field(self) -> None:
        # Enter moves on, so the topics and the board choice are never skipped by accident.
        self.focus_next()

    @on(Button.Pressed, "#register")
    def register(self, event: Button.Pressed) -> None:
        community = self.app.community
        name = self.query_one("#name", Input).value
        on_board = self.query_one("#on-board", Checkbox).value
        topics = self.query_one("#topics", Input).value
        self.app.store_call(
            lambda: community.add_member(name, split_topics(topics), on_board),
            self.registered,
            saved="You are registered: find your name on home to check in.",
            button=event.button,
        )

    def registered(self, member: Member) -> None:
        self.notify(f"Welcome, {member.first_name}! You can check in now.", markup=False)
        self.app.switch_screen(MemberScreen(member))

    @on(Button.Pressed, "#cancel")
    def action_back(self) -> None:
        self.app.pop_screen()
