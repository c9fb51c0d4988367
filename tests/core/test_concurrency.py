"""Several processes (kiosk, CLI, board) share one data folder without losing a write."""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from kiosk.community import matching, membership
from kiosk.community.community import Community
from kiosk.community.door import Door
from kiosk.community.state import Clock
from kiosk.errors import Refused
from kiosk.models import Member
from kiosk.storage import files as storage
from kiosk.storage.member_files import MemberFiles, file_of
from kiosk.storage.store import Store
from tests.conftest import FakeClock

PROCESSES = 4
ROUNDS = 15
fork = multiprocessing.get_context("fork")
MEMBER_FILE = re.compile(r"[0-9a-f]{3}\.json")


def toggle_members(
    root: Path, member_ids: list[str], start: Any, report: Path, clock: Clock
) -> None:
    """Check each member in or out, ROUNDS times over, and report what was confirmed."""
    community = Community(Store.open(root), clock)
    confirmed: dict[str, Any] = {"in": [], "out": [], "refused": 0}
    start.wait()
    for _ in range(ROUNDS):
        for member_id in member_ids:
            community.refresh()
            try:
                if community.visit_of(member_id) is None:
                    confirmed["in"].append(community.check_in(member_id).id)
                else:
                    confirmed["out"].append(community.check_out(member_id).id)
            except Refused:
                # Another process got there first, between the refresh and the change.
                confirmed["refused"] += 1
    report.write_text(json.dumps(confirmed))


def run_together(
    root: Path, members_of: Callable[[int], list[str]], clock: Clock
) -> list[dict[str, Any]]:
    start = fork.Barrier(PROCESSES)
    reports = [root.parent / f"report-{n}.json" for n in range(PROCESSES)]
    workers = [
        fork.Process(target=toggle_members, args=(root, members_of(n), start, reports[n], clock))
        for n in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert [worker.exitcode for worker in workers] == [0] * PROCESSES
    return [json.loads(report.read_text()) for report in reports]


def visits_on_disk(root: Path) -> tuple[list[str], list[str]]:
    """Ids of the open visits, and of the finished ones, as a fresh reader finds them."""
    store = Store.open(root)
    here = [visit.id for visit in store.open_visits()]
    days = store.history_days()
    past = [visit.id for visit in store.past_visits(days[0], days[-1])] if days else []
    return here, past


@pytest.fixture
def community(tmp_path: Path, clock: FakeClock) -> Community:
    community = Community(Store.open(tmp_path / "data"), clock)
    for n in range(12):
        community.add_member(f"Member {n}")
    return community


def test_four_processes_each_with_their_own_members_lose_nothing(community: Community) -> None:
    # Given four processes, each checking its own three members in and out at once
    ids = [member.id for member in community.members()]
    reports = run_together(community.store.root, lambda n: ids[3 * n : 3 * n + 3], community.clock)

    # Then none was refused, and the disk holds exactly the visits they confirmed
    here, past = visits_on_disk(community.store.root)
    assert sum(report["refused"] for report in reports) == 0
    assert sorted(past) == sorted(id for report in reports for id in report["out"])
    checked_in = sorted(id for report in reports for id in report["in"])
    assert sorted(here + past) == checked_in
    assert len(checked_in) + len(past) == PROCESSES * ROUNDS * 3


def test_four_processes_racing_for_the_same_members_lose_nothing(community: Community) -> None:
    # Given four processes all checking the same three members in and out at once
    ids = [member.id for member in community.members()][:3]
    reports = run_together(community.store.root, lambda n: ids, community.clock)

    # Then every change was confirmed or refused (another process got there first),
    # none failed, and every confirmed check-out is in the history exactly once
    here, past = visits_on_disk(community.store.root)
    checked_out = [id for report in reports for id in report["out"]]
    checked_in = [id for report in reports for id in report["in"]]
    assert len(checked_in) + len(checked_out) + sum(r["refused"] for r in reports) == (
        PROCESSES * ROUNDS * 3
    )
    assert sorted(past) == sorted(checked_out)
    # And every confirmed check-in is either finished or still open, never both or lost
    assert sorted(here + past) == sorted(checked_in)
    assert len(here) <= 3


def check_in_elsewhere(root: Path, member_id: str, clock: FakeClock) -> None:
    Community(Store.open(root), clock).check_in(member_id)


def post_elsewhere(root: Path, member_id: str, clock: FakeClock) -> None:
    Community(Store.open(root), clock).post_shoutout(member_id, None, "Hello from the CLI")


def in_another_process(target: Callable[..., None], *args: Any) -> None:
    process = fork.Process(target=target, args=args)
    process.start()
    process.join(timeout=30)
    assert process.exitcode == 0


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the data files parsed from now on."""
    names: list[str] = []
    real_load = storage.load

    def counting_load(path: Path) -> dict[str, Any]:
        names.append(path.name)
        return real_load(path)

    monkeypatch.setattr(storage, "load", counting_load)
    return names


def test_a_board_sees_a_check_in_made_by_another_process(
    community: Community, parsed: list[str]
) -> None:
    # Given a board showing the community, and a member who is not here
    board = community
    zoe = board.members()[0]
    assert board.visit_of(zoe.id) is None
    parsed.clear()

    # When another process (the kiosk at the door) checks her in
    in_another_process(check_in_elsewhere, board.store.root, zoe.id, board.clock)

    # Then the board's refresh notices, and shows her, having parsed only presence.json
    assert board.refresh() is True
    assert board.visit_of(zoe.id) is not None
    assert [p.member for p in board.present()] == [zoe]
    assert parsed == ["presence.json"]


def test_a_refresh_with_nothing_new_rereads_nothing(
    community: Community, parsed: list[str]
) -> None:
    # Given a board that is up to date
    board = community
    board.refresh()
    parsed.clear()

    # When it refreshes again and again with nothing changed
    results = [board.refresh() for _ in range(20)]

    # Then it says nothing changed, and parses no file
    assert results == [False] * 20
    assert parsed == []


def test_a_shout_out_from_another_process_rereads_only_shout_outs(
    community: Community, parsed: list[str]
) -> None:
    # Given a board showing the shout-outs, and a member posting from the command line
    board = community
    zoe = board.members()[0]
    assert board.shoutouts() == []
    parsed.clear()

    # When the shout-out is posted in another process
    in_another_process(post_elsewhere, board.store.root, zoe.id, board.clock)

    # Then the board shows it after one refresh, parsing only shoutouts.json
    assert board.refresh() is True
    assert [s.text for s in board.shoutouts()] == ["Hello from the CLI"]
    assert parsed == ["shoutouts.json"]


def test_a_filing_rewrites_only_the_counted_members_own_files(
    demo_data: Path, clock: FakeClock, parsed: list[str]
) -> None:
    # Given a board holding everyone, and three members who came and went at the door
    board = Community(Store.open(demo_data), clock=clock)
    door = Community(Store.open(demo_data), clock=clock)
    came = [m for m in door.members() if door.visit_of(m.id) is None][:3]
    board.members()
    counts = {m.id: m.visits for m in came}
    for member in came:
        door.check_in(member.id)
    clock.advance(hours=1)
    for member in came:
        door.check_out(member.id)
    board.refresh()

    # When the door files their visits
    door.file_visits()
    parsed.clear()

    # Then the board rereads only the files of the three members, and sees their counts
    assert board.refresh() is True
    member_files = {name for name in parsed if MEMBER_FILE.fullmatch(name)}
    assert member_files == {file_of(m.id) for m in came}
    assert {m.id: board.member(m.id).visits for m in came} == {
        member_id: count + 1 for member_id, count in counts.items()
    }


def test_a_name_check_on_the_ui_thread_survives_a_refresh_taking_in_a_new_member(
    demo_data: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a kiosk holding everyone, and a member registered at another kiosk meanwhile
    kiosk = Community(Store.open(demo_data), clock)
    kiosk.load_everyone()
    Community(Store.open(demo_data), clock).add_member("Quentin Ashworth")

    # When, while the UI thread checks a name against everyone, the refresh worker runs
    # on its own thread and takes in the new member
    look_alike = matching.within_one_edit
    refreshes: list[threading.Thread] = []

    def worker_runs_meanwhile(wanted: str, name: str) -> bool:
        if not refreshes:
            refreshes.append(threading.Thread(target=kiosk.refresh))
            refreshes[0].start()
            refreshes[0].join()
        return look_alike(wanted, name)

    monkeypatch.setattr(membership, "within_one_edit", worker_runs_meanwhile)
    similar = kiosk.similar_names("Quentin Ashworth")

    # Then the check ends well, with everyone as they were when it began, and the next
    # check finds her
    assert refreshes and similar == []
    assert [m.name for m in kiosk.similar_names("Quentin Ashworth")] == ["Quentin Ashworth"]


REFUSED = 3


def scan_badge(kiosk: Community, code: str, deleting: Any) -> None:
    """A badge scan at the door, in a process of its own, made once the deletion has
    begun: it exits with REFUSED if it was refused."""
    deleting.wait()
    try:
        Door(kiosk, timedelta(0)).pass_badge(code)
    except Refused:
        os._exit(REFUSED)
    os._exit(0)


def test_a_badge_scanned_while_its_member_is_deleted_leaves_no_visit_of_theirs(
    community: Community, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given Ana, and a kiosk at the door that knows her badge
    ana = community.add_member("Ana Lima")
    kiosk = Community(Store.open(community.store.root), clock)
    kiosk.prepare_search()
    fork = multiprocessing.get_context("fork")
    deleting = fork.Event()
    door = fork.Process(target=scan_badge, args=(kiosk, ana.badge, deleting))
    door.start()

    # When her badge is scanned just as a host deletes her data
    removing = MemberFiles.remove

    def scanned_meanwhile(files: MemberFiles, member: Member) -> None:
        deleting.set()
        time.sleep(0.2)  # the scan waits for the data folder, which the deletion holds
        removing(files, member)

    monkeypatch.setattr(MemberFiles, "remove", scanned_meanwhile)
    community.delete_member(ana.id)
    door.join()

    # Then the scan is refused, and no visit is left open in her name
    assert door.exitcode == REFUSED
    assert Store.open(community.store.root).open_visits() == []
