"""Visits as a CSV file for hosts: one row a visit, in the kiosk's time zone.

A guest's visit has no member id, the guest's name, and the name of the member who signed
them in under "guest-of". A visit of a member who since deleted their data has neither id
nor name. Times are written "2026-11-26 09:14" so that spreadsheets read them; a visit
still in progress has no "until" and no "minutes", and "yes" under "in progress".

A member here incognito is counted for hosts, and named nowhere a file can carry: their
visit has neither id nor name, and a guest they signed in meanwhile names no host.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, tzinfo
from itertools import chain
from typing import TextIO

from kiosk.exchange.spreadsheet import write_rows
from kiosk.language import N_
from kiosk.models import Member, Visit
from kiosk.timekeeping.opening import local_time

COLUMN_MEANINGS = {
    "member id": N_(
        "the member's id; empty for a guest, a member here incognito, or a member "
        "who deleted their data"
    ),
    "name": N_("the member's name, or the guest's; empty for a member here incognito"),
    "guest-of": N_("for a guest, the member who signed them in, unless they were here incognito"),
    "since": N_("when the visit began, like 2026-11-26 09:14, in the kiosk's time zone"),
    "until": N_("when it ended; empty while it is in progress"),
    "minutes": N_("how long it lasted, in whole minutes; empty while in progress"),
    "status": N_("open, heads-down or incognito, as chosen at check-in"),
    "automatic": N_("yes when nobody checked out and the kiosk ended the visit at closing time"),
    "in progress": N_("yes while the person is still here"),
    "event": N_("the event they said at the welcome they came for; empty for none"),
}
"""Each column of a visits export, and what it holds (shown in `--help`, translated there)."""
VISIT_COLUMNS = tuple(COLUMN_MEANINGS)


def visit_row(
    visit: Visit, members: Mapping[str, Member], zone: tzinfo, named: bool = True
) -> list[str]:
    """The cells of one visit, in the order of VISIT_COLUMNS (not yet guarded); unless
    `named`, neither the member nor a guest's host is named."""
    member = members.get(visit.member_id) if named else None
    name = member.name if member is not None else ""
    minutes = (
        "" if visit.until is None else str(int((visit.until - visit.since).total_seconds() // 60))
    )
    return [
        "" if visit.guest or member is None else visit.member_id,
        visit.guest or name,
        name if visit.guest else "",
        _local(visit.since, zone),
        "" if visit.until is None else _local(visit.until, zone),
        minutes,
        visit.status,
        "yes" if visit.automatic else "no",
        "yes" if visit.until is None else "no",
        visit.event,
    ]


def write_visits(
    file: TextIO,
    visits: Sequence[Visit],
    members: Mapping[str, Member],
    zone: tzinfo,
    earlier: Iterable[Visit] = (),
) -> int:
    """Write the header and a row for each visit, in the order given; returns the count.
    The `earlier` visits (those of the day before) tell whether the host of a guest
    signed in early in the day was here incognito."""
    unseen = unnamed(visits, earlier)
    return write_rows(
        file,
        VISIT_COLUMNS,
        (visit_row(v, members, zone, named=v.id not in unseen) for v in visits),
    )


def unnamed(visits: Sequence[Visit], earlier: Iterable[Visit] = ()) -> set[str]:
    """The ids of the `visits` that name nobody: a member's here incognito, and a guest's
    signed in while their host was."""
    incognito: dict[str, list[Visit]] = {}
    for visit in chain(earlier, visits):
        if visit.status == "incognito" and not visit.guest:
            incognito.setdefault(visit.member_id, []).append(visit)

    def hosted_unseen(guest: Visit) -> bool:
        return any(
            host.since <= guest.since and (host.until is None or guest.since <= host.until)
            for host in incognito.get(guest.member_id, ())
        )

    return {
        visit.id
        for visit in visits
        if (visit.status == "incognito" and not visit.guest)
        or (visit.guest and hosted_unseen(visit))
    }


def _local(moment: datetime, zone: tzinfo) -> str:
    return f"{local_time(moment, zone):%Y-%m-%d %H:%M}"
