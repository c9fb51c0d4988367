"""The house's agreements as the kiosk keeps them: what a member has still to accept, and
recording that they do (in the data folder's agreements.json), together with the check-in
or registration it lets through."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from kiosk.models import Member, Visit
from kiosk.safety.agreements import Agreement, accepting, pending

if TYPE_CHECKING:
    from kiosk.community.community import Community


class HouseAgreements:
    """The config's agreements, and the acceptances of them kept in the data folder."""

    def __init__(self, agreements: Sequence[Agreement], community: Community) -> None:
        self.agreements = tuple(agreements)
        self.community = community

    def due(self, member_id: str) -> tuple[Agreement, ...]:
        """What the member accepts before their check-in goes through (nothing, without
        agreements: their file is not even read)."""
        if not self.agreements:
            return ()
        return pending(self.agreements, self.community.store.acceptances(), member_id)

    def admit(
        self, member_id: str, agreements: Iterable[Agreement], check_in: Callable[[], Visit]
    ) -> Visit:
        """Record that the member accepts `agreements`, as they are now, and check them in
        with `check_in`: one change, so both are kept or neither is (a member is never
        left agreed but out, to check in again)."""
        with self.community.writing():
            self._accept(member_id, agreements)
            return check_in()

    def register(self, register: Callable[[], Member]) -> Member:
        """Register a member with `register`, who accepts every agreement as it is now:
        one change, so both are kept or neither is."""
        with self.community.writing():
            member = register()
            self._accept(member.id, self.agreements)
            return member

    def _accept(self, member_id: str, agreements: Iterable[Agreement]) -> None:
        accepted = accepting(member_id, agreements, self.community.clock())
        if accepted:
            self.community.store.add_acceptances(accepted)
