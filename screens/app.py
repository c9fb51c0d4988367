"""The kiosk app: wires the community to the screens, keeps it fresh, closes the day at
closing time, and guards the exit and the host console."""

from __future__ import annotations

import gc
from collections.abc import Callable
from contextlib import suppress
from time import monotonic
from typing import Any, TypeVar

from textual import events, work
from textual.app import App
from textual.screen import Screen
from textual.signal import Signal
from textual.widgets import Button
from textual.worker import Worker

from kiosk import language
from kiosk.access.hosts import HostAccess
from kiosk.access.members import MemberAccess
from kiosk.access.warnings import HostWarnings, Source, host_warnings
from kiosk.community.community import Community
from kiosk.config import Config
from kiosk.errors import DataError, KioskError
from kiosk.events.feeds import feed_words
from kiosk.events.wording import ShownEvent
from kiosk.language import _, ngettext, number
from kiosk.models import Member, Visit
from kiosk.notices import delivery
from kiosk.notices.chat import queue_chat_news
from kiosk.notices.outbox import Outbox, failing
from kiosk.safety.house_agreements import HouseAgreements
from kiosk.storage import daily_backup
from screens.badge_desk import BadgeDesk
from screens.commands import OPEN_HOST_CONSOLE, QUIT, SHOW_KEYS
from screens.confirmation import ConfirmationScreen
from screens.home import HomeScreen
from screens.host.console import ConsoleScreen
from screens.key_help import KeysScreen, keys_of
from screens.pin import PinScreen
from screens.scanner import BadgeScanned, ScanGate
from screens.themes import THEMES

Result = TypeVar("Result")
Timer = Callable[[], float]
"""Seconds from an arbitrary start that only go forward, like `time.monotonic`."""
DELIVERY_EVERY = 60.0
FEEDS_EVERY = 60.0
"""Seconds between looks at whether a calendar feed is due to be fetched again."""
"""Seconds between the kiosk's looks at the outbox."""


class KioskApp(App[None]):
    """The full-screen kiosk by the door."""

    CSS_PATH = "app.tcss"
    TITLE = "Check-in Kiosk"
    ENABLE_COMMAND_PALETTE = False
    MODES = {"home": HomeScreen}
    DEFAULT_MODE = "home"
    BINDINGS = [QUIT, OPEN_HOST_CONSOLE, SHOW_KEYS]

    def __init__(
        self, community: Community, config: Config, *, lock: bool = True, timer: Timer = monotonic
    ) -> None:
        super().__init__()
        language.speak(config.language)
        self.chosen_at_door: str | None = None
        """The language the person at the door chose on home, until home is theirs no more."""
        self.community = community
        community.index_in_background = True
        community.files_in_background = True
        community.read_talk()  # shown from the first screen on: read now, not on the UI thread
        self.config = config
        self.lock = lock
        self.timer = timer
        """What idle time and countdowns are measured with; tests pass one they move."""
        self.community_changed: Signal[None] = Signal(self, "community-changed")
        """Published whenever members, visits or shout-outs changed, here or elsewhere."""
        self.ticked: Signal[float] = Signal(self, "ticked")
        """Published every second with the timer's time, for countdowns."""
        self._last_activity = timer()
        self.host_access = HostAccess(community.store.root, config.host_pin_hash, community.clock)
        self.member_access = MemberAccess(
            community.store.root, community.pin_opens, community.clock
        )
        """Members' personal PINs, which open their profiles, and the wait wrong ones earn."""
        self._outbox = Outbox(community.store)
        self._next_delivery = timer()
        self._refreshing: Worker[None] | None = None
        self._fetching: Worker[None] | None = None
        self._next_fetch = timer()
        self._events_shown: tuple[ShownEvent, ...] = ()
        """Today's events as the last reread found them (the refresh worker's own)."""
        self._set_aside = False
        """Whether the members read at the start are kept out of the collector's passes."""
        self.scan_gate = ScanGate(self, timer, deliver=self._deliver_key)
        """Every key passes it first, so a badge scan never lands in the focused field."""
        self.agreements = HouseAgreements(config.agreements, community)
        """What members accept before their check-in goes through."""
        self.badge_desk = BadgeDesk(self)
        self._day_closing: Worker[None] | None = None
        self.host_warnings = HostWarnings()
        """What the host should put right (the setup, damaged data, a backup not made):
        shown on the host console, never on the public screens, and said on stderr
        when the kiosk stops."""
        self.host_warned: Signal[None] = Signal(self, "host-warned")
        """Published whenever the warnings for the host change."""
        self.search_ready: Signal[None] = Signal(self, "search-ready")
        """Published once everyone is first read for search: keys typed before then find."""
        for theme in THEMES:
            self.register_theme(theme)

    def on_mount(self) -> None:
        self.title = self.config.space_name
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        else:
            self.warn_host(
                "theme",
                _("The theme '{theme}' is unknown; using the default.").format(
                    theme=self.config.theme
                ),
            )
        self.set_interval(1.0, self.tick)
        self.call_after_refresh(self._prepare_search)
        self._look_for_host_warnings()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown)):
            self._last_activity = self.timer()
        # Keys fresh from the keyboard; one a widget let bubble back up goes its usual way.
        if isinstance(event, events.Key) and not event.is_forwarded:
            await self.scan_gate.key(event)
        else:
            await super().on_event(event)

    async def _deliver_key(self, event: events.Key) -> None:
        """A key the scan gate let through goes its usual way; but a key that starts the
        next person's name on someone's welcome or goodbye takes the kiosk home first, so
        that it and every key after it, Space and Enter too, reach the search."""
        screen = self.screen
        if isinstance(screen, ConfirmationScreen) and screen.starts_next_person(event):
            self.go_home()
        await super().on_event(event)

    def on_badge_scanned(self, message: BadgeScanned) -> None:
        # The screen in front did not take the scan for itself.
        self.take_badge(message.code, repeat=message.repeat)

    def take_badge(self, code: str, repeat: bool = False) -> None:
        """Check in or out the member with this badge code, and say so (see BadgeDesk)."""
        self.badge_desk.take(code, repeat)

    # -- store calls -------------------------------------------------------------

    def store_call(
        self,
        call: Callable[[], Result],
        then: Callable[[Result], Any],
        *,
        saved: str | None,
        button: Button | None = None,
    ) -> None:
        """Run `call` against the community off the UI thread, then `then` with its result.

        `button` is disabled meanwhile, so a second press cannot repeat the action. If the
        person has left the screen by the time the save is done, `saved` tells them it was
        saved instead; with None, `then` runs whatever screen is in front (for a badge
        scan, which is about the kiosk rather than one screen). A refused action or a
        failed write shows its message.
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
        saved: str | None,
        button: Button | None,
    ) -> None:
        try:
            result = call()
        except KioskError as error:
            self.call_from_thread(self._refused, error, button)
            return
        with suppress(KioskError):  # saved all the same; a screen that reads it says so
            self.community.gathering()  # for the boards: worked out here, not on the UI thread
        self.call_from_thread(self._saved, origin, then, saved, result)
        # Once the person has their answer: the next one at the door waits for the
        # filing only if they come within the moment it takes. Visits that cannot be
        # filed now wait, whole, for the next check-out (a reread says what is damaged).
        with suppress(KioskError):
            self.community.file_when_due()

    def _saved(
        self,
        origin: Screen[Any],
        then: Callable[[Result], Any],
        saved: str | None,
        result: Result,
    ) -> None:
        # In front, not only `is_current`: that also holds for the screen just beneath it.
        if saved is None or origin is self.screen:
            then(result)
        else:
            self.notify(saved, title=_("Saved"), markup=False)
        self.community_changed.publish(None)
        self._prepare_search()

    def _refused(self, error: KioskError, button: Button | None) -> None:
        if button is not None:
            button.disabled = False
        if isinstance(error, DataError):
            # What is damaged is the host's to hear, and may be someone else's record.
            self.warn_host("data", str(error))
            said = _("This could not be saved: some of the kiosk's data needs a host's care.")
            self.notify(said, title=_("Sorry"), severity="error", timeout=8, markup=False)
            return
        self.notify(str(error), title=_("Sorry"), severity="error", timeout=8, markup=False)

    # -- keeping fresh and going home --------------------------------------------------

    def tick(self) -> None:
        """What the kiosk does every second: go home when idle, count down, and reread."""
        now = self.timer()
        if any(isinstance(screen, PinScreen) for screen in self.screen_stack):
            self._last_activity = now  # a host is at the keys: nothing goes home under them
        if now - self._last_activity >= self.config.idle_timeout:
            self._last_activity = now
            if self.screen is not self.home or not self.home.at_rest:
                self.go_home()
        self.ticked.publish(now)
        if self.scan_gate.holding:  # its own timer lets them go sooner; this is a backstop
            self.call_later(self.scan_gate.let_typing_through)
        if (
            self._day_closing is None or self._day_closing.is_finished
        ) and self.community.closing_due():
            self._day_closing = self._close_day()
        # One reread at a time: a slow disk skips a second rather than piling them up.
        if self._refreshing is None or self._refreshing.is_finished:
            self._refreshing = self._refresh_worker()
        # Apart from the rereads: a slow calendar server never holds up who is here.
        fetching = self._fetching is not None and not self._fetching.is_finished
        if self.config.event_feeds and now >= self._next_fetch and not fetching:
            self._next_fetch = now + FEEDS_EVERY
            self._fetching = self._fetch_feeds()

    @work(thread=True, group="feeds")
    def _fetch_feeds(self) -> None:
        """Fetch the calendar feeds that are due; tell the host of those out of reach, and
        how old the copy shown is."""
        events = self.community.events
        try:
            events.fetch_feeds()
            states = events.feed_states()
        except KioskError as error:
            self.call_from_thread(self.warn_host, "events", str(error))
            return
        now, zone = self.community.clock(), self.community.zone
        warnings = [
            _("Calendar feed {source}: {state}").format(
                source=state.source, state=feed_words(state, now, zone)
            )
            for state in states
            if state.problem
        ]
        self.call_from_thread(self.warn_host, "events", *warnings)

    @work(thread=True, group="refresh")
    def _refresh_worker(self) -> None:
        problem = daily_backup.last_problem(self.community.store.root)
        self.call_from_thread(self.warn_host, "backup", *([problem] if problem else []))
        try:
            changed = self.community.refresh()
            self.community.events.follow_closures()
            if changed:
                self.community.gathering()  # for the boards: worked out here, not on the UI thread
            # Worked out here too, so that home and the boards find it ready.
            shown, self._events_shown = self._events_shown, self.community.events_today()
        except KioskError as error:
            self.call_from_thread(self.warn_host, "data", str(error))
            return
        self.call_from_thread(self.warn_host, "data")
        self._look_at_outbox()
        self._tell_chat()
        if changed or shown != self._events_shown:
            self.call_from_thread(self.community_changed.publish, None)
        if changed:
            self.community.prepare_search()  # a moment's work, off the UI thread

    def _look_at_outbox(self) -> None:
        """Now and then, while notices wait, start their delivery (unless one is under
        way), and tell the host of channels that fail."""
        now = self.timer()
        if now < self._next_delivery:
            return
        self._next_delivery = now + DELIVERY_EVERY
        try:
            waiting = self._outbox.waiting()
        except KioskError as error:
            self.call_from_thread(self.warn_host, "outbox", str(error))
            return
        self.call_from_thread(self.warn_host, "outbox", *failing(waiting))
        if waiting:
            delivery.start_in_background(self.config)

    def _tell_chat(self) -> None:
        """Queue what the space's chat and the hosts' channel are due now: the space
        opened or closed, who is in at its time, the day's digest."""
        if not self.config.tells_timed_news:
            return
        try:
            queued = queue_chat_news(self.community, self.config)
        except KioskError as error:
            self.call_from_thread(
                self.warn_host, "chat", _("The chat was not told: {error}").format(error=error)
            )
            return
        self.call_from_thread(self.warn_host, "chat")
        if queued:
            delivery.start_in_background(self.config)

    @work(thread=True, group="closing")
    def _close_day(self) -> None:
        try:
            closed = self.community.close_day().ending
        except KioskError as error:
            self.call_from_thread(self.warn_host, "data", str(error))
            return
        self.call_from_thread(self._closed_day, closed)

    def _closed_day(self, closed: list[Visit]) -> None:
        if closed:
            said = ngettext(
                "The space has closed: {count} person still here is checked out at closing time.",
                "The space has closed: {count} people still here are checked out at closing time.",
                len(closed),
            )
            self.notify(
                said.format(count=number(len(closed))),
                title=_("Closing time"),
                timeout=30,
            )
        self.community_changed.publish(None)

    def warn_host(self, source: Source, *warnings: str) -> None:
        """Tell the host (on the console, and on stderr when the kiosk stops) what is
        wrong with `source` now; with no warnings, that nothing is any more."""
        if self.host_warnings.tell(source, warnings):
            self.host_warned.publish(None)

    @work(thread=True, group="search", exclusive=True)
    def _prepare_search(self) -> None:
        # Everyone is read once the first screen is up, so the kiosk starts as fast with
        # fifty thousand members as with fifty.
        try:
            if self.community.open_saved_search():
                # The index saved at the last start answers the first keys meanwhile.
                self.call_from_thread(self.search_ready.publish, None)
            self.community.prepare_search()
        except KioskError as error:
            self.call_from_thread(self.warn_host, "data", str(error))
            return
        if not self._set_aside:
            self.call_from_thread(self.search_ready.publish, None)
            # Everyone just read lives as long as the kiosk: the garbage collector's full
            # passes need not walk them, which at 50,000 members held the screen for a
            # third of a second now and then.
            self._set_aside = True
            gc.freeze()

    def on_unmount(self) -> None:
        if self._set_aside:
            gc.unfreeze()  # what the kiosk leaves behind may be collected again

    def go_home(self) -> None:
        """Back to the home screen for the next person, forgetting what was typed on the way
        and the messages meant for the one before, in the kiosk's own language."""
        self.chosen_at_door = None
        self.speak_at_home()
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.clear_notifications()
        self.home.reset()
        self.call_later(self.home.speak_again)

    # -- the language spoken -------------------------------------------------------------

    def speak_at_home(self) -> None:
        """Home speaks the kiosk's language, or the one the person at the door chose."""
        language.speak(self.chosen_at_door or self.config.language)

    def choose_language(self, chosen: str) -> None:
        """Speak `chosen` for the person at the door: on home now, and on their screens,
        where it is kept in their profile."""
        self.chosen_at_door = chosen
        language.speak(chosen)
        self.screen.refresh_bindings()

    def speak_to(self, member: Member) -> None:
        """Speak `member`'s language on the screens about to open for them: the one just
        chosen at the door (then kept in their profile), else the one they chose before,
        else the kiosk's."""
        chosen = self.chosen_at_door
        if chosen is not None and chosen != (member.language or self.config.language):
            community = self.community
            self.store_call(
                lambda: community.edit_member(member.id, language=chosen),
                lambda kept: None,
                saved=None,
            )
        language.speak(chosen or member.language or self.config.language)

    def open_profile(self, member: Member) -> None:
        """Open `member`'s own profile, for a member who proved who they are (a badge
        scan): over the current screen, closing a PIN prompt that asked for it."""
        from screens.profile_access import open_profile

        open_profile(self, member)

    @property
    def home(self) -> HomeScreen:
        home = self.screen_stack[0]
        assert isinstance(home, HomeScreen)
        return home

    # -- the host console and quitting ---------------------------------------------------

    @work(thread=True, group="host-warnings")
    def _look_for_host_warnings(self) -> None:
        self.call_from_thread(self.warn_host, "setup", *host_warnings(self.config))

    def action_show_keys(self) -> None:
        self.push_screen(KeysScreen(keys_of(self.screen)))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "show_keys":
            return not isinstance(self.screen, KeysScreen)  # F1 there closes it
        if action == "open_host_console":
            # Offered at home, where the kiosk waits for the next person.
            return self.screen is self.screen_stack[0]
        return True

    def action_open_host_console(self) -> None:
        self.push_screen(PinScreen(self.host_access, "console"), self._open_console_if_allowed)

    def _open_console_if_allowed(self, allowed: bool | None) -> None:
        if allowed:
            self.push_screen(ConsoleScreen())

    def action_request_quit(self) -> None:
        if not self.lock:
            self.exit()
        elif not isinstance(self.screen, PinScreen):
            self.push_screen(PinScreen(self.host_access), self._quit_if_allowed)

    def _quit_if_allowed(self, allowed: bool | None) -> None:
        if allowed:
            self.exit()
