"""A badge at the door checks its member in with their usual status and topics, and out
again the next time; a badge nobody active has changes nothing."""

from __future__ import annotations

from kiosk.community import Community
from kiosk.door import pass_badge
from tests.conftest import FakeClock


def test_a_badge_checks_its_member_in_as_usual_then_out(
    community: Community, clock: FakeClock
) -> None:
    zoe = community.add_member("Zoë Martin", topics=("woodworking", "coffee"))
    arrival = pass_badge(community, zoe.badge.lower())
    assert arrival is not None and arrival.arrived
    assert (arrival.member.id, arrival.visit.status, arrival.visit.topics) == (
        zoe.id,
        "open",
        ("woodworking", "coffee"),
    )
    assert community.visit_of(zoe.id) == arrival.visit

    clock.advance(hours=2)
    departure = pass_badge(community, zoe.badge)
    assert departure is not None and not departure.arrived
    assert departure.visit.until == clock.now
    assert community.visit_of(zoe.id) is None


def test_an_unknown_badge_changes_nothing(community: Community) -> None:
    community.add_member("Zoë Martin")
    assert pass_badge(community, "0000000000") is None
    assert pass_badge(community, "not a badge") is None
    assert community.here_count() == 0


def test_a_replaced_badge_finds_nobody_and_the_new_one_works(community: Community) -> None:
    zoe = community.add_member("Zoë Martin")
    renewed = community.new_badge(zoe.id)
    assert pass_badge(community, zoe.badge) is None
    assert community.here_count() == 0
    passage = pass_badge(community, renewed.badge)
    assert passage is not None and passage.member.id == zoe.id


def test_a_paused_member_s_badge_checks_nobody_in(community: Community) -> None:
    zoe = community.add_member("Zoë Martin")
    community.set_active(zoe.id, False)
    assert pass_badge(community, zoe.badge) is None
    assert community.here_count() == 0
