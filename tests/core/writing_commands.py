"""The commands that write, on a small community: how each is run, and how the data is
read to tell whether it was run (see tests.folder_state, the independent reader)."""

from __future__ import annotations

import operator
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

from kiosk.cli import main as cli
from kiosk.community.community import Community
from kiosk.storage.backups import Backups
from kiosk.storage.member_files import file_of
from kiosk.storage.store import Store
from tests.conftest import FakeClock
from tests.folder_state import State, folder_files, folder_state

IMPORTED = "name,intro\nEve Ekwueme,Glass and light\nCy Chen,Fixes bikes\n"


def backed_up(root: Path) -> tuple[State, list[int], int]:
    """The data, the backups every copy of which is good, and how many backup folders
    there are (a backup stopped part way must never look like one)."""
    backups = Backups(Store(root))
    good = [b.sequence for b in backups.all() if all(not backups.verify(b, f) for f in b.files)]
    folders = [p for p in (root / "backups").iterdir() if p.name[:1].isdigit()]
    return folder_state(root), good, len(folders)


def backed_up_again(state: object, as_after: object) -> bool:
    """After a backup run again: the same data, every backup good, a new one made."""
    assert isinstance(state, tuple) and isinstance(as_after, tuple)
    data, good, folders = state
    return bool(data == as_after[0] and len(good) == folders and good[0] > 1)


@dataclass(frozen=True, slots=True)
class Case:
    """A command, how the data is read to compare before, after and in between, and
    whether doctor finds nothing wrong with the data before it (a repair's has damage)."""

    args: list[str]
    state: Callable[[Path], object] = folder_state
    sound_before: bool = True
    run_again: Callable[[object, object], bool] = operator.eq
    """Whether the state after running it again is as after one whole run."""
    repeatable: bool = True
    """Whether it may run again once it was made whole: a guest signed in twice is two
    guests, so such a command runs again only where it was stopped before its change."""


COMMANDS = {
    "check-in": Case(["checkin", "Cy Chen"]),
    "check-out": Case(["checkout", "Bo Berg"]),
    "guest": Case(["guest", "--of", "Bo Berg", "Eve Guest"], repeatable=False),
    "close-day": Case(["close-day", "--now"]),
    "import": Case(["members", "import", "IMPORTED"]),
    "merge": Case(["members", "merge", "Ana Lima", "Ana L."]),
    "delete": Case(["members", "delete", "Bo Berg", "--yes"]),
    "topics merge": Case(["topics", "merge", "3-D printing", "3D printing"]),
    "backup": Case(["backup"], backed_up, run_again=backed_up_again),
    "restore": Case(["doctor", "--restore"], folder_files, sound_before=False),
}


def small_community(root: Path, clock: FakeClock) -> Path:
    """A small community on its third day, in `root`: two days of visits filed in the
    history; today Ana came and went (her visit waits to be filed), Bo is here with a
    guest, and Ana's second record is here too; shout-outs, a question with answers, and
    today's backup made. Bo is told of his guests on a channel of his own. The CSV file
    to import is beside it. (Patch
    `attendance.FILE_AFTER` to 2 and a check-out files the waiting visits.)"""
    community = Community(Store.open(root), clock)
    ana = community.add_member("Ana Lima", ("3-D printing", "knitting"))
    bo = community.add_member("Bo Berg", ("3D printing", "rust"))
    community.add_member("Cy Chen")
    twin = community.add_member("Ana L.", ("welding",))
    for _ in range(2):
        for member in (ana, bo, twin):
            community.check_in(member.id)
            clock.advance(hours=1)
            community.check_out(member.id)
        community.file_visits()
        clock.advance(days=1)
    community.check_in(ana.id)
    clock.advance(hours=1)
    community.check_out(ana.id)
    community.edit_member(bo.id, notify="json://127.0.0.1:9/")
    community.check_in(bo.id)
    community.sign_in_guest(bo.id, "Dee Guest")
    community.check_in(twin.id)
    community.post_shoutout(ana.id, bo.id, "Thanks for the printer help!")
    community.post_shoutout(bo.id, None, "Pizza on Friday")
    community.ask("What are you making this week?")
    community.answer(bo.id, "A lamp")
    community.answer(twin.id, "A chair")
    Backups(community.store).make(clock(), UTC)
    clock.advance(hours=1)
    (root.parent / "IMPORTED").write_text(IMPORTED)
    return root


def damage(root: Path) -> None:
    """Three kinds of damage doctor --restore repairs: Cy's file cut short, a line of
    the journal (Dee's sign-in) spoiled, and a record of a shout-out spoiled."""
    [cy] = (m for m in Store(root).members.everyone() if m.name == "Cy Chen")
    cys = root / "members" / file_of(cy.id)
    cys.write_bytes(cys.read_bytes()[:30])
    journal = root / "presence.journal"
    journal.write_bytes(journal.read_bytes().replace(b'"Dee Guest"', b"7"))
    shoutouts = root / "shoutouts.json"
    shoutouts.write_bytes(shoutouts.read_bytes().replace(b'"Pizza on Friday"', b"null"))


def copy_of(root: Path, name: str) -> Path:
    copy = root.parent / name
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(root, copy, symlinks=True)
    return copy


def doctor_finds_nothing_wrong(root: Path) -> bool:
    return cli.main(["--data", str(root), "doctor"]) == 0


def arguments(case: Case, root: Path) -> list[str]:
    """The command line of `case` for the data folder `root` (the CSV file beside it)."""
    return [str(root.parent / a) if a == "IMPORTED" else a for a in case.args]
