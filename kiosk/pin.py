"""Host PINs, kept only as salted PBKDF2 hashes."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import string

_ALGORITHM = "pbkdf2_sha256"
_ROUNDS = 200_000


def hash_pin(pin: str, salt: str | None = None) -> str:
    """A hash of `pin` to paste into the config as host_pin_hash."""
    salt = salt or secrets.token_hex(8)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt.encode(), _ROUNDS).hex()
    return f"{_ALGORITHM}${_ROUNDS}${salt}${digest}"


def is_pin_hash(stored: str) -> bool:
    """Whether `stored` has the shape of a hash made by `hash_pin`."""
    return _parsed(stored) is not None


def pin_matches(pin: str, stored: str) -> bool:
    """Whether `pin` is the one `stored` was made from; False for an empty or odd hash."""
    parsed = _parsed(stored)
    if parsed is None:
        return False
    rounds, salt, digest = parsed
    attempt = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt.encode(), rounds).hex()
    return hmac.compare_digest(attempt, digest)


def _parsed(stored: str) -> tuple[int, str, str] | None:
    """Rounds, salt and hex digest of a stored hash, or None when it is not one."""
    try:
        algorithm, rounds, salt, digest = stored.split("$")
        count = int(rounds)
    except ValueError:
        return None
    # pbkdf2_hmac refuses fewer than one round, and compare_digest refuses non-ASCII text.
    well_formed = (
        algorithm == _ALGORITHM
        and count >= 1
        and bool(salt)
        and len(digest) == 64
        and all(c in string.hexdigits for c in digest)
    )
    return (count, salt, digest.lower()) if well_formed else None
