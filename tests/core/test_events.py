"""The community's events, read from real iCalendar files and from those hosts add: a
weekly repeat with a day left out, whole days, an event in another zone, a repeat over
the weekend the clocks change; what is on today, what closes the space, and who may be
named as an event's host. Expected times are written out, in UTC or with Berlin's offset
(tests/core/berlin.py), never worked out by the code under test."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.community.community import Community
from kiosk.community.figures import gather
from kiosk.errors import DataError, Refused
from kiosk.events.happening import Happening
from kiosk.storage.store import Store
from kiosk.timekeeping.hours import opening_status
from kiosk.timekeeping.opening import OpeningHours
from tests.conftest import FakeClock
from tests.core.berlin import cest, cet
from tests.core.berlin import in_berlin as in_berlin_hours

FEEDS = Path(__file__).parent.parent / "data"
BERLIN = OpeningHours(timezone="Europe/Berlin")


def in_berlin(tmp_path: Path, clock: FakeClock, *feeds: str) -> Community:
    """A community in Berlin reading the test feeds named."""
    return Community(
        Store.open(tmp_path / "data"),
        clock,
        hours=BERLIN,
        event_feeds=tuple(str(FEEDS / feed) for feed in feeds),
    )


def when(happenings: tuple[Happening, ...], title: str) -> list[datetime]:
    return [h.starts for h in happenings if h.title == title]


def test_a_weekly_event_repeats_but_on_the_day_left_out(tmp_path: Path, clock: FakeClock) -> None:
    # Given a feed with Soldering 101 every Thursday at 19:00 in Berlin, but 3 December
    community = in_berlin(tmp_path, clock, "weekly-with-exdate.ics")
    # When the kiosk looks at the weeks to come (it is Thursday 26 November, 10:00)
    found = community.events.agenda.between(date(2026, 11, 26), date(2026, 12, 17))
    # Then each Thursday has it at 19:00 Berlin time, and 3 December has none
    assert when(found, "Soldering 101") == [
        cet("2026-11-26", "19:00"),
        cet("2026-12-10", "19:00"),
        cet("2026-12-17", "19:00"),
    ]
    assert all(h.ends - h.starts == timedelta(hours=2) for h in found)
    assert found[0].topic == "electronics"


def test_a_whole_day_is_the_day_in_the_kiosks_zone(tmp_path: Path, clock: FakeClock) -> None:
    community = in_berlin(tmp_path, clock, "all-day.ics")
    [cafe] = community.events.agenda.on_day(date(2026, 11, 28))
    assert (cafe.title, cafe.all_day) == ("Repair café", True)
    assert (cafe.starts, cafe.ends) == (cet("2026-11-28", "00:00"), cet("2026-11-29", "00:00"))
    # Neither the day before nor the day after has it
    assert community.events.agenda.on_day(date(2026, 11, 27)) == ()
    assert community.events.agenda.on_day(date(2026, 11, 29)) == ()


def test_an_event_in_another_zone_is_shown_at_the_kiosks_time(
    tmp_path: Path, clock: FakeClock
) -> None:
    # Given a joint call at noon in New York on 26 November (EST, UTC-5)
    community = in_berlin(tmp_path, clock, "other-zone.ics")
    [call] = community.events.agenda.on_day(date(2026, 11, 26))
    # Then it is at 17:00 UTC, which is 18:00 in Berlin: tonight there
    assert call.starts == datetime(2026, 11, 26, 17, 0, tzinfo=UTC)
    [shown] = community.events_today()
    assert shown.line == "Tonight 18:00 Joint call with New York"


def test_a_repeat_keeps_its_local_time_over_the_weekend_the_clocks_change(
    tmp_path: Path, clock: FakeClock
) -> None:
    # Given breakfast at 10:00 every Saturday and Sunday around 29 March 2026, when Berlin
    # moves from CET (UTC+1) to CEST (UTC+2)
    community = in_berlin(tmp_path, clock, "dst-weekend.ics")
    clock.now = datetime(2026, 3, 20, 9, 0, tzinfo=UTC)
    found = community.events.agenda.between(date(2026, 3, 21), date(2026, 4, 5))
    # Then it stays at 10:00 on the clocks there, an hour earlier in UTC from the Sunday on
    assert when(found, "Saturday breakfast") == [
        cet("2026-03-21", "10:00"),
        cet("2026-03-22", "10:00"),
        cet("2026-03-28", "10:00"),
        cest("2026-03-29", "10:00"),
        cest("2026-04-04", "10:00"),
        cest("2026-04-05", "10:00"),
    ]
    assert cest("2026-03-29", "10:00") == datetime(2026, 3, 29, 8, 0, tzinfo=UTC)


def test_a_hosts_weekly_event_keeps_its_wall_clock_time_too(
    tmp_path: Path, clock: FakeClock
) -> None:
    clock.now = datetime(2026, 10, 20, 9, 0, tzinfo=UTC)
    community = in_berlin(tmp_path, clock)
    community.add_event("Language table", "friday 19:00", "90m", "weekly")
    found = community.events.agenda.between(date(2026, 10, 23), date(2026, 10, 30))
    # 23 October is summer time, 30 October winter time: 19:00 on the clocks both times
    assert when(found, "Language table") == [
        cest("2026-10-23", "19:00"),
        cet("2026-10-30", "19:00"),
    ]


def test_today_shows_what_is_still_on_and_the_next_event(tmp_path: Path, clock: FakeClock) -> None:
    community = in_berlin(tmp_path, clock, "weekly-with-exdate.ics", "all-day.ics")
    # It is Thursday 26 November, 10:00 in Berlin
    assert [s.line for s in community.events_today()] == [
        "Tonight 19:00 Soldering 101",
        "Saturday Repair café",
    ]
    # During it, it says until when; once it is over, the next one comes up
    clock.now = cet("2026-11-26", "19:30").astimezone(UTC)
    assert community.events_today()[0].line == "Now until 21:00 Soldering 101"
    clock.now = cet("2026-11-26", "21:00").astimezone(UTC)
    assert [s.line for s in community.events_today()] == ["Saturday Repair café"]


def test_a_closure_in_the_calendar_closes_the_space_for_its_days(
    tmp_path: Path, clock: FakeClock
) -> None:
    community = in_berlin(tmp_path, clock, "all-day.ics")
    closed = community.events.closed_days(date(2026, 12, 20), date(2026, 12, 31))
    assert closed == [date(2026, 12, 24), date(2026, 12, 25), date(2026, 12, 26)]


def test_a_host_is_named_only_as_the_board_would_name_them(
    tmp_path: Path, clock: FakeClock
) -> None:
    community = in_berlin(tmp_path, clock)
    jurgen = community.add_member("Jürgen Weiß", on_board=True)
    community.add_event("Soldering 101", "today 19:00", host=jurgen.id)
    assert community.events_today()[0].line == "Tonight 19:00 Soldering 101 · with Jürgen"
    # Here incognito, he is named nowhere
    community.check_in(jurgen.id, status="incognito")
    clock.advance(minutes=1)
    assert community.events_today()[0].line == "Tonight 19:00 Soldering 101"
    # Nor once he leaves the board
    community.check_out(jurgen.id)
    community.edit_member(jurgen.id, on_board=False)
    clock.advance(minutes=1)
    assert community.events_today()[0].line == "Tonight 19:00 Soldering 101"


def test_what_a_host_types_is_read_or_refused_politely(tmp_path: Path, clock: FakeClock) -> None:
    community = in_berlin(tmp_path, clock)
    christmas = community.add_event("Christmas", "24 December", closure=True)
    assert (christmas.all_day, christmas.starts) == (True, cet("2026-12-24", "00:00"))
    with pytest.raises(Refused, match="has passed"):
        community.add_event("Breakfast", "today 08:00")
    with pytest.raises(Refused, match="not a time of day"):
        community.add_event("Late", "friday 25:00")
    with pytest.raises(Refused, match="not a length"):
        community.add_event("Long", "friday 18:00", "forever")
    with pytest.raises(Refused, match="not a repeating rule"):
        community.add_event("Often", "friday 18:00", repeat="FREQ=SOMETIMES")
    with pytest.raises(Refused, match="Please enter the event's title"):
        community.add_event("   ", "friday 18:00")


def test_a_hand_edited_events_file_is_damage_named_by_kind(
    tmp_path: Path, clock: FakeClock
) -> None:
    community = in_berlin(tmp_path, clock)
    community.add_event("Soldering 101", "friday 18:00")
    events_file = tmp_path / "data" / "events.json"
    events_file.write_text(events_file.read_text().replace('"repeat":""', '"repeat":"FREQ=NO"'))
    with pytest.raises(DataError, match="repeat should be a rule"):
        Store.open(tmp_path / "data").hosted_events()


def test_who_came_for_an_event_is_counted_for_hosts(tmp_path: Path, clock: FakeClock) -> None:
    # Given Soldering 101 at 10:00 in Berlin, and three members
    community = in_berlin(tmp_path, clock)
    community.add_event("Soldering 101", "today 10:00")
    ana, bo, cy = (community.add_member(name) for name in ("Ana Lima", "Bo Berg", "Cy Dam"))
    # When Ana and Bo come for it, Bo twice, and Cy just to work
    clock.advance(minutes=5)
    [happening] = community.events.agenda.on_day(date(2026, 11, 26))
    for member in (ana, bo, cy):
        community.check_in(member.id)
    community.here_for_event(ana.id, happening)
    community.here_for_event(bo.id, happening)
    community.check_out(bo.id)
    clock.advance(minutes=5)
    community.check_in(bo.id)
    community.here_for_event(bo.id, happening)
    # Then the hosts' figures count two people for it that day
    assert gather(community).per_event == [(date(2026, 11, 26), "Soldering 101", 2)]
    # And each visit keeps what its member said
    assert community.visit_of(ana.id).event == "Soldering 101"  # type: ignore[union-attr]
    assert community.visit_of(cy.id).event == ""  # type: ignore[union-attr]


def test_a_closure_in_the_calendar_keeps_the_space_closed_as_closed_days_do(
    tmp_path: Path, clock: FakeClock
) -> None:
    # Given opening hours on weekdays 09:00 to 18:00 in Berlin, and a winter break in the
    # calendar from Thursday 24 to Saturday 26 December
    hours = in_berlin_hours("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR 09:00-18:00")
    community = Community(
        Store.open(tmp_path / "data"),
        clock,
        hours=hours,
        event_feeds=(str(FEEDS / "all-day.ics"),),
    )
    clock.now = cet("2026-12-24", "10:00").astimezone(UTC)
    # When the kiosk follows the calendar's closures
    community.events.follow_closures()
    # Then on a Thursday morning the space is closed, and opens on Monday the 28th
    assert opening_status(community.hours, clock.now) == "closed · opens Monday at 09:00"
    # And the day before, it was open as usual
    clock.now = cet("2026-12-23", "10:00").astimezone(UTC)
    community.events.follow_closures()
    assert opening_status(community.hours, clock.now) == "open until 18:00"


def test_a_hostile_feed_shows_text_as_text_and_cannot_stall_the_kiosk(
    tmp_path: Path, clock: FakeClock
) -> None:
    # Given a feed whose title carries a terminal escape, and an event every second
    feed = tmp_path / "hostile.ics"
    feed.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\n"
        "BEGIN:VEVENT\r\nUID:a@x\r\nSUMMARY:Every second\r\nDTSTART:20261101T000000Z\r\n"
        "DURATION:PT1S\r\nRRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:b@x\r\nSUMMARY:\x1b[31mRed\x1b[0m talk\r\n"
        "DTSTART:20261126T180000Z\r\nDURATION:PT1H\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )
    community = Community(Store.open(tmp_path / "data"), clock, event_feeds=(str(feed),))
    # Then the talk is shown without the escape, and the event every second is left out
    # (expanding it would take the kiosk hours)
    assert [s.line for s in community.events_today()] == ["Tonight 18:00 [31mRed[0m talk"]
