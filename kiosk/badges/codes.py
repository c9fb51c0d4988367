"""Badge and invitation codes: random characters a QR scanner, a keyboard and a person all
get right.

A badge code has ten characters and an invitation code twelve, so that neither can ever be
read as the other: however it is typed (any case, hyphens anywhere), a code reads as one
kind or none.
"""

from __future__ import annotations

import os

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
"""Crockford's base32: digits and capitals without I, L, O and U, which are easy to misread."""

LENGTH = 10
"""Fifty random bits: a code nobody guesses, short enough to type from the badge."""

INVITATION_LENGTH = 12
"""Sixty random bits; never the length of a badge code, so never taken for one."""

# Crockford's decoding: letters that look like digits are read as those digits.
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_badge_code() -> str:
    """A fresh random badge code, like '7G4KQ9ZX2M'."""
    return _random_code(LENGTH)


def new_invitation_code() -> str:
    """A fresh random invitation code, like '7G4KQ9ZX2MHB'."""
    return _random_code(INVITATION_LENGTH)


def _random_code(length: int) -> str:
    # The system's random bytes, each read as one of the 32 characters: 256 is a multiple
    # of 32, so every character is as likely as any other.
    return "".join(ALPHABET[byte % len(ALPHABET)] for byte in os.urandom(length))


def normalize_badge_code(typed: str) -> str | None:
    """The badge code in `typed` (any case, with O for 0, I or L for 1, hyphens anywhere,
    spaces around), or None when it is not one."""
    return _normalized(typed, LENGTH)


def normalize_invitation_code(typed: str) -> str | None:
    """The invitation code in `typed`, read as `normalize_badge_code` reads a badge code,
    or None when it is not one."""
    return _normalized(typed, INVITATION_LENGTH)


def _normalized(typed: str, length: int) -> str | None:
    if not typed.isascii():
        return None
    code = typed.strip().replace("-", "").upper().translate(_LOOKALIKES)
    if len(code) != length or any(char not in ALPHABET for char in code):
        return None
    return code


def is_badge_code(typed: str) -> bool:
    """Whether `typed` is a badge code, as `normalize_badge_code` reads one."""
    return normalize_badge_code(typed) is not None


def is_door_code(typed: str) -> bool:
    """Whether `typed` is a code the door takes: a badge's or an invitation's."""
    return is_badge_code(typed) or normalize_invitation_code(typed) is not None


def could_begin_door_code(typed: str) -> bool:
    """Whether `typed` could be the first characters of a badge or invitation code as a
    scanner types one: code characters and hyphens only, no more than an invitation code
    has. A space, an accent or a thirteenth character says it is something else (a name,
    a sentence)."""
    if not typed.isascii():
        return False
    code = typed.replace("-", "").upper().translate(_LOOKALIKES)
    return len(code) <= INVITATION_LENGTH and all(char in ALPHABET for char in code)


def spaced_badge_code(code: str) -> str:
    """The code as printed under its QR code, in two halves: '7G4KQ-9ZX2M'."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"
