"""PINs: kept only as salted scrypt hashes; earlier kiosks' hashes still work; an odd hash
never matches, never crashes and never makes the kiosk spend minutes on one guess."""

from __future__ import annotations

import hashlib

import pytest

from kiosk.access.pin import hash_pin, is_pin_hash, needs_new_hash, pin_matches, require_new_pin
from kiosk.errors import Refused

EARLIER_DEMO_HASH = (
    "pbkdf2_sha256$200000$demo-salt$"
    "ed6211315a5b60c65da15460d7a3a0a3dc0bf694ed83838ffd682963e016fe2c"
)
"""The demo PIN 1234 as the first kiosks hashed it, in the example config they shipped."""


def test_a_hash_matches_its_pin_and_no_other() -> None:
    pin_hash = hash_pin("246813")
    assert pin_matches("246813", pin_hash)
    assert not pin_matches("246814", pin_hash)
    assert not pin_matches("", pin_hash)


def test_a_hash_is_scrypt_of_the_pin_with_the_parameters_and_salt_it_names() -> None:
    # Given a new hash
    name, n, r, p, salt, digest = hash_pin("246813").split("$")
    # Then it is what scrypt makes of the PIN with the parameters written in it
    assert name == "scrypt"
    expected = hashlib.scrypt(
        b"246813", salt=salt.encode(), n=int(n), r=int(r), p=int(p), maxmem=2**26, dklen=32
    )
    assert digest == expected.hex()
    # And each guess needs at least 16 MiB of memory, so a graphics card is no shortcut
    assert 128 * int(n) * int(r) >= 16 * 2**20
    assert len(salt) >= 16


def test_the_same_pin_hashes_differently_each_time() -> None:
    assert hash_pin("246813") != hash_pin("246813")
    assert hash_pin("246813", salt="fixed") == hash_pin("246813", salt="fixed")


def test_a_hash_pasted_in_capitals_still_matches() -> None:
    *settings, digest = hash_pin("246813").split("$")
    assert pin_matches("246813", "$".join([*settings, digest.upper()]))


def test_a_pin_matches_however_its_accents_were_composed() -> None:
    assert pin_matches("Zoe\u0308-2468", hash_pin("Zo\u00eb-2468"))


# -- hashes made by earlier kiosks ---------------------------------------------


def test_the_earlier_demo_hash_still_matches_its_pin() -> None:
    assert pin_matches("1234", EARLIER_DEMO_HASH)
    assert not pin_matches("1235", EARLIER_DEMO_HASH)
    assert is_pin_hash(EARLIER_DEMO_HASH)


def test_an_earlier_pbkdf2_hash_of_any_rounds_still_matches() -> None:
    digest = hashlib.pbkdf2_hmac("sha256", b"975310", b"c0ffee", 1000).hex()
    assert pin_matches("975310", f"pbkdf2_sha256$1000$c0ffee${digest}")
    assert not pin_matches("975311", f"pbkdf2_sha256$1000$c0ffee${digest}")


def test_only_hashes_weaker_than_todays_need_making_again() -> None:
    assert not needs_new_hash(hash_pin("246813"))
    assert needs_new_hash(EARLIER_DEMO_HASH)
    weak = hashlib.scrypt(b"246813", salt=b"s" * 16, n=2**10, r=8, p=1).hex()
    assert needs_new_hash(f"scrypt${2**10}$8$1${'s' * 16}${weak}")


# -- odd hashes ----------------------------------------------------------------

HEX = "a" * 64


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "1234",
        "scrypt",
        f"scrypt$32768$6$1$salt${HEX}$",
        f"scrypt$32768$6$salt${HEX}",
        f"scrypt$32768$6$1$${HEX}",
        f"scrypt$30000$6$1$salt${HEX}",  # not a power of two
        f"scrypt$1$6$1$salt${HEX}",
        f"scrypt${2**30}$8$1$salt${HEX}",  # a gibibyte and minutes per guess
        f"scrypt${2**20}$64$1$salt${HEX}",
        f"scrypt$32768$0$1$salt${HEX}",
        f"scrypt$32768$6$0$salt${HEX}",
        f"scrypt$32768$6$99$salt${HEX}",
        f"scrypt$32768$-6$1$salt${HEX}",
        f"scrypt$3276８$6$1$salt${HEX}",  # a full-width digit
        f"scrypt$32768$6$1$sält${HEX}",
        f"scrypt$32768$6$1$salt${'a' * 63}",
        f"scrypt$32768$6$1$salt${'a' * 16}",
        f"scrypt$32768$6$1$salt${'g' * 64}",
        "pbkdf2_sha256$200000$salt",
        f"md5$200000$salt${HEX}",
        f"pbkdf2_sha256$many$salt${HEX}",
        f"pbkdf2_sha256$0$salt${HEX}",
        f"pbkdf2_sha256$-5$salt${HEX}",
        f"pbkdf2_sha256$99999999999$salt${HEX}",
        f"pbkdf2_sha256$200000$${HEX}",
        f"pbkdf2_sha256$200000$salt${'a' * 63}",
        f"pbkdf2_sha256$200000$salt${'é' * 64}",
    ],
)
def test_an_odd_hash_matches_nothing_and_is_not_taken_for_a_hash(
    stored: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Refused by its shape, before any hashing: a huge cost is never even tried
    def no_hashing(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("an odd hash was hashed")

    monkeypatch.setattr(hashlib, "scrypt", no_hashing)
    monkeypatch.setattr(hashlib, "pbkdf2_hmac", no_hashing)
    assert pin_matches("1234", stored) is False
    assert is_pin_hash(stored) is False


def test_a_made_hash_is_recognised() -> None:
    assert is_pin_hash(hash_pin("246813"))


# -- new PINs ------------------------------------------------------------------


@pytest.mark.parametrize("pin", ["", "1234", "12345", "e\u0301e\u0301e\u0301"])
def test_a_new_pin_under_six_characters_is_refused_politely(pin: str) -> None:
    with pytest.raises(Refused) as refused:
        require_new_pin(pin, for_host=True)
    assert str(refused.value) == (
        "A host PIN needs at least 6 characters, so that it cannot be guessed quickly; "
        "please choose a longer one."
    )


@pytest.mark.parametrize("pin", ["123456", "correct horse", "Zoë-42"])
def test_a_new_pin_of_six_characters_or_more_is_taken(pin: str) -> None:
    assert require_new_pin(pin) == pin
