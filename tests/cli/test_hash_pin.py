"""`kiosk hash-pin`: a host PIN, typed twice without echo, becomes a hash for the config."""

from __future__ import annotations

import getpass

import pytest

from kiosk.pin import pin_matches
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
    prompts = typed(monkeypatch, "2468", "2468")
    made = kiosk("hash-pin")
    assert (made.code, made.err) == (0, "")
    assert prompts == ["Host PIN: ", "Same PIN again: "]
    pin_hash = made.out.strip()
    assert made.out == pin_hash + "\n"
    assert pin_matches("2468", pin_hash)
    assert not pin_matches("1234", pin_hash)


def test_each_hash_is_salted_differently(kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch) -> None:
    typed(monkeypatch, "2468", "2468", "2468", "2468")
    assert kiosk("hash-pin").out != kiosk("hash-pin").out


def test_two_different_pins_make_nothing(kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch) -> None:
    typed(monkeypatch, "2468", "2469")
    refused = kiosk("hash-pin")
    assert (refused.code, refused.out) == (1, "")
    assert refused.err == "kiosk: The two PINs are not the same; nothing was made.\n"


def test_a_pin_under_four_characters_is_refused(
    kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch
) -> None:
    prompts = typed(monkeypatch, "123")
    refused = kiosk("hash-pin")
    assert (refused.code, refused.out) == (1, "")
    assert refused.err == "kiosk: A host PIN needs at least 4 characters.\n"
    assert prompts == ["Host PIN: "]


def test_input_that_ends_early_is_explained(kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch) -> None:
    typed(monkeypatch, "2468")
    refused = kiosk("hash-pin")
    assert (refused.code, refused.out) == (1, "")
    assert refused.err == "kiosk: No PIN was typed; nothing was made.\n"
