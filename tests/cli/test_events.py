"""`kiosk events add`, `kiosk events`, `kiosk events remove` and `kiosk events ics`: hosts
keep the space's own events, list what is coming and publish them as a feed."""

from __future__ import annotations

from pathlib import Path

import icalendar

from tests.cli.conftest import HOSTS_CONFIG
from tests.cli.running import Kiosk
from tests.cli.test_spaceapi import EXAMPLE, LISTING, WEEKDAYS_9_TO_6, config, valid


def in_berlin(kiosk: Kiosk) -> None:
    HOSTS_CONFIG.write_text('timezone = "Europe/Berlin"\n')
    kiosk.add_member("Jürgen Weiß")


def test_a_host_adds_events_and_lists_the_week_to_come(kiosk: Kiosk) -> None:
    # Given a space in Berlin on Thursday 26 November 2026, 10:00
    in_berlin(kiosk)
    # When a host adds a weekly soldering evening hosted by Jürgen, and a Friday demo
    added = kiosk(
        "events", "add", "Soldering 101", "--at", "today 19:00", "--for", "2h30m",
        "--repeat", "weekly", "--host", "Jürgen Weiß", "--topic", "electronics",
    )  # fmt: skip
    demo = kiosk("events", "add", "Pizza and demos", "--at", "friday 18:00")
    # Then each is said back with its day and time
    assert added.code == 0, added.err
    assert added.out.startswith("Added Soldering 101 (id ")
    assert added.out.endswith("), Thursday, 26 November 2026 at 19:00, repeating FREQ=WEEKLY.\n")
    assert demo.out.endswith("), Friday, 27 November 2026 at 18:00.\n")
    # And the week lists them, soonest first, Jürgen by his first name as the board does
    assert kiosk("events").out.splitlines() == [
        "3 events in the next 7 days, soonest first:",
        "  Tonight 19:00 Soldering 101 · with Jürgen",
        "  Tomorrow 18:00 Pizza and demos",
        "  Thursday 3 December 19:00 Soldering 101 · with Jürgen",
    ]
    first = kiosk("events", "--json").json()["events"][0]
    assert first == {
        "id": added.out.split("(id ")[1].split(")")[0],
        "title": "Soldering 101",
        "starts": "2026-11-26T19:00:00+01:00",
        "ends": "2026-11-26T21:30:00+01:00",
        "all_day": False,
        "topic": "electronics",
        "host": "Jürgen",
        "closure": False,
    }


def test_a_host_off_the_board_is_not_named(kiosk: Kiosk) -> None:
    in_berlin(kiosk)
    kiosk("members", "edit", "Jürgen Weiß", "--on-board", "no")
    kiosk("events", "add", "Soldering 101", "--at", "today 19:00", "--host", "Jürgen Weiß")
    assert kiosk("events").out.splitlines()[1:] == ["  Tonight 19:00 Soldering 101"]
    assert kiosk("events", "--json").json()["events"][0]["host"] == ""


def test_an_event_is_removed_by_title_or_id(kiosk: Kiosk) -> None:
    in_berlin(kiosk)
    kiosk("events", "add", "Pizza and demos", "--at", "friday 18:00")
    removed = kiosk("events", "remove", "pizza and demos")
    assert (removed.code, removed.out.startswith("Removed Pizza and demos (id ")) == (0, True)
    assert kiosk("events").out.startswith("No events in the next 7 days")
    again = kiosk("events", "remove", "Pizza and demos")
    assert (again.code, again.err) == (
        1,
        "kiosk: No event added here is called 'Pizza and demos'; `kiosk events` lists them.\n",
    )


def test_unreadable_input_is_refused_with_what_to_write(kiosk: Kiosk) -> None:
    in_berlin(kiosk)
    late = kiosk("events", "add", "Late", "--at", "friday 24:00")
    assert (late.code, late.err) == (
        1,
        "kiosk: 24:00 is not a time of day; please write it like 18:00.\n",
    )
    past = kiosk("events", "add", "Breakfast", "--at", "today 08:00")
    assert past.err == "kiosk: today 08:00 has passed; please give a time to come.\n"
    nobody = kiosk("events", "add", "Talk", "--at", "friday 18:00", "--host", "Nobody Atall")
    assert nobody.code != 0
    days = kiosk("events", "--days", "0")
    assert (days.code, days.err) == (
        2,
        "kiosk: --days should be a whole number of days from 1 to 366.\n",
    )


def test_the_published_feed_holds_the_events_but_names_no_host(
    kiosk: Kiosk, tmp_path: Path
) -> None:
    in_berlin(kiosk)
    kiosk("events", "add", "Soldering 101", "--at", "today 19:00", "--repeat", "weekly",
          "--host", "Jürgen Weiß", "--topic", "electronics")  # fmt: skip
    kiosk("events", "add", "Winter break", "--at", "24 December", "--for", "3d", "--closed")
    written = kiosk("events", "ics", "--out", "events.ics")
    assert (written.code, written.out) == (0, "Wrote 2 events to events.ics.\n")
    text = (tmp_path / "events.ics").read_text()
    assert "Jürgen" not in text and "X-KIOSK-HOST" not in text
    calendar = icalendar.Calendar.from_ical(text)
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    soldering = events["Soldering 101"]
    assert soldering["dtstart"].to_ical() == b"20261126T190000"
    assert soldering["dtstart"].params["TZID"] == "Europe/Berlin"
    assert soldering["rrule"].to_ical() == b"FREQ=WEEKLY"
    assert events["Winter break"]["dtstart"].to_ical() == b"20261224"
    assert events["Winter break"]["duration"].to_ical() == b"P3D"


def test_doctor_names_a_damaged_events_file(kiosk: Kiosk, tmp_path: Path) -> None:
    in_berlin(kiosk)
    kiosk("events", "add", "Pizza and demos", "--at", "friday 18:00")
    events = tmp_path / "kiosk-data" / "events.json"
    events.write_text(events.read_text().replace('"minutes":120', '"minutes":"two hours"'))
    checked = kiosk("doctor")
    assert checked.code == 1
    assert "events.json is damaged: a record in its events is incomplete or wrong" in (
        checked.out + checked.err
    )


def test_the_spaceapi_file_names_the_calendar_feed(kiosk: Kiosk, tmp_path: Path) -> None:
    # Given the example config, which names where the space publishes its events
    example = config(tmp_path, EXAMPLE)
    kiosk("demo", "--config", example)
    document = kiosk("spaceapi", "--config", example).json()
    # Then the SpaceAPI file names it, as the official schema wants
    assert document["feeds"] == {
        "calendar": {"type": "ical", "url": "https://makerspace-north.example/events.ics"}
    }
    assert valid(document)
    # And a feed the kiosk reads is never named there: its address may hold a secret
    secret = "https://calendar.example.org/private-4f9a2c/basic.ics"
    listed = config(tmp_path, f'{LISTING}\n[events]\nfeeds = ["{secret}"]\n')
    assert "feeds" not in kiosk("spaceapi", "--config", listed).json()


def test_a_closure_a_host_adds_closes_the_space_in_the_spaceapi_file(
    kiosk: Kiosk, tmp_path: Path
) -> None:
    # Given a space open on weekdays, 09:00 to 18:00 (it is Thursday, 09:00)
    listed = config(tmp_path, LISTING + WEEKDAYS_9_TO_6)
    kiosk("members", "add", "Ana Lima", "--config", listed)
    assert kiosk("spaceapi", "--config", listed).json()["state"]["open"] is True
    # When a host closes it today for a staff day
    kiosk("events", "add", "Staff day", "--at", "today", "--closed", "--config", listed)
    # Then the space is closed, as on a closed day of its hours
    state = kiosk("spaceapi", "--config", listed).json()["state"]
    assert state == {"open": False, "message": "closed · opens tomorrow at 09:00"}
    assert "Today Staff day · closed" in kiosk("events", "--config", listed).out
