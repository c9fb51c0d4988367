"""The roll call on paper: a page to print (one A4 sheet for each 40 people, a box to
tick beside each name) and the same list as CSV for a spreadsheet.

Both name everyone in the building, incognito members too, and say so at the top: they
are written for the owner alone (as every export is) and are for the emergency.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from html import escape
from typing import TextIO

from kiosk.exchange.spreadsheet import write_rows
from kiosk.safety.roll_call import SAID_ON_SCREEN, OnRoll, accounted_for
from kiosk.timekeeping.opening import local_time

PER_SHEET = 40
"""People on one printed sheet: with the heading, 40 rows fill an A4 page."""

_STYLE = """
@page { size: A4; margin: 12mm; }
body { font: 11pt sans-serif; margin: 0; }
section + section { break-before: page; }
h1 { font-size: 15pt; margin: 0 0 1mm; }
p { margin: 0 0 3mm; font-size: 9.5pt; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { text-align: left; padding: 0 1.5mm; height: 5.7mm; border-bottom: 0.2mm solid #888;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
th { font-size: 9pt; }
.box { width: 9mm; font-size: 13pt; }
.since { width: 18mm; }
.ticked { width: 30mm; }
"""


def write_page(
    file: TextIO, people: Sequence[OnRoll], space: str, now: datetime, zone: tzinfo
) -> int:
    """Write the printable page to `file`; returns how many people it names."""
    printed = f"{local_time(now, zone):%A %d %B %Y, %H:%M}"
    summary = (
        f"{len(people)} in the building, {accounted_for(people)} accounted for "
        f"when printed ({printed})."
    )
    file.write(
        '<!doctype html>\n<html lang="en">\n<meta charset="utf-8">\n'
        f"<title>Roll call · {escape(space)} · {escape(printed)}</title>\n"
        f"<style>{_STYLE}</style>\n<body>\n"
    )
    sheets = [people[start : start + PER_SHEET] for start in range(0, len(people), PER_SHEET)]
    for number, sheet in enumerate(sheets or [[]], start=1):
        of = f" · sheet {number} of {len(sheets)}" if len(sheets) > 1 else ""
        file.write(
            f"<section>\n<h1>Roll call · {escape(space)}{of}</h1>\n"
            f"<p>{escape(summary)} {escape(SAID_ON_SCREEN)}</p>\n<table>\n"
            '<tr><th class="box"></th><th>Name</th><th class="since">Since</th>'
            '<th class="ticked">Accounted for</th></tr>\n'
        )
        for person in sheet:
            ticked = _clock(person.accounted, zone) if person.accounted else ""
            file.write(
                f'<tr><td class="box">{"☑" if person.accounted else "☐"}</td>'
                f"<td>{escape(person.read_as)}</td>"
                f'<td class="since">{_clock(person.since, zone)}</td>'
                f'<td class="ticked">{ticked}</td></tr>\n'
            )
        if not sheet:
            file.write('<tr><td class="box"></td><td>Nobody is checked in.</td></tr>\n')
        file.write("</table>\n</section>\n")
    file.write("</body>\n</html>\n")
    return len(people)


def write_csv(file: TextIO, people: Sequence[OnRoll], zone: tzinfo) -> int:
    """Write the list as CSV to `file` (opened with newline=""); returns its rows."""
    return write_rows(
        file,
        ("name", "guest_of", "since", "accounted_for"),
        (
            (
                person.name,
                person.guest_of,
                _exact(person.since, zone),
                _exact(person.accounted, zone) if person.accounted else "",
            )
            for person in people
        ),
    )


def _clock(moment: datetime, zone: tzinfo) -> str:
    return f"{local_time(moment, zone):%H:%M}"


def _exact(moment: datetime, zone: tzinfo) -> str:
    return local_time(moment, zone).isoformat(timespec="seconds")
