"""`kiosk contacts`: who was in the building with a member, and for how long, for a host
handling an injury or illness report; incognito visits and guests included."""

from __future__ import annotations

from datetime import timedelta

from tests.cli.running import Kiosk
from tests.conftest import START, FakeClock

THURSDAY, FRIDAY = "Thursday, 26 November 2026", "Friday, 27 November 2026"


def at(kiosk: Kiosk, clock: FakeClock, day: int, clock_time: str, *command: str) -> None:
    """Run `command` at `clock_time` (UTC, the kiosk's zone here) `day` days after START
    (Thursday 26 November 2026)."""
    hours, minutes = map(int, clock_time.split(":"))
    moment = START.replace(hour=hours, minute=minutes) + timedelta(days=day)
    clock.advance(minutes=(moment - clock()).total_seconds() / 60)
    done = kiosk(*command)
    assert done.code == 0, done.err


def test_contacts_name_who_overlapped_and_for_how_long(kiosk: Kiosk, clock: FakeClock) -> None:
    for name in ("Zoë Martin", "Björn Andersson", "Ana Lopez", "Mei Chen"):
        kiosk.add_member(name)
    # Day one: Zoë 09:00-11:00; Björn 10:00-12:00 (an hour with Zoë), his guest Sam
    # 10:30-10:45; Mei incognito 09:15-09:45; Ana 11:30-12:00, after Zoë left
    at(kiosk, clock, 0, "09:00", "checkin", "Zoë Martin")
    at(kiosk, clock, 0, "09:15", "checkin", "Mei Chen", "--status", "incognito")
    at(kiosk, clock, 0, "09:45", "checkout", "Mei Chen")
    at(kiosk, clock, 0, "10:00", "checkin", "Björn Andersson")
    at(kiosk, clock, 0, "10:30", "guest", "Sam", "--of", "Björn Andersson")
    at(kiosk, clock, 0, "10:45", "checkout", "Björn Andersson")
    at(kiosk, clock, 0, "10:46", "checkin", "Björn Andersson")
    at(kiosk, clock, 0, "11:00", "checkout", "Zoë Martin")
    at(kiosk, clock, 0, "11:30", "checkin", "Ana Lopez")
    at(kiosk, clock, 0, "12:00", "checkout", "Ana Lopez")
    at(kiosk, clock, 0, "12:00", "checkout", "Björn Andersson")
    # Day two: Zoë 09:00-10:00, Björn 09:30-09:40
    at(kiosk, clock, 1, "09:00", "checkin", "Zoë Martin")
    at(kiosk, clock, 1, "09:30", "checkin", "Björn Andersson")
    at(kiosk, clock, 1, "09:40", "checkout", "Björn Andersson")
    at(kiosk, clock, 1, "10:00", "checkout", "Zoë Martin")
    traced = kiosk("contacts", "Zoë Martin", "--from", "2026-11-26")
    assert (traced.code, traced.err) == (0, "")
    # Björn: 10:00-10:45 and 10:46-11:00 on day one (59 min), 10 min on day two
    lines = traced.out.splitlines()
    assert lines[0].startswith("Zoë Martin was here 2 times from ")
    assert lines[1:] == [
        "In the building at the same time, longest first:",
        f"  Björn Andersson: 1 h 9 min together over 3 visits, from {THURSDAY} at 10:00",
        f"  Mei Chen: 30 min together over 1 visit, from {THURSDAY} at 09:15",
        f"  Sam, guest of Björn Andersson: 15 min together over 1 visit, from {THURSDAY} at 10:30",
    ]
    # One day alone, and a day Zoë was not here
    second = "2026-11-27"
    assert kiosk("contacts", "Zoë Martin", "--from", second, "--to", second).out == (
        f"Zoë Martin was here once on {FRIDAY}.\n"
        "In the building at the same time, longest first:\n"
        f"  Björn Andersson: 10 min together over 1 visit, from {FRIDAY} at 09:30\n"
    )
    assert kiosk("contacts", "Ana Lopez", "--from", second, "--to", second).out == (
        f"Ana Lopez was not here on {FRIDAY}.\n"
    )


def test_days_the_wrong_way_round_are_refused(kiosk: Kiosk) -> None:
    kiosk.add_member("Zoë Martin")
    refused = kiosk("contacts", "Zoë Martin", "--from", "today", "--to", "yesterday")
    assert refused.code != 0
    assert "The days are the wrong way round" in refused.err
