"""A member's own screen: check in (with today's status and topics) or check out."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Label, RadioButton, RadioSet, SelectionList
from textual.widgets.selection_list import Selection

from kiosk import hours
from kiosk.models import PUBLIC_STATUSES, STATUS_LABELS, Member, Status, Visit
from kiosk.text import fold
from screens.confirmation import CheckedInScreen, CheckedOutScreen
from screens.masthead import Masthead
from screens.shoutouts import ComposeScreen


class StatusChoice(RadioSet):
    """Today's status; the arrow keys choose at once, as a row of toggles would."""

    def action_next_button(self) -> None:
        super().action_next_button()
        self.action_toggle_button()

    def action_previous_button(self) -> None:
        super().action_previous_button()
        self.action_toggle_button()


class MemberScreen(Screen[None]):
    """Enter does the obvious thing: check in when out, check out when in."""

    CSS_PATH = "member.tcss"
    BINDINGS = [
        # Enter wins over the status and topic lists (Space ticks those), so it always
        # does the primary action, unless a button has focus: then it presses that one.
        Binding("enter", "enter", "Check in or out", id="member.primary", priority=True),
        Binding("escape", "back", "Back", id="member.back"),
        Binding("ctrl+s", "shoutout", "Write a shout-out", id="member.shoutout"),
    ]

    def __init__(self, member: Member) -> None:
        super().__init__()
        self.member = member
        self.visit = self.app.community.visit_of(member.id)

    def compose(self) -> ComposeResult:
        yield Masthead()
        with Vertical(id="card"):
            yield Label(Content(self.member.name), id="name", classes="title")
            if self.visit is None:
                yield from self.compose_check_in()
            else:
                yield from self.compose_check_out(self.visit)
            with Horizontal(classes="buttons"):
                if self.visit is None:
                    yield Button("Check in", id="primary", variant="success")
                else:
                    yield Button("Check out", id="primary", variant="warning")
                yield Button("Write a shout-out", id="shoutout")
                yield Button("Back", id="back")
        yield Footer()

    def compose_check_in(self) -> ComposeResult:
        yield Label(
            "Not checked in yet. Enter checks you in. ←/→ change today's status; "
            "Tab, then Space, changes topics.",
            classes="hint",
        )
        yield Label("Today I am", classes="section-title")
        with StatusChoice(id="status"):
            for status in PUBLIC_STATUSES:
                yield RadioButton(STATUS_LABELS[status].capitalize(), value=status == "open")
        yield Label("Open to chatting about", classes="section-title")
        usual = self.member.topics
        folded = {fold(topic) for topic in usual}
        offered = usual + tuple(
            topic for topic in self.app.config.suggested_topics if fold(topic) not in folded
        )
        yield SelectionList[str](
            *(Selection(Content(topic), topic, topic in usual) for topic in offered),
            id="topics",
        )

    def compose_check_out(self, visit: Visit) -> ComposeResult:
        now = self.app.community.clock()
        yield Label(
            f"Here {hours.since(visit.since, now)}, {STATUS_LABELS[visit.status]}. "
            "Enter checks you out.",
            classes="hint",
        )
        if visit.topics:
            about = "Open to chatting about" if visit.status == "open" else "Today's topics"
            yield Label(Content(f"{about}: {', '.join(visit.topics)}"), classes="hint")

    def on_mount(self) -> None:
        self.focus_first()
        self.app.community_changed.subscribe(self, lambda _: self.follow_changes())

    def focus_first(self) -> None:
        first = "#primary" if self.visit is not None else "#status"
        self.query_one(first).focus()

    def on_screen_resume(self) -> None:
        self.follow_changes()

    def follow_changes(self) -> None:
        """Checked in or out elsewhere meanwhile: show what is true now."""
        visit = self.app.community.visit_of(self.member.id)
        if self.is_current and (visit is None) != (self.visit is None):
            self.visit = visit
            self.refresh(recompose=True)
            self.call_after_refresh(self.focus_first)

    def action_enter(self) -> None:
        focused = self.focused
        button = focused if isinstance(focused, Button) else self.query_one("#primary", Button)
        if not button.disabled:
            button.press()

    @on(Button.Pressed, "#primary")
    def primary(self, event: Button.Pressed) -> None:
        community = self.app.community
        member = self.member
        if self.visit is None:
            status, topics = self.chosen_status(), tuple(self.query_one(SelectionList).selected)
            self.app.store_call(
                lambda: community.check_in(member.id, status, topics),
                lambda visit: self.app.switch_screen(CheckedInScreen(member, visit)),
                saved=f"{member.name} is checked in.",
                button=event.button,
            )
        else:
            self.app.store_call(
                lambda: community.check_out(member.id),
                lambda visit: self.app.switch_screen(CheckedOutScreen(member, visit)),
                saved=f"{member.name} is checked out.",
                button=event.button,
            )

    def chosen_status(self) -> Status:
        pressed = self.query_one("#status", RadioSet).pressed_index
        return PUBLIC_STATUSES[max(pressed, 0)]

    @on(Button.Pressed, "#shoutout")
    def action_shoutout(self) -> None:
        self.app.push_screen(ComposeScreen(self.member))

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        self.app.go_home()
