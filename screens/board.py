"""Who's here (F2): everyone present who agreed to be shown, by what they are open to
chatting about, newcomers and mentors marked, who could use a hand, and this week's
question and answers; laid out as the wall board lays them out (`screens.gathering_cards`),
in as many columns as the screen is wide, ↓ and PageDown for the rest."""

from __future__ import annotations

import asyncio

from textual.app import ComposeResult
from textual.widgets import Label

from kiosk.community.gathering import Gathering
from kiosk.language import ngettext
from kiosk.timekeeping import hours
from screens.commands import BACK
from screens.gathering_cards import GatheringCards, board_sections, everyone
from screens.kiosk_screen import KioskScreen


class BoardScreen(KioskScreen):
    """A live board; it follows check-ins made anywhere within a couple of seconds.

    A change writes again only the cards whose words changed, and keeps the board where it
    was scrolled. Incognito members are on it nowhere; heads-down members on a card of
    their own, without their topics; guests as "guest of Ana".
    """

    CSS_PATH = ["board.tcss", "gathering_cards.tcss"]
    BINDINGS = [BACK]

    def __init__(self) -> None:
        super().__init__()
        self._showing = asyncio.Lock()
        """One change laid out at a time; each lays out the community as it is by then."""
        self.gathering: Gathering | None = None
        """Who the board shows now; None until it is first laid out."""

    def compose_body(self) -> ComposeResult:
        yield Label("", id="summary", classes="hint")
        yield GatheringCards(id="board")

    def on_mount(self) -> None:
        self.app.community_changed.subscribe(self, lambda _: self.show_board())
        self.set_interval(60, self.show_board)  # "just now" grows old
        self.query_one("#board").focus()  # ↓, PageDown and the rest scroll it
        self.show_board()

    def show_board(self) -> None:
        self.run_worker(self._show_board(), group="board")

    async def _show_board(self) -> None:
        async with self._showing:
            community = self.app.community
            gathering = community.gathering()
            sections = board_sections(
                gathering,
                here=community.public_count(),
                came_today=None,
                supervisors=community.supervisors_here(),
                question=community.question(),
                answers=community.answers_shown(),
                shoutouts=(),  # on the shout-out wall (F3)
                events=[shown.line for shown in community.events_today()],
                now=community.clock(),
                zone=community.zone,
            )
            shown = len(everyone(gathering)) + len(gathering.guests)
            self.show_summary(shown, community.unnamed_here())
            await self.query_one("#board", GatheringCards).show(sections)
            self.gathering = gathering

    def show_summary(self, shown: int, not_shown: int) -> None:
        if not shown and not not_shown:
            summary = hours.nobody_here(sentence=True)
        else:
            people = ngettext("{count} person", "{count} people", shown).format(count=shown)
            summary = (
                ngettext(
                    "{people} on the board, and {count} more here who is not on it.",
                    "{people} on the board, and {count} more here who are not on it.",
                    not_shown,
                ).format(people=people, count=not_shown)
                if not_shown
                else ngettext(
                    "{count} person on the board.", "{count} people on the board.", shown
                ).format(count=shown)
            )
        # One line the screen wide (board.tcss): new words need no new layout.
        self.query_one("#summary", Label).update(summary, layout=False)
