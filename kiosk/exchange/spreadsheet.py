"""CSV files that hosts open in a spreadsheet: written with the csv module, and no cell
that a spreadsheet would run as a formula.

A cell beginning with = + - @ (or a tab or carriage return) gets a leading apostrophe,
which spreadsheets show as text and do not display; reading a file back takes it off
again. Write to a file opened with `newline=""` and `encoding="utf-8"` (or "utf-8-sig",
whose mark tells some spreadsheets that the file is UTF-8).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guarded(cell: str) -> str:
    """`cell` as a spreadsheet will show it and never run it."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def unguarded(cell: str) -> str:
    """A cell read back from a file `guarded` wrote: without the apostrophe it added."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell


def write_rows(file: TextIO, header: Sequence[str], rows: Iterable[Sequence[str]]) -> int:
    """Write `header` and then `rows`, every cell guarded; returns how many rows (without
    the header) were written."""
    writer = csv.writer(file)
    writer.writerow(header)
    written = 0
    for row in rows:
        writer.writerow([guarded(cell) for cell in row])
        written += 1
    return written
