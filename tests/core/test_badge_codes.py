"""Badge codes: random, in Crockford's base32, and read back however they are typed."""

from __future__ import annotations

import re

import pytest

from kiosk.badges.codes import (
    could_begin_door_code,
    is_badge_code,
    new_badge_code,
    normalize_badge_code,
    spaced_badge_code,
)

CROCKFORD_CODE = re.compile(r"[0-9ABCDEFGHJKMNPQRSTVWXYZ]{10}")


def test_a_new_code_is_ten_crockford_characters() -> None:
    for _ in range(200):
        assert CROCKFORD_CODE.fullmatch(new_badge_code())


def test_new_codes_do_not_repeat_and_use_the_whole_alphabet() -> None:
    codes = [new_badge_code() for _ in range(2000)]
    assert len(set(codes)) == len(codes)
    # 20,000 random characters from 32 leave none of them unused.
    assert set("".join(codes)) == set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("7G4KQ9ZX2M", "7G4KQ9ZX2M"),
        ("7g4kq9zx2m", "7G4KQ9ZX2M"),
        ("7G4KQ-9ZX2M", "7G4KQ9ZX2M"),
        ("7-G-4-K-Q-9-Z-X-2-M", "7G4KQ9ZX2M"),
        ("  7G4KQ9ZX2M\n", "7G4KQ9ZX2M"),
        ("O0oI1iLl23", "0001111123"),
        ("abcdefghjk", "ABCDEFGHJK"),
    ],
)
def test_a_typed_code_is_read_as_crockford_reads_it(typed: str, code: str) -> None:
    assert normalize_badge_code(typed) == code


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "7G4KQ9ZX2",  # nine characters
        "7G4KQ9ZX2MM",  # eleven
        "7G4KQ9ZXU2",  # U is not in the alphabet
        "7G4KQ 9ZX2M",  # a space inside
        "7G4KQ9ZX2Ｍ",  # a full-width letter
        "7G4KQ9ZX2ı",  # a dotless i, which upper-cases to I
        "Ana Lopez!",
        "m1a2b3",
    ],
)
def test_what_is_not_a_code_is_none(typed: str) -> None:
    assert normalize_badge_code(typed) is None


def test_a_new_code_reads_back_as_itself_in_lower_case_and_halves() -> None:
    code = new_badge_code()
    assert normalize_badge_code(code.lower()) == code
    assert normalize_badge_code(spaced_badge_code(code)) == code


def test_a_printed_code_shows_two_halves() -> None:
    assert spaced_badge_code("7G4KQ9ZX2M") == "7G4KQ-9ZX2M"


@pytest.mark.parametrize("typed", ["", "7", "7g4kq", "7G4KQ-", "7G4KQ-9ZX2M", "O0oI1iLl23", "-"])
def test_what_a_scanner_has_typed_so_far_may_begin_a_code(typed: str) -> None:
    assert could_begin_door_code(typed)


@pytest.mark.parametrize("typed", ["zoe ", "u", "7G4KQ9ZX2M7HB", "Zoë", " 7G4", "7G4KQ_"])
def test_a_space_an_accent_a_letter_no_code_has_or_a_thirteenth_character_begins_none(
    typed: str,
) -> None:
    assert not could_begin_door_code(typed)


def test_a_whole_code_is_a_badge_code_and_its_beginning_is_not() -> None:
    assert is_badge_code("7g4kq-9zx2m")
    assert not is_badge_code("7G4KQ9ZX2")
    assert not is_badge_code("Margarethe Lindqvist")
