"""Host PINs: kept only as salted hashes; an odd hash never matches and never crashes."""

from __future__ import annotations

import pytest

from kiosk.pin import hash_pin, is_pin_hash, pin_matches


def test_a_hash_matches_its_pin_and_no_other() -> None:
    pin_hash = hash_pin("2468")
    assert pin_matches("2468", pin_hash)
    assert not pin_matches("2469", pin_hash)
    assert not pin_matches("", pin_hash)


def test_the_same_pin_hashes_differently_each_time() -> None:
    assert hash_pin("2468") != hash_pin("2468")
    assert hash_pin("2468", salt="fixed") == hash_pin("2468", salt="fixed")


def test_a_hash_pasted_in_capitals_still_matches() -> None:
    algorithm, rounds, salt, digest = hash_pin("2468").split("$")
    assert pin_matches("2468", f"{algorithm}${rounds}${salt}${digest.upper()}")


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "1234",
        "pbkdf2_sha256$200000$salt",
        "md5$200000$salt$" + "a" * 64,
        "pbkdf2_sha256$many$salt$" + "a" * 64,
        "pbkdf2_sha256$0$salt$" + "a" * 64,
        "pbkdf2_sha256$-5$salt$" + "a" * 64,
        "pbkdf2_sha256$200000$$" + "a" * 64,
        "pbkdf2_sha256$200000$salt$" + "a" * 63,
        "pbkdf2_sha256$200000$salt$" + "é" * 64,
    ],
)
def test_an_odd_hash_matches_nothing_and_is_not_taken_for_a_hash(stored: str) -> None:
    assert pin_matches("1234", stored) is False
    assert is_pin_hash(stored) is False


def test_a_made_hash_is_recognised() -> None:
    assert is_pin_hash(hash_pin("2468"))
