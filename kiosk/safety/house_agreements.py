"""The house's agreements as the kiosk keeps them: what a member has still to accept, and
recording that they do (in the data folder's agreements.json)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kiosk.community.state import Clock
from kiosk.safety.agreements import Agreement, accepting, pending
from kiosk.storage.store import Store


class HouseAgreements:
    """The config's agreements, and the acceptances of them kept in the data folder."""

    def __init__(self, agreements: Sequence[Agreement], store: Store, clock: Clock) -> None:
        self.agreements = tuple(agreements)
        self.store = store
        self.clock = clock

    def due(self, member_id: str) -> tuple[Agreement, ...]:
        """What the member accepts before their check-in goes through (nothing, without
        agreements: their file is not even read)."""
        if not self.agreements:
            return ()
        return pending(self.agreements, self.store.acceptances(), member_id)

    def accept(self, member_id: str, agreements: Iterable[Agreement]) -> None:
        """Record that the member accepts these agreements, as they are now."""
        accepted = accepting(member_id, agreements, self.clock())
        if accepted:
            self.store.add_acceptances(accepted)
