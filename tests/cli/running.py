"""Running `kiosk ...` in-process and capturing what it printed."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from kiosk.cli import main as cli
from kiosk.notices.delivery import deliver
from kiosk.notices.sending import send
from kiosk.storage.store import Store


@dataclass(frozen=True, slots=True)
class Result:
    """What one run of the command printed, and how it ended."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


class Kiosk:
    """`kiosk("checkin", "Zoë")` runs `kiosk checkin Zoë` and returns its Result."""

    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self._capsys = capsys

    def __call__(self, *args: str) -> Result:
        try:
            code = cli.main(list(args))
        except SystemExit as exit:  # argparse stops this way on a usage error
            code = exit.code if isinstance(exit.code, int) else 1
        captured = self._capsys.readouterr()
        return Result(code, captured.out, captured.err)

    def add_member(self, name: str, *options: str) -> str:
        """Register a member and return the printed id."""
        added = self("members", "add", name, *options)
        assert added.code == 0, added.err
        assert re.fullmatch(r"m[0-9a-f]{6}\n", added.out)
        return added.out.strip()


def delivered(data: Path, clock: Callable[[], datetime]) -> None:
    """What the background delivery of the outbox in `data` would do, here and on the
    test clock."""
    deliver(Store.open(data), clock, send, lambda seconds: None)


def spoil_notice(data: Path, table: str, mentioning: str, field: str, value: object) -> None:
    """A hand edit of presence.json and presence.journal: in the records of the outbox's
    `table` that mention `mentioning`, `field` set to `value`."""

    def spoil(name: str, doc: dict[str, Any] | None) -> None:
        if name == table and doc is not None and mentioning in json.dumps(doc):
            doc[field] = value

    snapshot = data / "presence.json"
    tables = json.loads(snapshot.read_text())
    for doc in tables.get(table, {}).values():
        spoil(table, doc)
    snapshot.write_text(json.dumps(tables))
    journal = data / "presence.journal"
    lines = []
    for line in journal.read_bytes().splitlines():
        change = json.loads(line)
        for name, _, doc in change["ops"]:
            spoil(name, doc)
        lines.append(json.dumps(change).encode() + b"\n")
    journal.write_bytes(b"".join(lines))
