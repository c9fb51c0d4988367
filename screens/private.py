"""Screens that show what only one member may see: their profile, badge code and PIN, the
deletion of their data, and their own screen once they proved who they are (showing an
incognito visit, or topics kept for hosts).

Such a screen closes on any return home, and on any badge scan but its member's
(`screens.badge_desk`), so it never stays up for the next person at the kiosk.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol, runtime_checkable

from textual.screen import Screen


@runtime_checkable
class Private(Protocol):
    def private_to(self) -> str | None:
        """The id of the member whose private things the screen shows now, if any."""


def owners(screens: Iterable[Screen[Any]]) -> set[str]:
    """The members whose private things any of `screens` shows."""
    return {
        owner
        for screen in screens
        if isinstance(screen, Private) and (owner := screen.private_to()) is not None
    }
