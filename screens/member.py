"""A member's own screen: check in with today's status and topics, change them while here,
or check out."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Label, SelectionList
from textual.widgets.selection_list import Selection

from kiosk import hours
from kiosk.models import PUBLIC_STATUSES, STATUS_LABELS, Member, Status
from kiosk.text import fold
from screens.commands import Back, CheckIn, CheckOut, SaveToday, WriteShoutOut
from screens.composer import ComposeScreen
from screens.confirmation import CheckedInScreen, CheckedOutScreen
from screens.kiosk_screen import KioskScreen
from screens.status_choice import StatusChoice

FOOTER_ROWS = 1
MIN_TOPIC_ROWS = 3


class MemberScreen(KioskScreen):
    """Enter does the obvious thing: check in when out, save changes, or check out."""

    CSS_PATH = "member.tcss"
    BINDINGS = [
        CheckIn.binding(),
        SaveToday.binding(),
        CheckOut.binding(),
        Back.binding(),
        WriteShoutOut.binding(),
    ]

    def __init__(self, member: Member, greeting: str = "") -> None:
        super().__init__()
        self.member = member
        self.greeting = greeting
        """Said first, for a member who has just registered."""
        self.visit = self.app.community.visit_of(member.id)

    def compose_body(self) -> ComposeResult:
        visit = self.visit
        with Vertical(id="card"):
            yield Label(Content(self.member.name), id="name", classes="title")
            yield Label(Content(self.greeting + self.how_to()), id="how-to", classes="hint")
            yield Label("Today I am", classes="section-title")
            status = visit.status if visit and visit.status in PUBLIC_STATUSES else "open"
            yield StatusChoice(status, id="status")
            yield Label("Open to chatting about", classes="section-title")
            yield SelectionList[str](*self.topic_choices(), id="topics")
            with Horizontal(classes="buttons"):
                if visit is None:
                    yield Button("Check in", id="primary", variant="success")
                else:
                    yield Button("Check out", id="primary", variant="warning")
                    yield Button("Save changes", id="save", disabled=True)
                yield Button("Write a shout-out", id="shoutout")
                yield Button("Back", id="back")

    def how_to(self) -> str:
        if self.visit is None:
            return (
                "Not checked in yet. Enter checks you in. ←/→ change today's status; "
                "Tab, then Space, changes topics."
            )
        here = hours.since(self.visit.since, self.app.community.clock())
        return (
            f"Here {here}, {STATUS_LABELS[self.visit.status]}. Change today's status or "
            "topics and save them, or Enter to check out."
        )

    def topic_choices(self) -> list[Selection[str]]:
        """Today's topics (the usual ones when checking in) ticked, then the suggestions."""
        ticked = self.visit.topics if self.visit else self.member.topics
        offered = ticked + self.member.topics + self.app.config.suggested_topics
        seen: set[str] = set()
        choices = []
        for topic in offered:
            if fold(topic) not in seen:
                seen.add(fold(topic))
                choices.append(Selection(Content(topic), topic, topic in ticked))
        return choices

    def on_mount(self) -> None:
        self.call_after_refresh(self.fit_topics)
        self.focus_first()
        self.app.community_changed.subscribe(self, lambda _: self.follow_changes())

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit_topics)

    def fit_topics(self) -> None:
        """Give the topic list every row down to the buttons, and no more than it needs."""
        topics = self.query_one("#topics", SelectionList)
        buttons = self.query_one(".buttons")
        if not topics.region:
            self.call_after_refresh(self.fit_topics)  # not laid out yet
            return
        below = buttons.outer_size.height + buttons.styles.margin.top + FOOTER_ROWS
        room = self.size.height - topics.region.y - below
        topics.styles.max_height = max(room, MIN_TOPIC_ROWS)

    def focus_first(self) -> None:
        self.query_one("#status").focus()

    def on_screen_resume(self) -> None:
        self.follow_changes()

    def follow_changes(self) -> None:
        """Checked in or out elsewhere meanwhile: show what is true now."""
        visit = self.app.community.visit_of(self.member.id)
        if self.is_current and (visit is None) != (self.visit is None):
            self.visit = visit
            self.refresh(recompose=True)
            self.call_after_refresh(self.focus_first)

    # -- today's choices ----------------------------------------------------------------

    def chosen(self) -> tuple[Status, tuple[str, ...]]:
        topics = self.query_one("#topics", SelectionList).selected
        return self.query_one(StatusChoice).status, tuple(str(topic) for topic in topics)

    def changed(self) -> bool:
        """A member who is here chose another status or other topics than this morning's."""
        if self.visit is None or not self.query("#topics"):
            return False  # checking in, or the screen is being rebuilt
        status, topics = self.chosen()
        return status != self.visit.status or set(topics) != set(self.visit.topics)

    @on(SelectionList.SelectedChanged)
    @on(StatusChoice.Changed)
    def choices_changed(self) -> None:
        if self.visit is not None:
            self.query_one("#save", Button).disabled = not self.changed()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Enter is one of three commands, whichever fits; the footer shows only that one.
        if action == "check_in":
            return self.visit is None
        if action == "save_today":
            return self.changed()
        if action == "check_out":
            return self.visit is not None and not self.changed()
        return True

    # -- the commands ---------------------------------------------------------------------

    def action_check_in(self) -> None:
        self.press_focused_or("#primary")

    def action_check_out(self) -> None:
        self.press_focused_or("#primary")

    def action_save_today(self) -> None:
        self.press_focused_or("#save")

    def press_focused_or(self, selector: str) -> None:
        """Enter presses the focused button, if one is; else the one it stands for."""
        focused = self.focused
        button = focused if isinstance(focused, Button) else self.query_one(selector, Button)
        if not button.disabled:
            button.press()

    @on(Button.Pressed, "#primary")
    def primary(self, event: Button.Pressed) -> None:
        community, member = self.app.community, self.member
        if self.visit is None:
            status, topics = self.chosen()
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

    @on(Button.Pressed, "#save")
    def save(self, event: Button.Pressed) -> None:
        community, member = self.app.community, self.member
        status, topics = self.chosen()
        self.app.store_call(
            lambda: community.update_visit(member.id, status, topics),
            lambda visit: self.app.switch_screen(CheckedInScreen(member, visit, updated=True)),
            saved=f"{member.name}'s status for today is saved.",
            button=event.button,
        )

    @on(Button.Pressed, "#shoutout")
    def action_shoutout(self) -> None:
        self.app.push_screen(ComposeScreen(self.member, back_to="member"))

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        self.app.go_home()
