"""What a member sees right after checking in or out; home comes back by itself."""

from __future__ import annotations

from math import ceil

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Label, Static

from kiosk import hours
from kiosk.models import STATUS_LABELS, Member, Presence, Visit
from kiosk.text import fold
from screens.commands import Done, KeepOpen, WriteShoutOut
from screens.composer import ComposeScreen
from screens.kiosk_screen import KioskScreen

SECONDS_PER_MATCH = 2
"""Extra reading time for each person listed with what you share."""
MOST_EXTRA_SECONDS = 12


class ConfirmationScreen(KioskScreen):
    """A short message, then back to home after a countdown that a key can stop."""

    CSS_PATH = "confirmation.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    BINDINGS = [Done.binding(), KeepOpen.binding(), WriteShoutOut.binding()]

    def __init__(self, member: Member, visit: Visit) -> None:
        super().__init__()
        self.member = member
        self.visit = visit
        self.kept_open = False

    def compose_body(self) -> ComposeResult:
        with Vertical(id="message"):
            yield from self.compose_message()
        with Vertical(id="actions"):
            with Horizontal(classes="buttons"):
                yield Button("Done", id="done", variant="primary")
                yield Button("Write a shout-out", id="shoutout")
            yield Label(id="countdown", classes="hint")

    def compose_message(self) -> ComposeResult:
        raise NotImplementedError

    def reading_seconds(self) -> int:
        """How long the message stays before home comes back."""
        return self.app.config.confirmation_seconds

    def on_mount(self) -> None:
        self.deadline = self.app.timer() + self.reading_seconds()
        self.count_down(self.app.timer())
        self.app.ticked.subscribe(self, self.count_down)
        # The buttons are for taps; keys go to the commands, so Space never presses Done.
        for button in self.query(Button):
            button.can_focus = False

    def count_down(self, now: float) -> None:
        if self.kept_open:
            return
        remaining = ceil(self.deadline - now)
        if remaining <= 0:
            self.action_done()
            return
        seconds = "1 second" if remaining == 1 else f"{remaining} seconds"
        self.query_one("#countdown", Label).update(
            f"Back to the start in {seconds}. Space keeps this open."
        )

    def action_keep_open(self) -> None:
        self.kept_open = True
        self.query_one("#countdown", Label).update("Kept open. Enter or Escape when you are done.")
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not self.kept_open if action == "keep_open" else True

    def on_key(self, event: events.Key) -> None:
        # The next person in line starts typing their name: every key goes home, in order.
        if event.is_printable and event.character and event.key != "space":
            event.stop()
            self.app.type_at_home(event.character)

    @on(Button.Pressed, "#done")
    def action_done(self) -> None:
        if self.is_current:
            self.app.go_home()

    @on(Button.Pressed, "#shoutout")
    def action_shoutout(self) -> None:
        self.app.switch_screen(ComposeScreen(self.member, back_to="home"))


class CheckedInScreen(ConfirmationScreen):
    """Welcome, and who is here to meet: those you share topics with first."""

    def __init__(self, member: Member, visit: Visit, updated: bool = False) -> None:
        super().__init__(member, visit)
        self.updated = updated
        """Today's status or topics were changed, rather than a check-in made."""
        others = [p for p in self.app.community.present() if p.member.id != member.id]
        self.matches = [p for p in others if shared_topics(p, visit.topics)]
        self.rest = [p for p in others if p not in self.matches]
        self.matches.sort(key=lambda p: -len(shared_topics(p, visit.topics)))

    def reading_seconds(self) -> int:
        extra = min(SECONDS_PER_MATCH * len(self.matches), MOST_EXTRA_SECONDS)
        return super().reading_seconds() + extra

    def compose_message(self) -> ComposeResult:
        name = self.member.first_name
        visit = self.visit
        if self.updated:
            greeting = f"All set, {name}!"
            done = f"Here {hours.since(visit.since, self.app.community.clock())}"
        else:
            new = visit.since.astimezone().date() == self.member.joined.astimezone().date()
            greeting = (
                f"Welcome, {name}! Great to have you here." if new else f"Welcome back, {name}!"
            )
            done = f"Checked in at {hours.clock_time(visit.since)}"
        yield Label(Content(greeting), id="greeting", classes="title")
        yield Label(f"{done} · {STATUS_LABELS[visit.status]}", classes="hint")
        if not self.matches and not self.rest:
            yield Label("Nobody else is on the board right now.", classes="section-title")
            return
        with VerticalScroll(id="others"):
            if self.matches:
                yield Label("You share topics with: say hi!", classes="section-title")
                for presence in self.matches:
                    yield Static(also_here(presence, visit.topics), classes="other")
            if self.rest:
                title = "Also here" if self.matches else "Also here now: say hi!"
                yield Label(title, classes="section-title")
                with Grid(id="rest"):
                    for presence in self.rest:
                        yield Static(about_them(presence), classes="other")


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


def shared_topics(presence: Presence, my_topics: tuple[str, ...]) -> list[str]:
    """Topics someone open to chat offers today that you chose too."""
    if presence.visit.status != "open":
        return []
    mine = {fold(topic) for topic in my_topics}
    return [topic for topic in presence.visit.topics if fold(topic) in mine]


def also_here(presence: Presence, my_topics: tuple[str, ...]) -> Content:
    """One line about someone in the room: what you share first, then what else they like."""
    visit = presence.visit
    shared = shared_topics(presence, my_topics)
    rest = [topic for topic in visit.topics if topic not in shared]
    return Content.assemble(
        (presence.member.name, "bold"),
        (f"  you both like {', '.join(shared)}", "bold $accent"),
        (f" · also {', '.join(rest)}" if rest else "", "dim"),
    )


def about_them(presence: Presence) -> Content:
    """Someone else here, with what they are open to chatting about."""
    visit = presence.visit
    if visit.status == "heads-down":
        about = "  heads-down"
    else:
        about = f"  {', '.join(visit.topics)}" if visit.topics else ""
    return Content.assemble((presence.member.name, "bold"), (about, "dim"))
