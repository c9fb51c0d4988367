"""The latest shout-outs as cards, as many whole cards as the space allows."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from kiosk.community.community import Community
from kiosk.language import _
from kiosk.models.conversation import ShoutOut
from kiosk.timekeeping import hours

CARD_EDGE = Content.styled("▎ ", "$accent")


def card_heading(community: Community, shoutout: ShoutOut) -> Content:
    """'Björn to Kofi': who to whom, as public screens name them."""
    return who_to_whom(*community.shoutout_names(shoutout))


def who_to_whom(author: str, to: str) -> Content:
    """'Björn to Kofi', the names in bold and shown as written."""
    # Translators: who wrote a shout-out, and to whom; both are names, in bold.
    return Content.from_markup(_("[b]$author[/b] to [b]$to[/b]"), author=author, to=to)


def card_time(community: Community, shoutout: ShoutOut) -> Content:
    """'6 h ago', dimmed."""
    when = hours.posted(shoutout.created, community.clock(), community.zone, shoutout.quiet)
    return Content.styled(when, "dim")


class ShoutoutFeed(Static):
    """Newest first; a card that would not fit whole is left out, never cut."""

    def __init__(self, community: Community, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.community = community
        self.shoutouts: list[ShoutOut] = []

    def show(self, shoutouts: list[ShoutOut]) -> None:
        self.shoutouts = shoutouts
        self.refresh()

    def render(self) -> Content:
        width, height = self.content_size
        lines: list[Content] = []
        for shoutout in self.shoutouts:
            card = self.card(shoutout, width)
            needed = len(card) + (1 if lines else 0)
            if len(lines) + needed > height:
                break
            lines += ([Content("")] if lines else []) + card
        if not lines:
            return Content.styled(_("No shout-outs yet.") if not self.shoutouts else "", "dim")
        return Content("\n").join(lines)

    def card(self, shoutout: ShoutOut, width: int) -> list[Content]:
        """The card's lines, each with the accent edge, at most `width` cells: who to whom,
        then the words, led by how long ago they were written, which so never stands
        alone on a line of its own."""
        inner = max(width - CARD_EDGE.cell_length, 1)
        heading = card_heading(self.community, shoutout).truncate(inner, ellipsis=True)
        words = Content.assemble(card_time(self.community, shoutout), " · ", shoutout.text)
        return [CARD_EDGE + line for line in [heading, *words.wrap(inner)]]
