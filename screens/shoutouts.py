"""Shout-outs: the wall, newest first, and the composer, to one member or to everyone."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, Static

from kiosk import hours
from kiosk.community import Community
from kiosk.models import Member, ShoutOut
from kiosk.text import SHOUTOUT_LIMIT, clean
from screens.masthead import Masthead


def shoutout_card(community: Community, shoutout: ShoutOut) -> Static:
    """A shout-out as a small card: who to whom, when, and the words as typed."""
    heading = Content.assemble(
        (community.name_of(shoutout.from_id), "bold"),
        " to ",
        (community.name_of(shoutout.to_id), "bold"),
    )
    words = Content.assemble(
        shoutout.text, (f"  · {hours.ago(shoutout.created, community.clock())}", "dim")
    )
    return Static(Content("\n").join([heading, words]), classes="shoutout")


WALL_SIZE = 100
"""The newest shout-outs the wall shows; `kiosk shoutouts` lists them all."""


class WallScreen(Screen[None]):
    """Every shout-out, newest first."""

    CSS_PATH = "shoutouts.tcss"
    BINDINGS = [Binding("escape", "back", "Back", id="wall.back")]

    def compose(self) -> ComposeResult:
        yield Masthead()
        yield Label("Shout-outs", classes="title")
        yield Label("Thank someone from your own screen: find your name on home.", classes="hint")
        yield VerticalScroll(id="wall")
        yield Footer()

    def on_mount(self) -> None:
        self.app.community_changed.subscribe(self, lambda _: self.show_wall())
        self.show_wall()

    def show_wall(self) -> None:
        wall = self.query_one("#wall", VerticalScroll)
        wall.remove_children()
        community = self.app.community
        cards = [shoutout_card(community, s) for s in community.shoutouts(WALL_SIZE)]
        wall.mount_all(cards or [Static("No shout-outs yet. Be the first!", classes="hint")])

    def action_back(self) -> None:
        self.app.pop_screen()


class ComposeScreen(Screen[None]):
    """Write a shout-out from `author`, with a live counter."""

    CSS_PATH = "shoutouts.tcss"
    BINDINGS = [Binding("escape", "back", "Cancel", id="compose.cancel")]

    def __init__(self, author: Member) -> None:
        super().__init__()
        self.author = author
        self.recipient: Member | None = None

    def compose(self) -> ComposeResult:
        yield Masthead()
        with Vertical(id="composer"):
            yield Label(Content(f"A shout-out from {self.author.name}"), classes="title")
            yield Label("To", classes="section-title")
            yield Input(placeholder="Everyone, or type a member's name…", id="to")
            yield Label("To everyone.", id="to-match", classes="hint")
            yield Label("Your message", classes="section-title")
            yield Input(placeholder="Say thanks, share news…", id="text")
            yield Label(f"0 / {SHOUTOUT_LIMIT}", id="counter", classes="hint")
            with Horizontal(classes="buttons"):
                yield Button("Post", id="post", variant="primary")
                yield Button("Cancel", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    @on(Input.Changed, "#to")
    def recipient_changed(self, event: Input.Changed) -> None:
        match = self.query_one("#to-match", Label)
        if not event.value.strip():
            self.recipient = None
            match.update("To everyone.")
            return
        found = self.app.community.search(event.value, limit=1)
        self.recipient = found[0] if found else None
        if self.recipient is None:
            match.update(Content(f"Nobody matches “{event.value}”. Leave it empty for everyone."))
        else:
            match.update(Content(f"To {self.recipient.name}."))

    @on(Input.Changed, "#text")
    def text_changed(self, event: Input.Changed) -> None:
        length = len(clean(event.value))
        counter = self.query_one("#counter", Label)
        if length > SHOUTOUT_LIMIT:
            counter.update(f"{length} / {SHOUTOUT_LIMIT} · {length - SHOUTOUT_LIMIT} too many")
        else:
            counter.update(f"{length} / {SHOUTOUT_LIMIT}")
        counter.set_class(length > SHOUTOUT_LIMIT, "caution")

    @on(Input.Submitted, "#text")
    @on(Button.Pressed, "#post")
    def post(self) -> None:
        if self.query_one("#to", Input).value.strip() and self.recipient is None:
            self.notify(
                "Please pick someone who is a member, or leave To empty for everyone.",
                severity="warning",
            )
            return
        button = self.query_one("#post", Button)
        if button.disabled:
            return  # already on its way
        community = self.app.community
        author, to = self.author.id, self.recipient.id if self.recipient else None
        message = self.query_one("#text", Input).value
        self.app.store_call(
            lambda: community.post_shoutout(author, to, message),
            self.posted,
            saved="Your shout-out is on the wall.",
            button=button,
        )

    def posted(self, shoutout: ShoutOut) -> None:
        self.notify("Thanks! Your shout-out is on the wall.", title="Posted")
        self.app.go_home()

    @on(Button.Pressed, "#cancel")
    def action_back(self) -> None:
        # Back to the author's own screen when it is underneath; from a confirmation,
        # which this screen replaced, back home for the next person.
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:
            self.app.go_home()
