"""A members' spreadsheet as hosts already have it, read into rows of the kiosk's columns.

Files come from spreadsheets (Excel, LibreOffice, Google Sheets, Numbers), from member
tools (Nexudus, OfficeRnD, Cobot, Meetup) and from Google Forms, each in its own way:
- the encoding: UTF-8 with or without a byte order mark, UTF-16 (Excel's "Unicode
  text"), or a Windows code page such as cp1252 (Excel's plain "CSV" on Windows); a byte
  order mark settles it, UTF-8 that decodes is UTF-8, and charset-normalizer tells the
  rest apart;
- the delimiter and quoting (comma, semicolon where the comma is a decimal mark, tab),
  found by the csv module's Sniffer;
- the header: matched whatever its case, spaces and punctuation, with the names these
  tools use for the same thing (`HEADER_NAMES`); First name and Last name make one name;
  columns the kiosk has no place for (Email, Phone) are ignored, and listed once.

What a cell means, and which member a row is, is decided in kiosk.exchange.members_csv.
"""

from __future__ import annotations

import codecs
import csv
import re
from dataclasses import dataclass, field

from kiosk.errors import Refused
from kiosk.exchange.spreadsheet import unguarded

HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id", "memberid", "kioskid"),
    "name": ("name", "fullname", "membername", "displayname"),
    "first_name": ("firstname", "givenname", "forename"),
    "last_name": ("lastname", "surname", "familyname"),
    "joined": (
        "joined",
        "membersince",
        "startdate",
        "joindate",
        "datejoined",
        "joinedon",
        "joinedgroupon",
        "timestamp",
    ),
    "topics": ("topics", "interests", "tags", "skills", "opentochatabout"),
    "intro": ("intro", "bio", "about", "aboutme", "introduction"),
    "pronouns": ("pronouns",),
    "ask_me_about": ("askmeabout",),
    "looking_for": ("lookingfor",),
    "learning": ("learning",),
    "mentor": ("mentor", "happytomentorin"),
    "on_board": ("onboard", "showonboard"),
    "hosts_only": ("hostsonly", "keptforhosts"),
    "named_online": ("namedonline",),
    "active": ("active",),
    "badge": ("badge", "badgecode"),
    "keyholder": ("keyholder", "haskey"),
}
"""Each column the kiosk reads, and the header names (reduced by `header_key`) it goes by."""
_COLUMN_OF = {name: column for column, names in HEADER_NAMES.items() for name in names}
_DELIMITERS = ",;\t|"
_SAMPLE = 64 * 1024
"""How much of the file the Sniffer looks at."""
_SAVE_AS = (
    "In your spreadsheet, save it with “Save as” → “CSV UTF-8 (comma delimited)” (or "
    "File → Download → CSV in Google Sheets) and import that file."
)


@dataclass(slots=True, frozen=True)
class SheetRow:
    line: int
    """The line of the file the row begins on (a quoted cell may hold line breaks)."""
    cells: dict[str, str]
    """The row's cells by the kiosk's column; first and last names made one name."""
    extra: int = 0
    """Cells with something in them beyond the header's columns."""


@dataclass(slots=True, frozen=True)
class Sheet:
    """A members' file, read: its rows in the kiosk's columns, and what was noticed."""

    rows: tuple[SheetRow, ...]
    columns: tuple[str, ...]
    """The kiosk's columns the file has, in the order of its header."""
    ignored: tuple[str, ...] = ()
    """Header names of columns the kiosk has no place for, as the file writes them."""
    encoding: str = "utf-8"
    delimiter: str = ","
    problems: tuple[str, ...] = field(default=())
    """Problems of the header, which stop the whole file."""


def header_key(name: str) -> str:
    """A header name without case, spaces or punctuation: "Member since:" is "membersince"."""
    return "".join(char for char in name.casefold() if char.isalnum())


def read_sheet(raw: bytes) -> Sheet:
    """Read a members' file as a spreadsheet or member tool wrote it; Refused, saying how
    to save the file, when it is not CSV text."""
    text, encoding = _decoded(raw)
    dialect = _dialect(text)
    reader = csv.reader(text.splitlines(keepends=True), dialect)
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    begins = 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                if header is None:
                    header = cells
                else:
                    rows.append((begins, [unguarded(cell) for cell in cells]))
            begins = reader.line_num + 1
    except csv.Error as error:
        raise Refused(
            f"Line {begins} is not CSV as spreadsheets write it ({error}). {_SAVE_AS}"
        ) from None
    if header is None:
        raise Refused("The file is empty; it needs a header row naming its columns.")
    columns, ignored, problems = _columns(header)
    return Sheet(
        rows=tuple(_row(line, cells, columns) for line, cells in rows),
        columns=tuple(column for column in columns if column is not None),
        ignored=tuple(ignored),
        encoding=encoding,
        delimiter=dialect.delimiter,
        problems=tuple(problems),
    )


def _decoded(raw: bytes) -> tuple[str, str]:
    """The file's text and the name of its encoding."""
    if raw.startswith(b"PK\x03\x04") or raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise Refused(f"This is a spreadsheet workbook (.xlsx or .xls), not a CSV file. {_SAVE_AS}")
    for mark, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(mark):
            return _decode(raw, encoding), encoding
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Late: guessing an encoding is rare, and loading its tables would slow every command.
    import charset_normalizer

    best = charset_normalizer.from_bytes(raw).best()
    if best is None or "\0" in str(best):
        raise Refused(
            "The file is not text in an encoding the kiosk can tell (UTF-8, UTF-16 or a "
            f"Windows code page such as cp1252). {_SAVE_AS}"
        )
    return str(best), best.encoding


def _decode(raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        raise Refused(
            f"The file says it is {encoding.removesuffix('-sig').upper()} but byte "
            f"{error.start} is not. {_SAVE_AS}"
        ) from None


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    """How the file separates and quotes its cells: as the Sniffer finds, or as Excel
    writes CSV when one column leaves it nothing to find."""
    try:
        return csv.Sniffer().sniff(text[:_SAMPLE], delimiters=_DELIMITERS)
    except csv.Error:
        return csv.excel


def _columns(header: list[str]) -> tuple[list[str | None], list[str], list[str]]:
    """The kiosk's column for each cell of the header (None where it has none), the
    header names ignored, and problems."""
    columns: list[str | None] = []
    ignored: list[str] = []
    problems: list[str] = []
    for cell in header:
        written = " ".join(cell.removeprefix("\ufeff").split())
        column = _COLUMN_OF.get(header_key(written))
        if column is None:
            if written:
                ignored.append(written)
        elif column in columns:
            problems.append(f"the header has two columns for {_spoken(column)}")
            column = None
        columns.append(column)
    if "name" not in columns and "first_name" not in columns:
        problems.append(
            "the header has no name column (Name, Full name, or First name and Last name), "
            "and every member needs a name"
        )
    return columns, ignored, problems


def _spoken(column: str) -> str:
    return column.replace("_", " ")


def _row(line: int, cells: list[str], columns: list[str | None]) -> SheetRow:
    named = {
        column: cell for column, cell in zip(columns, cells, strict=False) if column is not None
    }
    first, last = named.pop("first_name", "").strip(), named.pop("last_name", "").strip()
    if not named.get("name", "").strip() and (first or last):
        named["name"] = f"{first} {last}".strip()
    extra = sum(1 for cell in cells[len(columns) :] if cell.strip())
    return SheetRow(line, named, extra)


_NUMERIC_DAY = re.compile(r"\s*(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})\b")


def day_order(sheet: Sheet) -> bool | None:
    """Whether the file writes numeric dates day first (14/03/2025: True) or month first
    (03/14/2025: False), as its `joined` cells show; None when none of them tells (every
    day of the month 12 or less), or they disagree."""
    day_first = month_first = False
    for row in sheet.rows:
        match = _NUMERIC_DAY.match(row.cells.get("joined", ""))
        if match:
            day_first |= int(match[1]) > 12
            month_first |= int(match[2]) > 12
    return None if day_first == month_first else day_first
