"""The shout-out wall: every shout-out, newest first."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Label, Static

from kiosk.community.community import Community
from kiosk.language import _
from kiosk.models.conversation import ShoutOut
from screens.commands import BACK
from screens.kiosk_screen import KioskScreen
from screens.shoutout_feed import card_heading, card_time


def shoutout_card(community: Community, shoutout: ShoutOut) -> Static:
    """A shout-out as a small card: who to whom and when, then the words as typed."""
    heading = card_heading(community, shoutout) + Content(" · ") + card_time(community, shoutout)
    return Static(Content("\n").join([heading, Content(shoutout.text)]), classes="shoutout")


WALL_SIZE = 100
"""The newest shout-outs the wall shows; `kiosk shoutouts` lists them all."""


class WallScreen(KioskScreen):
    """Every shout-out, newest first."""

    CSS_PATH = "shoutouts.tcss"
    BINDINGS = [BACK]

    def compose_body(self) -> ComposeResult:
        yield Label(_("Shout-outs"), classes="title")
        yield Label(
            _("Thank someone from your own screen: find your name on home."), classes="hint"
        )
        yield VerticalScroll(id="wall")

    def on_mount(self) -> None:
        self.app.community_changed.subscribe(self, lambda _: self.show_wall())
        self.show_wall()

    def show_wall(self) -> None:
        wall = self.query_one("#wall", VerticalScroll)
        wall.remove_children()
        community = self.app.community
        cards = [shoutout_card(community, s) for s in community.shoutouts(WALL_SIZE)]
        wall.mount_all(cards or [Static(_("No shout-outs yet. Be the first!"), classes="hint")])
