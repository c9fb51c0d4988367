"""`kiosk checkin`, `kiosk checkout` and `kiosk present`."""

from __future__ import annotations

from datetime import datetime, timedelta

from tests.cli.running import Kiosk
from tests.conftest import FakeClock

# -- checkin -------------------------------------------------------------------


def test_checkin_by_name_says_when_and_how(kiosk: Kiosk) -> None:
    kiosk.add_member("Zoë Martin")
    checked_in = kiosk("checkin", "Zoë Martin")
    assert (checked_in.code, checked_in.err) == (0, "")
    assert checked_in.out == "Checked in Zoë Martin at 09:00 (open to chat).\n"


def test_checkin_by_id_heads_down(kiosk: Kiosk) -> None:
    zoe = kiosk.add_member("Zoë Martin")
    checked_in = kiosk("checkin", zoe, "--status", "heads-down")
    assert checked_in.out == "Checked in Zoë Martin at 09:00 (heads-down).\n"


def test_checkin_by_name_ignores_case_accents_and_spacing(kiosk: Kiosk) -> None:
    kiosk.add_member("Zoë Martin")
    assert kiosk("checkin", "zoe  MARTIN").code == 0


def test_checkin_with_an_unknown_status_is_a_usage_error(kiosk: Kiosk) -> None:
    kiosk.add_member("Zoë Martin")
    refused = kiosk("checkin", "Zoë Martin", "--status", "busy")
    assert (refused.code, refused.out) == (2, "")
    assert "argument --status: invalid choice: 'busy'" in refused.err


def test_checking_in_twice_is_refused(kiosk: Kiosk, clock: FakeClock) -> None:
    kiosk.add_member("Zoë Martin")
    kiosk("checkin", "Zoë Martin")
    clock.advance(minutes=30)
    refused = kiosk("checkin", "Zoë Martin")
    assert (refused.code, refused.out) == (1, "")
    assert refused.err == "kiosk: Zoë Martin is already checked in, since 09:00.\n"


def test_an_unknown_member_cannot_check_in(no_one_yet: Kiosk) -> None:
    refused = no_one_yet("checkin", "Nobody")
    assert (refused.code, refused.out) == (1, "")
    assert refused.err == "kiosk: No member has the id or the name 'Nobody'.\n"


def test_a_name_two_members_share_is_refused_with_their_ids(kiosk: Kiosk) -> None:
    # Given two members called Sam Kim
    first = kiosk.add_member("Sam Kim")
    second = kiosk.add_member("Sam Kim", "--allow-duplicate")
    # When one is checked in by name
    refused = kiosk("checkin", "Sam Kim")
    # Then the command asks for an id, listing both
    assert (refused.code, refused.out) == (1, "")
    assert refused.err.startswith("kiosk: 2 members are called 'Sam Kim' (ids ")
    assert first in refused.err and second in refused.err
    # And the id does the job
    assert kiosk("checkin", second).code == 0


# -- checkout ------------------------------------------------------------------


def test_checkout_says_how_long_the_visit_was(kiosk: Kiosk, clock: FakeClock) -> None:
    kiosk.add_member("Zoë Martin")
    kiosk("checkin", "Zoë Martin")
    clock.advance(hours=2, minutes=5)
    checked_out = kiosk("checkout", "Zoë Martin")
    assert (checked_out.code, checked_out.err) == (0, "")
    assert checked_out.out == "Checked out Zoë Martin after 2 h 5 min.\n"
    assert kiosk("present").out == "Nobody is here right now.\n"


def test_a_quick_visit_is_under_a_minute(kiosk: Kiosk) -> None:
    zoe = kiosk.add_member("Zoë Martin")
    kiosk("checkin", zoe)
    assert kiosk("checkout", zoe).out == "Checked out Zoë Martin after under a minute.\n"


def test_checkout_without_checkin_is_refused(kiosk: Kiosk) -> None:
    kiosk.add_member("Zoë Martin")
    refused = kiosk("checkout", "Zoë Martin")
    assert (refused.code, refused.out) == (1, "")
    assert refused.err == "kiosk: Zoë Martin is not checked in.\n"


# -- present -------------------------------------------------------------------


def test_present_lists_who_is_here_newest_first(kiosk: Kiosk, clock: FakeClock) -> None:
    # Given Zoë came at nine with her usual topic, and Björn at ten, heads-down
    kiosk.add_member("Zoë Martin", "--topic", "design")
    kiosk.add_member("Björn Andersson")
    kiosk("checkin", "Zoë Martin")
    clock.advance(hours=1)
    kiosk("checkin", "Björn Andersson", "--status", "heads-down")
    clock.advance(minutes=15)
    # When a host asks who is here
    here = kiosk("present")
    # Then newest first, with when they came, how long ago, status and topics
    assert (here.code, here.err) == (0, "")
    assert here.out == (
        "Björn Andersson  since 10:00 · 15 min  heads-down  -\n"
        "Zoë Martin  since 09:00 · 1 h  open to chat  design\n"
    )


def test_present_says_so_when_nobody_is_here(no_one_yet: Kiosk) -> None:
    assert no_one_yet("present").out == "Nobody is here right now.\n"
    assert no_one_yet("present", "--json").json() == []


def test_present_as_json(kiosk: Kiosk) -> None:
    zoe = kiosk.add_member("Zoë Martin", "--topic", "design")
    kiosk("checkin", zoe, "--topic", "Python", "--topic", "coffee")
    here = kiosk("present", "--json").json()
    assert here == [
        {
            "id": zoe,
            "name": "Zoë Martin",
            "since": "2026-11-26T09:00:00+00:00",
            "status": "open",
            "topics": ["Python", "coffee"],
            "pronouns": "",
            "intro": "",
            "ask_me_about": [],
            "looking_for": [],
            "learning": [],
            "mentor": [],
        }
    ]
    assert datetime.fromisoformat(here[0]["since"]).utcoffset() == timedelta(0)


def test_present_never_shows_a_member_who_did_not_consent_to_the_board(kiosk: Kiosk) -> None:
    # Given a member added with --hidden, and one without
    kiosk.add_member("Ann Onymous", "--hidden")
    shown = kiosk.add_member("Zoë Martin")
    # When both check in
    assert kiosk("checkin", "Ann Onymous").code == 0
    assert kiosk("checkin", shown).code == 0
    # Then neither listing names the hidden member
    assert [p["id"] for p in kiosk("present", "--json").json()] == [shown]
    assert "Ann" not in kiosk("present").out


def test_a_near_miss_offers_who_was_meant(kiosk: Kiosk) -> None:
    zoe = kiosk.add_member("Zoë Martin")
    refused = kiosk("checkin", "zoe")
    assert (refused.code, refused.err) == (
        1,
        f"kiosk: No member has the id or the name 'zoe'. Did you mean Zoë Martin ({zoe})?\n",
    )


def test_present_lists_guests_as_the_board_does(kiosk: Kiosk, clock: FakeClock) -> None:
    # Given Ana is here with her guest Sam, and Ivo, off the board, with his guest Kim
    ana = kiosk.add_member("Ana Lima")
    ivo = kiosk.add_member("Ivo Ruiz", "--hidden")
    kiosk("checkin", ana)
    kiosk("checkin", ivo)
    clock.advance(minutes=5)
    kiosk("guest", "Sam", "--of", ana)
    clock.advance(minutes=5)
    kiosk("guest", "Kim", "--of", ivo)
    clock.advance(minutes=20)

    # Then present lists the guests, newest first, as the board does: never by their own
    # name, and naming only hosts the board shows; Ivo is counted, as home counts him
    assert kiosk("present").out == (
        "a guest  since 09:10 · 20 min\n"
        "guest of Ana  since 09:05 · 25 min\n"
        "Ana Lima  since 09:00 · 30 min  open to chat  -\n"
        "+ 1 not shown\n"
    )
    guests = [p for p in kiosk("present", "--json").json() if p["status"] == "guest"]
    assert [g["name"] for g in guests] == ["a guest", "guest of Ana"]


def test_the_morning_check_in_at_the_command_line_is_not_refused(
    kiosk: Kiosk, clock: FakeClock
) -> None:
    # Given Ana checked in yesterday at 17:00 and was never checked out
    kiosk.add_member("Ana Lima")
    clock.advance(hours=8)
    assert kiosk("checkin", "Ana Lima").code == 0
    clock.advance(hours=16)

    # When she checks in the next morning
    checked_in = kiosk("checkin", "Ana Lima")

    # Then she is checked in, not told she is already here since 17:00
    assert (checked_in.code, checked_in.err) == (0, "")
    assert checked_in.out == "Checked in Ana Lima at 09:00 (open to chat).\n"
    assert kiosk("present", "--json").json()[0]["since"] == "2026-11-27T09:00:00+00:00"


def test_present_counts_members_off_the_board_and_never_one_here_incognito(
    kiosk: Kiosk,
) -> None:
    # Given Ivo, off the board, and Ana, incognito, the only ones here
    kiosk("checkin", kiosk.add_member("Ivo Ruiz", "--hidden"))
    kiosk("checkin", kiosk.add_member("Ana Lima"), "--status", "incognito")
    # Then present counts Ivo without naming him, and gives no sign of Ana
    assert kiosk("present").out == "+ 1 not shown\n"
    kiosk("checkout", "Ivo Ruiz")
    assert kiosk("present").out == "Nobody is here right now.\n"
