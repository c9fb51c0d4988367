"""A damaged file is reported, kept as it is, and only replaced when a host asks for it.

Damage here is what a failing disk, a careless hand edit or another program leaves: a file
cut short, one from a newer kiosk, a record with a wrong type, JSON nested too deeply, a
FIFO or a link in place of a file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.cli.main import main
from kiosk.community.community import Community
from kiosk.config import Config
from kiosk.errors import DataError
from kiosk.models import Member, Visit
from kiosk.models.conversation import Answer, ShoutOut
from kiosk.storage.backups import Backups
from kiosk.storage.datafile import damaged_record
from kiosk.storage.files import write_atomically
from kiosk.storage.member_files import file_of as member_file_of
from kiosk.storage.member_files import name_key
from kiosk.storage.store import Store
from tests.conftest import FakeClock

NOW = datetime(2025, 3, 14, 9, 0, tzinfo=UTC)


def cut_short(path: Path) -> None:
    """Damage a file in place, as a failing disk or an editor would."""
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def from_a_newer_kiosk(path: Path) -> None:
    write_atomically(path, b'{"_meta": {"1": {"schema": 99}}, "members": {}}')


def nested_too_deeply(path: Path) -> None:
    path.write_text('{"members": ' + "[" * 1100 + "]" * 1100 + "}")


def a_fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def a_link(path: Path) -> None:
    elsewhere = path.parent.parent / "elsewhere.json"
    os.replace(path, elsewhere)
    path.symlink_to(elsewhere)


DAMAGE: dict[str, tuple[Callable[[Path], None], str]] = {
    "cut short": (cut_short, "is damaged: it is cut short"),
    "newer schema": (from_a_newer_kiosk, "newer kiosk (data schema 99"),
    "nested too deeply": (nested_too_deeply, "is damaged: it is nested too deeply"),
    "a FIFO": (a_fifo, "is damaged: it is not a regular file"),
    "a link": (a_link, "is damaged: it is a link, not a file"),
}


@pytest.fixture
def root(tmp_path: Path, clock: FakeClock) -> Path:
    """A data folder with two members, Zoë here, backed up."""
    community = Community(Store.open(tmp_path / "data"), clock)
    zoe = community.add_member("Zoë Martin", ("design",))
    community.add_member("Björn Andersson")
    community.check_in(zoe.id)
    Backups(community.store).make(clock(), UTC)
    return community.store.root


def zoes_file(root: Path) -> Path:
    zoe = Community(Store.open(root), FakeClock()).find("Zoë Martin")
    return root / "members" / member_file_of(zoe.id)


@pytest.fixture(params=sorted(DAMAGE))
def damaged(request: pytest.FixtureRequest, root: Path) -> tuple[Path, str]:
    """Zoë's member file, damaged one way or another: (path, the problem)."""
    damage, problem = DAMAGE[request.param]
    path = zoes_file(root)
    damage(path)
    return path, problem


def snapshot(path: Path) -> tuple[str, bytes | None]:
    """What is at `path` now, without reading a FIFO or following a link."""
    if path.is_symlink():
        return ("link", os.readlink(path).encode())
    if path.is_fifo():
        return ("fifo", None)
    return ("file", path.read_bytes())


def test_opening_damaged_data_is_refused_naming_file_problem_and_backup(
    root: Path, damaged: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, problem = damaged
    before = snapshot(path)

    # When a script asks who is here (Zoë is, so her file is needed)
    config = root.parent / "kiosk.toml"
    config.write_text("")
    code = main(["--config", str(config), "--data", str(root), "present"])

    # Then it is refused with exit 2, naming the file, what is wrong and the newest backup
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(f"kiosk: {path}")
    assert problem in err
    assert ("kiosk doctor --restore" in err) != ("Update the kiosk" in err)
    assert "Traceback" not in err

    # And the damaged file is left exactly as it was
    assert snapshot(path) == before


@pytest.mark.parametrize(
    "command", [[], ["present"], ["members", "list"], ["checkin", "Zoë Martin"]]
)
def test_every_command_refuses_damaged_data_with_exit_2(
    root: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = zoes_file(root)
    cut_short(path)
    damaged_bytes = path.read_bytes()

    # When the kiosk (no command) or a command is run on the damaged folder
    code = main(["--data", str(root), *command])

    # Then it stops with exit code 2 and a message naming the file, with no traceback
    err = capsys.readouterr().err
    assert code == 2
    assert str(path) in err and "is damaged: it is cut short" in err
    assert "Traceback" not in err
    assert path.read_bytes() == damaged_bytes


def test_damaged_shout_outs_stop_no_one_at_the_door_but_what_shows_them(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a shout-out, and then the shout-outs' file cut short
    community = Community(Store.open(root), FakeClock())
    community.post_shoutout(community.find("Zoë Martin").id, None, "Thanks all!")
    path = root / "shoutouts.json"
    cut_short(path)
    damaged_bytes = path.read_bytes()

    # When Björn checks in, Zoë checks out, and a script asks who is here
    door = [["checkin", "Björn Andersson"], ["checkout", "Zoë Martin"], ["present"]]
    codes = [main(["--data", str(root), *command]) for command in door]

    # Then none of them needs the shout-outs, and each is done
    assert codes == [0, 0, 0]
    capsys.readouterr()
    # But the kiosk, which shows them, and the list of them stop, naming the file
    for command in ([], ["shoutouts"]):
        assert main(["--data", str(root), *command]) == 2
        err = capsys.readouterr().err
        assert str(path) in err and "is damaged: it is cut short" in err
    assert path.read_bytes() == damaged_bytes


def test_without_a_backup_the_refusal_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], clock: FakeClock
) -> None:
    # Given a data folder never backed up, whose only member file is damaged
    community = Community(Store.open(tmp_path / "data"), clock)
    zoe = community.add_member("Zoë Martin")
    cut_short(community.store.root / "members" / member_file_of(zoe.id))

    # When it is read, then the refusal says there is no backup
    assert main(["--data", str(community.store.root), "members", "list"]) == 2
    assert "There is no good backup of it yet" in capsys.readouterr().err


def test_doctor_names_the_damaged_file_and_exits_1(
    root: Path, damaged: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, problem = damaged
    before = snapshot(path)

    # When a host runs `kiosk doctor`
    code = main(["--data", str(root), "doctor"])

    # Then it names the file and its problem, says what to do, and changes nothing
    out = capsys.readouterr().out
    assert code == 1
    assert str(path) in out and problem in out
    assert "kiosk doctor --restore" in out or "Update the kiosk" in out
    assert snapshot(path) == before


@pytest.mark.parametrize("damage", ["cut short", "nested too deeply", "a FIFO", "a link"])
def test_doctor_restore_puts_the_backup_back_and_keeps_the_damaged_file(
    root: Path,
    damage: str,
    capsys: pytest.CaptureFixture[str],
    clock: FakeClock,
) -> None:
    path = zoes_file(root)
    good = path.read_bytes()
    DAMAGE[damage][0](path)
    before = snapshot(path)

    # When a host runs `kiosk doctor --restore`
    code = main(["--data", str(root), "doctor", "--restore"])

    # Then the backup is back in place, the damaged file is kept beside it, all is well
    out = capsys.readouterr().out
    assert code == 0, out
    assert "Restored from" in out
    assert path.read_bytes() == good
    [aside] = path.parent.glob(f"{path.name}.damaged-*")
    assert snapshot(aside)[0] == before[0]
    assert main(["--data", str(root), "doctor"]) == 0
    assert [m.name for m in Community.open(Config(data_dir=root), clock).members()] == [
        "Björn Andersson",
        "Zoë Martin",
    ]


def test_doctor_never_restores_over_a_file_from_a_newer_kiosk(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a member file written by a newer kiosk
    path = zoes_file(root)
    from_a_newer_kiosk(path)
    newer_bytes = path.read_bytes()

    # When a host runs `kiosk doctor --restore`
    code = main(["--data", str(root), "doctor", "--restore"])

    # Then it says to update the kiosk, and the newer data stays exactly as it was
    assert code == 1
    assert "Update the kiosk to read it" in capsys.readouterr().out
    assert path.read_bytes() == newer_bytes
    assert not list(path.parent.glob(f"{path.name}.damaged-*"))


@pytest.mark.parametrize("damage", ["a FIFO", "nested too deeply"])
def test_a_fifo_or_deep_nesting_is_reported_by_another_process_without_hanging(
    root: Path, damage: str
) -> None:
    # Given presence.json damaged so that a careless reader would hang or crash
    DAMAGE[damage][0](root / "presence.json")

    # When `kiosk present` and `kiosk doctor` run as processes of their own
    for command in (["present"], ["doctor"]):
        ran = subprocess.run(
            [sys.executable, "-m", "kiosk.cli.main", "--data", str(root), *command],
            capture_output=True,
            text=True,
            timeout=30,
        )
        # Then each ends with a sentence naming the file, and no traceback
        assert ran.returncode in (1, 2)
        assert str(root / "presence.json") in ran.stdout + ran.stderr
        assert "Traceback" not in ran.stderr


def test_a_damaged_history_day_is_found_by_doctor(
    root: Path, capsys: pytest.CaptureFixture[str], clock: FakeClock
) -> None:
    # Given a visit filed in the history, and that day's file then damaged
    community = Community(Store.open(root), clock)
    community.check_out(community.find("Zoë Martin").id)
    community.file_visits()
    [day_file] = (root / "history").glob("*.json")
    cut_short(day_file)

    # When a host runs `kiosk doctor`, then the day file is named
    assert main(["--data", str(root), "doctor"]) == 1
    assert str(day_file) in capsys.readouterr().out


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("joined", None, "joined should be a time"),
        ("on_board", "no", "on_board should be true or false"),
        ("named_online", 1, "named_online should be true or false"),
        ("topics", "design", "topics should be a list of texts"),
        ("name", "\u180e", "name is blank"),
        ("visits", -1, "visits should be a whole number"),
    ],
)
def test_a_record_with_a_wrong_value_is_damage_named_at_start_and_by_doctor(
    root: Path,
    field: str,
    value: object,
    problem: str,
    capsys: pytest.CaptureFixture[str],
    clock: FakeClock,
) -> None:
    # Given Zoë's record hand-edited into a value of the wrong kind, the file still JSON
    path = zoes_file(root)
    data = json.loads(path.read_text())
    doc = next(d for d in data["members"].values() if d["name"] == "Zoë Martin")
    doc[field] = value
    write_atomically(path, json.dumps(data).encode())

    # Then opening refuses it, naming the file, the problem and the newest backup
    with pytest.raises(DataError) as refused:
        Community.open(Config(data_dir=root), clock).present()  # as the kiosk does at start
    assert f"{path} is damaged: a record in its members is incomplete or wrong" in str(
        refused.value
    )
    assert problem in str(refused.value)

    # And doctor finds it too
    assert main(["--data", str(root), "doctor"]) == 1
    assert str(path) in capsys.readouterr().out


@pytest.mark.parametrize("choice", ["on_board", "hosts_only"])
def test_a_member_record_without_her_choice_of_who_sees_her_is_damage_not_public(
    root: Path, choice: str, capsys: pytest.CaptureFixture[str], clock: FakeClock
) -> None:
    # Given Zoë's record with her choice of board or of fields kept for hosts deleted by
    # hand (every record this kiosk writes has both)
    path = zoes_file(root)
    data = json.loads(path.read_text())
    doc = next(d for d in data["members"].values() if d["name"] == "Zoë Martin")
    del doc[choice]
    write_atomically(path, json.dumps(data).encode())

    # Then the kiosk refuses to start on it rather than take her to be public
    with pytest.raises(DataError) as refused:
        Community.open(Config(data_dir=root), clock).present()
    assert str(refused.value).startswith(f"{path} is damaged")
    assert f"({choice} is missing)" in str(refused.value)
    # And doctor names the file and the problem
    assert main(["--data", str(root), "doctor"]) == 1
    assert f"{path} is damaged" in capsys.readouterr().out


def test_a_visit_without_its_status_is_damage_not_a_visit_on_the_board(
    root: Path, capsys: pytest.CaptureFixture[str], clock: FakeClock
) -> None:
    # Given Zoë's visit in presence.json with its status deleted by hand
    store = Store.open(root)
    with store.locked():
        store.presence.compact()  # her check-in, written whole into presence.json
    path = root / "presence.json"
    data = json.loads(path.read_text())
    [visit] = data["visits"].values()
    del visit["status"]
    write_atomically(path, json.dumps(data).encode())

    # Then nobody is shown for it: the board is refused, naming the file and the problem
    assert main(["--data", str(root), "present", "--json"]) == 2
    out, err = capsys.readouterr()
    assert "Zoë" not in out
    assert f"{path} is damaged" in err and "(status is missing)" in err
    # And doctor finds it
    assert main(["--data", str(root), "doctor"]) == 1
    assert f"{path} is damaged" in capsys.readouterr().out


SECRET = "hanasecret, kept for hosts"
RECORDS = {
    "members": (
        Member.from_doc,
        Member("m1", "Hana Secret", NOW, ("bees",), hosts_only=frozenset({"topics"})).to_doc(),
    ),
    "visits": (Visit.from_doc, Visit("v1", "m1", NOW, "incognito", ("bees",)).to_doc()),
    "shoutouts": (ShoutOut.from_doc, ShoutOut("s1", "m1", "Thanks!", NOW, "m2").to_doc()),
    "answers": (Answer.from_doc, Answer("q1", "m1", "A hive", NOW).to_doc()),
}


@pytest.mark.parametrize("table", sorted(RECORDS))
def test_a_report_of_damage_never_quotes_what_the_record_holds(table: str) -> None:
    # Given each field of a record hand-edited into a member's words in some form
    read, doc = RECORDS[table]
    for field in doc:
        for value in (SECRET, [SECRET], [SECRET * 5], {"x": SECRET}, f"2026-11-26 {SECRET}"):
            edited = {**doc, field: value}
            try:
                read(edited)
            except (KeyError, TypeError, ValueError) as error:
                # Then the report names the file and the field, and never the words
                report = str(damaged_record(Path("members/001.json"), table, error))
                assert "hanasecret" not in report, (field, report)
                assert field in report, (field, report)


def test_a_member_who_chose_to_be_hidden_is_never_shown_because_of_a_hand_edit(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given Zoë chose not to be on the board, and a hand edit wrote "no" as text
    path = zoes_file(root)
    data = json.loads(path.read_text())
    doc = next(d for d in data["members"].values() if d["name"] == "Zoë Martin")
    doc["on_board"] = "no"
    write_atomically(path, json.dumps(data).encode())

    # When the board is asked for, then it is refused rather than showing her
    assert main(["--data", str(root), "present", "--json"]) == 2
    out, err = capsys.readouterr()
    assert "Zoë" not in out
    assert "on_board should be true or false" in err


def test_a_member_file_damaged_by_hand_holds_back_no_other_and_is_read_once_mended(
    demo_data: Path, clock: FakeClock
) -> None:
    # Given a kiosk holding everyone, ready to search
    kiosk = Community(Store.open(demo_data), clock=clock)
    kiosk.prepare_search()
    elsewhere = Community(Store.open(demo_data), clock=clock)
    renamed, damaged = kiosk.members()[0], kiosk.members()[5]
    assert member_file_of(renamed.id) != member_file_of(damaged.id)

    # When another process renames one member, and a careless hand damages another's file
    elsewhere.edit_member(renamed.id, name="Zuzana Renamed")
    damaged_file = demo_data / "members" / member_file_of(damaged.id)
    text = damaged_file.read_text()
    damaged_file.write_text(text.replace('"name"', '"nmae"', 1))

    # Then the refresh says which file is damaged, and the rename is seen and found
    with pytest.raises(DataError, match=member_file_of(damaged.id)):
        kiosk.refresh()
    assert kiosk.member(renamed.id).name == "Zuzana Renamed"
    assert [m.id for m in kiosk.search("Zuzana")] == [renamed.id]
    assert kiosk.member(damaged.id) == damaged  # kept as last read

    # And once the file is mended in place, the next refresh reads it without complaint
    damaged_file.write_text(text)
    assert kiosk.refresh() is True
    assert kiosk.member(damaged.id) == damaged


@pytest.mark.parametrize("damaged_id", [42, "m12 ab", "", None])
@pytest.mark.parametrize("reference", ["id", "name"])
def test_a_record_whose_id_is_damaged_is_named_as_damage_not_taken_for_nobody(
    root: Path, damaged_id: object, reference: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given Zoë's record with its id damaged by a hand edit, the file still JSON
    path = zoes_file(root)
    zoe_id = Community(Store.open(root), FakeClock()).find("Zoë Martin").id
    data = json.loads(path.read_text())
    doc = next(d for d in data["members"].values() if d["id"] == zoe_id)
    doc["id"] = damaged_id
    write_atomically(path, json.dumps(data).encode())

    # When a script checks her in, by her id or her name
    code = main(["--data", str(root), "checkin", zoe_id if reference == "id" else "Zoë Martin"])

    # Then it is refused as damage, naming her file, rather than "no such member"
    err = capsys.readouterr().err
    assert code == 2
    assert f"{path} is damaged: a record in its members is incomplete or wrong" in err
    assert "No member" not in err


def test_a_name_pointer_whose_id_is_damaged_is_named_as_damage(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given the pointer from Zoë's name to her record damaged by a hand edit
    zoe_id = Community(Store.open(root), FakeClock()).find("Zoë Martin").id
    path = root / "members" / member_file_of(name_key("Zoë Martin"))
    data = json.loads(path.read_text())
    pointer = next(d for d in data["names"].values() if d["id"] == zoe_id)
    pointer["id"] = 7
    write_atomically(path, json.dumps(data).encode())

    # When a script checks her in by name, then the pointer's file is named
    assert main(["--data", str(root), "checkin", "Zoë Martin"]) == 2
    assert f"{path} is damaged: a record in its names is incomplete or wrong" in (
        capsys.readouterr().err
    )
