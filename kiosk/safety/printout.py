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

from kiosk import language
from kiosk.exchange.spreadsheet import write_rows
from kiosk.language import N_, _, ngettext
from kiosk.safety.roll_call import SAID_ON_SCREEN, OnRoll, accounted_for
from kiosk.timekeeping.opening import local_time

PER_SHEET = 40
"""People on one printed sheet: with the heading, 40 rows fill an A4 page."""
COLUMNS = (N_("Name"), N_("Since"), N_("Accounted for"))
"""The columns of a sheet, beside the box to tick."""

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
    local = local_time(now, zone)
    # Translators: when the roll call was printed: a day in words and a time of day.
    printed = _("{day}, {time}").format(day=language.day(local.date()), time=language.clock(local))
    summary = ngettext(
        "{count} in the building, {done} accounted for when printed ({printed}).",
        "{count} in the building, {done} accounted for when printed ({printed}).",
        len(people),
    ).format(count=len(people), done=accounted_for(people), printed=printed)
    roll_call = _("Roll call · {space}").format(space=space)
    name, since, ticked_at = (escape(_(column)) for column in COLUMNS)
    said_on_screen = escape(_(SAID_ON_SCREEN))
    file.write(
        f'<!doctype html>\n<html lang="{language.speaking()}">\n<meta charset="utf-8">\n'
        f"<title>{escape(roll_call)} · {escape(printed)}</title>\n"
        f"<style>{_STYLE}</style>\n<body>\n"
    )
    sheets = [people[start : start + PER_SHEET] for start in range(0, len(people), PER_SHEET)]
    for number, sheet in enumerate(sheets or [[]], start=1):
        heading = (
            _("Roll call · {space} · sheet {number} of {sheets}").format(
                space=space, number=number, sheets=len(sheets)
            )
            if len(sheets) > 1
            else roll_call
        )
        file.write(
            f"<section>\n<h1>{escape(heading)}</h1>\n"
            f"<p>{escape(summary)} {said_on_screen}</p>\n<table>\n"
            f'<tr><th class="box"></th><th>{name}</th><th class="since">{since}</th>'
            f'<th class="ticked">{ticked_at}</th></tr>\n'
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
            nobody = escape(_("Nobody is checked in."))
            file.write(f'<tr><td class="box"></td><td>{nobody}</td></tr>\n')
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
    return language.clock(local_time(moment, zone))


def _exact(moment: datetime, zone: tzinfo) -> str:
    return local_time(moment, zone).isoformat(timespec="seconds")
