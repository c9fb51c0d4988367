"""The house's agreements (house rules, a waiver): text files with a version, named in the
config, that each member accepts before their check-in goes through.

A member accepts every current agreement when they register, and again at their next
check-in once an agreement's version changes; who accepted which version when is kept in
the data folder (`Store.acceptances`). A host's `kiosk checkin` goes through all the same,
and says which agreement the member has not accepted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any, TextIO

from kiosk import language
from kiosk.language import N_, _
from kiosk.models import Member
from kiosk.models.agreements import Acceptance
from kiosk.text import AGREEMENT_TITLE_LIMIT, clean
from kiosk.timekeeping.opening import local_time

AGREEMENT_TEXT_LIMIT = 100_000
"""The most characters an agreement's text may have: read on a screen, not a book."""
NO_AGREEMENTS = N_(
    "The config names no agreements. Add [[agreements]] tables, each with a title, a file "
    "and a version (see config.example.toml)."
)
"""Said to a host who looks for the agreements where the config names none."""


@dataclass(slots=True, frozen=True)
class Agreement:
    """One of the house's agreements, as the config names it."""

    title: str
    version: str
    text: str
    """As read from its file, every line cleaned of control characters."""
    file: Path


def read_agreements(config: Path, tables: Any) -> tuple[Agreement, ...]:
    """The agreements the config's [[agreements]] tables name, each file read relative to
    the `config` file; ValueError saying what is wrong (in config terms)."""
    if type(tables) is not list or not all(type(table) is dict for table in tables):
        raise ValueError(
            _(
                "'agreements' should be tables written [[agreements]], each with a title, a "
                "file and a version"
            )
        )
    agreements = [_agreement(config, number, table) for number, table in enumerate(tables, 1)]
    titles = [agreement.title.casefold() for agreement in agreements]
    if len(set(titles)) != len(titles):
        raise ValueError(_("two agreements have the same title; give each its own"))
    return tuple(agreements)


def _agreement(config: Path, number: int, table: dict[str, Any]) -> Agreement:
    # Translators: which of the config file's [[agreements]] a sentence is about.
    where = _("agreement {number}").format(number=number)
    unknown = set(table) - {"title", "file", "version"}
    if unknown:
        raise ValueError(
            _("{where} has an unknown key '{key}'; its keys are title, file and version").format(
                where=where, key=sorted(unknown)[0]
            )
        )
    title, version, file = table.get("title"), table.get("version"), table.get("file")
    if type(title) is not str or not 0 < len(clean(title)) <= AGREEMENT_TITLE_LIMIT:
        raise ValueError(
            _("{where} needs a 'title' of 1 to {limit} characters, like \"House rules\"").format(
                where=where, limit=AGREEMENT_TITLE_LIMIT
            )
        )
    where = _("the agreement '{title}'").format(title=clean(title))
    if type(version) is int and version >= 0:
        version = str(version)
    if type(version) is not str or not 0 < len(clean(version)) <= AGREEMENT_TITLE_LIMIT:
        raise ValueError(_("{where} needs a 'version', like 1 or \"2026-03\"").format(where=where))
    if type(file) is not str or not file.strip() or "\0" in file:
        raise ValueError(
            _("{where} needs a 'file' holding its text, like \"house-rules.txt\"").format(
                where=where
            )
        )
    path = config.parent / Path(file).expanduser()
    try:
        if path.exists() and not path.is_file():  # a FIFO would never be done opening
            raise ValueError(
                _("{where}: its file {path} is not a file").format(where=where, path=path)
            )
        with path.open(encoding="utf-8") as opened:
            raw = opened.read(AGREEMENT_TEXT_LIMIT + 1)
    except FileNotFoundError:
        raise ValueError(
            _("{where}: its file {path} does not exist").format(where=where, path=path)
        ) from None
    except OSError as error:
        raise ValueError(
            _("{where}: its file {path} cannot be read ({problem})").format(
                where=where, path=path, problem=error.strerror
            )
        ) from None
    except UnicodeDecodeError:
        raise ValueError(
            _("{where}: its file {path} is not UTF-8 text").format(where=where, path=path)
        ) from None
    if len(raw) > AGREEMENT_TEXT_LIMIT:
        raise ValueError(
            _("{where}: its file {path} is longer than {limit} characters").format(
                where=where, path=path, limit=language.number(AGREEMENT_TEXT_LIMIT)
            )
        )
    body = "\n".join(clean(line) for line in raw.splitlines()).strip()
    if not body:
        raise ValueError(_("{where}: its file {path} is empty").format(where=where, path=path))
    return Agreement(clean(title), clean(version), body, path)


def pending(
    agreements: Sequence[Agreement], acceptances: Iterable[Acceptance], member_id: str
) -> tuple[Agreement, ...]:
    """The agreements whose current version the member has not accepted."""
    accepted = {
        (acceptance.agreement, acceptance.version)
        for acceptance in acceptances
        if acceptance.member_id == member_id
    }
    return tuple(a for a in agreements if (a.title, a.version) not in accepted)


def accepting(member_id: str, agreements: Iterable[Agreement], at: datetime) -> list[Acceptance]:
    """The member's acceptances of `agreements`, as they are now, at `at`."""
    return [Acceptance(member_id, a.title, a.version, at) for a in agreements]


def not_accepted(
    agreements: Sequence[Agreement], acceptances: Sequence[Acceptance], members: Iterable[Member]
) -> dict[str, list[Member]]:
    """For each agreement's title, the active members who have not accepted its current
    version, by name."""
    accepted = {(a.agreement, a.version, a.member_id) for a in acceptances}
    active = sorted((m for m in members if m.active), key=lambda m: m.name.casefold())
    return {
        agreement.title: [
            m for m in active if (agreement.title, agreement.version, m.id) not in accepted
        ]
        for agreement in agreements
    }


def write_acceptances(
    file: TextIO, acceptances: Sequence[Acceptance], names: Mapping[str, str], zone: tzinfo
) -> int:
    """Write the record of acceptances as CSV to `file` (opened with newline=""), each
    member by the name `names` gives their id; returns its rows."""
    from kiosk.exchange.spreadsheet import write_rows  # late: the settings never write CSV

    return write_rows(
        file,
        ("member", "agreement", "version", "accepted"),
        (
            (
                names.get(a.member_id, a.member_id),
                a.agreement,
                a.version,
                local_time(a.accepted, zone).isoformat(timespec="seconds"),
            )
            for a in acceptances
        ),
    )
