"""Members as a CSV file: exported for hosts, and imported after every row was checked.

Columns: id, name, joined, topics, pronouns, intro, ask_me_about, looking_for, learning,
mentor, on_board, hosts_only, named_online, active, badge, keyholder. An export writes
lists "coffee; Python", yes/no columns "yes" or "no", and `joined` as a day in the kiosk's
time zone, 2026-11-26. `hosts_only` lists the profile fields a member keeps for hosts ("intro;
looking_for"), or says "none", so that every choice of who sees what goes wherever the
file goes. An import
reads files as spreadsheets and member tools write them (kiosk.exchange.member_sheet: encodings,
delimiters, header names); it may leave out any column but a name, takes lists split by
";" (or "," when there is no ";"), "true" and "false" as well as "yes" and "no", and
`joined` as spreadsheets write days: 2026-11-26, 26/11/2026 (day or month first, as the
file shows or the host says), "Nov 26, 2026", with or without a time.

Which member a row is:
1. a row with an id is the member of that id; if there is none, a new member with that id;
2. a row without an id but with `joined` is the member of exactly that name who joined
   that day, or else a new member (two people may share a name);
3. a row with neither is the one member of exactly that name, or else a new member; when
   several members share the name, the row is a problem until it gives an id.
Two rows that are one member are a problem. A row that is an existing member updates the
fields it gives; an empty cell leaves a field as it is (the member editor clears fields).
What members chose themselves (MEMBER_CHOICES: their words, topics, board choice, the
fields they keep for hosts and whether they are named online) is
never replaced by an import unless the host names the column to update; the plan counts
the rows where such a choice was kept.
A new member gets the fields given, is not shown on public screens unless `on_board` says
yes (they did not choose it at the kiosk), and joined the day given, or now. So importing
the same file twice adds nobody twice.

Nothing is imported if any row has a problem, unless bad rows are to be skipped; a
problem with the header stops the whole file.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, tzinfo
from typing import Any, TextIO

from kiosk import text
from kiosk.errors import Refused
from kiosk.exchange.member_sheet import Sheet, SheetRow, day_order
from kiosk.exchange.spreadsheet import write_rows
from kiosk.language import N_
from kiosk.models import PROFILE_FIELDS, Member, ProfileField
from kiosk.progress import Progress
from kiosk.timekeeping.opening import at, local_day

MEMBER_COLUMNS = (
    "id",
    "name",
    "joined",
    "topics",
    "pronouns",
    "intro",
    "ask_me_about",
    "looking_for",
    "learning",
    "mentor",
    "on_board",
    "hosts_only",
    "named_online",
    "active",
    "badge",
    "keyholder",
)
LIST_COLUMNS = ("topics", "ask_me_about", "looking_for", "learning", "mentor")
SEPARATOR = "; "
NONE = "none"
"""A `hosts_only` cell for a member who keeps nothing for hosts."""
PROGRESS_EVERY = 500
"""Rows checked between two calls of an import's progress callback."""
_YES = {"yes": True, "true": True, "no": False, "false": False}
_TEXT_LIMITS = {
    "pronouns": (N_("pronouns"), text.PRONOUNS_LIMIT),
    "intro": (N_("an introduction"), text.INTRO_LIMIT),
}


# -- export -----------------------------------------------------------------------


def member_row(member: Member, zone: tzinfo) -> list[str]:
    """The cells of one member, in the order of MEMBER_COLUMNS (not yet guarded)."""
    return [
        member.id,
        member.name,
        local_day(member.joined, zone).isoformat(),
        SEPARATOR.join(member.topics),
        member.pronouns,
        member.intro,
        SEPARATOR.join(member.ask_me_about),
        SEPARATOR.join(member.looking_for),
        SEPARATOR.join(member.learning),
        SEPARATOR.join(member.mentor),
        "yes" if member.on_board else "no",
        SEPARATOR.join(sorted(member.hosts_only)) or NONE,
        "yes" if member.named_online else "no",
        "yes" if member.active else "no",
        member.badge,
        "yes" if member.keyholder else "no",
    ]


def write_members(file: TextIO, members: Iterable[Member], zone: tzinfo) -> int:
    """Write the header and a row for each member; returns how many."""
    return write_rows(file, MEMBER_COLUMNS, (member_row(m, zone) for m in members))


# -- import -------------------------------------------------------------------------

MEMBER_CHOICES: tuple[str, ...] = (*PROFILE_FIELDS, "on_board", "hosts_only", "named_online")
"""Fields a member chose at the kiosk (their words, and who may see them), which an import
leaves as they are unless told."""


@dataclass(slots=True, frozen=True)
class Problem:
    """Why a row (or the header, line 1) cannot be imported."""

    line: int
    column: str
    """The column at fault; empty when it is the row as a whole."""
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}, column {self.column}" if self.column else f"line {self.line}"
        return f"{where}: {self.message}"


@dataclass(slots=True, frozen=True)
class ImportPlan:
    """What an import will do: members to add, members to update, and the problems found.
    With problems and bad rows not skipped, it adds and updates nobody."""

    add: tuple[Member, ...] = ()
    update: tuple[Member, ...] = ()
    unchanged: int = 0
    """Rows that name an existing member just as they are."""
    problems: tuple[Problem, ...] = ()
    rows: int = 0
    """Rows in the file, besides the header."""
    kept: tuple[tuple[str, int], ...] = ()
    """For each of MEMBER_CHOICES, how many rows would have changed what a member chose,
    and were not let."""

    @property
    def skipped(self) -> int:
        """Rows of the file with a problem (a row may have several)."""
        return len({problem.line for problem in self.problems})


@dataclass(slots=True, frozen=True)
class ImportChoices:
    """What the host said about an import."""

    update: frozenset[str] = frozenset()
    """Columns of MEMBER_CHOICES whose values replace what members chose."""
    day_first: bool | None = None
    """How to read 03/04/2026: True for 3 April, False for 4 March, None to take it from
    the file, which may not tell."""
    skip_bad_rows: bool = False


def plan_import(
    sheet: Sheet,
    members: Iterable[Member],
    *,
    now: datetime,
    zone: tzinfo,
    new_id: Callable[[], str],
    choices: ImportChoices = ImportChoices(),
    progress: Progress | None = None,
) -> ImportPlan:
    """Check every row of `sheet` against the existing `members`, and plan the import.
    `new_id` names each new member without an id; `now` is when they joined unless the
    row says; `zone` is the zone of `joined` days."""
    rows = len(sheet.rows)
    if sheet.problems:
        header = tuple(Problem(1, "", problem) for problem in sheet.problems)
        return ImportPlan(problems=header, rows=rows)
    day_first = choices.day_first if choices.day_first is not None else day_order(sheet)
    planner = _Planner(list(members), now, zone, new_id, choices.update, day_first)
    for done, row in enumerate(sheet.rows, 1):
        planner.check(row)
        if progress is not None and (done % PROGRESS_EVERY == 0 or done == rows):
            progress(done, rows)
    if planner.problems and not choices.skip_bad_rows:
        return ImportPlan(problems=tuple(planner.problems), rows=rows)
    return ImportPlan(
        add=tuple(planner.add),
        update=tuple(planner.update),
        unchanged=planner.unchanged,
        problems=tuple(planner.problems),
        rows=rows,
        kept=tuple(sorted(planner.kept.items())),
    )


class _Planner:
    """Checks rows one by one against the members and the rows before them."""

    def __init__(
        self,
        members: list[Member],
        now: datetime,
        zone: tzinfo,
        new_id: Callable[[], str],
        update: frozenset[str],
        day_first: bool | None,
    ) -> None:
        self.now, self.zone, self.new_id = now, zone, new_id
        self.may_replace, self.day_first = update, day_first
        self.by_id = {member.id: member for member in members}
        self.by_name: dict[str, list[Member]] = defaultdict(list)
        self.badges = {member.badge: member.id for member in members if member.badge}
        for member in members:
            self.by_name[member.name].append(member)
        self.add: list[Member] = []
        self.update: list[Member] = []
        self.unchanged = 0
        self.kept: dict[str, int] = defaultdict(int)
        self.problems: list[Problem] = []
        self.seen: dict[tuple[str, ...], int] = {}
        """Who each row so far is (an id, or a name and day), and the line it was on."""

    def check(self, row: SheetRow) -> None:
        line, problems = row.line, []
        if row.extra > 0:
            cells_more = f"{row.extra} cell{'s' if row.extra > 1 else ''} more"
            problems.append(Problem(line, "", f"{cells_more} than the header has columns"))
        fields: dict[str, Any] = {}
        for column, cell in row.cells.items():
            try:
                value = self._value(column, cell)
            except Refused as refused:
                problems.append(Problem(line, column, str(refused)))
                continue
            if value is not None:
                fields[column] = value
        if "name" not in fields and not problems:
            problems.append(Problem(line, "name", "is empty; every member needs a name"))
        if problems:
            self.problems += problems
            return
        self._plan(line, fields)

    def _plan(self, line: int, fields: dict[str, Any]) -> None:
        existing, who, unclear = self._identify(fields)
        owner = existing.id if existing is not None else fields.get("id")
        holder = self.badges.get(fields.get("badge", ""))
        if unclear:
            problem = Problem(line, "name", unclear)
        elif who in self.seen:
            problem = Problem(line, "", f"this is the same member as line {self.seen[who]}")
        elif holder is not None and holder != owner:
            problem = Problem(line, "badge", f"{fields['badge']} is already the badge of {holder}")
        else:
            self.seen[who] = line
            self._take(existing, fields)
            return
        self.problems.append(problem)

    def _take(self, existing: Member | None, fields: dict[str, Any]) -> None:
        if existing is None:
            defaults: dict[str, Any] = {"id": self.new_id(), "joined": self.now, "on_board": False}
            member = Member(**(defaults | fields))
            self.add.append(member)
        else:
            # A day alone names the day the member joined, not a new time of joining.
            joined = fields.get("joined")
            if joined is not None and self._day(joined) == self._day(existing.joined):
                del fields["joined"]
            for column in MEMBER_CHOICES:
                given = fields.pop(column, None) if column not in self.may_replace else None
                if given is not None and given != getattr(existing, column):
                    self.kept[column] += 1
            member = replace(existing, **fields)
            if member == existing:
                self.unchanged += 1
            else:
                self.update.append(member)
        if member.badge:
            self.badges[member.badge] = member.id

    def _identify(self, fields: dict[str, Any]) -> tuple[Member | None, tuple[str, ...], str]:
        """The existing member a row is (None for a new one), the key that tells rows
        apart, and why it is unclear which member the row is, if it is."""
        name = fields["name"]
        if "id" in fields:
            return self.by_id.get(fields["id"]), ("member", fields["id"]), ""
        named = self.by_name.get(name, [])
        key: tuple[str, ...]
        if "joined" in fields:
            day = self._day(fields["joined"])
            named = [m for m in named if self._day(m.joined) == day]
            key = ("name", name, day.isoformat())
        elif len(named) > 1:
            return None, (), f"{len(named)} members are named {name}; add the id of the one meant"
        else:
            key = ("name", name)
        return (named[0], ("member", named[0].id), "") if named else (None, key, "")

    def _day(self, moment: datetime) -> date:
        return local_day(moment, self.zone)

    def _value(self, column: str, cell: str) -> Any:
        """The field a cell gives, or None for an empty cell; Refused when it is wrong."""
        if not text.clean(cell):
            return None
        if column == "name":
            return text.required(cell, N_("a name"), text.NAME_LIMIT)
        if column in ("id", "badge"):
            if not text.is_id(cell.strip()):
                raise Refused(
                    f"{text.shortened(cell, 30)!r} is not an id: letters, digits, - and _"
                )
            return cell.strip()
        if column == "joined":
            return _joined(cell.strip(), self.zone, self.day_first)
        if column in LIST_COLUMNS:
            return text.topics(cell.split(";" if ";" in cell else ","))
        if column == "hosts_only":
            return _hosts_only(cell)
        if column in ("on_board", "named_online", "active", "keyholder"):
            if cell.strip().lower() not in _YES:
                raise Refused(f"{text.shortened(cell, 30)!r} is not yes or no")
            return _YES[cell.strip().lower()]
        what, limit = _TEXT_LIMITS[column]
        return text.optional(cell, what, limit)


def _hosts_only(cell: str) -> frozenset[ProfileField]:
    named = [name for part in cell.split(";") if (name := text.clean(part).lower())]
    if named == [NONE]:
        return frozenset()
    unknown = [name for name in named if name not in PROFILE_FIELDS]
    if unknown:
        raise Refused(
            f"{text.shortened(unknown[0], 30)!r} is not a profile field; hosts_only lists "
            f"some of {', '.join(PROFILE_FIELDS)}, or says {NONE}"
        )
    return frozenset(name for name in PROFILE_FIELDS if name in named)


_AMBIGUOUS = re.compile(r"\s*(\d{1,2})[./-](\d{1,2})[./-]\d{2,4}\b")
_TWO_DEFAULTS = (datetime(2001, 1, 1), datetime(2002, 2, 2))
"""A date parsed against each of these comes out the same only if it names a whole day."""


def _joined(cell: str, zone: tzinfo, day_first: bool | None) -> datetime:
    """A day as spreadsheets write it (a time of day may follow), in `zone` unless the
    cell names its own zone."""
    shown = text.shortened(cell, 30)
    ambiguous = _AMBIGUOUS.match(cell)
    if ambiguous and day_first is None and ambiguous[1] != ambiguous[2]:
        raise Refused(
            f"{shown!r} could be day/month or month/day, and no date in the file tells "
            "which; add --day-first or --month-first"
        )
    # Late: only an import of members reads days this way, and the parser is slow to load.
    from dateutil.parser import parse

    try:
        read = [parse(cell, default=default, dayfirst=bool(day_first)) for default in _TWO_DEFAULTS]
    except (ValueError, OverflowError):
        read = []
    if len(read) != 2 or read[0].date() != read[1].date():
        raise Refused(f"{shown!r} is not a day like 2026-11-26, 26/11/2026 or Nov 26, 2026")
    moment = read[0]
    if moment.tzinfo is not None:
        return moment
    return at(moment.date(), moment.time(), zone)
