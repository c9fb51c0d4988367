"""`kiosk close-day`, as cron and a host by hand run it: never before closing by accident."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import HOSTS_CONFIG
from tests.cli.running import Kiosk
from tests.conftest import FakeClock
from tests.folder_state import folder_files

WEEKDAYS_9_TO_18 = (
    '[[hours.open]]\nrule = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"\nfrom = "09:00"\nto = "18:00"\n'
)


@pytest.fixture
def open_9_to_18(kiosk: Kiosk, clock: FakeClock) -> Kiosk:
    """The kiosk command with the host's config open 09:00 to 18:00 on weekdays (UTC, as
    the tests' machine is), Ana here since 09:00 on Thursday and her guest Sam since 09:01."""
    HOSTS_CONFIG.write_text(WEEKDAYS_9_TO_18)
    ana = kiosk.add_member("Ana Lima")
    assert kiosk("checkin", ana).code == 0
    clock.advance(minutes=1)
    assert kiosk("guest", "Sam", "--of", ana).code == 0
    return kiosk


def here(kiosk: Kiosk) -> str:
    return kiosk("present").out


def test_before_closing_it_refuses_and_everyone_stays(
    open_9_to_18: Kiosk, clock: FakeClock
) -> None:
    # Given a host runs close-day by hand at 15:45
    clock.advance(hours=6, minutes=44)
    refused = open_9_to_18("close-day")

    # Then it refuses, says why and what to do, and both stay checked in
    assert (refused.code, refused.out) == (1, "")
    assert refused.err == (
        "kiosk: It is 15:45, before today's closing time at 18:00: 2 people here stay "
        "checked in. Run close-day after closing, or add --now to check them out now.\n"
    )
    assert "Ana Lima" in here(open_9_to_18)


def test_now_checks_everyone_out_at_once(open_9_to_18: Kiosk, clock: FakeClock) -> None:
    clock.advance(hours=6, minutes=44)
    closed = open_9_to_18("close-day", "--now")
    assert closed.code == 0, closed.err
    assert closed.out == (
        "Checked out 2 visits nobody had ended:\n  Ana Lima, at 15:45\n  Sam, at 15:45\n"
    )
    assert here(open_9_to_18) == "Nobody is here right now.\n"


def test_after_closing_visits_end_at_the_closing_time_once(
    open_9_to_18: Kiosk, clock: FakeClock
) -> None:
    clock.advance(hours=9, minutes=4)
    closed = open_9_to_18("close-day")
    assert closed.out == (
        "Checked out 2 visits nobody had ended:\n  Ana Lima, at 18:00\n  Sam, at 18:00\n"
    )
    again = open_9_to_18("close-day")
    assert (again.code, again.out) == (0, "Nobody was left to check out.\n")


def test_a_dry_run_says_what_would_be_done_and_changes_nothing(
    open_9_to_18: Kiosk, clock: FakeClock
) -> None:
    clock.advance(hours=9, minutes=4)
    before = folder_files(Path("kiosk-data"))
    tried = open_9_to_18("close-day", "--dry-run")
    assert tried.code == 0, tried.err
    assert tried.out == (
        "Would check out 2 visits nobody has ended:\n  Ana Lima, at 18:00\n  Sam, at 18:00\n"
        "Nothing was changed (--dry-run).\n"
    )
    assert folder_files(Path("kiosk-data")) == before


def test_a_dry_run_before_closing_names_who_stays(open_9_to_18: Kiosk, clock: FakeClock) -> None:
    clock.advance(hours=6, minutes=44)
    tried = open_9_to_18("close-day", "--dry-run")
    assert tried.code == 1
    assert "2 people here stay checked in" in tried.err


def test_yesterdays_forgotten_visit_ends_while_todays_stay(
    open_9_to_18: Kiosk, clock: FakeClock
) -> None:
    # Given Ana and Sam were never checked out yesterday
    clock.advance(days=1, minutes=29)

    # When close-day runs at 09:30, then yesterday's visits end at yesterday's closing
    closed = open_9_to_18("close-day")
    assert closed.code == 0, closed.err
    assert closed.out == (
        "Checked out 2 visits nobody had ended:\n  Ana Lima, at 18:00\n  Sam, at 18:00\n"
    )

    # And once Bo has come this morning, close-day lets him stay, as it says
    bo = open_9_to_18.add_member("Bo Berg")
    assert open_9_to_18("checkin", bo).code == 0
    stays = open_9_to_18("close-day")
    assert (stays.code, stays.err) == (
        1,
        "kiosk: It is 09:30, before today's closing time at 18:00: 1 person here stays "
        "checked in. Run close-day after closing, or add --now to check them out now.\n",
    )
    assert here(open_9_to_18).startswith("Bo Berg")


def test_without_hours_it_says_so_and_needs_now(kiosk: Kiosk, clock: FakeClock) -> None:
    ana = kiosk.add_member("Ana Lima")
    kiosk("checkin", ana)
    clock.advance(hours=9)
    refused = kiosk("close-day")
    assert (refused.code, refused.out) == (1, "")
    assert refused.err == (
        "kiosk: No opening hours are set ([hours] in the config), so today has no closing "
        "time before midnight: 1 person here stays checked in. Add --now to check them out "
        "now.\n"
    )
    closed = kiosk("close-day", "--now")
    assert closed.out == "Checked out 1 visit nobody had ended:\n  Ana Lima, at 18:00\n"


def test_nobody_here_is_said_plainly(kiosk: Kiosk) -> None:
    kiosk.add_member("Ana Lima")
    assert kiosk("close-day").out == "Nobody was left to check out.\n"
