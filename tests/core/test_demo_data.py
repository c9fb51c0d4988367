"""`kiosk demo` fills an empty data folder with a community that loads like any other."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kiosk.cli.main import main
from kiosk.community.community import Community
from kiosk.storage.store import Store
from tests.conftest import FakeClock


def test_a_synthetic_community_with_history_is_seeded_and_loads(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    clock: FakeClock,
) -> None:
    # When a host seeds 45 members with 30 days of history into an empty folder
    root = tmp_path / "data"
    code = main(["--data", str(root), "demo", "--members", "45", "--history-days", "30"])

    # Then it says what it made, every file loads, and the history spans those 30 days
    assert code == 0
    assert capsys.readouterr().out == f"Seeded 45 members and 150 past visits in {root}.\n"
    store = Store.open(root)
    assert store.problems() == []
    community = Community(store, clock)
    assert len(community.members()) == 45
    assert len(store.history_days()) == 30
    assert len(list(community.past_visits(date.min, date.max))) == 150
    assert community.here_count() == 2


def test_the_friendly_demo_community_loads(tmp_path: Path, clock: FakeClock) -> None:
    # When the small demo community is seeded
    assert main(["--data", str(tmp_path / "data"), "demo"]) == 0

    # Then it has members, people here and shout-outs
    community = Community(Store.open(tmp_path / "data"), clock)
    assert len(community.members()) == 30
    assert community.present() and community.shoutouts()


def test_demo_data_never_goes_over_existing_data(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    clock: FakeClock,
) -> None:
    # Given a folder that already holds a community, and a plain file
    root = tmp_path / "data"
    Community(Store.open(root), clock).add_member("Zoë Martin")
    before = {path: path.read_bytes() for path in root.rglob("*.json")}
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder")

    # When demo data is asked for there, then it is refused and nothing is touched
    for target in (root, a_file):
        assert main(["--data", str(target), "demo", "--members", "5"]) == 1
        assert "demo data only goes into an empty data folder" in capsys.readouterr().err
    assert {path: path.read_bytes() for path in root.rglob("*.json")} == before
    assert a_file.read_text() == "not a folder"
