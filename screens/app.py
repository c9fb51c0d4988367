"""The kiosk app: wires the community to the screens, keeps it fresh, and guards the exit."""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic
from typing import Any, TypeVar

from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.signal import Signal
from textual.widgets import Button

from kiosk.access import HostAccess
from kiosk.backups import Backups
from kiosk.community import Community
from kiosk.config import Config
from kiosk.errors import KioskError
from screens.home import HomeScreen
from screens.pin import PinScreen

Result = TypeVar("Result")


class KioskApp(App[None]):
    """The full-screen kiosk by the door."""

    CSS_PATH = "app.tcss"
    TITLE = "Check-in Kiosk"
    ENABLE_COMMAND_PALETTE = False
    MODES = {"home": HomeScreen}
    DEFAULT_MODE = "home"
    BINDINGS = [
        Binding("ctrl+q", "request_quit", "Quit", id="quit", show=False, priority=True),
        Binding("ctrl+c", "request_quit", "Quit", id="quit-interrupt", show=False, priority=True),
    ]

    def __init__(self, community: Community, config: Config, *, lock: bool = True) -> None:
        super().__init__()
        self.community = community
        community.index_in_background = True
        self.config = config
        self.lock = lock
        self.community_changed: Signal[None] = Signal(self, "community-changed")
        """Published whenever members, visits or shout-outs changed, here or elsewhere."""
        self._last_activity = monotonic()
        self._refresh_problem: str | None = None
        self.host_access = HostAccess(community.store.root, config.host_pin_hash, community.clock)
        self._backups = Backups(community.store, config.backups_to_keep)
        self._backup_problem: str | None = None

    def on_mount(self) -> None:
        self.title = self.config.space_name
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        else:
            self.notify(
                f"The theme '{self.config.theme}' is unknown; using the default.", markup=False
            )
        self.set_interval(1.0, self._tick)
        self.call_after_refresh(self._prepare_search)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown)):
            self._last_activity = monotonic()
        await super().on_event(event)

    # -- store calls -------------------------------------------------------------

    def store_call(
        self,
        call: Callable[[], Result],
        then: Callable[[Result], Any],
        *,
        saved: str,
        button: Button | None = None,
    ) -> None:
        """Run `call` against the community off the UI thread, then `then` with its result.

        `button` is disabled meanwhile, so a second press cannot repeat the action. If the
        person has left the screen by the time the save is done, `saved` tells them it was
        saved instead. A refused action or a failed write shows its message.
        """
        if button is not None:
            button.disabled = True
        self._store_worker(call, self.screen, then, saved, button)

    @work(thread=True, group="store")
    def _store_worker(
        self,
        call: Callable[[], Result],
        origin: Screen[Any],
        then: Callable[[Result], Any],
        saved: str,
        button: Button | None,
    ) -> None:
        try:
            result = call()
        except KioskError as error:
            self.call_from_thread(self._refused, error, button)
            return
        self.call_from_thread(self._saved, origin, then, saved, result)

    def _saved(
        self, origin: Screen[Any], then: Callable[[Result], Any], saved: str, result: Result
    ) -> None:
        if origin.is_current:
            then(result)
        else:
            self.notify(saved, title="Saved", markup=False)
        self.community_changed.publish(None)
        self._prepare_search()

    def _refused(self, error: KioskError, button: Button | None) -> None:
        if button is not None:
            button.disabled = False
        self._show_problem(error)

    def _show_problem(self, error: KioskError) -> None:
        self.notify(str(error), title="Sorry", severity="error", timeout=8, markup=False)

    # -- keeping fresh and going home --------------------------------------------------

    def _tick(self) -> None:
        if monotonic() - self._last_activity >= self.config.idle_timeout:
            self._last_activity = monotonic()
            self.go_home()
        self._refresh_worker()

    @work(thread=True, group="refresh", exclusive=True)
    def _refresh_worker(self) -> None:
        problem = self._backups.last_problem()
        if problem != self._backup_problem:
            self._backup_problem = problem
            if problem:
                self.call_from_thread(self._tell_host, problem)
        try:
            changed = self.community.refresh()
        except KioskError as error:
            self.call_from_thread(self._refresh_failed, str(error))
            return
        self._refresh_problem = None
        if changed:
            self.call_from_thread(self.community_changed.publish, None)
            self.community.prepare_search()  # a moment's work, off the UI thread

    def _tell_host(self, problem: str) -> None:
        self.notify(problem, title="For the host", severity="warning", timeout=30, markup=False)

    @work(thread=True, group="search", exclusive=True)
    def _prepare_search(self) -> None:
        # Everyone is read once the first screen is up, so the kiosk starts as fast with
        # fifty thousand members as with fifty.
        try:
            self.community.prepare_search()
        except KioskError as error:
            self.call_from_thread(self._refresh_failed, str(error))

    def _refresh_failed(self, problem: str) -> None:
        # Said once, not every second, until the problem changes or goes away.
        if problem != self._refresh_problem:
            self._refresh_problem = problem
            self.notify(problem, title="For the host", severity="error", timeout=30, markup=False)

    def go_home(self, typed: str = "") -> None:
        """Back to the home screen, forgetting whatever was typed on the way.

        `typed` starts a new search, for someone who began typing elsewhere.
        """
        while len(self.screen_stack) > 1:
            self.pop_screen()
        home = self.screen_stack[0]
        if isinstance(home, HomeScreen):
            home.reset(typed)

    # -- quitting -----------------------------------------------------------------------

    def action_request_quit(self) -> None:
        if not self.lock:
            self.exit()
        elif not isinstance(self.screen, PinScreen):
            self.push_screen(PinScreen(self.host_access), self._quit_if_allowed)

    def _quit_if_allowed(self, allowed: bool | None) -> None:
        if allowed:
            self.exit()
