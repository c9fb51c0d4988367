"""A calendar feed on the web: fetched by a real local HTTP server, kept in the data
folder, and shown from that copy (with its age, for hosts) once the server is gone."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from tests.cli.conftest import HOSTS_CONFIG
from tests.cli.running import Kiosk
from tests.conftest import FakeClock

FEED = (Path(__file__).parent.parent / "data" / "weekly-with-exdate.ics").read_bytes()


@contextmanager
def calendar_server(body: bytes) -> Iterator[str]:
    """A local web server giving `body` as a calendar at the address yielded, until the
    block ends; then nothing answers there."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the test says what matters."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/calendar.ics"
    finally:
        server.shutdown()
        server.server_close()


def test_a_feed_out_of_reach_is_shown_from_its_copy_with_its_age(
    kiosk: Kiosk, clock: FakeClock
) -> None:
    # Given a space in Berlin whose calendar is on the web
    kiosk.add_member("Ana Lima")
    with calendar_server(FEED) as url:
        HOSTS_CONFIG.write_text(f'timezone = "Europe/Berlin"\n[events]\nfeeds = ["{url}"]\n')
        # When a host lists the events while it answers
        fetched = kiosk("events")
    # Then its events are there, fetched just now
    assert fetched.code == 0, fetched.err
    assert fetched.out.splitlines()[:3] == [
        f"Feed {url}: fetched just now.",
        "1 event in the next 7 days, soonest first:",
        "  Tonight 19:00 Soldering 101",
    ]
    # When the server is gone, and two hours later the copy is due to be fetched again
    clock.advance(hours=2)
    offline = kiosk("events")
    # Then the copy kept in the data folder is shown, and the host told how old it is
    assert offline.code == 0, offline.err
    feed_line, *events = offline.out.splitlines()
    assert feed_line.startswith(f"Feed {url}: it could not be reached (")
    assert feed_line.endswith("; showing the copy fetched 2 h ago.")
    assert events == [
        "1 event in the next 7 days, soonest first:",
        "  Tonight 19:00 Soldering 101",
    ]
    # And the JSON says when it was fetched and what went wrong
    [feed] = kiosk("events", "--json").json()["feeds"]
    assert feed["fetched"] == "2026-11-26T09:00:00+00:00"
    assert feed["problem"].startswith("it could not be reached")


def test_a_feed_never_fetched_shows_nothing_and_says_why(kiosk: Kiosk) -> None:
    kiosk.add_member("Ana Lima")
    with calendar_server(FEED) as url:
        pass  # up and gone again before anyone asked
    HOSTS_CONFIG.write_text(f'[events]\nfeeds = ["{url}"]\n')
    listed = kiosk("events")
    assert listed.code == 0, listed.err
    assert listed.out.splitlines()[0].endswith("; none of its events are shown.")
    assert "No events in the next 7 days" in listed.out


def test_a_feed_file_that_is_no_calendar_is_named_and_the_rest_shown(
    kiosk: Kiosk, tmp_path: Path
) -> None:
    # Given two feed files beside the config, one of them no calendar at all
    kiosk.add_member("Ana Lima")
    (tmp_path / "broken.ics").write_text("BEGIN:VCALENDAR\nthis is not one\n")
    (tmp_path / "good.ics").write_bytes(FEED)
    HOSTS_CONFIG.write_text(
        'timezone = "Europe/Berlin"\n[events]\nfeeds = ["broken.ics", "good.ics"]\n'
    )
    # When a host lists the events
    listed = kiosk("events")
    # Then the broken one is named, and the other's events are shown
    assert listed.code == 0, listed.err
    lines = listed.out.splitlines()
    assert lines[0].startswith("Feed broken.ics: it is not a calendar the kiosk can read (")
    assert lines[0].endswith("; none of its events are shown.")
    assert lines[1] == "Feed good.ics: read now."
    assert "  Tonight 19:00 Soldering 101" in lines
