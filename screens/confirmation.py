"""What a member sees right after checking in or out; home comes back by itself."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Label, Static

from kiosk import hours
from kiosk.models import STATUS_LABELS, Member, Presence, Visit
from kiosk.text import fold
from screens.masthead import Masthead
from screens.shoutouts import ComposeScreen


class ConfirmationScreen(Screen[None]):
    """A short message, then back to home after `confirmation_seconds`."""

    CSS_PATH = "confirmation.tcss"
    BINDINGS = [
        Binding("enter,escape", "done", "Done", id="confirmation.done"),
        Binding("ctrl+s", "shoutout", "Write a shout-out", id="confirmation.shoutout"),
    ]

    def __init__(self, member: Member, visit: Visit) -> None:
        super().__init__()
        self.member = member
        self.visit = visit

    def compose(self) -> ComposeResult:
        yield Masthead()
        with Vertical(id="message"):
            yield from self.compose_message()
            with Horizontal(classes="buttons"):
                yield Button("Done", id="done", variant="primary")
                yield Button("Write a shout-out", id="shoutout")
            yield Label(id="countdown", classes="hint")
        yield Footer()

    def compose_message(self) -> ComposeResult:
        raise NotImplementedError

    def on_mount(self) -> None:
        self.remaining = self.app.config.confirmation_seconds
        self.show_countdown()
        self.set_interval(1, self.count_down)

    def count_down(self) -> None:
        self.remaining -= 1
        if self.remaining <= 0:
            self.action_done()
        else:
            self.show_countdown()

    def show_countdown(self) -> None:
        seconds = "1 second" if self.remaining == 1 else f"{self.remaining} seconds"
        self.query_one("#countdown", Label).update(f"Back to the start in {seconds}.")

    def on_key(self, event: events.Key) -> None:
        # The next person in line starts typing their name: take them home with it.
        if event.is_printable and event.character:
            event.stop()
            self.app.go_home(typed=event.character)

    @on(Button.Pressed, "#done")
    def action_done(self) -> None:
        if self.is_current:
            self.app.go_home()

    @on(Button.Pressed, "#shoutout")
    def action_shoutout(self) -> None:
        self.app.switch_screen(ComposeScreen(self.member))


class CheckedInScreen(ConfirmationScreen):
    def compose_message(self) -> ComposeResult:
        community = self.app.community
        name = self.member.first_name
        new = self.visit.since.astimezone().date() == self.member.joined.astimezone().date()
        greeting = f"Welcome, {name}! Great to have you here." if new else f"Welcome back, {name}!"
        yield Label(Content(greeting), id="greeting", classes="title")
        yield Label(
            f"Checked in at {hours.clock_time(self.visit.since)} · "
            f"{STATUS_LABELS[self.visit.status]}",
            classes="hint",
        )
        others = [p for p in community.present() if p.member.id != self.member.id]
        yield Label(
            "Also here now: say hi!" if others else "Nobody else is on the board right now.",
            classes="section-title",
        )
        with VerticalScroll(id="others"):
            for presence in others:
                yield Static(also_here(presence, self.visit.topics), classes="other")


class CheckedOutScreen(ConfirmationScreen):
    def compose_message(self) -> ComposeResult:
        name = self.member.first_name
        assert self.visit.until is not None
        stayed = hours.duration(self.visit.until - self.visit.since)
        yield Label(Content(f"See you soon, {name}!"), id="greeting", classes="title")
        yield Label(
            f"You were here {stayed}. Checked out at {hours.clock_time(self.visit.until)}.",
            classes="hint",
        )


def also_here(presence: Presence, my_topics: tuple[str, ...]) -> Content:
    """One line about someone in the room: what you share first, else what they are open to."""
    visit = presence.visit
    name = (presence.member.name, "bold")
    if visit.status == "heads-down":
        return Content.assemble(name, ("  heads-down today", "dim"))
    mine = {fold(topic) for topic in my_topics}
    shared = [topic for topic in visit.topics if fold(topic) in mine]
    rest = [topic for topic in visit.topics if topic not in shared]
    if shared:
        return Content.assemble(
            name,
            (f"  you both like {', '.join(shared)}", "bold $accent"),
            (f" · also {', '.join(rest)}" if rest else "", "dim"),
        )
    if visit.topics:
        return Content.assemble(name, f"  open to chatting about {', '.join(visit.topics)}")
    return Content.assemble(name, "  open to chat")
