"""A member who is here changes today's status and topics without checking out."""

from __future__ import annotations

import pytest

from kiosk.community.community import Community
from kiosk.errors import Refused
from kiosk.storage.store import Store
from tests.conftest import START, FakeClock


def test_status_and_topics_change_and_the_arrival_stays(
    community: Community, clock: FakeClock
) -> None:
    zoe = community.add_member("Zoë Martin", ("design",))
    community.check_in(zoe.id)
    clock.advance(minutes=30)

    changed = community.update_visit(zoe.id, "heads-down", (" chess ", "design"))

    assert (changed.status, changed.topics, changed.since) == (
        "heads-down",
        ("chess", "design"),
        START,
    )
    reopened = Community(Store.open(community.store.root), community.clock)
    assert reopened.visit_of(zoe.id) == changed
    assert reopened.here_count() == 1


def test_someone_not_here_cannot_change_today(community: Community) -> None:
    zoe = community.add_member("Zoë Martin")
    with pytest.raises(Refused, match="Zoë Martin is not checked in"):
        community.update_visit(zoe.id, "open", ())


def test_an_unknown_status_is_refused(community: Community) -> None:
    zoe = community.add_member("Zoë Martin")
    community.check_in(zoe.id)
    with pytest.raises(Refused, match="The status 'asleep' is unknown"):
        community.update_visit(zoe.id, "asleep", ())  # type: ignore[arg-type]
