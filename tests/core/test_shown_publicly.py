"""Who public screens show, and how: the one rule of README "Privacy: who sees what",
read from `Presence.shown` and from the counts the community makes with it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.community.community import Community
from kiosk.models import Member, Presence, Shown, Status, Visit
from kiosk.storage.store import Store
from tests.conftest import FakeClock

MORNING = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("status", "on_board", "guest", "expected"),
    [
        ("open", True, "", "by name"),
        ("heads-down", True, "", "by name"),
        ("incognito", True, "", "not at all"),
        ("open", False, "", "counted"),
        ("heads-down", False, "", "counted"),
        ("incognito", False, "", "not at all"),
        ("open", True, "Ada", "as a guest"),
        ("open", False, "Ada", "as a guest"),
    ],
)
def test_each_kind_of_visit_is_shown_as_the_privacy_rules_say(
    status: Status, on_board: bool, guest: str, expected: Shown
) -> None:
    # Given a member (or their guest) here with a status, on the board or not
    member = Member("m1", "Zoë Park", MORNING, on_board=on_board)
    visit = Visit("v1", member.id, MORNING, status, guest=guest)
    # Then public screens show them as README "Privacy: who sees what" says
    assert Presence(member, visit).shown == expected


def test_public_counts_leave_out_incognito_and_count_the_unnamed_apart(
    tmp_path: Path, clock: FakeClock
) -> None:
    # Given two members on the board (one incognito), two off it and a guest
    community = Community(Store.open(tmp_path / "data"), clock=clock)
    shown = community.add_member("Ana Lima")
    hidden = community.add_member("Bo Chen")
    off = [community.add_member(name, on_board=False) for name in ("Cy Dunn", "Di Eze")]
    community.check_in(shown.id)
    community.check_in(hidden.id, "incognito")
    for member in off:
        community.check_in(member.id)
    community.sign_in_guest(shown.id, "Ed Fox")
    # Then hosts count five people; public screens four, naming one member and the guest
    assert community.here_count() == 5
    assert community.public_count() == 4
    assert [p.member.name for p in community.present()] == ["Ana Lima"]
    assert community.guests_here() == 1
    # And the two off the board are counted unnamed, each not counting themselves
    assert community.unnamed_here() == 2
    assert community.unnamed_here(besides=off[0].id) == 1
    assert community.unnamed_here(besides=shown.id) == 2
