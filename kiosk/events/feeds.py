"""The calendar feeds the config names: a file is read when it changes; a feed on the web
is fetched in the background now and then, and its last copy is kept in the data folder,
so the kiosk shows its events offline too and tells hosts how old they are."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from pathlib import Path

from kiosk.errors import DataError, StorageError
from kiosk.events.sources import is_feed_address
from kiosk.language import _
from kiosk.models.events import CachedFeed
from kiosk.storage.files import read_regular, signature
from kiosk.storage.store import Store
from kiosk.timekeeping.hours import ago

FETCH_EVERY = timedelta(minutes=30)
"""How often a feed on the web is fetched again."""
FETCH_SECONDS = 10
"""How long a fetch may take before the feed counts as out of reach this time."""
LARGEST_FEED = 4 << 20
"""The most bytes of a feed read: a year of a busy community's events is far less."""


@dataclass(slots=True, frozen=True)
class FeedState:
    """What a host is told about one feed."""

    source: str
    fetched: datetime | None
    """When the copy in use was fetched, for a feed on the web; None for a file, or
    a feed never fetched yet."""
    problem: str = ""
    """Why the feed could not be read or fetched the last time; empty when it was."""


def fetch_over_http(url: str) -> str:
    """The text at `url`, fetched within FETCH_SECONDS."""
    import urllib.request  # late: with http, e-mail parsing and TLS, a tenth of a check-in

    request = urllib.request.Request(url, headers={"User-Agent": "check-in-kiosk"})
    with urllib.request.urlopen(request, timeout=FETCH_SECONDS) as response:
        body: bytes = response.read(LARGEST_FEED + 1)
    if len(body) > LARGEST_FEED:
        raise ValueError(_("it is larger than {megabytes} MB").format(megabytes=LARGEST_FEED >> 20))
    return body.decode("utf-8-sig")


class Feeds:
    """The config's feeds, their texts as last read or fetched, and their state."""

    def __init__(
        self, store: Store, sources: tuple[str, ...], clock: Callable[[], datetime]
    ) -> None:
        self.store = store
        self.sources = sources
        self.clock = clock
        self.problems: dict[str, str] = {}
        """Why each feed failed the last time this process read or fetched it."""

    @property
    def on_the_web(self) -> list[str]:
        return [source for source in self.sources if is_feed_address(source)]

    def due(self) -> list[str]:
        """The feeds on the web whose copy is missing or older than FETCH_EVERY."""
        copies = {copy.source: copy.fetched for copy in self.store.cached_feeds()}
        now = self.clock()
        return [
            url
            for url in self.on_the_web
            if url not in copies or now - copies[url] >= FETCH_EVERY or now < copies[url]
        ]

    def fetch_due(self) -> None:
        """Fetch each feed due, keeping its copy; one out of reach keeps its last copy,
        and its problem is kept to tell hosts. Slow: never on the UI thread."""
        for url in self.due():
            try:
                body = fetch_over_http(url)
            except (OSError, ValueError) as error:
                self.problems[url] = _unreachable(error)
                continue
            try:
                self.store.put_cached_feed(CachedFeed(url, self.clock(), body))
            except StorageError as error:
                self.problems[url] = str(error)
                continue
            self.problems.pop(url, None)

    def version(self) -> object:
        """What changes whenever a feed's text may have."""
        files = tuple(signature(Path(s)) for s in self.sources if not is_feed_address(s))
        return files, self.store.feeds_file.version()

    def texts(self) -> list[tuple[str, str]]:
        """Each feed's source and text: a file as it is now, a web feed's last copy (none
        before its first fetch). A file that cannot be read is left out, its problem kept."""
        copies = {copy.source: copy.body for copy in self.store.cached_feeds()}
        found = []
        for source in self.sources:
            if is_feed_address(source):
                if source in copies:
                    found.append((source, copies[source]))
                continue
            try:
                found.append((source, read_regular(Path(source)).decode("utf-8-sig")))
            except (DataError, UnicodeDecodeError) as error:
                self.problems[source] = _unreadable(error)
                continue
            self.problems.pop(source, None)
        return found

    def states(self) -> list[FeedState]:
        copies = {copy.source: copy.fetched for copy in self.store.cached_feeds()}
        return [
            FeedState(source, copies.get(source), self.problems.get(source, ""))
            for source in self.sources
        ]


def feed_words(state: FeedState, now: datetime, zone: tzinfo) -> str:
    """How a feed is, for hosts: "fetched 2 h ago.", "read now.", or its problem and
    what is shown meanwhile ("...; showing the copy fetched 2 h ago.")."""
    if state.problem and state.fetched is not None:
        return _("{problem}; showing the copy fetched {ago}.").format(
            problem=state.problem, ago=ago(state.fetched, now, zone)
        )
    if state.problem:
        return _("{problem}; none of its events are shown.").format(problem=state.problem)
    if state.fetched is not None:
        return _("fetched {ago}.").format(ago=ago(state.fetched, now, zone))
    return _("read now.")


def _unreachable(error: OSError | ValueError) -> str:
    import urllib.error  # late: loaded by urllib.request, which failed to fetch

    if isinstance(error, urllib.error.HTTPError):
        return _("the server answered {code} {reason}").format(code=error.code, reason=error.reason)
    if isinstance(error, urllib.error.URLError):
        reason = error.reason
        said = reason.strerror if isinstance(reason, OSError) and reason.strerror else reason
        return _("it could not be reached ({reason})").format(reason=said)
    return _("it could not be fetched ({error})").format(error=error)


def _unreadable(error: DataError | UnicodeDecodeError) -> str:
    if isinstance(error, UnicodeDecodeError):
        return _("it is not UTF-8 text")
    # "PATH cannot be read: No such file or directory." or "PATH is damaged: it is not a
    # regular file.": the feed is named already, the reason is what is left to say.
    return _("it cannot be read ({reason})").format(
        reason=str(error).partition(": ")[2].rstrip(".")
    )
