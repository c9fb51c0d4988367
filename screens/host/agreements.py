"""The house's agreements, for hosts: each with its version, and the active members who
have not accepted that version yet, as `kiosk agreements` lists them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Label, Static

from kiosk.errors import KioskError
from kiosk.language import _, ngettext
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
            _(
                "Members accept each agreement at their next check-in. The record of who "
                "accepted what, and when, exports with: kiosk agreements --out FILE"
            ),
            classes="hint",
        )
        yield VerticalScroll(Label(_("Looking them up…"), classes="hint"), id="agreements-list")

    def on_mount(self) -> None:
        self.app.community_changed.subscribe(self, lambda _: self.read())
        self.read()

    @work(thread=True, group="host-agreements", exclusive=True)
    def read(self) -> None:
        agreements = self.app.agreements.agreements
        if not agreements:
            self.app.call_from_thread(self.show, [Label(_(NO_AGREEMENTS), classes="hint")])
            return
        community = self.app.community
        try:
            missing = not_accepted(agreements, community.store.acceptances(), community.members())
        except KioskError as error:
            self.app.call_from_thread(self.show, [Label(Content(str(error)), classes="caution")])
            return
        shown: list[Widget] = []
        for agreement in agreements:
            title = _("{title}, version {version}").format(
                title=agreement.title, version=agreement.version
            )
            shown.append(Label(Content(title), classes="agreement"))
            shown.append(Static(waiting(missing[agreement.title]), classes="waiting"))
        self.app.call_from_thread(self.show, shown)

    def show(self, shown: list[Widget]) -> None:
        listed = self.query_one("#agreements-list", VerticalScroll)
        listed.remove_children()
        listed.mount_all(shown)


def waiting(members: list[Member]) -> Content:
    """Who has not accepted an agreement yet, in lines to read."""
    if not members:
        return Content(_("Every active member has accepted it."))
    lines = [
        ngettext(
            "Not accepted yet by {count} active member:",
            "Not accepted yet by {count} active members:",
            len(members),
        ).format(count=len(members))
    ]
    lines += [f"· {member.name}" for member in members[:NAMES_SHOWN]]
    more = len(members) - NAMES_SHOWN
    if more > 0:
        lines.append(
            ngettext(
                "and {count} more: kiosk agreements lists them all",
                "and {count} more: kiosk agreements lists them all",
                more,
            ).format(count=more)
        )
    return Content("\n".join(lines))
