"""Host PINs, kept only as salted PBKDF2 hashes."""

from __future__ import annotations

import hashlib
import hmac
import secrets

_ALGORITHM = "pbkdf2_sha256"
_ROUNDS = 200_000


def hash_pin(pin: str, salt: str | None = None) -> str:
    """A hash of `pin` to paste into the config as host_pin_hash."""
    salt = salt or secrets.token_hex(8)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt.encode(), _ROUNDS).hex()
    return f"{_ALGORITHM}${_ROUNDS}${salt}${digest}"


def pin_matches(pin: str, stored: str) -> bool:
    """Whether `pin` is the one `stored` was made from; False for an empty or odd hash."""
    try:
        algorithm, rounds, salt, digest = stored.split("$")
        count = int(rounds)
    except ValueError:
        return False
    if algorithm != _ALGORITHM:
        return False
    attempt = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt.encode(), count).hex()
    return hmac.compare_digest(attempt, digest)
