"""Shout-outs, for hosts: every one, hidden ones too, to hide from every public screen or
bring back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label

from kiosk.language import _, ngettext
from kiosk.models.conversation import ShoutOut
from screens.commands import HIDE_OR_RESTORE
from screens.host.hideable_list import HideableList, Wording
from screens.shoutout_feed import card_heading, card_time

if TYPE_CHECKING:
    from textual import getters

    from screens.app import KioskApp


class ModerationPane(Vertical):
    """Newest first; Enter or a tap hides the highlighted shout-out, or restores it."""

    BINDINGS = [HIDE_OR_RESTORE]

    if TYPE_CHECKING:
        app = getters.app(KioskApp)

    def compose(self) -> ComposeResult:
        yield Label("", id="shoutout-summary", classes="hint")
        yield HideableList[ShoutOut](
            id="shoutout-list",
            key=lambda shoutout: shoutout.id,
            line=self.card,
            hide=lambda shoutout, hidden: self.app.community.hide_shoutout(
                shoutout.id, hidden=hidden
            ),
            wording=Wording(
                empty=lambda: _("No shout-outs yet."),
                counted=lambda count, hidden: ngettext(
                    "{count} shout-out, {hidden} hidden. Enter or a tap hides one from every "
                    "public screen, or restores it.",
                    "{count} shout-outs, {hidden} hidden. Enter or a tap hides one from every "
                    "public screen, or restores it.",
                    count,
                ).format(count=count, hidden=hidden),
                hidden=lambda: _("Hidden from every public screen."),
                restored=lambda: _("Back on every public screen."),
            ),
        )

    def on_mount(self) -> None:
        self.app.community_changed.subscribe(self, lambda _: self.show())
        self.show()

    def show(self) -> None:
        self.listing.show_records(self.app.community.all_shoutouts())
        self.query_one("#shoutout-summary", Label).update(self.listing.summary())

    @property
    def listing(self) -> HideableList[ShoutOut]:
        return self.query_one("#shoutout-list", HideableList)

    def card(self, shoutout: ShoutOut) -> Content:
        community = self.app.community
        heading = card_heading(community, shoutout) + " · " + card_time(community, shoutout)
        # A blank line after each, so one shout-out is told from the next.
        if shoutout.hidden:
            heading = Content.styled(_("HIDDEN") + " ", "bold $error") + heading
            words = Content.styled(shoutout.text, "dim strike")
        else:
            words = Content(shoutout.text)
        return Content.assemble(heading, "\n", words, "\n")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "hide_or_restore":
            return self.screen.focused is self.listing and bool(self.listing.records)
        return True

    def action_hide_or_restore(self) -> None:
        self.listing.hide_or_restore()
