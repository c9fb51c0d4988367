"""The search index the kiosk keeps between starts: used only while it is of the member
files as they are, whoever changed them; a damaged one is only slower, never wrong."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from kiosk.community.community import Community
from kiosk.storage.search_index import FILE
from kiosk.storage.store import Store
from tests.cli.running import Kiosk
from tests.conftest import FakeClock


@pytest.fixture
def data(kiosk: Kiosk, tmp_path: Path) -> Path:
    """Ana Lima, Bo Berg (off the board) and Zoë Martin, and the index a kiosk saved."""
    folder = tmp_path / "kiosk-data"
    kiosk.add_member("Ana Lima")
    bo = kiosk.add_member("Bo Berg")
    assert kiosk("members", "edit", bo, "--on-board", "no").code == 0
    kiosk.add_member("Zoë Martin")
    return folder


def kiosk_ran(data: Path, clock: FakeClock) -> None:
    """A kiosk ran on `data` until it had read everyone, and stopped."""
    Community(Store.open(data), clock).prepare_search()


def restarted(data: Path, clock: FakeClock) -> tuple[Community, bool]:
    """A kiosk started on `data`, and whether the saved index answers its first keys."""
    community = Community(Store.open(data), clock)
    community.index_in_background = True  # as the kiosk runs it
    return community, community.open_saved_search()


def found(community: Community, query: str) -> list[str]:
    return [member.name for member in community.search(query)]


def test_a_restarted_kiosk_answers_from_the_saved_index(data: Path, clock: FakeClock) -> None:
    kiosk_ran(data, clock)
    community, saved = restarted(data, clock)
    assert saved and community.search_ready
    assert found(community, "zoe mar") == ["Zoë Martin"]
    assert found(community, "lmia") == ["Ana Lima"]  # a typo forgiven
    assert found(community, "bo berg") == ["Bo Berg"]  # off the board: whole name only
    assert found(community, "bo ber") == []


def test_the_index_holds_only_what_a_door_search_uses(
    kiosk: Kiosk, data: Path, clock: FakeClock
) -> None:
    # Given members, one with a badge and a note kept for hosts
    shown = {
        name: kiosk("members", "show", name, "--json").json()
        for name in ("Ana Lima", "Bo Berg", "Zoë Martin")
    }
    ana = shown["Ana Lima"]
    kiosk("members", "edit", ana["id"], "--looking-for", "a lawyer", "--hosts-only", "looking_for")
    kiosk_ran(data, clock)
    # Then the saved index has each member's name as searched, id, and whether on the board
    header, _, body = (data / FILE).read_bytes().partition(b"\n")
    assert set(json.loads(header)) == {"format", "members", "sha256"}
    assert sorted(json.loads(body)) == [
        ["ana lima", ana["id"], True],
        ["bo berg", shown["Bo Berg"]["id"], False],
        ["zoe martin", shown["Zoë Martin"]["id"], True],
    ]
    # And nothing else: no note for hosts, no badge
    assert "lawyer" not in body.decode()
    assert ana["badge"] and ana["badge"] not in body.decode()


@pytest.mark.parametrize(
    "change",
    [
        ["members", "edit", "Zoë Martin", "--name", "Zoë Marten"],
        ["members", "add", "Zoe Marlowe"],
        ["members", "delete", "Zoë Martin", "--yes"],
        ["members", "edit", "Ana Lima", "--on-board", "no"],
        ["checkin", "Ana Lima"],  # writes no member file: the index stays in use
    ],
)
def test_a_change_by_another_process_is_never_answered_from_a_stale_index(
    kiosk: Kiosk, data: Path, clock: FakeClock, change: list[str]
) -> None:
    # Given the index a kiosk saved
    kiosk_ran(data, clock)
    members = sorted((data / "members").iterdir())
    before = {path.name: path.stat().st_mtime_ns for path in members}
    # When a command changes the members
    assert kiosk(*change).code == 0
    touched = any(
        before.get(path.name) != path.stat().st_mtime_ns for path in (data / "members").iterdir()
    )
    # Then a restarted kiosk uses the index only if no member file changed
    community, saved = restarted(data, clock)
    assert saved is not touched
    assert touched or change[0] == "checkin"
    # And it finds whom the member files say, either way
    truth = Community(Store.open(data), clock)
    for query in ("zoe mar", "ana lima", "zoe marl"):
        assert found(community, query) == found(truth, query), query


def test_an_import_makes_the_index_stale(
    kiosk: Kiosk, data: Path, clock: FakeClock, tmp_path: Path
) -> None:
    kiosk_ran(data, clock)
    sheet = tmp_path / "new.csv"
    sheet.write_text("name\nMaja Lindqvist\n")
    assert kiosk("members", "import", str(sheet), "--yes").code == 0
    community, saved = restarted(data, clock)
    assert not saved
    assert found(community, "maja lindqvist") == ["Maja Lindqvist"]


def test_a_hand_edit_in_place_makes_the_index_stale(data: Path, clock: FakeClock) -> None:
    kiosk_ran(data, clock)
    # A host renames Zoë in her file with an editor that writes in place, same length
    for path in (data / "members").iterdir():
        text = path.read_text()
        if "Zoë Martin" in text:
            with path.open("r+") as file:  # the same file, its size unchanged
                file.write(text.replace("Zoë Martin", "Zoë Mertin"))
            os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1))
    community, saved = restarted(data, clock)
    assert not saved
    assert found(community, "zoe mert") == ["Zoë Mertin"]


@pytest.mark.parametrize(
    "damage",
    [
        "cut short",
        "garbage",
        "checksum",
        "wrong rows",
        "rows of two",
        "not a list",
        "a link",
        "a FIFO",
        "empty",
    ],
)
def test_a_damaged_index_is_only_slower_never_wrong_and_no_damage_to_doctor(
    kiosk: Kiosk, data: Path, clock: FakeClock, tmp_path: Path, damage: str
) -> None:
    # Given the index a kiosk saved, then damaged
    kiosk_ran(data, clock)
    index = data / FILE
    header, _, body = index.read_bytes().partition(b"\n")
    if damage == "cut short":
        index.write_bytes(index.read_bytes()[:-7])
    elif damage == "garbage":
        index.write_bytes(b"\x00\xff{not json")
    elif damage == "checksum":
        index.write_bytes(header + b"\n" + body.replace(b"zoe martin", b"zoe mxrtin"))
    elif damage in ("wrong rows", "rows of two", "not a list"):
        about = json.loads(header)
        rows = {
            "wrong rows": b'[["zoe martin", 7, "yes"]]',
            "rows of two": b'[["zoe martin", "m000001"]]',
            "not a list": b'{"zoe": "m000001"}',
        }[damage]
        about["sha256"] = hashlib.sha256(rows).hexdigest()
        index.write_bytes(json.dumps(about).encode() + b"\n" + rows)
    elif damage == "a link":
        index.unlink()
        elsewhere = tmp_path / "elsewhere.json"
        elsewhere.write_bytes(header + b"\n" + body)
        index.symlink_to(elsewhere)
    elif damage == "a FIFO":
        index.unlink()
        os.mkfifo(index)
    else:
        index.write_bytes(b"")
    # When the kiosk restarts, it reads everyone instead, and finds whom it should
    community, saved = restarted(data, clock)
    assert not saved
    assert found(community, "zoe mar") == ["Zoë Martin"]
    # And the doctor finds nothing wrong with the data
    checked = kiosk("doctor")
    assert checked.code == 0, checked.out
    assert "search-index" not in checked.out + checked.err


def test_a_missing_index_is_written_again(data: Path, clock: FakeClock) -> None:
    kiosk_ran(data, clock)
    (data / FILE).unlink()
    community, saved = restarted(data, clock)
    assert not saved
    community.prepare_search()
    assert restarted(data, clock)[1]


def test_a_change_made_by_the_kiosk_itself_is_saved_with_it(data: Path, clock: FakeClock) -> None:
    # Given a running kiosk that has read everyone
    community = Community(Store.open(data), clock)
    community.index_in_background = True
    community.prepare_search()
    # When a member is renamed there, and the kiosk prepares its search again
    zoe = community.search("zoe martin")[0]
    community.edit_member(zoe.id, name="Zoë Marten")
    community.prepare_search()
    # Then the next start answers from an index that knows the new name
    restarted_kiosk, saved = restarted(data, clock)
    assert saved
    assert found(restarted_kiosk, "zoe marte") == ["Zoë Marten"]
    assert found(restarted_kiosk, "zoe martin") == ["Zoë Marten"]  # one typo forgiven


def test_deleting_a_members_data_leaves_no_saved_index_naming_them(
    kiosk: Kiosk, data: Path, clock: FakeClock
) -> None:
    # Given the index a kiosk saved, which names Zoë
    kiosk_ran(data, clock)
    assert b"zoe martin" in (data / FILE).read_bytes()
    # When her data is deleted at the command line, with no kiosk running
    assert kiosk("members", "delete", "Zoë Martin", "--yes").code == 0
    # Then no index file names her, and the next kiosk saves one without her
    assert not (data / FILE).exists()
    kiosk_ran(data, clock)
    assert b"zoe" not in (data / FILE).read_bytes()
    assert b"ana lima" in (data / FILE).read_bytes()
