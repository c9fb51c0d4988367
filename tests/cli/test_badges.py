"""`kiosk badges`: printable badges for members with a badge code, and a word about those
without one."""

from __future__ import annotations

import io
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.storage.store import Store
from tests.cli.running import Kiosk
from tests.qr_reading import needs_zbarimg, read_qr_codes


def give_badges(data: Path, codes: dict[str, str]) -> None:
    """Store badge codes for members, as issuing their badges does."""
    store = Store.open(data)
    with store.locked():
        given = []
        for member_id, code in codes.items():
            member = store.members.get(member_id)
            assert member is not None, f"no member {member_id}"
            given.append(replace(member, badge=code))
        store.members.update(given)


@pytest.fixture
def three_members(kiosk: Kiosk, tmp_path: Path) -> dict[str, str]:
    """Zoë and Björn have known badge codes, Ana none (a member from before badges);
    their ids by first name."""
    ids = {name.split()[0]: kiosk.add_member(name) for name in ("Zoë Martin", "Björn Berg")}
    ids["Ana"] = kiosk.add_member("Ana Lima")
    codes = {ids["Zoë"]: "7G4KQ9ZX2M", ids["Björn"]: "0123456789", ids["Ana"]: ""}
    give_badges(tmp_path / "kiosk-data", codes)
    return ids


def test_badges_are_written_for_members_with_a_code_and_the_others_named(
    kiosk: Kiosk, tmp_path: Path, three_members: dict[str, str]
) -> None:
    result = kiosk("badges", "--out", "printed")
    assert result.code == 0
    assert result.out == "Wrote 2 badges and 1 A4 sheet of them to printed.\n"
    assert result.err == (
        f"kiosk: note: Ana Lima has no badge code yet; issue one with: "
        f"kiosk members new-badge {three_members['Ana']}.\n"
    )
    assert sorted(path.name for path in (tmp_path / "printed").iterdir()) == sorted(
        [f"badge-{three_members['Zoë']}.svg", f"badge-{three_members['Björn']}.svg", "sheet-1.svg"]
    )


def test_one_member_s_badge_by_name(
    kiosk: Kiosk, tmp_path: Path, three_members: dict[str, str]
) -> None:
    result = kiosk("badges", "--member", "Zoë Martin", "--out", "printed", "--format", "png")
    assert result.code == 0, result.err
    assert result.out == "Wrote 1 badge and 1 A4 sheet of them to printed.\n"
    assert result.err == ""
    assert sorted(path.name for path in (tmp_path / "printed").iterdir()) == [
        f"badge-{three_members['Zoë']}.png",
        "sheet-1.png",
    ]


@needs_zbarimg
def test_a_png_badge_from_the_command_reads_back_as_the_code(
    kiosk: Kiosk, tmp_path: Path, three_members: dict[str, str]
) -> None:
    kiosk("badges", "--member", three_members["Björn"], "--out", "printed", "--format", "png")
    badge = tmp_path / "printed" / f"badge-{three_members['Björn']}.png"
    assert read_qr_codes(badge) == ["0123456789"]


def test_a_member_without_a_code_gets_no_badge_and_is_told_how(
    kiosk: Kiosk, three_members: dict[str, str]
) -> None:
    result = kiosk("badges", "--member", "Ana Lima", "--out", "printed")
    assert result.code == 1
    assert result.out == ""
    assert result.err == (
        "kiosk: No badges written: Ana Lima has no badge code yet; issue one with: "
        f"kiosk members new-badge {three_members['Ana']}.\n"
    )


def test_when_nobody_has_a_code_a_few_are_named(kiosk: Kiosk, tmp_path: Path) -> None:
    # Given members from before badges, who have no code yet
    ids = [kiosk.add_member(name) for name in ("Ana Lima", "Bo Berg", "Cy Chen", "Di Dahl")]
    give_badges(tmp_path / "kiosk-data", dict.fromkeys(ids, ""))
    result = kiosk("badges", "--out", "printed")
    assert result.code == 1
    assert result.err == (
        "kiosk: No badges written: 4 members (Ana Lima, Bo Berg, Cy Chen, ...) have no badge "
        "code yet; issue one with: kiosk members new-badge --all-missing.\n"
    )


def test_with_no_members_nothing_is_written(no_one_yet: Kiosk, tmp_path: Path) -> None:
    result = no_one_yet("badges", "--out", "printed")
    assert result.code == 1
    assert "There are no members yet; add one with: kiosk members add NAME" in result.err
    assert not (tmp_path / "printed").exists()


def test_an_unknown_member_is_said(kiosk: Kiosk, three_members: dict[str, str]) -> None:
    result = kiosk("badges", "--member", "Nobody", "--out", "printed")
    assert result.code == 1
    assert result.err == "kiosk: No member has the id or the name 'Nobody'.\n"


def test_the_folder_to_write_is_asked_for(kiosk: Kiosk, three_members: dict[str, str]) -> None:
    result = kiosk("badges")
    assert result.code == 2
    assert "the following arguments are required: --out" in result.err


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_many_badges_show_a_progress_bar_on_a_terminal_and_wipe_it(
    kiosk: Kiosk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = [kiosk.add_member(f"Member {n}") for n in range(25)]
    give_badges(tmp_path / "kiosk-data", {i: f"{n:010d}" for n, i in enumerate(ids)})
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    result = kiosk("badges", "--out", "printed")
    assert result.code == 0
    shown = terminal.getvalue()
    assert "\rBadges [" + "." * 30 + "] 0/25" in shown
    assert "\rBadges [" + "#" * 30 + "] 25/25" in shown
    assert shown.endswith("\r" + " " * len("Badges [] 25/25" + "#" * 30) + "\r")


def test_without_a_terminal_there_is_no_progress_bar(kiosk: Kiosk, tmp_path: Path) -> None:
    ids = [kiosk.add_member(f"Member {n}") for n in range(25)]
    give_badges(tmp_path / "kiosk-data", {i: f"{n:010d}" for n, i in enumerate(ids)})
    result = kiosk("badges", "--out", "printed")
    assert result.code == 0
    assert result.err == ""
