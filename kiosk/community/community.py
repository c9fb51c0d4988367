"""The community the kiosk serves: the one object screens and the CLI talk to.

Its verbs are grouped by what they are about, a module of this package each: members and
their profiles (membership), who is here (attendance), deleting and merging records
(erasure), and what members say to each other (conversation). What it keeps in memory and
how it follows the data folder is the state module.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.community.conversation import Conversation
from kiosk.community.erasure import Erasure
from kiosk.community.membership import Membership
from kiosk.community.state import Clock, utc_now
from kiosk.config import Config
from kiosk.storage.store import Store

__all__ = ["Clock", "Community", "utc_now"]


class Community(Membership, Erasure, Conversation):
    """Members, who is here, shout-outs and the question of the week."""

    @classmethod
    def open(
        cls,
        config: Config,
        clock: Clock,
        create: bool = True,
        on_change: Callable[[Community], None] | None = None,
    ) -> Community:
        """Open the community in the config's data folder, refusing damaged data."""
        store = Store.open(config.data_dir, create)
        return cls(store, clock, config.capacity, on_change, config.hours)
