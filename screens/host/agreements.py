"""The house's agreements, for hosts: each with its version, and the active members who
have not accepted that version yet, as `kiosk agreements` lists them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Label, Static

from kiosk.errors import KioskError
from kiosk.models import Member
from kiosk.safety.agreements import NO_AGREEMENTS, not_accepted

if TYPE_CHECKING:
    from textual import getters

    from screens.app import KioskApp

NAMES_SHOWN = 200
"""Members named under one agreement; the rest are counted (the CLI lists them all)."""


class AgreementsPane(Vertical):
    """Each agreement and who has not accepted its current version, read off the UI
    thread and again whenever the community changes."""

    if TYPE_CHECKING:
        app = getters.app(KioskApp)

    def compose(self) -> ComposeResult:
        yield Label(
            "Members accept each agreement at their next check-in. The record of who "
            "accepted what, and when, exports with: kiosk agreements --out FILE",
            classes="hint",
        )
        with VerticalScroll(id="agreements-list"):
            yield Static("Looking them up…", id="agreements-text")

    def on_mount(self) -> None:
        self.app.community_changed.subscribe(self, lambda _: self.read())
        self.read()

    @work(thread=True, group="host-agreements", exclusive=True)
    def read(self) -> None:
        agreements = self.app.agreements.agreements
        if not agreements:
            self.app.call_from_thread(self.show, Content(NO_AGREEMENTS))
            return
        community = self.app.community
        try:
            missing = not_accepted(agreements, community.store.acceptances(), community.members())
        except KioskError as error:
            self.app.call_from_thread(self.show, Content.styled(str(error), "$error"))
            return
        shown = [
            part
            for agreement in agreements
            for part in (
                Content.styled(f"{agreement.title}, version {agreement.version}", "bold"),
                waiting(missing[agreement.title]),
                Content(""),
            )
        ]
        self.app.call_from_thread(self.show, Content("\n").join(shown))

    def show(self, shown: Content) -> None:
        self.query_one("#agreements-text", Static).update(shown)


def waiting(members: list[Member]) -> Content:
    """Who has not accepted an agreement yet, in lines to read."""
    if not members:
        return Content("  Every active member has accepted it.")
    count = "1 active member" if len(members) == 1 else f"{len(members)} active members"
    lines = [f"  Not accepted yet by {count}:"]
    lines += [f"    {member.name}" for member in members[:NAMES_SHOWN]]
    if len(members) > NAMES_SHOWN:
        lines.append(f"    and {len(members) - NAMES_SHOWN} more: kiosk agreements lists them all")
    return Content("\n".join(lines))
