"""Reading a members' file as spreadsheets write it: encodings, delimiters, header names."""

from __future__ import annotations

import codecs

import pytest

from kiosk.errors import Refused
from kiosk.exchange.member_sheet import header_key, read_sheet


@pytest.mark.parametrize(
    ("written", "column"),
    [
        ("Full Name", "name"),
        ("NAME", "name"),
        ("Member since:", "joined"),
        ("start_date", "joined"),
        ("Tags", "topics"),
        ("Skills", "topics"),
        ("About me", "intro"),
        ("Ask-me-about", "ask_me_about"),
        ("On board?", "on_board"),
    ],
)
def test_header_names_are_matched_as_people_write_them(written: str, column: str) -> None:
    sheet = read_sheet(
        f"{written},Name\n".encode() if column != "name" else f"{written}\n".encode()
    )
    assert column in sheet.columns


def test_a_header_key_has_no_case_spaces_or_punctuation() -> None:
    assert header_key(" Member-Since: ") == "membersince"


def test_utf16_big_endian_is_read_by_its_mark() -> None:
    raw = codecs.BOM_UTF16_BE + "Name\tPronouns\nZoë\tshe/her\n".encode("utf-16-be")
    sheet = read_sheet(raw)
    assert (sheet.encoding, sheet.delimiter) == ("utf-16", "\t")
    assert sheet.rows[0].cells == {"name": "Zoë", "pronouns": "she/her"}


def test_first_and_last_name_make_one_name_unless_a_name_is_given() -> None:
    sheet = read_sheet(b"First name,Last name,Name\nAna,Lima,\nBo,Berg,Bo B.\n")
    assert [row.cells["name"] for row in sheet.rows] == ["Ana Lima", "Bo B."]


def test_unknown_columns_are_listed_once_and_not_read() -> None:
    sheet = read_sheet(b"Name,Email,Phone\nAna,a@x.org,123\nBo,b@x.org,456\n")
    assert sheet.ignored == ("Email", "Phone")
    assert sheet.rows[1].cells == {"name": "Bo"}


def test_a_single_column_file_is_read_without_a_delimiter_to_find() -> None:
    assert [row.cells for row in read_sheet(b"Name\nAna\nBo\n").rows] == [
        {"name": "Ana"},
        {"name": "Bo"},
    ]


def test_a_cell_too_large_for_csv_is_refused_with_its_line() -> None:
    with pytest.raises(Refused, match=r"^Line 3 is not CSV as spreadsheets write it"):
        read_sheet(b"Name\nAna\n" + b'"' + b"x" * 200_000 + b'"\n')
