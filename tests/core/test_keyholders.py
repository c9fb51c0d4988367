"""Keyholders: the last one to leave while others are here is told so before the check-out
(by badge: the scan after checks out), and the space may be open while one is here. Both
count people as public screens do, so they tell nothing of anyone here incognito."""

from __future__ import annotations

from datetime import timedelta

from kiosk.community.community import Community
from kiosk.community.door import Door, last_keyholder
from tests.conftest import FakeClock

MINUTE = timedelta(seconds=60)


def here(community: Community, *names: str, incognito: bool = False) -> list[str]:
    """Add the members named and check each in; returns their ids."""
    ids = []
    for name in names:
        member = community.add_member(name)
        community.check_in(member.id, "incognito" if incognito else "open")
        ids.append(member.id)
    return ids


def test_the_last_keyholder_is_told_how_many_stay_and_the_next_scan_checks_out(
    community: Community, clock: FakeClock
) -> None:
    # Given Ana, a keyholder, here with Björn, Chloé and Björn's guest Sam
    [ana] = here(community, "Ana Lopez")
    community.edit_member(ana, keyholder=True)
    [bjorn, _] = here(community, "Björn Andersson", "Chloé Dubois")
    community.sign_in_guest(bjorn, "Sam")
    door = Door(community, MINUTE)
    clock.advance(hours=3)
    # When she scans her badge to leave
    badge = community.member(ana).badge
    warned = door.pass_badge(badge)
    # Then she is still here, told that three stay without a keyholder
    assert warned is not None and warned.staying and not warned.arrived
    assert warned.left_without_keyholder == 3
    assert community.visit_of(ana) is not None
    assert last_keyholder(3) == "You are the last keyholder; 3 people are still here."
    # And her next scan checks her out
    left = door.pass_badge(badge)
    assert left is not None and left.visit.until == clock.now
    assert community.visit_of(ana) is None


def test_another_keyholder_here_or_nobody_left_means_no_warning(
    community: Community, clock: FakeClock
) -> None:
    ana, bo = here(community, "Ana Lopez", "Bo Chen")
    community.edit_member(ana, keyholder=True)
    community.edit_member(bo, keyholder=True)
    assert community.left_without_keyholder(ana) == 0
    community.check_out(bo)
    assert community.left_without_keyholder(ana) == 0  # nobody stays
    assert community.left_without_keyholder(bo) == 0  # not here
    # her own guests leave with her
    community.sign_in_guest(ana, "Sam")
    assert community.left_without_keyholder(ana) == 0


def test_incognito_people_are_neither_counted_nor_a_keyholder_here(
    community: Community,
) -> None:
    [ana] = here(community, "Ana Lopez")
    [ines] = here(community, "Inès Dubois", incognito=True)
    community.edit_member(ana, keyholder=True)
    community.edit_member(ines, keyholder=True)
    # Inès, a keyholder here incognito, neither keeps Ana from being told nor is counted
    assert community.left_without_keyholder(ana) == 0
    here(community, "Chloé Dubois")
    assert community.left_without_keyholder(ana) == 1
    # and whether the space is open does not tell of her
    community.check_out(ana)
    assert not community.keyholder_here()


def test_a_member_who_is_no_keyholder_is_never_told(community: Community) -> None:
    ana, _ = here(community, "Ana Lopez", "Bo Chen")
    assert community.left_without_keyholder(ana) == 0
    assert not community.keyholder_here()
