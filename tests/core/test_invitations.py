"""Guests invited ahead: an invitation lets its guest in once, on its day, in the kiosk's
time zone, and never once cancelled; its code can never be taken for a badge's."""

from __future__ import annotations

import string
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.badges.codes import (
    new_badge_code,
    new_invitation_code,
    normalize_badge_code,
    normalize_invitation_code,
)
from kiosk.community.community import Community
from kiosk.errors import Refused
from kiosk.storage.store import Store
from kiosk.timekeeping.opening import read_hours
from tests.conftest import FakeClock

THURSDAY = date(2026, 11, 26)
"""The test clock's day (START is Thursday 26 November 2026, 09:00 UTC)."""
NINE_TO_SIX = read_hours(
    {"timezone": "UTC", "open": [{"rule": "FREQ=DAILY", "from": "09:00", "to": "18:00"}]}
)


@pytest.fixture
def ana(community: Community) -> str:
    """Ana, a member, not here."""
    return community.add_member("Ana Lima").id


def test_an_invitation_signs_its_guest_in_on_its_day_before_the_member_comes(
    community: Community, ana: str
) -> None:
    # Given Ana invited Sam for today
    invitation = community.invite(ana, " Sam  Guest ", THURSDAY)
    assert (invitation.guest, invitation.day) == ("Sam Guest", THURSDAY)
    # When Sam's invitation is scanned, typed as a person might
    code = invitation.code.lower()
    used, visit = community.admit_invited(f"{code[:6]}-{code[6:]}")
    # Then Sam is here as Ana's guest, though Ana is not, and the invitation is used
    assert (visit.guest, visit.member_id, visit.until) == ("Sam Guest", ana, None)
    assert community.visit_of(ana) is None
    assert used.visit_id == visit.id
    assert community.coming_invitations() == []
    # And the board shows a guest, without naming a member it does not show
    [shown] = community.gathering().guests
    assert shown.shown_as == "a guest"


def test_an_invitation_works_once(community: Community, ana: str) -> None:
    invitation = community.invite(ana, "Sam", THURSDAY)
    community.admit_invited(invitation.code)
    with pytest.raises(Refused, match="used already: it lets its guest in once"):
        community.admit_invited(invitation.code)
    assert community.guests_here() == 1


def test_an_invitation_works_only_on_its_day(
    community: Community, ana: str, clock: FakeClock
) -> None:
    friday = community.invite(ana, "Sam", THURSDAY + timedelta(days=1))
    with pytest.raises(Refused, match=r"is for Friday, 27 November 2026\. Please come back then"):
        community.admit_invited(friday.code)
    clock.advance(days=2)
    with pytest.raises(Refused, match="was for Friday, 27 November 2026, which has passed"):
        community.admit_invited(friday.code)
    assert community.guests_here() == 0


def test_its_day_is_the_kiosk_s_day_not_the_utc_one(tmp_path: Path, clock: FakeClock) -> None:
    # Given a kiosk in Honolulu, where it is still Wednesday at 09:00 UTC on Thursday
    honolulu = read_hours({"timezone": "Pacific/Honolulu"})
    community = Community(Store.open(tmp_path / "data"), clock, hours=honolulu)
    ana = community.add_member("Ana Lima").id
    invitation = community.invite(ana, "Sam", THURSDAY - timedelta(days=1))
    # Then the invitation for Wednesday works now
    _, visit = community.admit_invited(invitation.code)
    assert visit.guest == "Sam"


def test_a_cancelled_invitation_lets_nobody_in(community: Community, ana: str) -> None:
    invitation = community.invite(ana, "Sam", THURSDAY)
    community.cancel_invitation(invitation.code)
    with pytest.raises(Refused, match="This invitation was cancelled"):
        community.admit_invited(invitation.code)
    with pytest.raises(Refused, match="was cancelled already"):
        community.cancel_invitation(invitation.code)


def test_an_unknown_code_and_a_used_invitation_cannot_be_cancelled(
    community: Community, ana: str
) -> None:
    with pytest.raises(Refused, match="This invitation is not known here"):
        community.admit_invited(new_invitation_code())
    invitation = community.invite(ana, "Sam", THURSDAY)
    community.admit_invited(invitation.code)
    with pytest.raises(Refused, match="was used already: its guest came on Thursday"):
        community.cancel_invitation(invitation.code)


def test_a_day_gone_by_and_a_paused_member_are_refused(community: Community, ana: str) -> None:
    with pytest.raises(Refused, match="Wednesday, 25 November 2026 has passed"):
        community.invite(ana, "Sam", THURSDAY - timedelta(days=1))
    community.set_active(ana, False)
    with pytest.raises(Refused, match="Ana Lima's membership is paused"):
        community.invite(ana, "Sam", THURSDAY)


def test_an_invited_guest_leaves_with_the_member_who_comes(
    community: Community, ana: str, clock: FakeClock
) -> None:
    invitation = community.invite(ana, "Sam", THURSDAY)
    community.admit_invited(invitation.code)
    clock.advance(hours=1)
    community.check_in(ana)
    assert [g.shown_as for g in community.gathering().guests] == ["guest of Ana"]
    clock.advance(hours=2)
    community.check_out(ana)
    assert community.here_count() == 0


def test_an_invited_guest_whose_member_never_comes_leaves_at_closing_time(
    tmp_path: Path, clock: FakeClock
) -> None:
    community = Community(Store.open(tmp_path / "data"), clock, hours=NINE_TO_SIX)
    ana = community.add_member("Ana Lima").id
    community.admit_invited(community.invite(ana, "Sam", THURSDAY).code)
    clock.advance(hours=10)
    [ended] = community.close_day().ending
    closing = clock() - timedelta(hours=1)
    assert (ended.guest, ended.until, ended.automatic) == ("Sam", closing, True)


def test_invitations_to_come_are_listed_soonest_first(
    community: Community, ana: str, clock: FakeClock
) -> None:
    later = community.invite(ana, "Later", THURSDAY + timedelta(days=3))
    sooner = community.invite(ana, "Sooner", THURSDAY + timedelta(days=1))
    today = community.invite(ana, "Today", THURSDAY)
    assert [i.guest for i in community.coming_invitations()] == ["Today", "Sooner", "Later"]
    clock.advance(days=2)
    assert [i.code for i in community.coming_invitations()] == [later.code]
    assert sooner.code != today.code


# -- codes that can never be taken one for the other ----------------------------------

TYPED = st.text(alphabet=string.ascii_letters + string.digits + "- ", max_size=20)


@given(TYPED)
def test_nothing_typed_is_both_a_badge_and_an_invitation_code(typed: str) -> None:
    # Each reading takes away the hyphens and spaces and reads the same letters: a badge
    # code has ten of them, an invitation code twelve, so one text is never both.
    assert normalize_badge_code(typed) is None or normalize_invitation_code(typed) is None


def test_new_codes_are_each_read_as_their_own_kind_alone() -> None:
    for _ in range(200):
        badge, invitation = new_badge_code(), new_invitation_code()
        assert normalize_badge_code(badge) == badge
        assert normalize_invitation_code(badge) is None
        assert normalize_invitation_code(invitation) == invitation
        assert normalize_badge_code(invitation) is None


def test_a_member_s_coming_invitations_are_their_own_alone(
    community: Community, ana: str, clock: FakeClock
) -> None:
    # Given Ana and Bo each invited guests, and one of Ana's came and one was cancelled
    bo = community.add_member("Bo Berg").id
    community.invite(ana, "Later", THURSDAY + timedelta(days=5))
    community.invite(bo, "Bo's guest", THURSDAY)
    community.invite(ana, "Sooner", THURSDAY + timedelta(days=1))
    community.admit_invited(community.invite(ana, "Came", THURSDAY).code)
    community.cancel_invitation(community.invite(ana, "Called off", THURSDAY).code)
    # Then Ana's to come are hers alone, soonest first, and Bo's his
    assert [i.guest for i in community.coming_invitations_of(ana)] == ["Sooner", "Later"]
    assert [i.guest for i in community.coming_invitations_of(bo)] == ["Bo's guest"]
    # And a day later, gone by, Bo's is no longer to come
    clock.advance(days=1)
    assert community.coming_invitations_of(bo) == []


def test_a_member_may_cancel_only_their_own_invitations(community: Community, ana: str) -> None:
    # Given Bo invited Sam
    bo = community.add_member("Bo Berg").id
    sams = community.invite(bo, "Sam", THURSDAY)
    # When Ana tries to cancel it, she is refused, and Sam's invitation still stands
    with pytest.raises(Refused, match="Only the member who made an invitation may cancel it"):
        community.cancel_invitation(sams.code, by=ana)
    assert [i.code for i in community.coming_invitations()] == [sams.code]
    # While Bo may cancel it himself, and a host any invitation
    assert community.cancel_invitation(sams.code, by=bo).cancelled
    ana_s = community.invite(ana, "Kim", THURSDAY)
    assert community.cancel_invitation(ana_s.code).cancelled
    assert community.coming_invitations() == []
