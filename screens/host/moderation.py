"""Shout-outs, for hosts: every one, hidden ones too, to hide from every public screen or
bring back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from kiosk.models import ShoutOut
from screens.commands import HIDE_OR_RESTORE
from screens.shoutout_feed import card_heading, card_time

if TYPE_CHECKING:
    from textual import getters

    from screens.app import KioskApp


class ModerationPane(Vertical):
    """Newest first; Enter or a tap hides the highlighted shout-out, or restores it."""

    BINDINGS = [HIDE_OR_RESTORE]

    if TYPE_CHECKING:
        app = getters.app(KioskApp)

    def __init__(self) -> None:
        super().__init__()
        self.shoutouts: list[ShoutOut] = []

    def compose(self) -> ComposeResult:
        yield Label("", id="shoutout-summary", classes="hint")
        yield OptionList(id="shoutout-list")

    def on_mount(self) -> None:
        self.app.community_changed.subscribe(self, lambda _: self.show())
        self.show()

    def show(self) -> None:
        community = self.app.community
        everything = community.all_shoutouts()
        listing = self.query_one("#shoutout-list", OptionList)
        highlighted = listing.highlighted
        before = self.shoutouts[highlighted].id if highlighted is not None else None
        self.shoutouts = everything
        listing.set_options(Option(self.card(s), id=s.id) for s in everything)
        ids = [s.id for s in everything]
        if everything:
            listing.highlighted = ids.index(before) if before in ids else 0
        hidden = sum(1 for s in everything if s.hidden)
        summary = f"{len(everything)} shout-outs, {hidden} hidden." if everything else ""
        self.query_one("#shoutout-summary", Label).update(
            summary + " Enter or a tap hides one from every public screen, or restores it."
        )

    def card(self, shoutout: ShoutOut) -> Content:
        community = self.app.community
        heading = card_heading(community, shoutout) + " · " + card_time(community, shoutout)
        # A blank line after each, so one shout-out is told from the next.
        if shoutout.hidden:
            heading = Content.styled("HIDDEN ", "bold $error") + heading
            words = Content.styled(shoutout.text, "dim strike")
        else:
            words = Content(shoutout.text)
        return Content.assemble(heading, "\n", words, "\n")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "hide_or_restore":
            return self.screen.focused is self.query_one("#shoutout-list") and bool(self.shoutouts)
        return True

    @on(OptionList.OptionSelected, "#shoutout-list")
    def action_hide_or_restore(self) -> None:
        highlighted = self.query_one("#shoutout-list", OptionList).highlighted
        if highlighted is None or not self.shoutouts:
            return
        community, shoutout = self.app.community, self.shoutouts[highlighted]
        hide = not shoutout.hidden
        done = "Hidden from every screen." if hide else "Back on every screen."
        self.app.store_call(
            lambda: community.hide_shoutout(shoutout.id, hidden=hide),
            lambda _: self.app.notify(done),
            saved=done,
        )
