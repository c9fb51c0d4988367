"""Who is here is kept as a snapshot and a journal: one flushed line a check-in, whole or
not there at all, compacted now and then, read by other processes a line at a time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.community.community import Community
from kiosk.errors import DataError
from kiosk.storage import journal
from kiosk.storage.store import Store


@pytest.fixture
def here(community: Community) -> Community:
    """Three members, two of them checked in (the journal has lines)."""
    for name in ("Ana Lima", "Bo Berg", "Cy Chen"):
        community.add_member(name)
    for member in community.members()[:2]:
        community.check_in(member.id)
    return community


def journal_of(community: Community) -> Path:
    return community.store.root / "presence.journal"


def test_a_check_in_appends_one_line_and_rewrites_no_file(here: Community) -> None:
    snapshot = (here.store.root / "presence.json").read_bytes()
    lines = journal_of(here).read_bytes().count(b"\n")
    cy = here.find("Cy Chen")
    here.check_in(cy.id)
    assert (here.store.root / "presence.json").read_bytes() == snapshot
    assert journal_of(here).read_bytes().count(b"\n") == lines + 1
    assert Community(Store.open(here.store.root), here.clock).visit_of(cy.id) is not None


def test_a_line_cut_short_by_a_power_cut_was_never_made_and_is_cut_away(here: Community) -> None:
    # Given a last line a power cut left without its line break (never confirmed)
    torn = b'{"g":"' + b"x" * 30
    with journal_of(here).open("ab") as file:
        file.write(torn)

    # Then readers leave it out, and the next change cuts it away before its own line
    fresh = Community(Store.open(here.store.root), here.clock)
    assert fresh.here_count() == 2
    fresh.check_in(fresh.find("Cy Chen").id)
    assert torn not in journal_of(here).read_bytes()
    assert all(json.loads(line) for line in journal_of(here).read_bytes().splitlines())
    assert Community(Store.open(here.store.root), here.clock).here_count() == 3


@pytest.mark.parametrize("length", [30, (1 << 16) - 1, 1 << 16, 200_000])
def test_a_line_cut_short_costs_only_its_own_change_however_long_it_is(
    here: Community, length: int
) -> None:
    # Given two confirmed check-ins, then a long change (closing the day for a crowd)
    # cut short by a power cut before its line break
    confirmed = journal_of(here).read_bytes()
    with journal_of(here).open("ab") as file:
        file.write(b'{"g":"' + b"x" * length)

    # When the next member checks in
    fresh = Community(Store.open(here.store.root), here.clock)
    fresh.check_in(fresh.find("Cy Chen").id)

    # Then both confirmed check-ins are kept, with hers after them, and only the
    # unconfirmed change is gone
    lines = journal_of(here).read_bytes()
    assert lines.startswith(confirmed)
    assert lines.count(b"\n") == confirmed.count(b"\n") + 1
    assert Community(Store.open(here.store.root), here.clock).here_count() == 3


def test_another_process_reads_only_what_was_added(here: Community) -> None:
    board = Community(Store.open(here.store.root), here.clock)
    board.here_count()
    here.check_in(here.find("Cy Chen").id)
    assert board.refresh() is True
    assert board.here_count() == 3
    assert board.refresh() is False


def test_a_reader_racing_a_compaction_reads_again_instead_of_calling_it_damage(
    here: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a board that has read the journal so far, and one more check-in since
    board = Community(Store.open(here.store.root), here.clock)
    assert board.here_count() == 2
    cy = here.find("Cy Chen")
    here.check_in(cy.id)

    # When, just as the board reads on, the kiosk compacts the journal and writes more
    # changes into it than the board had read, so the board's place lands mid-line
    reading = journal._read_from

    def compacted_meanwhile(path: Path, offset: int) -> bytes:
        monkeypatch.setattr(journal, "_read_from", reading)
        here.store.presence.compact()
        for _ in range(3):
            here.check_out(cy.id)
            here.check_in(cy.id)
        return reading(path, offset)

    monkeypatch.setattr(journal, "_read_from", compacted_meanwhile)

    # Then the board reads both files afresh, and finds the journal whole
    assert board.refresh() is True
    assert board.here_count() == 3
    assert Store.open(here.store.root).problems() == []


def test_a_long_journal_is_compacted_and_nothing_is_lost(
    here: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(journal, "COMPACT_AFTER", 600)
    cy = here.find("Cy Chen")
    for _ in range(10):
        here.check_in(cy.id)
        here.check_out(cy.id)
    assert journal_of(here).stat().st_size < 1200
    fresh = Community(Store.open(here.store.root), here.clock)
    assert fresh.here_count() == 2
    assert len(fresh.store.unfiled_visits()) == 10


def test_a_snapshot_put_back_from_a_backup_ignores_the_journal_of_another(
    here: Community,
) -> None:
    # Given the snapshot as it was, then more check-ins written to the journal
    saved = (here.store.root / "presence.json").read_bytes()
    here.check_in(here.find("Cy Chen").id)
    here.store.presence.compact()
    here.check_out(here.find("Cy Chen").id)

    # When the older snapshot is put back, the journal's lines are not applied to it
    (here.store.root / "presence.json").write_bytes(saved)
    in_it = len(json.loads(saved)["visits"])
    assert Community(Store.open(here.store.root), here.clock).here_count() == in_it


def test_a_damaged_line_in_the_middle_is_reported(here: Community) -> None:
    lines = journal_of(here).read_bytes().splitlines(keepends=True)
    journal_of(here).write_bytes(b"{not json}\n" + b"".join(lines))
    with pytest.raises(DataError, match=r"presence\.journal is damaged: its line 1"):
        Community(Store.open(here.store.root), here.clock)
    # And the snapshot, which is fine, is not taken for damaged with it
    assert [p.path.name for p in Store.open(here.store.root).problems()] == ["presence.journal"]


def test_a_change_writes_what_it_edited_however_it_edited_it(tmp_path: Path) -> None:
    # Given a journaled file with a few documents in two tables
    path = tmp_path / "presence.json"
    written = journal.JournaledFile(path, {})
    with written.changing() as tables:
        tables["visits"] = {str(n): {"n": n} for n in range(1, 6)}
        tables["outbox"] = {"1": {"n": 1}, "2": {"n": 2}}
        tables["dropped"] = {"1": {"n": 1}}
    # When one change edits them every way an edit can be made
    with written.changing() as tables:
        visits = tables["visits"]
        visits["6"] = {"n": 6}
        del visits["1"]
        visits.pop("2")
        visits |= {"3": {"n": 33}}
        outbox = tables.setdefault("outbox", {})
        outbox["2"] = {"n": 22}
        tables["news"] = {"1": {"n": 1}}
        del tables["dropped"]
        expected = {name: dict(docs) for name, docs in tables.items()}
    # Then its one line carries all of it: another reader finds what the change made (a
    # table with every document removed is an empty one)
    found = journal.JournaledFile(path, {}).tables()
    assert {name: docs for name, docs in found.items() if docs} == expected
    assert [
        line.count(b'"ops"') for line in (tmp_path / "presence.journal").read_bytes().splitlines()
    ] == [1]
