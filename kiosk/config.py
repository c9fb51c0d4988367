"""The kiosk's settings, read from one TOML file; every key is optional."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from kiosk.errors import UsageError
from kiosk.pin import is_pin_hash
from kiosk.text import TOPIC_LIMIT, clean

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
class Config:
    space_name: str = "Our Space"
    data_dir: Path = Path("kiosk-data")
    idle_timeout: int = 60
    """Seconds without a key or click before the kiosk returns to home."""
    confirmation_seconds: int = 6
    """Seconds a check-in or check-out confirmation stays before home comes back."""
    host_pin_hash: str = ""
    """Made by `kiosk hash-pin`; needed to quit the kiosk. Empty: the kiosk cannot be quit."""
    capacity: int = 0
    """How many people the space holds; 0 for no limit."""
    suggested_topics: tuple[str, ...] = DEFAULT_TOPICS
    backups_to_keep: int = 7
    theme: str = "textual-dark"


_EXPECTED: dict[str, tuple[type[Any], str]] = {
    "space_name": (str, 'text, like "Makerspace North"'),
    "data_dir": (str, 'a folder path as text, like "kiosk-data"'),
    "idle_timeout": (int, "a whole number of seconds, at least 5, like 60"),
    "confirmation_seconds": (int, "a whole number of seconds, at least 1, like 6"),
    "host_pin_hash": (str, "text made by `kiosk hash-pin`, or empty"),
    "capacity": (int, "a whole number of people, 0 for no limit"),
    "suggested_topics": (
        list,
        f'a list of texts of at most {TOPIC_LIMIT} characters, like ["coffee", "Python"]',
    ),
    "backups_to_keep": (int, "a whole number of daily backups, at least 1"),
    "theme": (str, 'a Textual theme name, like "textual-dark" or "textual-light"'),
}
_MINIMUM = {"idle_timeout": 5, "confirmation_seconds": 1, "capacity": 0, "backups_to_keep": 1}


def load_config(path: Path | None) -> Config:
    """Read `path` (or the defaults when None); a problem raises UsageError naming file and key."""
    if path is None:
        return Config()
    try:
        with path.open("rb") as file:
            raw = tomllib.load(file)
    except FileNotFoundError as error:
        raise UsageError(f"Config file {path} does not exist.") from error
    except OSError as error:
        raise UsageError(f"Config file {path} cannot be read: {error.strerror}.") from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UsageError(f"Config file {path} is not valid TOML: {error}.") from error
    values: dict[str, Any] = {}
    known = [f.name for f in fields(Config)]
    for key, value in raw.items():
        if key not in _EXPECTED:
            raise UsageError(
                f"Config file {path}: unknown key '{key}'. Known keys: {', '.join(known)}."
            )
        values[key] = _checked(path, key, value)
    config = replace(Config(), **values)
    if not config.data_dir.is_absolute():
        config = replace(config, data_dir=path.parent / config.data_dir)
    return config


def _checked(path: Path, key: str, value: Any) -> Any:
    kind, expected = _EXPECTED[key]

    def wrong() -> UsageError:
        return UsageError(f"Config file {path}: '{key}' should be {expected}, not {value!r}.")

    if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise wrong()
    if not isinstance(value, kind):
        raise wrong()
    if key in _MINIMUM and value < _MINIMUM[key]:
        raise wrong()
    if key == "suggested_topics":
        # Cleaned and limited as a member's own topics are, or check-in would refuse them.
        topics = tuple(clean(topic) if isinstance(topic, str) else "" for topic in value)
        if not all(0 < len(topic) <= TOPIC_LIMIT for topic in topics):
            raise wrong()
        return topics
    if key == "data_dir":
        if not value.strip():
            raise wrong()
        return Path(value).expanduser()
    if key == "host_pin_hash" and value and not is_pin_hash(value):
        raise wrong()
    return value
