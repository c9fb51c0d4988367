"""Whether a data file reads as good data, whichever kind of file it is."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosk.errors import DataError
from kiosk.models import Member, Visit
from kiosk.models.agreements import Acceptance
from kiosk.models.conversation import Answer, Question, ShoutOut
from kiosk.models.events import CachedFeed, HostedEvent
from kiosk.models.inductions import Induction, Inductor
from kiosk.models.invitations import Invitation
from kiosk.models.notices import Notice, Told
from kiosk.storage.datafile import DataFile, damaged_record
from kiosk.storage.files import parse, read_regular
from kiosk.storage.here_now import VISITS
from kiosk.storage.journal import Reads, read_line
from kiosk.storage.member_files import pointer_of


@dataclass(slots=True, frozen=True)
class DataProblem:
    """A data file that cannot be read."""

    path: Path
    message: str
    newer: bool = False
    """Written by a newer kiosk: not damaged, so no backup should replace it."""

    def __str__(self) -> str:
        return self.message


def check(path: Path) -> None:
    """Raise DataError unless the file at `path` loads and every record in it is complete.
    presence.json is checked alone, and its journal's lines on their own: damage in one
    is never taken for damage in the other."""
    if kind_of(path) == "journal":
        check_journal(read_regular(path), path, PRESENCE)
        return
    data_file = DataFile(path)
    data_file.tables()  # a file with no records still has to parse
    for table, read in RECORDS.get(kind_of(path), {}).items():
        data_file.records(table, read)


def check_bytes(raw: bytes, path: Path) -> None:
    """Raise DataError unless `raw`, meant to be the file at `path`, is good data."""
    if kind_of(path) == "journal":
        check_journal(raw, path, PRESENCE)
        return
    data = parse(raw, path)
    for table, read in RECORDS.get(kind_of(path), {}).items():
        try:
            for doc in data.get(table, {}).values():
                read(doc)
        except (KeyError, TypeError, ValueError) as error:
            raise damaged_record(path, table, error) from error


def check_journal(raw: bytes, path: Path, reads: Reads) -> None:
    """Raise DataError unless every whole line of a journal is a change the kiosk wrote."""
    bad = sort_lines(raw, path, reads)[1]
    if bad:
        raise bad[0].error


@dataclass(frozen=True, slots=True)
class BadLine:
    """A whole line of a journal that is not a change the kiosk wrote."""

    number: int
    """From 1, as an editor counts."""
    raw: bytes
    error: DataError


def sort_lines(raw: bytes, path: Path, reads: Reads) -> tuple[list[bytes], list[BadLine]]:
    """A journal's whole lines, each with its line break: the good ones, and the bad.
    A last line without its line break was never confirmed and is in neither."""
    good: list[bytes] = []
    bad: list[BadLine] = []
    end = raw.rfind(b"\n") + 1
    for number, line in enumerate(raw[:end].splitlines(keepends=True)):
        try:
            read_line(line, path, number, reads)
            good.append(line)
        except DataError as error:
            bad.append(BadLine(number + 1, line, error))
    return good, bad


RECORDS: dict[str, Reads] = {
    "members": {"members": Member.from_doc, "names": pointer_of},
    # The outbox's tables live in presence, so a visit and the news of it are one change.
    "presence": {
        **VISITS,
        "outbox": Notice.from_doc,
        "dropped": Notice.from_doc,
        "news": Told.from_doc,
    },
    "shoutouts": {"shoutouts": ShoutOut.from_doc},
    "questions": {"question": Question.from_doc, "answers": Answer.from_doc},
    "history": {"visits": Visit.from_doc},
    "inductions": {"inductions": Induction.from_doc, "inductors": Inductor.from_doc},
    "invitations": {"invitations": Invitation.from_doc},
    "agreements": {"acceptances": Acceptance.from_doc},
    "events": {"events": HostedEvent.from_doc},
    "calendar-feeds": {"feeds": CachedFeed.from_doc},
}
"""The tables each kind of data file holds, and how their records are read."""
PRESENCE = RECORDS["presence"]


def kind_of(path: Path) -> str:
    if path.suffix == ".journal":
        return "journal"
    if path.parent.name in ("members", "history"):
        return path.parent.name
    return path.stem
