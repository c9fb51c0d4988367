"""The kiosk's settings, read from one TOML file; every key is optional.

The file is found the conventional way (see `find_config`): the one given with
--config, else the one the KIOSK_CONFIG environment variable names, else kiosk.toml in
the current folder, else the user's own ($XDG_CONFIG_HOME/kiosk/config.toml, by default
~/.config/kiosk/config.toml), else the machine's (/etc/kiosk/config.toml). With none of
them, the built-in defaults are used.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field, replace
from datetime import time, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from kiosk.errors import Refused, UsageError
from kiosk.events.sources import is_feed_address
from kiosk.exchange.space_listing import NO_LISTING, SpaceListing, read_spaceapi
from kiosk.language import LANGUAGES, N_, _, ngettext
from kiosk.text import TOPIC_LIMIT, channel, clean, shortened
from kiosk.timekeeping.opening import (
    NO_HOURS,
    OpeningHours,
    read_hours,
    read_time_of_day,
    read_timezone,
    time_zone,
)

# The parts a config may leave out (its Wi-Fi, its host's PIN, the house's agreements) are
# read where it has them.
if TYPE_CHECKING:
    from kiosk.badges.wifi import WifiNetwork
    from kiosk.safety.agreements import Agreement

DEFAULT_TOPICS = (
    "3D printing",
    "coffee",
    "design",
    "electronics",
    "gardening",
    "languages",
    "music",
    "Python",
    "startups",
    "woodworking",
)


@dataclass(slots=True, frozen=True)
class Chat:
    """From the [chat] section: the space's own chat, and what it hears."""

    url: str = ""
    """The chat's notification URL, as Apprise reads it; empty: the kiosk posts nothing."""
    opening: bool = True
    """Say when the space opens and closes."""
    whos_in: tuple[time, ...] = ()
    """Times of day at which to say who is in, while the space is open."""
    shoutouts: bool = True
    """Offer "also post to the chat" to whoever writes a shout-out."""


@dataclass(slots=True, frozen=True)
class Config:
    """The kiosk's settings, as the config file gives them (kiosk.toml; see
    config.example.toml for each one), and the built-in default of each it does not."""

    space_name: str = "Our Space"
    data_dir: Path = Path("kiosk-data")
    idle_timeout: int = 60
    """Seconds without a key or click before the kiosk returns to home."""
    confirmation_seconds: int = 6
    """Seconds a check-in or check-out confirmation stays before home comes back."""
    second_scan_seconds: int = 60
    """Seconds after a check-in during which the same badge again asks to be scanned once
    more before it checks out; 0 checks out at once."""
    host_pin_hash: str = ""
    """Made by `kiosk hash-pin`; needed to quit the kiosk. Empty: the kiosk cannot be quit."""
    capacity: int = 0
    """How many people the space holds; 0 for no limit."""
    suggested_topics: tuple[str, ...] = DEFAULT_TOPICS
    backups_to_keep: int = 7
    anonymous_after_days: int = 0
    """Days after which a visit keeps no member or guest's name, only its count (with the
    daily backup); 0 keeps them all."""
    theme: str = "textual-dark"
    language: str = "en"
    """The kiosk's own language (see kiosk.language): home speaks it, and every member
    who has not chosen another."""
    timezone: str = ""
    """The one time zone of every time shown or written, like "Europe/Berlin"; empty for
    the machine's own."""
    open_with_keyholder: bool = False
    """The space is open while a keyholder is here (the SpaceAPI file says so), rather
    than by its opening hours or while anyone is here."""
    hours: OpeningHours = NO_HOURS
    """Opening hours, from the [hours] table; none by default, and then the kiosk never
    closes by itself."""
    wifi: WifiNetwork | None = None
    """From the [wifi] section: the network home offers as a QR code; None offers none."""
    community_url: str = ""
    """From the [links] section: where the community meets online, offered as a QR code."""
    spaceapi: SpaceListing = NO_LISTING
    """From the [spaceapi] section: what the SpaceAPI file says about the space."""
    notify_hosts: str = ""
    """From the [notify] section: the hosts' channel (an Apprise URL) told when a guest
    arrives; empty for none."""
    hosts_digest: time | None = None
    """From the [notify] section: when each day the hosts' channel is sent the day's
    digest (visits, newcomers, shout-outs); None for no digest."""
    chat: Chat = Chat()
    """From the [chat] section: the space's chat; by default none."""
    agreements: tuple[Agreement, ...] = ()
    """From the [[agreements]] tables: what each member accepts before checking in."""
    event_feeds: tuple[str, ...] = ()
    """From the [events] section: iCalendar feeds, each a file path or a web address,
    whose events the kiosk shows beside those hosts add."""
    agreements_contact: str = "a host"
    """Whom a member who declines an agreement is told to ask."""
    source: Path | None = field(default=None, compare=False)
    """The file these settings were read from; None for the defaults."""

    @property
    def tells_timed_news(self) -> bool:
        """Whether anyone is told of moments as they come (the space opening, who is in,
        the hosts' digest): a space with no chat and no digest need not look for them."""
        return bool(self.chat.url or (self.notify_hosts and self.hosts_digest))

    @property
    def zone(self) -> tzinfo:
        """The time zone of every time the kiosk shows or writes."""
        return time_zone(self.timezone)


_EXPECTED: dict[str, tuple[type[Any], str]] = {
    "space_name": (str, N_('text, like "Makerspace North"')),
    "data_dir": (str, N_('a folder path as text, like "kiosk-data"')),
    "idle_timeout": (int, N_("a whole number of seconds, at least 5, like 60")),
    "confirmation_seconds": (int, N_("a whole number of seconds, at least 1, like 6")),
    "second_scan_seconds": (int, N_("a whole number of seconds from 0 to 3600, like 60")),
    "host_pin_hash": (str, N_("text made by `kiosk hash-pin`, or empty")),
    "capacity": (int, N_("a whole number of people, 0 for no limit")),
    "suggested_topics": (
        list,
        N_('a list of texts of at most {topic_limit} characters, like ["coffee", "Python"]'),
    ),
    "backups_to_keep": (int, N_("a whole number of daily backups, at least 1")),
    "anonymous_after_days": (int, N_("a whole number of days, or 0 to keep every visit's name")),
    "theme": (str, N_('a Textual theme name, like "textual-dark" or "textual-light"')),
    "language": (str, N_("one of the kiosk's languages: {languages}")),
    "timezone": (str, N_('a time zone name like "Europe/Berlin", or empty for the machine\'s own')),
    "open_with_keyholder": (bool, N_("true or false")),
    "hours": (dict, N_("a table of opening hours written [hours], with [[hours.open]] tables")),
    "agreements": (
        list,
        N_("tables written [[agreements]], each with a title, a file and a version"),
    ),
    "agreements_contact": (
        str,
        N_('whom to ask about an agreement, like "a host" or "Sam at the desk"'),
    ),
}
_MINIMUM = {
    "idle_timeout": 5,
    "confirmation_seconds": 1,
    "second_scan_seconds": 0,
    "capacity": 0,
    "backups_to_keep": 1,
    "anonymous_after_days": 0,
}
_MAXIMUM = {"second_scan_seconds": 3600}


URL_LIMIT = 80
"""The longest community_url, so that its QR code still fits a small screen."""

_SECTION_KEYS: dict[str, dict[str, tuple[type[Any], str]]] = {
    "wifi": {
        "ssid": (str, N_('the network\'s name, 1 to {ssid_bytes} bytes, like "Makerspace Guests"')),
        "password": (str, N_("text")),
        "security": (
            str,
            N_('"WPA" (also for WPA2 and WPA3), "WEP", or "nopass" for an open network'),
        ),
        "hidden": (bool, N_("true or false")),
    },
    "links": {
        "community_url": (
            str,
            N_('a web address of at most {url_limit} characters, like "https://example.org/chat"'),
        ),
    },
    "notify": {
        "hosts": (
            str,
            N_('one notification URL, like "ntfy://ntfy.sh/our-hosts", or empty for none'),
        ),
        "digest": (str, N_('a time of day like "21:00", or empty for no digest')),
    },
    "chat": {
        "url": (
            str,
            N_('one notification URL, like "discord://webhook_id/token", or empty for none'),
        ),
        "opening": (bool, N_("true or false")),
        "whos_in": (list, N_('a list of times of day, like ["12:00", "18:00"]')),
        "shoutouts": (bool, N_("true or false")),
    },
    "events": {
        "feeds": (
            list,
            N_(
                "a list of calendar feeds, each a file path or a web address, like "
                '["events.ics", "https://example.org/calendar.ics"]'
            ),
        ),
    },
    "spaceapi": {
        "logo": (str, N_('the web address of the logo, like "https://example.org/logo.png"')),
        "url": (str, N_('the web address of the space, like "https://example.org"')),
        "calendar": (
            str,
            N_(
                "the web address of the space's events as iCalendar, like "
                '"https://example.org/events.ics"'
            ),
        ),
        "contact": (dict, N_("a section [spaceapi.contact] of ways to reach the space")),
        "location": (dict, N_("a section [spaceapi.location] saying where the space is")),
    },
}


def _kind(description: str) -> str:
    """A kind of value from the tables above, in the language speaking, its limits named."""
    from kiosk.badges.wifi import SSID_BYTES

    return _(description).format(
        topic_limit=TOPIC_LIMIT,
        ssid_bytes=SSID_BYTES,
        url_limit=URL_LIMIT,
        languages=", ".join(repr(code) for code in LANGUAGES),
    )


CONFIG_VARIABLE = "KIOSK_CONFIG"
"""The environment variable that names the config file when --config does not."""
LOCAL_CONFIG = Path("kiosk.toml")
SYSTEM_CONFIG = Path("/etc/kiosk/config.toml")


@dataclass(slots=True, frozen=True)
class ConfigFile:
    """The config file in use, and how it was found."""

    path: Path
    found_by: str
    """Like "--config" or "kiosk.toml in the current folder"."""


def user_config() -> Path:
    """The user's own config file: under $XDG_CONFIG_HOME, or else ~/.config."""
    base = os.environ.get("XDG_CONFIG_HOME", "")
    folder = Path(base) if base and Path(base).is_absolute() else Path.home() / ".config"
    return folder / "kiosk" / "config.toml"


def config_places() -> tuple[tuple[Path, str], ...]:
    """Where a config file is looked for when none is named, in order, with how to say
    each."""
    return (
        (LOCAL_CONFIG, N_("kiosk.toml in the current folder")),
        (user_config(), N_("the user's config folder")),
        (SYSTEM_CONFIG, N_("the machine's config folder")),
    )


def find_config(given: Path | None) -> ConfigFile | None:
    """The config file to use: `given` (from --config), else the one KIOSK_CONFIG names,
    else the first of `config_places` that is there; None when there is none."""
    if given is not None:
        return ConfigFile(given, "--config")
    named = os.environ.get(CONFIG_VARIABLE, "")
    if named.strip():
        if "\0" in named:
            raise UsageError(
                _("{variable} holds a NUL character, which no path can.").format(
                    variable=CONFIG_VARIABLE
                )
            )
        return ConfigFile(Path(named), N_("the KIOSK_CONFIG environment variable"))
    for path, found_by in config_places():
        try:
            path.stat()
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError:
            pass  # there, but not to be read: load_config says why
        return ConfigFile(path, found_by)
    return None


def defaults_notice() -> str:
    """What a command says when it found no config file."""
    places = ", ".join(_shown(path) for path, _found_by in config_places())
    return _(
        "no config file found ({variable} is not set; none at {places}), so the built-in "
        "defaults are used; name one with --config FILE."
    ).format(variable=CONFIG_VARIABLE, places=places)


def _shown(path: Path) -> str:
    """`path` as a person writes it, ~ for their home folder."""
    home = Path.home()
    return f"~/{path.relative_to(home)}" if path.is_relative_to(home) else str(path)


def load_config(path: Path | None) -> Config:
    """Read `path` (or the defaults when None); a problem raises UsageError naming file and key."""
    if path is None:
        return Config()
    import tomllib  # late, as the parts below: a command with no config file reads no TOML

    with suppress(OSError):  # a path that cannot even be looked at is said below
        if stat.S_ISFIFO(path.stat().st_mode):
            # Opening a FIFO waits for a writer: the command would hang.
            raise UsageError(_("Config file {path} is a FIFO, not a file.").format(path=path))
    try:
        with path.open("rb") as file:
            raw = tomllib.load(file)
    except FileNotFoundError as error:
        raise UsageError(_("Config file {path} does not exist.").format(path=path)) from error
    except OSError as error:
        raise UsageError(
            _("Config file {path} cannot be read: {strerror}.").format(
                path=path, strerror=error.strerror
            )
        ) from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UsageError(
            _("Config file {path} is not valid TOML: {error}.").format(path=path, error=error)
        ) from error
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key in _SECTIONS:
            values.update(_SECTIONS[key](path, _section(path, key, value)))
            continue
        if key not in _EXPECTED:
            raise UsageError(
                _(
                    "Config file {path}: unknown key '{key}'. Known keys: {keys}; "
                    "sections: {sections}."
                ).format(
                    path=path,
                    key=shortened(key),
                    keys=", ".join(_EXPECTED),
                    sections=", ".join(f"[{name}]" for name in _SECTIONS),
                )
            )
        values[key] = _checked(path, key, value)
    config = _one_zone(path, replace(Config(), **values, source=path), "timezone" in values)
    if not config.data_dir.is_absolute():
        config = replace(config, data_dir=path.parent / config.data_dir)
    return config


def _one_zone(path: Path, config: Config, given: bool) -> Config:
    """The settings with one time zone: the top-level `timezone`, or else the one an older
    config wrote in [hours], which is read as the same setting; both may be given alike."""
    older = config.hours.timezone
    if given and older and older != config.timezone:
        raise UsageError(
            _(
                "Config file {path}: 'timezone' is {timezone!r} but 'hours.timezone' is "
                "{older!r}. The kiosk shows every time in one zone: keep the top-level "
                "'timezone' and remove 'hours.timezone'."
            ).format(path=path, timezone=config.timezone, older=older)
        )
    zone = config.timezone if given else older
    return replace(config, timezone=zone, hours=replace(config.hours, timezone=zone))


def _checked(path: Path, key: str, value: Any) -> Any:
    kind, expected = _EXPECTED[key]

    def wrong() -> UsageError:
        return UsageError(
            _("Config file {path}: '{key}' should be {expected}, not {value}.").format(
                path=path, key=key, expected=_kind(expected), value=shortened(repr(value))
            )
        )

    if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise wrong()
    if not isinstance(value, kind):
        raise wrong()
    if key in _MINIMUM and value < _MINIMUM[key]:
        raise wrong()
    if key in _MAXIMUM and value > _MAXIMUM[key]:
        raise wrong()
    if key == "suggested_topics":
        # Cleaned and limited as a member's own topics are, or check-in would refuse them.
        topics = tuple(clean(topic) if isinstance(topic, str) else "" for topic in value)
        if not all(0 < len(topic) <= TOPIC_LIMIT for topic in topics):
            raise wrong()
        return topics
    if key == "data_dir":
        # No folder is called nothing, and none can hold a NUL character.
        if not value.strip() or "\0" in value:
            raise wrong()
        return Path(value).expanduser()
    if key == "host_pin_hash" and value:
        from kiosk.access.pin import is_pin_hash

        if not is_pin_hash(value):
            raise wrong()
    if key == "language" and value not in LANGUAGES:
        raise wrong()
    if key == "timezone":
        try:
            return read_timezone(value, "timezone")
        except ValueError as error:
            raise UsageError(
                _("Config file {path}: {error}.").format(path=path, error=error)
            ) from None
    if key == "agreements_contact":
        if not clean(value):
            raise wrong()
        return clean(value)
    if key == "agreements":
        from kiosk.safety.agreements import read_agreements

        try:
            return read_agreements(path, value)
        except ValueError as error:
            raise UsageError(
                _("Config file {path}: {error}.").format(path=path, error=error)
            ) from None
    if key == "hours":
        try:
            return read_hours(value)
        except ValueError as error:
            raise UsageError(
                _("Config file {path}: {error}.").format(path=path, error=error)
            ) from None
    return value


def _section(path: Path, name: str, table: Any) -> dict[str, Any]:
    """The keys of the section [name], each known and of the kind expected."""
    keys = _SECTION_KEYS[name]
    if not isinstance(table, dict):
        raise UsageError(
            _(
                "Config file {path}: '{name}' should be a section [{name}] with the keys {keys}."
            ).format(path=path, name=name, keys=", ".join(keys))
        )
    for key, value in table.items():
        if key not in keys:
            raise UsageError(
                _(
                    "Config file {path}: unknown key '{name}.{key}'. Known keys in [{name}]: "
                    "{keys}."
                ).format(path=path, name=name, key=key, keys=", ".join(keys))
            )
        kind, expected = keys[key]
        if not isinstance(value, kind):
            # A password is not repeated back, not even a mistyped one.
            if key == "password":
                wrong = _("Config file {path}: '{name}.{key}' should be {expected}.")
            else:
                wrong = _("Config file {path}: '{name}.{key}' should be {expected}, not {value!r}.")
            raise UsageError(
                wrong.format(path=path, name=name, key=key, expected=_kind(expected), value=value)
            )
    return table


def _wifi(path: Path, section: dict[str, Any]) -> dict[str, Any]:
    from kiosk.badges.wifi import SECURITIES, SSID_BYTES, WifiNetwork, password_fits, password_rule

    def wrong(key: str, expected: str, value: str) -> UsageError:
        return UsageError(
            _("Config file {path}: 'wifi.{key}' should be {expected}, not {value!r}.").format(
                path=path, key=key, expected=expected, value=value
            )
        )

    ssid = section.get("ssid")
    if ssid is None:
        raise UsageError(
            _("Config file {path}: the section [wifi] needs 'ssid', the network name.").format(
                path=path
            )
        )
    if not ssid or len(ssid.encode()) > SSID_BYTES or not ssid.isprintable():
        raise wrong("ssid", _kind(_SECTION_KEYS["wifi"]["ssid"][1]), ssid)
    given = section.get("security", "WPA")
    security = next((s for s in SECURITIES if s.casefold() == given.casefold()), None)
    if security is None:
        raise wrong("security", _kind(_SECTION_KEYS["wifi"]["security"][1]), given)
    password = section.get("password", "")
    if not password_fits(security, password):
        rule = password_rule(security)
        if rule is None:
            raise UsageError(
                _(
                    "Config file {path}: 'wifi.password' should be left out for an open "
                    'network (security = "nopass").'
                ).format(path=path)
            )
        if not password:
            raise UsageError(
                _(
                    "Config file {path}: the section [wifi] needs 'password' for a {security} "
                    'network ({rule}), or security = "nopass" for an open one.'
                ).format(path=path, security=security, rule=_(rule))
            )
        raise UsageError(
            ngettext(
                "Config file {path}: 'wifi.password' should be {rule} for a {security} network; "
                "it has {count} character.",
                "Config file {path}: 'wifi.password' should be {rule} for a {security} network; "
                "it has {count} characters.",
                len(password),
            ).format(path=path, rule=_(rule), security=security, count=len(password))
        )
    return {"wifi": WifiNetwork(ssid, password, security, section.get("hidden", False))}


def _links(path: Path, section: dict[str, Any]) -> dict[str, Any]:
    url = section.get("community_url", "")
    if url and not _is_web_address(url):
        raise UsageError(
            _(
                "Config file {path}: 'links.community_url' should be {expected}, not {url!r}."
            ).format(path=path, expected=_kind(_SECTION_KEYS["links"]["community_url"][1]), url=url)
        )
    return {"community_url": url}


def _notify(path: Path, section: dict[str, Any]) -> dict[str, Any]:
    digest = section.get("digest", "")
    return {
        "notify_hosts": _channel(path, "notify.hosts", section.get("hosts", "")),
        "hosts_digest": _time_of_day(path, "notify.digest", digest) if digest.strip() else None,
    }


def _chat(path: Path, section: dict[str, Any]) -> dict[str, Any]:
    times = section.get("whos_in", [])
    chat = Chat(
        url=_channel(path, "chat.url", section.get("url", "")),
        opening=section.get("opening", True),
        whos_in=tuple(sorted({_time_of_day(path, "chat.whos_in", value) for value in times})),
        shoutouts=section.get("shoutouts", True),
    )
    return {"chat": chat}


def _channel(path: Path, key: str, url: str) -> str:
    """A notification URL of the config, checked; empty for none."""
    if not url.strip():
        return ""
    try:
        return channel(url)
    except Refused as refusal:
        raise UsageError(
            _("Config file {path}: '{key}': {refusal}").format(path=path, key=key, refusal=refusal)
        ) from None


def _time_of_day(path: Path, key: str, value: Any) -> time:
    try:
        return read_time_of_day(value, f"'{key}'")
    except ValueError as error:
        raise UsageError(_("Config file {path}: {error}.").format(path=path, error=error)) from None


def _is_web_address(url: str) -> bool:
    if len(url) > URL_LIMIT or not url.isprintable() or any(char.isspace() for char in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:  # such as a bracketed address left open
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _events(path: Path, section: dict[str, Any]) -> dict[str, Any]:
    feeds = section.get("feeds", [])
    for feed in feeds:
        if not isinstance(feed, str) or not feed.strip() or not feed.isprintable():
            raise UsageError(
                _("Config file {path}: '{key}' should be {expected}, not {value}.").format(
                    path=path,
                    key="events.feeds",
                    expected=_kind(_SECTION_KEYS["events"]["feeds"][1]),
                    value=shortened(repr(feed)),
                )
            )
    # A file is found beside the config, as the data folder is.
    return {
        "event_feeds": tuple(
            feed if is_feed_address(feed) else str(path.parent / Path(feed).expanduser())
            for feed in feeds
        )
    }


def _spaceapi(path: Path, section: dict[str, Any]) -> dict[str, Any]:
    try:
        return {"spaceapi": read_spaceapi(section)}
    except ValueError as error:
        raise UsageError(_("Config file {path}: {error}.").format(path=path, error=error)) from None


_SECTIONS: dict[str, Callable[[Path, dict[str, Any]], dict[str, Any]]] = {
    "wifi": _wifi,
    "links": _links,
    "notify": _notify,
    "events": _events,
    "chat": _chat,
    "spaceapi": _spaceapi,
}


def permissions_warning(path: Path | None, config: Config) -> str | None:
    """A sentence for the host when the config file holds the host PIN hash and other
    users of this machine may read it (they could try PINs against it at leisure)."""
    if path is None or not config.host_pin_hash or os.name != "posix":
        return None
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return None
    if not mode & 0o077:
        return None
    return _(
        "Config file {path} holds the host PIN hash, and other users of this machine can "
        "read or change it (mode {mode}); make it private with `chmod 600 {path}`."
    ).format(path=path, mode=f"{mode:o}")
