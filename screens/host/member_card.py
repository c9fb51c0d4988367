"""One member as hosts see them: their profile and keyholder role to edit, their badge,
pausing, their inductions, and merging a second record of the same person into this one.
With no member, a form to add one."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Input, Label

from kiosk import language
from kiosk.badges.codes import spaced_badge_code
from kiosk.language import _, ngettext
from kiosk.models import PROFILE_LABELS, Member, ProfileField
from kiosk.text import split_topics
from kiosk.timekeeping import hours
from kiosk.timekeeping.opening import local_time
from screens.commands import CANCEL, SAVE
from screens.confirm import ConfirmScreen
from screens.host.inductions import InductionsScreen
from screens.host.merge import MergeScreen
from screens.kiosk_screen import KioskScreen
from screens.private import ForHosts
from screens.ticks import Tick

TEXTS: tuple[ProfileField, ...] = ("pronouns", "intro")
LISTS: tuple[ProfileField, ...] = ("topics", "ask_me_about", "looking_for", "learning", "mentor")


class MemberCard(ForHosts, KioskScreen):
    """Ctrl+S saves; the buttons pause or resume the membership, issue a new badge code
    and merge another record into this one, each saved at once, and open the member's
    inductions."""

    CSS_PATH = "host.tcss"
    BINDINGS = [CANCEL, SAVE]

    def __init__(self, member: Member | None, name: str = "", note: str = "") -> None:
        super().__init__()
        self.member = member
        self.name_given = name
        self.note = note
        """Said at the top, like the code of a badge just issued."""

    def compose_body(self) -> ComposeResult:
        member = self.member
        title = _("A new member") if member is None else member.name
        yield Label(Content(title), id="card-title", classes="title")
        yield Label("", id="card-facts", classes="hint")
        yield Label(_("Lists of topics are separated by commas."), classes="hint")
        yield Label(Content(self.note), id="card-note", classes="caution")
        with VerticalScroll(id="card-form"):
            yield from self.field("name", _("Name"), member.name if member else self.name_given)
            for text in TEXTS:
                yield from self.field(text, _(PROFILE_LABELS[text]), getattr(member, text, ""))
            for listed in LISTS:
                value = ", ".join(getattr(member, listed, ()))
                yield from self.field(listed, _(PROFILE_LABELS[listed]), value)
            yield Tick(
                _("Shown on the who's-here board"),
                member.on_board if member else True,
                id="on-board",
            )
            yield Tick(
                _("Keyholder: may open and close the space"),
                member.keyholder if member else False,
                id="keyholder",
            )
        with Horizontal(classes="buttons"):
            if member is None:
                yield Button(_("Add member"), id="save", variant="primary")
            else:
                yield Button(_("Save"), id="save", variant="primary")
                yield Button("", id="pause")
                yield Button(_("New badge"), id="new-badge")
                yield Button(_("Merge…"), id="merge")
                yield Button(_("Inductions…"), id="inductions")
            yield Button(_("Cancel"), id="cancel")

    def field(self, key: str, label: str, value: str) -> ComposeResult:
        with Horizontal(classes="field"):
            yield Label(label[:1].upper() + label[1:], classes="field-label")
            yield Input(value, id=f"field-{key}", compact=True, select_on_focus=False)

    def on_mount(self) -> None:
        self.query_one("#card-note").display = bool(self.note)
        self.show_facts()
        self.query_one("#field-name", Input).focus()

    def show_facts(self) -> None:
        member, facts = self.member, self.query_one("#card-facts", Label)
        if member is None:
            facts.update(_("Every new member gets a badge code of their own."))
            return
        community = self.app.community
        joined = language.short_day(local_time(member.joined, community.zone), with_year=True)
        visits = community.visits_so_far(member)
        parts = [
            _("joined {day}").format(day=joined),
            ngettext("{count} visit", "{count} visits", visits).format(count=visits),
            _("badge {code}").format(code=spaced_badge_code(member.badge))
            if member.badge
            else _("no badge code"),
            _("active") if member.active else _("paused: not found at the kiosk, cannot check in"),
        ]
        visit = community.visit_of(member.id)
        if visit is not None:
            since = hours.since(visit.since, community.clock(), community.zone)
            parts.append(_("here {since}").format(since=since))
        facts.update(Content(" · ".join(parts)))
        self.query_one("#pause", Button).label = _("Pause") if member.active else _("Resume")

    def say(self, note: str) -> None:
        label = self.query_one("#card-note", Label)
        label.update(Content(note))
        label.display = True

    @on(Input.Submitted)
    def next_field(self) -> None:
        self.focus_next()

    # -- saving the profile -------------------------------------------------------------

    def changes(self) -> dict[str, Any]:
        """What the form says that differs from the member as stored (everything given,
        for a new member)."""
        typed: dict[str, Any] = {"name": self.value("name")}
        typed |= {text: self.value(text) for text in TEXTS}
        typed |= {listed: split_topics(self.value(listed)) for listed in LISTS}
        typed["on_board"] = self.query_one("#on-board", Checkbox).value
        typed["keyholder"] = self.query_one("#keyholder", Checkbox).value
        if self.member is None:
            return typed
        return {key: value for key, value in typed.items() if getattr(self.member, key) != value}

    def value(self, key: str) -> str:
        return self.query_one(f"#field-{key}", Input).value

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        community, changes = self.app.community, self.changes()
        button = self.query_one("#save", Button)
        if self.member is None:
            self.app.store_call(
                lambda: community.add_member(**changes),
                self.added,
                saved=_("{name} is a member now.").format(name=changes["name"].strip()),
                button=button,
            )
        elif changes:
            member_id = self.member.id
            self.app.store_call(
                lambda: community.edit_member(member_id, **changes),
                self.saved,
                saved=_("The member's changes are saved."),
                button=button,
            )
        else:
            self.app.pop_screen()

    def added(self, member: Member) -> None:
        code = spaced_badge_code(member.badge)
        note = _("Added, with the badge code {code}.").format(code=code)
        self.app.switch_screen(MemberCard(member, note=note))

    def saved(self, member: Member) -> None:
        self.app.notify(_("{name}: changes saved.").format(name=member.name), markup=False)
        self.app.pop_screen()

    # -- pausing, badges and merging ----------------------------------------------------

    def changed(self, member: Member, note: str) -> None:
        """`member` as just saved: the facts and buttons follow, the form is kept."""
        self.member = member
        self.query_one("#card-title", Label).update(Content(member.name))
        self.show_facts()
        self.say(note)
        for button in self.query(Button):
            button.disabled = False

    @on(Button.Pressed, "#pause")
    def pause_or_resume(self) -> None:
        assert self.member is not None
        community, member = self.app.community, self.member
        active = not member.active
        note = (
            _("The membership is active again.")
            if active
            else _("The membership is paused: they are not found at the kiosk until resumed.")
        )
        self.app.store_call(
            lambda: community.set_active(member.id, active),
            lambda changed: self.changed(changed, note),
            saved=note,
            button=self.query_one("#pause", Button),
        )

    @on(Button.Pressed, "#new-badge")
    def ask_new_badge(self) -> None:
        assert self.member is not None
        self.app.push_screen(
            ConfirmScreen(
                _("Give {name} a new badge code? Their old badge stops working at once.").format(
                    name=self.member.name
                ),
                _("New badge"),
            ),
            self.new_badge,
        )

    def new_badge(self, sure: bool | None) -> None:
        if not sure or self.member is None:
            return
        community, member_id = self.app.community, self.member.id

        def issued(member: Member) -> None:
            code = spaced_badge_code(member.badge)
            self.changed(
                member,
                _(
                    "New badge code: {code}. Print the badge with: "
                    "kiosk badges --member {member} --out FOLDER"
                ).format(code=code, member=member.id),
            )

        self.app.store_call(
            lambda: community.new_badge(member_id),
            issued,
            saved=_("The new badge code is saved."),
            button=self.query_one("#new-badge", Button),
        )

    @on(Button.Pressed, "#merge")
    def choose_other(self) -> None:
        assert self.member is not None
        self.app.push_screen(MergeScreen(self.member), self.ask_merge)

    def ask_merge(self, other: Member | None) -> None:
        if other is None or self.member is None:
            return
        keep = self.member
        count = self.app.community.visits_so_far(other)
        question = ngettext(
            "Make {other} ({count} visit) part of {keep}? Their "
            "visits, guests, shout-outs and topics become {keep}'s, and "
            "{other}'s record and badge are gone.",
            "Make {other} ({count} visits) part of {keep}? Their "
            "visits, guests, shout-outs and topics become {keep}'s, and "
            "{other}'s record and badge are gone.",
            count,
        ).format(other=other.name, keep=keep.name, count=count)
        self.app.push_screen(
            ConfirmScreen(
                question,
                _("Merge"),
            ),
            lambda sure: self.merge(other) if sure else None,
        )

    def merge(self, other: Member) -> None:
        assert self.member is not None
        community, keep_id = self.app.community, self.member.id
        self.app.store_call(
            lambda: community.merge_members(keep_id, other.id),
            lambda merged: self.app.switch_screen(
                MemberCard(
                    merged, note=_("{name} is merged into this record.").format(name=other.name)
                )
            ),
            saved=_("The two records are one now."),
            button=self.query_one("#merge", Button),
        )

    @on(Button.Pressed, "#inductions")
    def show_inductions(self) -> None:
        assert self.member is not None
        self.app.push_screen(InductionsScreen(self.member))

    @on(Button.Pressed, "#cancel")
    def action_back(self) -> None:
        self.app.pop_screen()
