"""Screens that show what not everyone may see.

- Private to one member: their profile, badge code and PIN, the deletion of their data,
  and their own screen once they proved who they are (showing an incognito visit, or
  topics kept for hosts). Such a screen closes on any return home, and on any badge
  scan but its member's (`screens.badge_desk`).
- For hosts: the host console and what it opens, which show everyone here, incognito
  included. They close on any return home, and on any badge scan at all: a scan means a
  member stands at the kiosk.

So neither stays up for the next person at the kiosk.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol, runtime_checkable

from textual.screen import Screen


@runtime_checkable
class Private(Protocol):
    def private_to(self) -> str | None:
        """The id of the member whose private things the screen shows now, if any."""


class ForHosts:
    """A screen for hosts only, opened with the host PIN (see the module docstring)."""


def owners(screens: Iterable[Screen[Any]]) -> set[str]:
    """The members whose private things any of `screens` shows."""
    return {
        owner
        for screen in screens
        if isinstance(screen, Private) and (owner := screen.private_to()) is not None
    }
