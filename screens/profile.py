"""A member's own profile and data: their words, who sees each line, their visits, their
badge and PIN, their guests to come (`screens.my_guests`), and deleting it all.

Open it only for a member who proved who they are (see `screens.profile_access`): it shows
what they keep for hosts, and lets them delete their data. It is private to them
(`screens.private`): anyone else's badge scan closes it. Their own badge proves it is
them once more, as their current PIN does, before a PIN is changed.
"""

from __future__ import annotations

import io
import math
from datetime import timedelta

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Input, Label, Static

from kiosk import language
from kiosk.access.hosts import Verdict
from kiosk.access.pin import NEW_PIN_MINIMUM, require_new_pin
from kiosk.badges.codes import spaced_badge_code
from kiosk.errors import KioskError, Refused
from kiosk.exchange.member_data import member_data
from kiosk.language import N_, _, ngettext
from kiosk.models import PROFILE_FIELDS, PROFILE_LABELS, STATUS_LABELS, Member, ProfileField, Visit
from kiosk.output import json_text
from kiosk.safety.inductions import Inductions, asking_inductions, standing, wants_induction
from kiosk.text import INTRO_LIMIT, PRONOUNS_LIMIT, clean, split_topics
from kiosk.timekeeping import hours
from kiosk.timekeeping.opening import current_day
from screens.commands import CANCEL, SAVE_PROFILE
from screens.consent import Consent
from screens.data_deletion import DeleteDataScreen
from screens.invite import InviteScreen
from screens.kiosk_screen import KioskScreen
from screens.length_count import length_count
from screens.my_guests import MyGuests
from screens.qr import QRCode
from screens.scanner import BadgeScanned
from screens.ticks import TickList

NO_DOWNLOAD = N_(
    "This kiosk cannot hand you a file. A host can give you all of your data "
    "(`kiosk members data`), or open the kiosk in a browser for you to download it here."
)
VISITS_SHOWN = 8
VISITS_LOOKED_BACK = timedelta(days=90)
"""How far back "my recent visits" looks in the history."""
TEXT_LIMITS: dict[ProfileField, int] = {"pronouns": PRONOUNS_LIMIT, "intro": INTRO_LIMIT}
PLACEHOLDERS: dict[ProfileField, str] = {
    "pronouns": N_("like she/her, they/them"),
    "intro": N_("One line about you, in your own words"),
    "topics": N_("Topics, separated by commas"),
    "ask_me_about": N_("What people may ask you about"),
    "looking_for": N_("What you'd like a hand with"),
    "learning": N_("What you are learning"),
    "mentor": N_("What you'd gladly teach"),
}


class ProfileScreen(KioskScreen):
    """Everything the kiosk keeps about one member, theirs to change. Enter moves on to the
    next line; Save (or Ctrl+S) keeps the profile; Escape leaves without saving."""

    CSS_PATH = "profile.tcss"
    BINDINGS = [CANCEL, SAVE_PROFILE]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]

    def __init__(self, member: Member) -> None:
        super().__init__()
        self.member = member
        self.badge_scanned = False
        """The member scanned their badge here: a new PIN needs no current one."""
        self.tools: dict[str, bool] = {}
        """The tools offered for "I'd like an induction on", each ticked or not as stored."""

    def private_to(self) -> str | None:
        return self.member.id

    def compose_body(self) -> ComposeResult:
        member = self.member
        with VerticalScroll(id="page"), Horizontal(id="columns"):
            with Vertical(id="about"):
                yield Label(
                    Content(_("My profile · {name}").format(name=member.name)), classes="title"
                )
                yield Label(
                    _(
                        "Only you see this page. For each line, choose who sees it: everyone "
                        "on the board, or the hosts only."
                    ),
                    classes="hint",
                )
                yield Label(
                    _(
                        "Further down: your badge code, your visits, your PIN, inviting a "
                        "guest, and deleting your data."
                    ),
                    id="further",
                    classes="hint",
                )
                yield Consent(
                    _("Show me on the who's-here board (if not, I'm only counted)"),
                    member.on_board,
                    id="on-board",
                )
                yield Consent(
                    _("Name me in the space's status online (SpaceAPI) too"),
                    member.named_online,
                    id="named-online",
                )
                for field in PROFILE_FIELDS:
                    yield from self.compose_field(field)
                with Vertical(id="wanted-area"):
                    yield Label(_("I'd like an induction on"), classes="field-label")
                    yield Label(
                        _(
                            "Tick a tool: when someone who inducts on it is here, the kiosk "
                            "suggests you meet. It is kept in what you'd like a hand with."
                        ),
                        classes="hint",
                    )
                    yield TickList(id="wanted-inductions")
                with Horizontal(classes="buttons"):
                    yield Button(_("Save"), id="save", variant="primary")
                    yield Button(_("Back"), id="back")
                yield Label("", id="saved", classes="hint")
            with Vertical(id="mine"):
                yield from self.compose_badge()
                yield Label(_("My recent visits"), classes="section-title")
                yield Static(_("Looking them up…"), id="visits", classes="hint")
                yield Label(_("My inductions"), classes="section-title")
                yield Static(_("Looking them up…"), id="inductions", classes="hint")
                yield from self.compose_pin()
                yield Label(_("My guests"), classes="section-title")
                yield Label(
                    _("Invite a guest for a day: they get a code that signs them in here."),
                    classes="hint",
                )
                yield MyGuests(member.id, id="my-guests")
                with Horizontal(classes="buttons"):
                    yield Button(_("Invite a guest…"), id="invite")
                yield Label(_("My data"), classes="section-title")
                yield Label(
                    _(
                        "Take all of it with you as a file, or delete it: that takes your "
                        "profile, your answers and the shout-outs to you away; your visits "
                        "stay only as anonymous counts."
                    ),
                    id="data-hint",
                    classes="hint",
                )
                with Horizontal(classes="buttons"):
                    yield Button(_("Download my data"), id="take-data")
                    yield Button(_("Delete my data…"), id="delete", variant="error")

    def compose_field(self, field: ProfileField) -> ComposeResult:
        with Horizontal(classes="field-head"):
            yield Label(_(PROFILE_LABELS[field]).capitalize(), classes="field-label")
            yield Consent(_("hosts only"), field in self.member.hosts_only, id=f"hosts-{field}")
        yield Input(
            self.shown_value(field),
            placeholder=_(PLACEHOLDERS[field]),
            id=f"field-{field}",
            compact=True,
            select_on_focus=False,
        )
        if field == "intro":
            yield Label("", id="intro-count", classes="hint")

    def shown_value(self, field: ProfileField) -> str:
        value = getattr(self.member, field)
        return value if isinstance(value, str) else ", ".join(value)

    def compose_badge(self) -> ComposeResult:
        yield Label(_("My badge"), classes="section-title")
        if not self.member.badge:
            yield Label(_("You have no badge code yet; a host can make you one."), classes="hint")
            return
        yield QRCode(self.member.badge, id="badge-qr")
        yield Label(
            _(
                "Code {code}. Photograph it: showing the photo "
                "to the scanner works like your badge."
            ).format(code=spaced_badge_code(self.member.badge)),
            classes="hint",
        )

    def compose_pin(self) -> ComposeResult:
        yield Label(_("My PIN"), classes="section-title")
        how = ngettext(
            "With a PIN, F6 on your screen opens this page without your badge. "
            "At least {count} character.",
            "With a PIN, F6 on your screen opens this page without your badge. "
            "At least {count} characters.",
            NEW_PIN_MINIMUM,
        ).format(count=NEW_PIN_MINIMUM)
        if self.member.pin_hash:
            state = _("You have a PIN; to change it, type it first, or scan your badge.")
            how = f"{state} {how}"
        yield Label(
            how,
            id="pin-hint",
            classes="hint",
        )
        current = Input(password=True, placeholder=_("Current PIN"), id="current-pin", compact=True)
        current.display = bool(self.member.pin_hash)
        yield current
        yield Input(password=True, placeholder=_("New PIN"), id="new-pin", compact=True)
        yield Input(password=True, placeholder=_("The same again"), id="pin-again", compact=True)
        with Horizontal(classes="buttons"):
            yield Button(_("Set my PIN"), id="set-pin")

    def on_mount(self) -> None:
        self.query_one("#wanted-area").display = False  # until the tools are read
        self.query_one("#field-pronouns", Input).focus()
        self.count_intro()
        self.show_visits()
        self.show_inductions()

    # -- the profile ------------------------------------------------------------------

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        if event.input.id == "pin-again":
            self.set_pin()
        else:
            self.focus_next(Input)

    @on(Input.Changed, "#field-intro")
    def count_intro(self) -> None:
        length = len(clean(self.query_one("#field-intro", Input).value))
        counter = self.query_one("#intro-count", Label)
        over = length - INTRO_LIMIT
        counter.update(length_count(length, INTRO_LIMIT))
        counter.set_class(over > 0, "caution")

    def changes(self) -> dict[str, object]:
        """The profile as on the screen, as `Community.edit_member` takes it."""
        changes: dict[str, object] = {
            "on_board": self.query_one("#on-board", Checkbox).value,
            "named_online": self.query_one("#named-online", Checkbox).value,
            "hosts_only": [
                field
                for field in PROFILE_FIELDS
                if self.query_one(f"#hosts-{field}", Checkbox).value
            ],
        }
        for field in PROFILE_FIELDS:
            typed = self.query_one(f"#field-{field}", Input).value
            changes[field] = typed if field in TEXT_LIMITS else split_topics(typed)
        ticked = set(self.query_one("#wanted-inductions", TickList).selected)
        changed = {
            tool: tool in ticked for tool in self.tools if (tool in ticked) != self.tools[tool]
        }
        if changed:  # a tick changed wins over the field, for its tool
            looking_for = split_topics(self.query_one("#field-looking_for", Input).value)
            changes["looking_for"] = asking_inductions(looking_for, changed)
        return changes

    @on(Button.Pressed, "#save")
    def action_save_profile(self) -> None:
        community, member_id = self.app.community, self.member.id
        try:
            changes = self.changes()
        except KioskError as problem:  # a topic too long, or too many
            self.app.notify(str(problem), title=_("Sorry"), severity="error", markup=False)
            return
        self.app.store_call(
            lambda: community.edit_member(member_id, **changes),
            self.saved,
            saved=_("Your profile is saved."),
            button=self.query_one("#save", Button),
        )

    def saved(self, member: Member) -> None:
        self.member = member
        self.query_one("#field-looking_for", Input).value = self.shown_value("looking_for")
        self.offer_inductions(list(self.tools))
        self.query_one("#save", Button).disabled = False
        self.query_one("#saved", Label).update(
            _("Saved. Your profile is shown on the board while you are here.")
            if member.on_board
            else _("Saved. Your profile is shown to the hosts only.")
        )

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        self.app.pop_screen()

    # -- visits -----------------------------------------------------------------------

    @work(thread=True, group="my-visits", exclusive=True)
    def show_visits(self) -> None:
        community = self.app.community
        # The history is filed by UTC day, and a day either way is nothing in 90.
        today = community.clock().date()
        try:
            past = community.past_visits(today - VISITS_LOOKED_BACK, today)
            mine = [visit for visit in past if visit.member_id == self.member.id]
            total = community.visits_so_far(community.member(self.member.id))
        except KioskError as problem:
            self.app.call_from_thread(self.list_visits, [], 0, str(problem))
            return
        here = community.visit_of(self.member.id)
        newest = ([here] if here else []) + mine[::-1]
        self.app.call_from_thread(self.list_visits, newest[:VISITS_SHOWN], total, "")

    def list_visits(self, visits: list[Visit], total: int, problem: str) -> None:
        if not self.is_attached:
            return  # the member left meanwhile
        lines = [Content(problem)] if problem else []
        if not visits and not problem:
            lines.append(Content(_("No visits yet.")))
        elif visits:
            lines.append(
                Content(
                    ngettext(
                        "{count} visit in all; the latest:",
                        "{count} visits in all; the latest:",
                        total,
                    ).format(count=total)
                )
            )
        lines += [self.visit_line(visit) for visit in visits]
        self.query_one("#visits", Static).update(Content("\n").join(lines))

    # -- inductions -------------------------------------------------------------------

    @work(thread=True, group="my-inductions", exclusive=True)
    def show_inductions(self) -> None:
        community = self.app.community
        today = current_day(community.clock(), community.zone)
        inductions = Inductions(community.store)
        try:
            mine = inductions.inductions(self.member.id)
            tools = inductions.tools()
        except KioskError as problem:
            self.app.call_from_thread(self.list_inductions, [Content(str(problem))])
            return
        self.app.call_from_thread(self.offer_inductions, tools)
        lines = [
            Content.assemble(
                (induction.tool, "bold"),
                (f" · {standing(induction, today)}", "$warning")
                if standing(induction, today)
                else "",
            )
            for induction in mine
        ]
        self.app.call_from_thread(
            self.list_inductions, lines or [Content(_("None yet: a host records them."))]
        )

    def offer_inductions(self, tools: list[str]) -> None:
        """Offer a tick for each tool, ticked where the member's looking-for asks for an
        induction on it."""
        if not self.is_attached:
            return
        looking_for = self.member.looking_for
        self.tools = {tool: wants_induction(looking_for, tool) for tool in tools}
        wanted = self.query_one("#wanted-inductions", TickList)
        wanted.clear_options()
        wanted.add_options([(tool, tool, ticked) for tool, ticked in self.tools.items()])
        self.query_one("#wanted-area").display = bool(tools)

    def list_inductions(self, lines: list[Content]) -> None:
        if self.is_attached:  # the member may have left meanwhile
            self.query_one("#inductions", Static).update(Content("\n").join(lines))

    def visit_line(self, visit: Visit) -> Content:
        zone = self.app.community.zone
        day = visit.since.astimezone(zone)
        when = language.short_day(day, with_weekday=True)
        start = hours.clock_time(visit.since, zone)
        end = _("here now") if visit.until is None else hours.clock_time(visit.until, zone)
        status = f" · {_(STATUS_LABELS[visit.status])}" if visit.status != "open" else ""
        return Content.assemble(when, f"  {start}–{end}", (status, "dim"))

    # -- the PIN and the data ---------------------------------------------------------

    @on(Button.Pressed, "#set-pin")
    def set_pin(self) -> None:
        pin = self.query_one("#new-pin", Input).value
        again = self.query_one("#pin-again", Input)
        if pin != again.value:
            self.pin_said(_("The two PINs are not the same; please type them again."), True)
            again.value = ""
            self.query_one("#new-pin", Input).focus()
            return
        community, access, member_id = self.app.community, self.app.member_access, self.member.id
        current = self.query_one("#current-pin", Input).value
        # Whoever finds this page left open must not take the member's PIN over.
        proven = not self.member.pin_hash or self.badge_scanned

        def change() -> Member:
            require_new_pin(pin)  # before a try of the current one is spent
            if not proven:
                verdict = access.try_pin(member_id, current)
                if verdict.outcome != "right":
                    raise Refused(not_current(verdict))
            return community.set_pin(member_id, pin)

        self.app.store_call(
            change,
            self.pin_set,
            saved=_("Your PIN is set."),
            button=self.query_one("#set-pin", Button),
        )

    def on_badge_scanned(self, scanned: BadgeScanned) -> None:
        """The member's own badge proves it is them, to change their PIN; anyone else's
        goes on to the kiosk, which closes this page."""
        member = self.app.community.by_badge(scanned.code)
        if member is not None and member.id == self.member.id:
            scanned.stop()
            self.badge_scanned = True
            self.pin_said(_("Your badge is scanned: a new PIN needs no current one now."))

    def pin_set(self, member: Member) -> None:
        self.member = member
        for entry in self.query("#current-pin, #new-pin, #pin-again").results(Input):
            entry.value = ""
        self.query_one("#current-pin").display = True
        self.query_one("#set-pin", Button).disabled = False
        self.pin_said(
            _("Your PIN is set. Next time, F6 on your screen and your PIN open this page.")
        )

    def pin_said(self, message: str, caution: bool = False) -> None:
        hint = self.query_one("#pin-hint", Label)
        hint.update(message)
        hint.set_class(caution, "caution")
        hint.set_class(not caution, "hint")

    @on(Button.Pressed, "#take-data")
    def take_data(self) -> None:
        """All of the member's data as a JSON file, downloaded to the browser the kiosk
        runs in; a kiosk in a terminal has nowhere to hand a file, and says so."""
        if not self.app.is_web:
            self.query_one("#data-hint", Label).update(_(NO_DOWNLOAD))
            return
        community, member_id = self.app.community, self.member.id
        self.app.store_call(
            lambda: json_text(member_data(community, member_id)),
            self.deliver,
            saved=None,  # a download for this browser, whatever screen is in front
            button=self.query_one("#take-data", Button),
        )

    def deliver(self, document: str) -> None:
        self.app.deliver_text(io.StringIO(document), save_filename="my-data.json")
        if self.is_attached:
            self.query_one("#take-data", Button).disabled = False
            self.query_one("#data-hint", Label).update(
                _("Your data is on its way, as my-data.json.")
            )

    @on(Button.Pressed, "#invite")
    def invite(self) -> None:
        self.app.push_screen(InviteScreen(self.member))

    @on(Button.Pressed, "#delete")
    def delete(self) -> None:
        self.app.push_screen(DeleteDataScreen(self.member))


def not_current(verdict: Verdict) -> str:
    """Why a PIN was not changed: the current PIN typed was wrong, or typed too soon."""
    seconds = math.ceil(verdict.wait.total_seconds())
    wait = ngettext(
        "Too many wrong PINs: wait {count} second, then type your current PIN again.",
        "Too many wrong PINs: wait {count} seconds, then type your current PIN again.",
        seconds,
    ).format(count=seconds)
    if verdict.outcome == "too soon":
        return wait
    if seconds > 0:
        return _("That is not your current PIN. {wait}").format(wait=wait)
    return _("That is not your current PIN. Type it again, or scan your badge.")
