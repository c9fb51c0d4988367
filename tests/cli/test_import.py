"""`kiosk members import` with the files hosts really have: each made here with the csv
module in the dialect and encoding its program writes, never typed in clean by hand."""

from __future__ import annotations

import codecs
import csv
import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from tests.cli.running import Kiosk, Result

Rows = Sequence[Sequence[str]]


def written(path: Path, rows: Rows, encoding: str, bom: bytes = b"", **dialect: str) -> Path:
    """`rows` as a program writes them: the csv module in its dialect, then its encoding."""
    text = io.StringIO(newline="")
    csv.writer(text, **dialect).writerows(rows)  # type: ignore[arg-type]
    path.write_bytes(bom + text.getvalue().encode(encoding))
    return path


def excel_windows(path: Path, rows: Rows) -> Path:
    """Excel on Windows, "CSV (Comma delimited)": the machine's code page, cp1252."""
    return written(path, rows, "cp1252", dialect="excel")


def excel_utf8_semicolons(path: Path, rows: Rows) -> Path:
    """Excel set to a European locale, "CSV UTF-8": a byte order mark, and semicolons
    since the comma is the decimal mark."""
    return written(path, rows, "utf-8", codecs.BOM_UTF8, dialect="excel", delimiter=";")


def excel_unicode_text(path: Path, rows: Rows) -> Path:
    """Excel, "Unicode text": UTF-16, little-endian with its mark, tabs between cells."""
    return written(path, rows, "utf-16-le", codecs.BOM_UTF16_LE, dialect="excel-tab")


def google_sheets(path: Path, rows: Rows) -> Path:
    """Google Sheets or Forms, Download → CSV: UTF-8 without a mark, quoted where needed."""
    return written(path, rows, "utf-8", dialect="excel", lineterminator="\r\n")


def names(kiosk: Kiosk) -> list[str]:
    return [m["name"] for m in kiosk("members", "list", "--json").json()]


def show(kiosk: Kiosk, name: str) -> dict[str, Any]:
    shown = kiosk("members", "show", name, "--json")
    assert shown.code == 0, shown.err
    return shown.json()  # type: ignore[no-any-return]


def imported(kiosk: Kiosk, path: Path, *options: str) -> Result:
    result = kiosk("members", "import", str(path), *options)
    assert result.code == 0, result.err
    return result


def test_excel_on_windows_with_an_email_column_and_british_dates(
    kiosk: Kiosk, tmp_path: Path
) -> None:
    # Given the export of a members' sheet saved by Excel on Windows
    sheet = excel_windows(
        tmp_path / "members.csv",
        [
            ["Full Name", "Email", "Interests", "Member since"],
            ["Renée Fauré", "renee@example.org", "café latte, woodworking", "14/03/2025"],
            ["Bo Berg", "bo@example.org", "", "02/03/2025"],
        ],
    )

    # When it is imported
    result = imported(kiosk, sheet)

    # Then the accents, the topics and the British dates are as meant, and the email
    # column is ignored, and said to be so, once
    assert result.out.count("Email") == 1
    assert "Ignored the columns the kiosk has no place for: Email." in result.out
    assert "2 added" in result.out
    renee = show(kiosk, "Renée Fauré")
    assert renee["topics"] == ["café latte", "woodworking"]
    assert renee["joined"].startswith("2025-03-14")
    assert show(kiosk, "Bo Berg")["joined"].startswith("2025-03-02")


def test_excel_utf8_with_semicolons_first_and_last_names_and_dotted_dates(
    kiosk: Kiosk, tmp_path: Path
) -> None:
    sheet = excel_utf8_semicolons(
        tmp_path / "mitglieder.csv",
        [
            ["First name", "Last name", "Tags", "Start date", "Pronouns"],
            ["Jürgen", "Weiß", "Löten; 3D-Druck", "01.02.2025", "er/ihm"],
            ["Zoë", "Martin", "design", "28.02.2025", "she/her"],
        ],
    )
    imported(kiosk, sheet)
    jurgen = show(kiosk, "Jürgen Weiß")
    assert jurgen["topics"] == ["Löten", "3D-Druck"]
    assert jurgen["pronouns"] == "er/ihm"
    # 28.02 tells the file writes the day first, so 01.02 is 1 February
    assert jurgen["joined"].startswith("2025-02-01")


def test_excel_unicode_text_with_tabs_and_american_dates(kiosk: Kiosk, tmp_path: Path) -> None:
    sheet = excel_unicode_text(
        tmp_path / "members.txt",
        [
            ["Name", "Bio", "Skills", "Joined"],
            ["Åsa Lindqvist", "Sound artist; records the city at night.", "audio", "3/14/2025"],
            ["李 Wei", "Builds kites", "kites", "4/2/2025"],
        ],
    )
    imported(kiosk, sheet)
    asa = show(kiosk, "Åsa Lindqvist")
    assert asa["intro"] == "Sound artist; records the city at night."
    assert asa["joined"].startswith("2025-03-14")
    # 3/14 tells the file writes the month first, so 4/2 is April 2
    assert show(kiosk, "李 Wei")["joined"].startswith("2025-04-02")


def test_a_google_form_with_quoted_commas_line_breaks_and_timestamps(
    kiosk: Kiosk, tmp_path: Path
) -> None:
    sheet = google_sheets(
        tmp_path / "form.csv",
        [
            ["Timestamp", "Full name", "About", "Interests", "Email address"],
            ["3/14/2025 10:22:01", "Ana Lima", "I fix bikes,\nand tea", "bikes", "a@x.org"],
            ["3/15/2025 18:05:44", 'Cy "Knots" Diaz', "", "sailing, knots", "c@x.org"],
        ],
    )
    result = imported(kiosk, sheet)
    assert "Ignored the columns the kiosk has no place for: Email address." in result.out
    assert show(kiosk, "Ana Lima")["intro"] == "I fix bikes, and tea"
    assert show(kiosk, 'Cy "Knots" Diaz')["topics"] == ["sailing", "knots"]
    assert show(kiosk, "Ana Lima")["joined"] == "2025-03-14T10:22:01+00:00"


def test_a_meetup_export_with_written_out_dates(kiosk: Kiosk, tmp_path: Path) -> None:
    sheet = google_sheets(
        tmp_path / "meetup.csv",
        [
            ["Name", "User ID", "Title", "Joined Group on", "Last visited group on"],
            ["Ana Lima", "user 1", "", "Mar 14, 2025", "Nov 2, 2026"],
            ["Bo Berg", "user 2", "Organizer", "14 March 2025", "Nov 20, 2026"],
        ],
    )
    result = imported(kiosk, sheet)
    assert "User ID, Title, Last visited group on" in result.out
    assert show(kiosk, "Ana Lima")["joined"].startswith("2025-03-14")
    assert show(kiosk, "Bo Berg")["joined"].startswith("2025-03-14")


def test_dates_no_row_tells_apart_need_the_hosts_word(kiosk: Kiosk, tmp_path: Path) -> None:
    sheet = google_sheets(
        tmp_path / "members.csv", [["Name", "Joined"], ["Ana Lima", "03/04/2025"]]
    )
    refused = kiosk("members", "import", str(sheet))
    assert refused.code == 1
    assert "'03/04/2025' could be day/month or month/day" in refused.err
    assert "add --day-first or --month-first" in refused.err
    assert names(kiosk) == []
    imported(kiosk, sheet, "--day-first")
    assert show(kiosk, "Ana Lima")["joined"].startswith("2025-04-03")


def test_a_dry_run_counts_rows_and_changes_nothing(kiosk: Kiosk, tmp_path: Path) -> None:
    # Given Ana is a member already
    kiosk.add_member("Ana Lima")
    sheet = google_sheets(
        tmp_path / "members.csv",
        [
            ["Name", "Active"],
            ["Ana Lima", "yes"],
            ["Ana Lima", "yes"],
            ["Bo Berg", "no"],
            ["Cy Diaz", "perhaps"],
        ],
    )

    # When the host tries it first
    tried = kiosk("members", "import", str(sheet), "--dry-run", "--skip-bad-rows")

    # Then it says what it would do, counted in rows of the file, and nothing changes
    assert tried.code == 0, tried.err
    assert tried.out == (
        f"{sheet} (4 rows): 1 would be added, 0 would be updated, 1 already as they are, "
        "2 skipped.\nNothing was changed (--dry-run).\n"
    )
    assert "line 3: this is the same member as line 2" in tried.err
    assert "line 5, column active: 'perhaps' is not yes or no" in tried.err
    assert names(kiosk) == ["Ana Lima"]


def test_at_a_terminal_the_host_is_asked_before_anything_is_written(
    kiosk: Kiosk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sheet = google_sheets(tmp_path / "members.csv", [["Name"], ["Bo Berg"]])
    monkeypatch.setattr(sys, "stdin", Keyboard("n\n"))
    declined = kiosk("members", "import", str(sheet))
    assert declined.code == 1
    assert "1 to be added" in declined.out and "Import these changes? [y/N]" in declined.out
    assert names(kiosk) == []
    monkeypatch.setattr(sys, "stdin", Keyboard("y\n"))
    assert kiosk("members", "import", str(sheet)).code == 0
    assert names(kiosk) == ["Bo Berg"]


class Keyboard(io.StringIO):
    """Standard input a person types at."""

    def isatty(self) -> bool:
        return True


def test_what_a_member_chose_is_kept_unless_named(kiosk: Kiosk, tmp_path: Path) -> None:
    # Given Zoë chose her own topics and intro at the kiosk
    zoe = kiosk.add_member("Zoë Martin", "--topic", "design")
    kiosk("members", "edit", zoe, "--intro", "Ask me about type")
    sheet = google_sheets(
        tmp_path / "members.csv", [["Name", "Interests", "Bio"], ["Zoë Martin", "sales", "CEO"]]
    )

    # When a spreadsheet row matched by her name is imported
    result = imported(kiosk, sheet)

    # Then her own words stay, and the host is told how to replace them if meant
    assert show(kiosk, zoe)["topics"] == ["design"]
    assert show(kiosk, zoe)["intro"] == "Ask me about type"
    assert (
        "Kept what members chose as their topics in 1 row; add --update topics to replace "
        "it from the file.\n"
    ) in result.out
    # And naming the column replaces that one alone
    imported(kiosk, sheet, "--update", "topics")
    assert show(kiosk, zoe)["topics"] == ["sales"]
    assert show(kiosk, zoe)["intro"] == "Ask me about type"


def test_bad_rows_are_counted_as_rows_not_as_cells(kiosk: Kiosk, tmp_path: Path) -> None:
    rows = [["Name", "Active", "On board"], ["Ana", "yes", "yes"]]
    rows += [[f"Bad {n}", "perhaps", "maybe"] for n in range(5)]
    sheet = google_sheets(tmp_path / "members.csv", rows)
    refused = kiosk("members", "import", str(sheet))
    assert refused.code == 1
    assert refused.err.endswith(
        "kiosk: Nothing was imported: 5 rows of 6 cannot be. Fix them, or add "
        "--skip-bad-rows to import the rest.\n"
    )
    assert refused.err.count("\n") == 11  # two problems a row, then the summary


def test_skipping_bad_rows_when_every_row_is_bad_fails(kiosk: Kiosk, tmp_path: Path) -> None:
    sheet = google_sheets(
        tmp_path / "members.csv", [["Name", "Active"], ["Ana", "perhaps"], ["Bo", "maybe"]]
    )
    refused = kiosk("members", "import", str(sheet), "--skip-bad-rows")
    assert refused.code == 1
    assert refused.err.endswith("kiosk: Nothing was imported: 2 rows of 2 cannot be. Fix them.\n")
    assert names(kiosk) == []


def test_skipping_bad_rows_imports_the_good_ones(kiosk: Kiosk, tmp_path: Path) -> None:
    sheet = google_sheets(
        tmp_path / "members.csv", [["Name", "Active"], ["Ana", "yes"], ["Bo", "maybe"]]
    )
    result = imported(kiosk, sheet, "--skip-bad-rows")
    assert result.out.endswith(
        "Imported " + str(sheet) + ": 1 added, 0 updated, 0 already as they are, 1 skipped.\n"
    )
    assert names(kiosk) == ["Ana"]


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00", "This is a spreadsheet workbook (.xlsx or .xls)"),
        (b"", "The file is empty"),
        (codecs.BOM_UTF8 + b"Name\n\xff\xfe\n", "The file says it is UTF-8 but byte"),
    ],
)
def test_what_is_not_a_csv_file_is_refused_saying_how_to_save_one(
    kiosk: Kiosk, tmp_path: Path, content: bytes, says: str
) -> None:
    (tmp_path / "members.csv").write_bytes(content)
    refused = kiosk("members", "import", "members.csv")
    assert refused.code == 1
    assert refused.err.startswith(f"kiosk: members.csv: {says}")
    assert "Traceback" not in refused.err
