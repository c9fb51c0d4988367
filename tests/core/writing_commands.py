"""The commands that write, on a small community: how each is run, and how the data is
read to tell whether it was run (see tests.folder_state, the independent reader)."""

from __future__ import annotations

import operator
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

from kiosk.cli import main as cli
from kiosk.cli.commands import running
from kiosk.community.community import Community
from kiosk.errors import KioskError
from kiosk.safety.agreements import Agreement
from kiosk.safety.house_agreements import HouseAgreements
from kiosk.safety.roll_call import RollCall
from kiosk.storage.backups import Backups
from kiosk.storage.member_files import file_of
from kiosk.storage.store import Store
from tests.conftest import FakeClock
from tests.core.crash_points import Writer
from tests.folder_state import State, folder_files, folder_state

IMPORTED = "name,intro\nEve Ekwueme,Glass and light\nCy Chen,Fixes bikes\n"
CHANNELS = '[notify]\nhosts = "json://127.0.0.1:9/hosts"\n[chat]\nurl = "json://127.0.0.1:9/"\n'
"""A config with the hosts' channel and the space's chat, neither reachable."""
BESIDE = ("IMPORTED", "CHANNELS")
"""The files beside the data folder that commands are given, by these names."""


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

    args: list[str] | Writer
    """The command line, or a writer of the kiosk's own (see `kiosk_writer`)."""
    state: Callable[[Path], object] = folder_state
    sound_before: bool = True
    run_again: Callable[[object, object], bool] = operator.eq
    """Whether the state after running it again is as after one whole run."""
    repeatable: bool = True
    """Whether it may run again once it was made whole: a guest signed in twice is two
    guests, so such a command runs again only where it was stopped before its change."""


def invited_again(state: object, as_after: object) -> bool:
    """After an invitation made again: as after one run, or with a second invitation of
    the same guest besides (inviting is not undone by inviting again)."""
    assert isinstance(state, dict) and isinstance(as_after, dict)
    invitations = "invitations.json"
    mine = state.get(invitations, {}).get("invitations", [])
    once = as_after.get(invitations, {}).get("invitations", [])
    same_otherwise = {k: v for k, v in state.items() if k != invitations} == {
        k: v for k, v in as_after.items() if k != invitations
    }
    return same_otherwise and set(once) <= set(mine) and len(mine) - len(once) in (0, 1)


HOUSE_RULES = Agreement("House rules", "2", "Put the tools back.", Path("house-rules.txt"))


def kiosk_writer(write: Callable[[Community], object]) -> Writer:
    """A change the kiosk makes (no command makes it), run as a command is: on the data
    folder, by the commands' clock, a refusal said on stderr with its exit code."""

    def run(root: Path) -> int:
        try:
            write(Community(Store.open(root), running.now))
        except KioskError as error:
            print(f"kiosk: {error}", file=sys.stderr)
            return error.exit_code
        return 0

    return run


def cy_agrees_at_the_door(community: Community) -> None:
    """Cy accepts the house rules his badge brought up, which checks him in, as the
    kiosk's badge desk does; nothing when he has accepted them already."""
    agreements = HouseAgreements((HOUSE_RULES,), community)
    cy = community.find("Cy Chen")
    due = agreements.due(cy.id)
    if due:
        agreements.admit(cy.id, due, lambda: community.check_in(cy.id))


def twin_ticked_off(community: Community) -> None:
    """A host ticks Ana's second record off the roll call, as the console does."""
    twin = community.visit_of(community.find("Ana L.").id)
    assert twin is not None
    here = [presence.visit.id for presence in community.present_for_hosts()]
    RollCall(community.store).tick(twin.id, True, community.clock(), here)


COMMANDS = {
    "check-in": Case(["checkin", "Cy Chen"]),
    "check-out": Case(["checkout", "Bo Berg"]),
    "guest": Case(["guest", "--of", "Bo Berg", "Eve Guest"], repeatable=False),
    "guest, the hosts and the chat told": Case(
        ["--config", "CHANNELS", "guest", "--of", "Bo Berg", "Eve Guest"], repeatable=False
    ),
    "close-day": Case(["close-day", "--now"]),
    "import": Case(["members", "import", "IMPORTED"]),
    "merge": Case(["members", "merge", "Ana Lima", "Ana L."]),
    "delete": Case(["members", "delete", "Bo Berg", "--yes"]),
    "topics merge": Case(["topics", "merge", "3-D printing", "3D printing"]),
    "backup": Case(["backup"], backed_up, run_again=backed_up_again),
    "restore": Case(["doctor", "--restore"], folder_files, sound_before=False),
    "induction": Case(["inductions", "add", "Cy Chen", "Lathe", "--by", "Bo Berg"]),
    "invite": Case(
        ["invite", "Eve Visitor", "--of", "Ana Lima", "--on", "tomorrow"],
        run_again=invited_again,
    ),
    "roll-call tick": Case(kiosk_writer(twin_ticked_off)),
    "roll-call clear": Case(["roll-call", "--clear"]),
    "agreement": Case(kiosk_writer(cy_agrees_at_the_door)),
}


def small_community(root: Path, clock: FakeClock) -> Path:
    """A small community on its third day, in `root`: two days of visits filed in the
    history; today Ana came and went (her visit waits to be filed), Bo is here with a
    guest (Bo ticked off the roll call), and Ana's second record is here too; shout-outs,
    a question with answers, and today's backup made. Bo is told of his guests on a
    channel of his own. The CSV file to import, and a config naming the hosts' channel and
    the chat, are beside it. (Patch `attendance.FILE_AFTER` to 2 and a check-out files the
    waiting visits.)"""
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
    bos = community.visit_of(bo.id)
    assert bos is not None
    here = [presence.visit.id for presence in community.present_for_hosts()]
    RollCall(community.store).tick(bos.id, True, clock(), here)
    Backups(community.store).make(clock(), UTC)
    clock.advance(hours=1)
    (root.parent / "IMPORTED").write_text(IMPORTED)
    (root.parent / "CHANNELS").write_text(CHANNELS)
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


def arguments(case: Case, root: Path) -> list[str] | Writer:
    """The command line of `case` for the data folder `root` (the CSV file beside it), or
    its writer."""
    if callable(case.args):
        return case.args
    return [str(root.parent / a) if a in BESIDE else a for a in case.args]
