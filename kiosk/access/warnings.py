"""What the host should know and nobody else may read: how the kiosk is set up (a published
PIN guarding real data, a config file others can read, an unknown theme), data it cannot
read, and backups it cannot make.

The host console shows them, and the kiosk says them on stderr when it stops; a public
screen never does, since a problem with a member's file is a member's business.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, get_args

from kiosk.access.hosts import DEMO_PIN_WARNING, uses_demo_pin
from kiosk.config import Config, permissions_warning
from kiosk.language import _

Source = Literal["setup", "theme", "data", "backup", "outbox", "events", "chat"]
"""What a warning is about; each says its warnings again when they change or are over."""


def host_warnings(config: Config) -> list[str]:
    """The sentences to show the host about the setup; slow (it hashes the demo PIN once),
    so run it off the UI thread."""
    warnings = []
    if uses_demo_pin(config):
        warnings.append(_(DEMO_PIN_WARNING))
    readable = permissions_warning(config.source, config)
    if readable:
        warnings.append(readable)
    return warnings


class HostWarnings:
    """The warnings for the host now, and all that were given while the kiosk ran.

    Used from the UI thread only.
    """

    def __init__(self) -> None:
        self._now: dict[Source, tuple[str, ...]] = {}
        self.given: list[str] = []
        """Every warning given since the start, once each, in order: said on stderr when
        the kiosk stops."""

    def tell(self, source: Source, warnings: Iterable[str]) -> bool:
        """The warnings about `source` now (none once it is put right); True if they
        changed."""
        told = tuple(warnings)
        if self._now.get(source, ()) == told:
            return False
        self._now[source] = told
        self.given += [warning for warning in told if warning not in self.given]
        return True

    @property
    def now(self) -> list[str]:
        """The warnings that hold now, in the order of `Source`."""
        return [warning for source in get_args(Source) for warning in self._now.get(source, ())]
