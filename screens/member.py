"""A member's own screen: check in with today's status and topics, change them while here,
or check out.

Anyone can type a name, so until the member proves who they are (their PIN, or having just
registered here) the screen shows only what the board would: a member here incognito or
off the board looks as if they were out, and topics kept for hosts are not listed.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, SelectionList
from textual.widgets.selection_list import Selection

from kiosk.community.door import last_keyholder
from kiosk.errors import Refused
from kiosk.language import _
from kiosk.models import STATUS_LABELS, Member, Status, Visit
from kiosk.safety.agreements import Agreement
from kiosk.text import topic_key
from kiosk.timekeeping import hours
from screens.agreement import ask_agreements
from screens.commands import (
    ADD_TOPIC,
    BACK,
    BRING_GUEST,
    CHECK_IN,
    CHECK_OUT,
    MY_PROFILE,
    SAVE_TODAY,
    WRITE_SHOUT_OUT,
)
from screens.composer import ComposeScreen
from screens.confirm import ConfirmScreen
from screens.confirmation import CheckedInScreen, CheckedOutScreen
from screens.guest import GuestScreen
from screens.kiosk_screen import KioskScreen
from screens.profile import ProfileScreen
from screens.profile_access import ProfilePinScreen
from screens.status_choice import StatusChoice, status_meaning
from screens.ticks import TickList
from screens.topic_adder import TopicAdder

FOOTER_ROWS = 1
MIN_TOPIC_ROWS = 3


class MemberScreen(KioskScreen):
    """Enter does the obvious thing: check in when out, save changes, or check out."""

    CSS_PATH = "member.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        ADD_TOPIC,
        CHECK_IN,
        SAVE_TODAY,
        CHECK_OUT,
        BACK,
        WRITE_SHOUT_OUT,
        BRING_GUEST,
        MY_PROFILE,
    ]

    def __init__(self, member: Member, greeting: str = "", registered: bool = False) -> None:
        super().__init__()
        self.member = member
        self.greeting = greeting
        """Said first, for a member who has just registered."""
        self.proven = registered
        """The member proved who they are: they registered a moment ago, here, or gave
        their PIN. Their profile opens without a PIN, and the screen shows all of theirs."""
        self.visit = self.visit_shown(member)
        self.composed: tuple[bool, bool, Member] | None = None
        """What the screen was last put together for: proven, out, and the member."""

    def visit_shown(self, member: Member) -> Visit | None:
        """The member's open visit as this screen may show it."""
        community = self.app.community
        return community.visit_of(member.id) if self.proven else community.seen_at_door(member)

    @property
    def usual_topics_shown(self) -> bool:
        """Whether the screen may list the member's usual topics and today's."""
        return self.proven or self.member.shows("topics")

    def private_to(self) -> str | None:
        return self.member.id if self.proven else None

    def compose_body(self) -> ComposeResult:
        visit = self.visit
        self.composed = (self.proven, visit is None, self.member)
        status = visit.status if visit else "open"
        with Vertical(id="card"):
            with Horizontal(id="name-row"):
                yield Label(Content(self.member.name), id="name", classes="title")
                profile = Button(_("My profile (F6)"), id="profile", compact=True)
                profile.can_focus = False  # F6 or a tap; Tab stays with today's choices
                yield profile
            how_to = f"{self.greeting} {self.how_to()}" if self.greeting else self.how_to()
            yield Label(Content(how_to), id="how-to", classes="hint")
            yield Label(_("Today I am"), classes="section-title")
            yield StatusChoice(status, id="status")
            yield Label(
                status_meaning(status, self.member.on_board), id="status-meaning", classes="hint"
            )
            yield Label(_("Open to chatting about"), classes="section-title")
            with Horizontal(id="topic-area"):
                yield TickList(*self.topic_choices(), id="topics")
                yield TopicAdder(id="adder")
            with Horizontal(classes="buttons"):
                if visit is None:
                    yield Button(_("Check in"), id="primary", variant="success")
                else:
                    yield Button(_("Check out"), id="primary", variant="warning")
                    yield Button(_("Save changes"), id="save", disabled=True)
                yield Button(_("Write a shout-out"), id="shoutout")
                if visit is not None:
                    yield Button(_("Bring a guest"), id="guest")
                yield Button(_("Back"), id="back")

    def how_to(self) -> str:
        if self.visit is None:
            how = _(
                "Not checked in yet. Enter checks you in. ←/→ change today's status; "
                "Tab, then Space, ticks topics; or type a new one."
            )
            if self.proven:
                return how
            hidden = _(
                "Here incognito or off the board? Scan your badge to check out, "
                "or F6 and your PIN show your visit."
            )
            return f"{how} {hidden}"
        here = hours.since(self.visit.since, self.app.community.clock(), self.app.community.zone)
        return _(
            "Here {since}, {status}. Change today's status or "
            "topics and save them, or Enter to check out."
        ).format(since=here, status=_(STATUS_LABELS[self.visit.status]))

    def topic_choices(self) -> list[Selection[str]]:
        """Today's topics (the usual ones when checking in) ticked, then the suggestions;
        none of the member's own when they keep them for hosts and have not proven who
        they are."""
        usual = self.member.topics if self.usual_topics_shown else ()
        ticked = self.visit.topics if self.visit and self.usual_topics_shown else usual
        offered = ticked + usual + self.app.config.suggested_topics
        seen: set[str] = set()
        choices = []
        for topic in offered:
            if topic_key(topic) not in seen:
                seen.add(topic_key(topic))
                choices.append(Selection(Content(topic), topic, topic in ticked))
        return choices

    def on_mount(self) -> None:
        self.call_after_refresh(self.fit_topics)
        self.focus_first()
        self.query_one(TopicAdder).choose_from(self.chosen()[1])
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
        room = max(self.size.height - topics.region.y - below, MIN_TOPIC_ROWS)
        topics.styles.max_height = room
        self.query_one(TopicAdder).styles.max_height = room

    def focus_first(self) -> None:
        self.query_one("#status").focus()

    def on_screen_resume(self) -> None:
        self.follow_changes()

    def follow_changes(self) -> None:
        """Checked in or out elsewhere meanwhile, the profile changed, or the member proved
        who they are: show what is true now."""
        community = self.app.community
        try:
            member = community.member(self.member.id)
        except Refused:
            return  # their data was deleted: the profile took them home
        visit = self.visit_shown(member)
        if self.is_current and (self.proven, visit is None, member) != self.composed:
            self.member, self.visit = member, visit
            self.call_next(self.compose_again)

    async def compose_again(self) -> None:
        """Put the screen together for what is true now, with the first choice in focus;
        unless it was left meanwhile and is being taken down."""
        await self.recompose()
        if self.is_current:
            self.focus_first()

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
        if not self.query("#topics"):
            return  # the screen is being rebuilt
        status, topics = self.chosen()
        meaning = status_meaning(status, self.member.on_board)
        self.query_one("#status-meaning", Label).update(meaning)
        self.query_one(TopicAdder).choose_from(topics)
        if self.visit is not None:
            self.query_one("#save", Button).disabled = not self.changed()
        self.refresh_bindings()

    @on(Input.Changed, "#new-topic")
    def topic_typed(self) -> None:
        self.refresh_bindings()  # Enter adds the topic while one is typed

    @on(TopicAdder.Added)
    def topic_added(self, event: TopicAdder.Added) -> None:
        """Tick the topic, adding it to the list when it is not there yet."""
        topics = self.query_one("#topics", SelectionList)
        key = topic_key(event.topic)
        for index in range(topics.option_count):
            value = str(topics.get_option_at_index(index).value)
            if topic_key(value) == key:
                topics.select(value)
                break
        else:
            topics.add_option(Selection(Content(event.topic), event.topic, True))
            index = topics.option_count - 1
            self.call_after_refresh(self.fit_topics)
        topics.highlighted = index  # in view, for the member to see it ticked

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Enter is one of four commands, whichever fits; the footer shows only that one.
        adding = any(adder.typing for adder in self.query(TopicAdder))
        if action == "add_topic":
            return adding
        if adding and action in ("check_in", "save_today", "check_out"):
            return False
        if action == "check_in":
            return self.visit is None
        if action == "save_today":
            return self.changed()
        if action == "check_out":
            return self.visit is not None and not self.changed()
        if action == "bring_guest":
            return self.visit is not None
        return True

    # -- the commands ---------------------------------------------------------------------

    def action_add_topic(self) -> None:
        self.query_one(TopicAdder).add()

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
            due = self.app.agreements.due(member.id)
            ask_agreements(self.app, member.first_name, due, lambda: self.check_in(due))
        elif staying := community.left_without_keyholder(member.id):
            self.app.push_screen(
                ConfirmScreen(
                    _("{warning} Check out all the same?").format(warning=last_keyholder(staying)),
                    _("Check out"),
                    _("Stay checked in"),
                    cancel_first=True,
                ),
                lambda sure: self.check_out(event.button) if sure else None,
            )
        else:
            self.check_out(event.button)

    def check_in(self, agreed: Sequence[Agreement]) -> None:
        """Check the member in, with today's choices, once they agreed to `agreed`."""
        community, member, agreements = self.app.community, self.member, self.app.agreements
        status, ticked = self.chosen()
        # Usual topics kept out of sight are still theirs unless others are ticked.
        topics = ticked if ticked or self.usual_topics_shown else None

        def check_in() -> Visit:
            return agreements.admit(
                member.id, agreed, lambda: community.check_in_at_door(member.id, status, topics)
            )

        self.app.store_call(
            check_in,
            lambda visit: self.app.switch_screen(
                CheckedInScreen(member, visit, proven=self.proven)
            ),
            saved=_("{name} is checked in.").format(name=member.name),
            button=self.query_one("#primary", Button),
        )

    def check_out(self, button: Button) -> None:
        community, member = self.app.community, self.member
        self.app.store_call(
            lambda: community.check_out(member.id),
            lambda visit: self.app.switch_screen(CheckedOutScreen(member, visit)),
            saved=_("{name} is checked out.").format(name=member.name),
            button=button,
        )

    @on(Button.Pressed, "#save")
    def save(self, event: Button.Pressed) -> None:
        community, member = self.app.community, self.member
        status, topics = self.chosen()
        self.app.store_call(
            lambda: community.update_visit(member.id, status, topics),
            lambda visit: self.app.switch_screen(
                CheckedInScreen(member, visit, proven=self.proven, updated=True)
            ),
            saved=_("{name}'s status for today is saved.").format(name=member.name),
            button=event.button,
        )

    @on(Button.Pressed, "#shoutout")
    def action_shoutout(self) -> None:
        self.app.push_screen(ComposeScreen(self.member, back_to="member"))

    @on(Button.Pressed, "#guest")
    def action_bring_guest(self) -> None:
        self.app.push_screen(GuestScreen(self.member))

    @on(Button.Pressed, "#profile")
    def action_profile(self) -> None:
        """The member's profile, once they prove who they are with their PIN (or a badge
        scan at the prompt); from then on this screen shows all of theirs too."""
        if self.proven:
            self.app.push_screen(ProfileScreen(self.app.community.member(self.member.id)))
        else:
            member = self.app.community.member(self.member.id)  # as now: the PIN may be new
            self.app.push_screen(ProfilePinScreen(member), self.pin_given)

    def pin_given(self, proven: bool | None) -> None:
        if proven:
            self.proven = True  # shown as it is on the way back from the profile
            self.app.push_screen(ProfileScreen(self.app.community.member(self.member.id)))

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        self.app.go_home()
