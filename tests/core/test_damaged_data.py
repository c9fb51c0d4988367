"""A damaged file is reported, kept as it is, and only replaced when a host asks for it."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.community import Community
from kiosk.config import Config
from kiosk.errors import DataError
from kiosk.storage import write_atomically
from kiosk.store import Store

TODAY = date(2025, 3, 14)


def cut_short(path: Path) -> None:
    """Damage a file in place, as a failing disk or an editor would."""
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def from_a_newer_kiosk(path: Path) -> None:
    write_atomically(path, b'{"_meta": {"1": {"schema": 99}}, "members": {}}')


DAMAGE: dict[str, tuple[Callable[[Path], None], str]] = {
    "cut short": (cut_short, "is damaged: it is cut short"),
    "newer schema": (from_a_newer_kiosk, "newer kiosk (data schema 99"),
}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A data folder with two members, one of them here, backed up today."""
    community = Community(Store.open(tmp_path / "data"))
    zoe = community.add_member("Zoë Martin", ("design",))
    community.add_member("Björn Andersson")
    community.check_in(zoe.id)
    community.store.backup(TODAY)
    return community.store.root


@pytest.fixture(params=sorted(DAMAGE))
def damaged(request: pytest.FixtureRequest, root: Path) -> tuple[Path, bytes, str]:
    """members.json, damaged one way or another: (path, its bytes now, the problem)."""
    damage, problem = DAMAGE[request.param]
    path = root / "members.json"
    damage(path)
    return path, path.read_bytes(), problem


def test_opening_damaged_data_is_refused_naming_file_problem_and_backup(
    root: Path, damaged: tuple[Path, bytes, str]
) -> None:
    path, damaged_bytes, problem = damaged

    # When the kiosk, or a script, opens the data folder
    for opening in (lambda: Store.open(root), lambda: Community.open(Config(data_dir=root))):
        with pytest.raises(DataError) as refused:
            opening()

        # Then it is refused, naming the file, what is wrong and the newest good backup
        message = str(refused.value)
        assert str(path) in message
        assert problem in message
        assert str(root / "backups" / TODAY.isoformat() / "members.json") in message
        assert ("kiosk doctor --restore" in message) != ("Update the kiosk" in message)

    # And the damaged file is left exactly as it was
    assert path.read_bytes() == damaged_bytes


def test_without_a_backup_the_refusal_says_so(tmp_path: Path) -> None:
    # Given a data folder never backed up, whose members file is damaged
    community = Community(Store.open(tmp_path / "data"))
    community.add_member("Zoë Martin")
    path = community.store.members.path
    cut_short(path)

    # When it is opened, then the refusal says there is no backup
    with pytest.raises(DataError, match="There is no backup of it yet"):
        Store.open(community.store.root)


@pytest.mark.parametrize("command", [[], ["present"], ["members", "list"], ["checkin", "Zoë"]])
def test_the_command_line_refuses_damaged_data_with_exit_2(
    root: Path,
    damaged: tuple[Path, bytes, str],
    command: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, damaged_bytes, problem = damaged

    # When the kiosk (no command) or a command is run on the damaged folder
    code = main(["--data", str(root), *command])

    # Then it stops with exit code 2 and a message naming the file, with no traceback
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("kiosk: ")
    assert str(path) in err and problem in err
    assert "Traceback" not in err
    assert path.read_bytes() == damaged_bytes


def test_doctor_names_the_damaged_file_and_exits_1(
    root: Path, damaged: tuple[Path, bytes, str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, damaged_bytes, problem = damaged

    # When a host runs `kiosk doctor`
    code = main(["--data", str(root), "doctor"])

    # Then it names the file and its problem, says what to do, and changes nothing
    out = capsys.readouterr().out
    assert code == 1
    assert str(path) in out and problem in out
    assert "kiosk doctor --restore" in out or "Update the kiosk" in out
    assert path.read_bytes() == damaged_bytes


def test_doctor_restore_puts_the_backup_back_and_keeps_the_damaged_file(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = root / "members.json"
    cut_short(path)
    damaged_bytes = path.read_bytes()
    backup = root / "backups" / TODAY.isoformat() / "members.json"

    # When a host runs `kiosk doctor --restore`
    code = main(["--data", str(root), "doctor", "--restore"])

    # Then the backup is back in place, the damaged file is kept beside it, all is well
    assert code == 0
    assert f"Restored from {backup}" in capsys.readouterr().out
    assert path.read_bytes() == backup.read_bytes()
    [aside] = root.glob("members.json.damaged-*")
    assert aside.read_bytes() == damaged_bytes
    assert main(["--data", str(root), "doctor"]) == 0
    assert [m.name for m in Community.open(Config(data_dir=root)).members()] == [
        "Björn Andersson",
        "Zoë Martin",
    ]


def test_doctor_never_restores_over_a_file_from_a_newer_kiosk(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given members.json written by a newer kiosk
    path = root / "members.json"
    from_a_newer_kiosk(path)
    newer_bytes = path.read_bytes()

    # When a host runs `kiosk doctor --restore`
    code = main(["--data", str(root), "doctor", "--restore"])

    # Then it says to update the kiosk, and the newer data stays exactly as it was
    assert code == 1
    assert "Update the kiosk to read it" in capsys.readouterr().out
    assert path.read_bytes() == newer_bytes
    assert not list(root.glob("members.json.damaged-*"))


def test_a_damaged_history_day_is_found_by_doctor(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a visit in the history, and that day's file then damaged
    community = Community(Store.open(root))
    visit = community.check_out(community.find("Zoë Martin").id)
    day_file = community.store.history_file(visit.since.date()).path
    cut_short(day_file)

    # When a host runs `kiosk doctor`, then the day file is named
    assert main(["--data", str(root), "doctor"]) == 1
    assert str(day_file) in capsys.readouterr().out


def test_a_record_with_a_missing_field_is_damage_named_at_start_and_by_doctor(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a member whose record lost its join date, written whole (valid JSON)
    path = root / "members.json"
    data = json.loads(path.read_text())
    del next(iter(data["members"].values()))["joined"]
    write_atomically(path, json.dumps(data).encode())

    # Then opening refuses it, naming the file and the newest backup
    with pytest.raises(DataError) as refused:
        Community.open(Config(data_dir=root))
    assert f"{path} is damaged: a record in its members is incomplete" in str(refused.value)
    assert "kiosk doctor --restore" in str(refused.value)

    # And doctor finds it too
    assert main(["--data", str(root), "doctor"]) == 1
    assert str(path) in capsys.readouterr().out


def test_a_damaged_history_day_a_check_out_needs_stops_the_kiosk_at_start(root: Path) -> None:
    # Given today's history, which Zoë's check-out would write to, cut short
    community = Community(Store.open(root))
    zoe = community.find("Zoë Martin")
    visit = community.check_out(zoe.id)
    community.check_in(zoe.id)
    day_file = community.store.history_file(visit.since.date()).path
    cut_short(day_file)

    # Then the kiosk refuses to start, naming that file
    with pytest.raises(DataError) as refused:
        Community.open(Config(data_dir=root))
    assert str(day_file) in str(refused.value)
