"""The wall board app: a read-only board for a second screen, kept fresh from the data
folder that the kiosk and the command line change."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from textual import work
from textual.app import App
from textual.binding import Binding

from kiosk.community.community import Community
from kiosk.config import Config
from kiosk.errors import KioskError
from kiosk.exchange.wall import WallView, wall_view
from kiosk.language import N_, _
from screens.gathering_cards import Section
from screens.set_aside import SetAside
from screens.themes import THEMES
from screens.wall import WallScreen, wall_sections

REFRESH_SECONDS = 1.0
"""How often the board looks for changes: one made anywhere shows within two seconds."""
PAGE_TURN = timedelta(seconds=15)
"""How long each page stays when there is more than fits."""
NOT_READ = N_(
    "The board cannot read the kiosk's data just now and shows what it last read. "
    "A host can see why with `kiosk doctor`."
)
"""What the board says when it cannot read the data: the lobby is no place for which file
is damaged, or what a record in it holds."""


class WallApp(App[None]):
    """Who is here and what they talk about, for a screen nobody types on.

    It asks for nothing and shows nothing private, so q or ctrl+c simply quit it.
    """

    CSS_PATH = ["wall.tcss", "gathering_cards.tcss"]
    TITLE = "Wall board"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("q", "quit", N_("Quit"), id="wall.quit", show=False),
        Binding("ctrl+c", "quit", N_("Quit"), id="wall.quit-interrupt", show=False, priority=True),
    ]

    def __init__(
        self, community: Community, config: Config, refresh_seconds: float = REFRESH_SECONDS
    ) -> None:
        super().__init__()
        self.community = community
        community.read_talk()  # shown from the first picture on: read now, not on the UI thread
        self.config = config
        self.refresh_seconds = refresh_seconds
        self.view: WallView | None = None
        """What the board shows now."""
        self._looking = False
        self._next_turn: datetime | None = None
        self._problem: str | None = None
        self.set_aside = SetAside()
        """Everyone read and what the board built, kept out of the collector's full
        passes, so that those stay short however long the board runs."""
        self._swept_on: date | None = None
        self._everyone_asked = False
        self.problems: list[str] = []
        """Each problem reading the data met while it ran, once: said on stderr when it
        stops, for the host."""
        for theme in THEMES:
            self.register_theme(theme)

    def get_default_screen(self) -> WallScreen:
        return WallScreen(self.config.space_name)

    @property
    def wall(self) -> WallScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, WallScreen)
        return screen

    def on_mount(self) -> None:
        self.title = self.config.space_name
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        self.set_interval(self.refresh_seconds, self.tick)
        self.call_after_refresh(self.tick)

    def tick(self) -> None:
        """Look for changes, and turn the page when it is time."""
        if not self._looking:
            self._looking = True
            self._look()
        now = self.community.clock()
        self._sweep_once_a_day(now)
        if self._next_turn is None:
            self._next_turn = now + PAGE_TURN
        elif now >= self._next_turn:
            self._next_turn = now + PAGE_TURN
            self.wall.turn_page()
            return
        self.wall.show_page()  # cards laid out since may have changed where pages begin

    @work(thread=True, group="wall")
    def _look(self) -> None:
        try:
            if not self._everyone_asked:
                # Everyone is read before the first picture, as the kiosk reads them, and
                # set aside with it (`_lay_out`): a board reading members as they came kept
                # their files parsed (hundreds of files of fifty members each, replaced as
                # people came and went), and the collector's full passes walked all that,
                # more of it with every change. Asked once: should a member file be
                # damaged, members are read as they come instead.
                self._everyone_asked = True
                self.community.load_everyone()
            changed = self.community.refresh()
            self.community.events.follow_closures()
            view = self.view
            if changed or view is None or view.now != self._minute():
                view = wall_view(self.community)
            if view != self.view:
                self.call_from_thread(self._show, view, wall_sections(view))
        except KioskError as error:
            self.call_from_thread(self._cannot_read, str(error))
        finally:
            self._looking = False

    def _minute(self) -> datetime:
        zone = self.community.zone
        return self.community.clock().astimezone(zone).replace(second=0, microsecond=0)

    def _show(self, view: WallView, sections: list[Section]) -> None:
        self.view = view
        self._problem = None
        self.run_worker(self._lay_out(view, sections), group="wall-layout", exclusive=True)

    async def _lay_out(self, view: WallView, sections: list[Section]) -> None:
        await self.wall.show(view, sections)
        # Everyone read and what the board built to start live as long as it does.
        self.set_aside.start()

    def _sweep_once_a_day(self, now: datetime) -> None:
        # At the first look after midnight, when the space is most likely closed and
        # nobody minds the board's pause.
        today = now.astimezone(self.community.zone).date()
        if self._swept_on is None:
            self._swept_on = today
        elif today != self._swept_on:
            self._swept_on = today
            self.set_aside.sweep()

    def on_unmount(self) -> None:
        self.set_aside.stop()

    def _cannot_read(self, problem: str) -> None:
        # Said once, not every second, until the problem changes.
        if problem != self._problem:
            self._problem = problem
            if problem not in self.problems:
                self.problems.append(problem)
            self.notify(
                _(NOT_READ), title=_("Not up to date"), severity="warning", timeout=30, markup=False
            )
