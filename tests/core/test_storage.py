"""The storage under every data file: atomic writes, honest errors, cheap change detection."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kiosk.errors import DataError
from kiosk.storage import SCHEMA, AtomicJSONStorage, load, signature, write_atomically


def test_a_write_replaces_the_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    # Given a data file
    path = tmp_path / "members.json"
    write_atomically(path, b'{"members": {}}')

    # When it is written again
    write_atomically(path, b'{"members": {"1": {"id": "m1"}}}')

    # Then it holds the new bytes and nothing else is left in the folder
    assert path.read_bytes() == b'{"members": {"1": {"id": "m1"}}}'
    assert [p.name for p in tmp_path.iterdir()] == ["members.json"]


def test_every_file_written_carries_the_schema_version(tmp_path: Path) -> None:
    # When the storage writes a table
    AtomicJSONStorage(tmp_path / "members.json").write({"members": {}})

    # Then the file says which layout wrote it
    data = json.loads((tmp_path / "members.json").read_text())
    assert data["_meta"] == {"1": {"schema": SCHEMA}}


def test_a_rewrite_of_the_same_size_is_still_noticed(tmp_path: Path) -> None:
    # Given a reader that has read a file
    path = tmp_path / "presence.json"
    write_atomically(path, b'{"visits": {"1": {"a": 1}}}')
    reader = AtomicJSONStorage(path)
    reader.read()
    assert not reader.changed()

    # When another writer replaces it, at once, with contents of exactly the same size
    write_atomically(path, b'{"visits": {"1": {"a": 2}}}')

    # Then the reader notices, and rereads the new contents
    assert reader.changed()
    assert reader.read() == {"visits": {"1": {"a": 2}}}
    assert not reader.changed()


def test_each_write_gives_the_file_a_new_identity(tmp_path: Path) -> None:
    # Given a file written many times in a row, faster than a clock tick
    path = tmp_path / "presence.json"
    seen = set()
    for _ in range(50):
        write_atomically(path, b"{}")
        seen.add(signature(path))

    # Then no two versions look alike to a reader
    assert len(seen) == 50


def test_a_reader_does_not_parse_an_unchanged_file_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a reader that has read a file once
    path = tmp_path / "members.json"
    write_atomically(path, b'{"members": {}}')
    reader = AtomicJSONStorage(path)
    reader.read()
    parsed: list[Path] = []

    def counting_load(path: Path) -> dict[str, Any]:
        parsed.append(path)
        return load(path)

    monkeypatch.setattr("kiosk.storage.load", counting_load)

    # When it reads again and again
    for _ in range(10):
        reader.read()

    # Then the file is not parsed again
    assert parsed == []


@pytest.mark.parametrize(
    ("contents", "problem"),
    [
        (b"", "it is empty"),
        (b'{"members": {"1": {"id": "m1", "na', "cut short"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b"[1, 2]", "does not hold kiosk tables"),
        (b'{"members": {"1": 5}}', "does not hold kiosk tables"),
        (b'{"_meta": {"1": "two"}}', "does not hold kiosk tables"),
        (b'{"_meta": {"1": {"schema": "two"}}}', "is not a version"),
        (b'{"_meta": {"1": {"schema": 99}}}', "newer kiosk (data schema 99"),
    ],
)
def test_a_damaged_file_is_explained_by_name(tmp_path: Path, contents: bytes, problem: str) -> None:
    # Given a data file that is damaged in some way
    path = tmp_path / "members.json"
    path.write_bytes(contents)

    # When it is loaded, then the error names the file and the problem
    with pytest.raises(DataError) as refused:
        load(path)
    assert str(path) in str(refused.value)
    assert problem in str(refused.value)
