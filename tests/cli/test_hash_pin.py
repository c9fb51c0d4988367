"""`kiosk hash-pin`: a host PIN, typed twice without echo, becomes a hash for the config."""

from __future__ import annotations

import getpass

import pytest

from kiosk.access.pin import pin_matches
from tests.cli.running import Kiosk


def typed(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    """Answer getpass prompts with `answers` in turn; returns the prompts shown."""
    prompts: list[str] = []
    left = iter(answers)

    def fake_getpass(prompt: str = "Password: ", stream: object = None) -> str:
        prompts.append(prompt)
        try:
            return next(left)
        except StopIteration:
            raise EOFError from None

    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    return prompts


def test_the_printed_hash_verifies_the_pin(kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch) -> None:
    prompts = typed(monkeypatch, "246813", "246813")
    made = kiosk("hash-pin")
    assert (made.code, made.err) == (0, "")
    assert prompts == ["Host PIN: ", "Same PIN again: "]
    pin_hash = made.out.strip()
    assert made.out == pin_hash + "\n"
    assert pin_hash.startswith("scrypt$")
    assert pin_matches("246813", pin_hash)
    assert not pin_matches("1234", pin_hash)


def test_each_hash_is_salted_differently(kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch) -> None:
    typed(monkeypatch, *["246813"] * 4)
    assert kiosk("hash-pin").out != kiosk("hash-pin").out


def test_two_different_pins_make_nothing(kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch) -> None:
    typed(monkeypatch, "246813", "246814")
    refused = kiosk("hash-pin")
    assert (refused.code, refused.out) == (1, "")
    assert refused.err == "kiosk: The two PINs are not the same; nothing was made.\n"


@pytest.mark.parametrize("pin", ["1234", "12345"])
def test_a_pin_under_six_characters_is_refused_politely(
    kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch, pin: str
) -> None:
    prompts = typed(monkeypatch, pin, pin)
    refused = kiosk("hash-pin")
    assert (refused.code, refused.out) == (1, "")
    assert refused.err == (
        "kiosk: A host PIN needs at least 6 characters, so that it cannot be guessed "
        "quickly; please choose a longer one.\n"
    )
    assert prompts == ["Host PIN: "]


def test_input_that_ends_early_is_explained(kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch) -> None:
    typed(monkeypatch, "246813")
    refused = kiosk("hash-pin")
    assert (refused.code, refused.out) == (1, "")
    assert refused.err == "kiosk: No PIN was typed; nothing was made.\n"
