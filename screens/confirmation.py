"""What a member sees right after checking in or out; home comes back by itself."""

from __future__ import annotations

from math import ceil

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Label, Static

from kiosk.events.happening import Happening
from kiosk.events.wording import here_for
from kiosk.language import _, ngettext
from kiosk.models import STATUS_LABELS, Member, Visit
from kiosk.models.conversation import Answer
from kiosk.timekeeping import hours
from screens.commands import (
    ANSWER_QUESTION,
    DONE,
    HERE_FOR_EVENT,
    KEEP_OPEN,
    PAGE_BACK,
    PAGE_ON,
    READ_BACK,
    READ_ON,
    SHARE_ANSWER,
    SKIP_QUESTION,
    WRITE_SHOUT_OUT,
)
from screens.composer import ComposeScreen
from screens.here_now import HereNow
from screens.kiosk_screen import KioskScreen
from screens.question_prompt import QuestionPrompt
from screens.welcome import others_here, shoutout_for_you, suggestion_intro, suggestion_line

SECONDS_PER_MATCH = 2
"""Extra reading time for each person suggested to meet."""
SECONDS_PER_SHOUTOUT = 3
"""Extra reading time for each shout-out for the member, and for a milestone."""
MOST_EXTRA_SECONDS = 12
ROOMY = 30
"""From this many lines the buttons have their full height; below it, one line each."""
BIG = 40
"""From this many lines (and 120 columns) the welcome shows what it says side by side,
with more people to meet."""
PEOPLE_TO_MEET = 3
PEOPLE_TO_MEET_ON_A_BIG_SCREEN = 6


class ConfirmationScreen(KioskScreen):
    """A short message, then back to home after a countdown that a key can stop."""

    CSS_PATH = "confirmation.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (ROOMY, "-tall"), (BIG, "-big")]
    AUTO_FOCUS = ""  # nothing: keys are for the commands, or go home for the next person
    BINDINGS = [DONE, KEEP_OPEN, WRITE_SHOUT_OUT]

    def __init__(self, member: Member, visit: Visit) -> None:
        super().__init__()
        self.member = member
        self.visit = visit
        self.kept_open = False
        self.left: float | None = None
        """Seconds of the countdown left when a host's PIN prompt came over the screen."""
        # Held here, not looked up: a scan right after this one may swap the screen away
        # while it is still being put up.
        self.countdown = Label(id="countdown", classes="hint")

    def compose_body(self) -> ComposeResult:
        with Vertical(id="message"):
            yield from self.compose_message()
        with Vertical(id="actions"):
            with Horizontal(classes="buttons"):
                yield Button(_("Done"), id="done", variant="primary")
                yield Button(_("Write a shout-out"), id="shoutout")
            yield self.countdown

    def on_resize(self) -> None:
        # On a small screen every line is for reading; a tap still finds a button's line.
        for button in self.query(".buttons Button").results(Button):
            button.compact = self.size.height < ROOMY

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

    def on_screen_suspend(self) -> None:
        # A host's PIN prompt (ctrl+q) came over the screen: the countdown waits for it,
        # so that home never takes the prompt away and the PIN lands in the name field.
        self.left = self.deadline - self.app.timer()

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        if self.left is not None:
            self.deadline, self.left = self.app.timer() + self.left, None

    def count_down(self, now: float) -> None:
        if self.kept_open or self.app.screen is not self:
            return
        remaining = ceil(self.deadline - now)
        if remaining <= 0:
            self.action_done()
            return
        self.say(
            ngettext(
                "Back to the start in {count} second. Space keeps this open.",
                "Back to the start in {count} seconds. Space keeps this open.",
                remaining,
            ).format(count=remaining)
        )

    def say(self, message: str) -> None:
        self.countdown.update(message)

    def action_keep_open(self) -> None:
        self.kept_open = True
        self.say(_("Kept open. Enter or Escape when you are done."))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not self.kept_open if action == "keep_open" else True

    def starts_next_person(self, key: events.Key) -> bool:
        """Whether `key` is the next person in line starting to type their name: a
        printable key but Space (which keeps this open), while no answer is being typed."""
        return self.focused is None and key.is_printable and key.key != "space"

    @on(Button.Pressed, "#done")
    def action_done(self) -> None:
        if self.is_current:
            self.app.go_home()

    @on(Button.Pressed, "#shoutout")
    def action_shoutout(self) -> None:
        self.app.switch_screen(ComposeScreen(self.member, back_to="home"))


class CheckedInScreen(ConfirmationScreen):
    """Welcome: the milestone of this visit, then what matters most to the member first:
    the words of the shout-outs for them, people here to meet and why, in their own
    words, and the question of the week to answer (Tab) or skip. ↓ and PageDown read on
    where that does not fit. A big screen shows beside it who else is here."""

    # A subclass's bindings of a key replace its base's, so Enter and Escape list all theirs.
    BINDINGS = [
        SHARE_ANSWER,
        SKIP_QUESTION,
        *ConfirmationScreen.BINDINGS,
        ANSWER_QUESTION,
        READ_ON,
        READ_BACK,
        PAGE_ON,
        PAGE_BACK,
        HERE_FOR_EVENT,
    ]

    def __init__(
        self, member: Member, visit: Visit, *, proven: bool, updated: bool = False
    ) -> None:
        super().__init__(member, visit)
        self.updated = updated
        """Today's status or topics were changed, rather than a check-in made."""
        community = self.app.community
        # Found by a typed name, the member may be anyone: people to meet are found by
        # what the board would show of them alone.
        big = self.app.size.height >= BIG
        welcome = community.welcome(
            member.id, PEOPLE_TO_MEET_ON_A_BIG_SCREEN if big else PEOPLE_TO_MEET, proven=proven
        )
        self.suggestions = welcome.suggestions
        # Told once, at the check-in itself.
        self.milestone = None if updated else welcome.milestone
        self.first_visit = not updated and welcome.first_visit
        self.shoutouts = [] if updated else welcome.shoutouts
        self.question = None if updated else community.question()
        self.event: Happening | None = None if updated else community.event_on_now()
        """The event on now, which the member is asked whether they came for."""
        self.event_reasons = [] if updated else community.event_reasons(member.id, proven)
        self.others = [p for p in community.present() if p.member.id != member.id]
        self.guests = community.guests_here()
        self.unnamed = community.unnamed_here(besides=member.id)
        """Other members here who are not on the board, counted as the public screens count
        them (no one incognito)."""
        # Held, as the countdown is (see the base class).
        self.here = HereNow(id="here")

    def reading_seconds(self) -> int:
        extra = (
            SECONDS_PER_MATCH * len(self.suggestions)
            + SECONDS_PER_SHOUTOUT * len(self.shoutouts)
            + (SECONDS_PER_SHOUTOUT if self.milestone else 0)
        )
        return super().reading_seconds() + min(extra, MOST_EXTRA_SECONDS)

    def compose_message(self) -> ComposeResult:
        name = self.member.first_name
        visit, community = self.visit, self.app.community
        if self.updated:
            greeting = _("All set, {name}!").format(name=name)
            done = _("Here {since}").format(
                since=hours.since(visit.since, community.clock(), community.zone)
            )
        else:
            greeting = (
                _("Welcome, {name}! Great to have you here.").format(name=name)
                if self.first_visit
                else _("Welcome back, {name}!").format(name=name)
            )
            done = _("Checked in at {time}").format(
                time=hours.clock_time(visit.since, community.zone)
            )
        yield Label(Content(greeting), id="greeting", classes="title")
        yield Label(f"{done} · {_(STATUS_LABELS[visit.status])}", classes="hint")
        if self.milestone is not None:
            yield Static(Content(self.milestone.welcome), id="milestone")
        if self.event is not None:
            with Horizontal(id="here-for"):
                yield Label(Content(here_for(self.event)), id="here-for-question")
                yield Button(_("Yes (F5)"), id="here-for-yes", compact=True)
        if self.event_reasons:
            # Above the columns: a line or two, read first, at any size.
            with Vertical(id="events-for-you"):
                yield Label(_("Events for you"), classes="section-title")
                for shown, reason in self.event_reasons:
                    yield Static(
                        Content.assemble((shown.line, "bold"), "  ", (reason, "$accent")),
                        classes="event",
                    )
        with Horizontal(id="columns"):
            with VerticalScroll(id="reading", can_focus=False):
                yield from self.compose_reading()
            with Vertical(id="also-here"):
                yield self.here

    def compose_reading(self) -> ComposeResult:
        """What the member reads, the most their own first."""
        if self.shoutouts:
            with Vertical(id="for-you", classes="section"):
                yield Label(_("Shout-outs for you"), classes="section-title")
                now = self.app.community.clock()
                for shoutout in self.shoutouts:
                    # An author who deleted their data left it unsigned.
                    author = self.app.community.shoutout_names(shoutout)[0]
                    yield Static(
                        shoutout_for_you(shoutout, author, now, self.app.community.zone),
                        classes="shoutout",
                    )
        with Vertical(id="to-meet", classes="section"):
            if not self.suggestions:
                yield Label(others_here(len(self.others)), classes="section-title")
            else:
                yield Label(_("People here you might connect with"), classes="section-title")
            for suggestion in self.suggestions:
                with Vertical(classes="suggestion"):
                    yield Static(suggestion_line(suggestion))
                    intro = suggestion_intro(suggestion)
                    if intro:
                        yield Static(intro, classes="intro")
        if self.question is not None:
            given = next(
                (
                    answer
                    for answer in self.app.community.answers()
                    if answer.member_id == self.member.id and answer.question_id == self.question.id
                ),
                None,
            )
            yield QuestionPrompt(self.question, given, id="prompt")

    def on_mount(self) -> None:
        super().on_mount()
        self.set_class(not self.shoutouts, "-no-shoutouts")
        # A big screen boxes each section, its title in the box's edge (confirmation.tcss).
        for section in self.query(".section"):
            for title in section.query(".section-title").results(Label):
                section.border_title = str(title.render())
        self.here.border_title = _("Also here")
        self.here.show(self.others, self.unnamed, self.guests)
        self.call_after_refresh(self.refresh_bindings)  # whether there is more to read

    def on_resize(self) -> None:
        super().on_resize()
        self.call_after_refresh(self.refresh_bindings)

    # -- reading on ---------------------------------------------------------------------

    def action_read(self, lines: int) -> None:
        self.scroll_reading(y=lines)

    def action_read_page(self, pages: int) -> None:
        reading = self.query_one("#reading", VerticalScroll)
        self.scroll_reading(y=pages * max(reading.scrollable_content_region.height - 1, 1))

    def scroll_reading(self, y: int) -> None:
        # Reading on is reading: the welcome waits for the member, as Space makes it.
        if not self.kept_open and not self.answering:
            self.action_keep_open()
        reading = self.query_one("#reading", VerticalScroll)
        reading.scroll_relative(y=y, animate=False, immediate=True)
        self.refresh_bindings()

    # -- the event on now --------------------------------------------------------------

    @on(Button.Pressed, "#here-for-yes")
    def action_here_for_event(self) -> None:
        event, community, member = self.event, self.app.community, self.member
        if event is None:
            return
        self.event = None  # asked once: a second key press keeps nothing twice
        self.refresh_bindings()

        def thanks(_visit: Visit) -> None:
            self.query_one("#here-for-question", Label).update(
                Content(_("Glad you came for {title}!").format(title=event.title))
            )
            self.query_one("#here-for-yes", Button).display = False

        self.app.store_call(
            lambda: community.here_for_event(member.id, event),
            thanks,
            saved=_("Kept with your visit: here for {title}.").format(title=event.title),
        )

    # -- the question of the week ------------------------------------------------------

    @property
    def answering(self) -> bool:
        return any(prompt.answering for prompt in self.query(QuestionPrompt))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Tab, or a tap on the answer line: the countdown waits while the member writes.
        if self.answering:
            self.kept_open = True
            self.say(_("Enter shares your answer; Escape skips the question."))
            self.refresh_bindings()

    def on_descendant_blur(self) -> None:
        self.refresh_bindings()

    def action_answer_question(self) -> None:
        self.query_one(QuestionPrompt).answer_box.focus()

    def action_share_answer(self) -> None:
        prompt = self.query_one(QuestionPrompt)
        typed = prompt.answer_box.value
        if not typed.strip():
            self.action_skip_question()
            return
        community, member = self.app.community, self.member

        def thanks(answer: Answer) -> str:
            if not member.on_board:
                return _("Thank you! Your answer is kept (you are not on the board).")
            if answer.quiet:  # given here incognito: shown once they have left
                return _("Thank you! Your answer goes on the board once you have left.")
            return _("Thank you! Your answer is on the board this week.")

        self.app.store_call(
            lambda: community.answer(member.id, typed),
            lambda answer: self.question_closed(thanks(answer)),
            saved=_("Your answer is saved."),
        )

    def action_skip_question(self) -> None:
        self.question_closed(_("No answer this time; there is always next week."))

    def question_closed(self, said: str) -> None:
        self.query_one(QuestionPrompt).close(said)
        self.set_focus(None)
        # Time to read what was said, then home for the next person.
        self.kept_open = False
        self.deadline = self.app.timer() + self.app.config.confirmation_seconds
        self.count_down(self.app.timer())
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        answering = self.answering
        if action in ("read", "read_page"):
            readings = list(self.query("#reading").results(VerticalScroll))
            if not readings:
                return False
            reading, (step,) = readings[0], parameters
            assert isinstance(step, int)
            return reading.scroll_y < reading.max_scroll_y if step > 0 else reading.scroll_y > 0
        if action in ("share_answer", "skip_question"):
            return answering
        if action == "here_for_event":
            return self.event is not None and not answering
        if action == "answer_question":
            return not answering and any(p.query("#answer") for p in self.query(QuestionPrompt))
        if action in ("done", "keep_open") and answering:
            return False
        return super().check_action(action, parameters)


class CheckedOutScreen(ConfirmationScreen):
    def compose_message(self) -> ComposeResult:
        name = self.member.first_name
        assert self.visit.until is not None
        stayed = hours.duration(self.visit.until - self.visit.since)
        yield Label(
            Content(_("See you soon, {name}!").format(name=name)), id="greeting", classes="title"
        )
        left = hours.clock_time(self.visit.until, self.app.community.zone)
        yield Label(
            _("You were here {stayed}. Checked out at {time}.").format(stayed=stayed, time=left),
            classes="hint",
        )
