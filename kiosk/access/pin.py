"""PINs (the host's, and later members' own), kept only as salted, memory-hard hashes.

A new hash is scrypt, written with its parameters and salt as

    scrypt$N$r$p$SALT$HEX

so the parameters can grow later without breaking hashes made now. N = 2**15 and r = 6
take 24 MiB and about 0.1 s a guess on the kiosk's kind of machine (measured on one core
of a shared 2-core machine: median 0.099 s over 55 checks, 0.07 s at best), and the
memory makes guessing on a graphics card no cheaper. With p = 1, one guess uses one core.
Hashes made by earlier kiosks (pbkdf2_sha256$ROUNDS$SALT$HEX) are still read.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import string
import unicodedata
from dataclasses import dataclass

from kiosk.errors import Refused
from kiosk.language import _

NEW_PIN_MINIMUM = 6
"""Characters a new PIN needs: every 4-digit PIN can be tried offline in minutes."""

_SCRYPT = "scrypt"
_N, _R, _P = 2**15, 6, 1
_KEY_BYTES = 32
# Parameters a stored hash may ask for: beyond these, checking one PIN would take the
# kiosk seconds and hundreds of MiB, so such a hash is not taken for one.
_MAX_N, _MAX_R, _MAX_P, _MAX_MEMORY = 2**20, 64, 16, 256 * 2**20
_PBKDF2 = "pbkdf2_sha256"
_MAX_ROUNDS = 10_000_000


@dataclass(frozen=True, slots=True)
class _Scrypt:
    n: int
    r: int
    p: int
    salt: str
    digest: str

    def of(self, pin: str) -> str:
        return _scrypt(pin, self.salt, self.n, self.r, self.p, len(self.digest) // 2)


@dataclass(frozen=True, slots=True)
class _Pbkdf2:
    rounds: int
    salt: str
    digest: str

    def of(self, pin: str) -> str:
        # As earlier kiosks hashed it: the PIN's bytes exactly as typed.
        return hashlib.pbkdf2_hmac("sha256", pin.encode(), self.salt.encode(), self.rounds).hex()


def hash_pin(pin: str, salt: str | None = None) -> str:
    """A salted scrypt hash of `pin`, with its parameters, to keep instead of the PIN."""
    salt = salt or os.urandom(16).hex()
    if "$" in salt or not salt.isascii():
        raise ValueError("a salt is ASCII text without '$'")
    digest = _scrypt(pin, salt, _N, _R, _P, _KEY_BYTES)
    return f"{_SCRYPT}${_N}${_R}${_P}${salt}${digest}"


def pin_matches(pin: str, stored: str) -> bool:
    """Whether `pin` is the one `stored` was made from; False for an empty or odd hash."""
    parsed = _parsed(stored)
    if parsed is None:
        return False
    return hmac.compare_digest(parsed.of(pin), parsed.digest)


def is_pin_hash(stored: str) -> bool:
    """Whether `stored` has the shape of a hash made by `hash_pin` (or an earlier kiosk)."""
    return _parsed(stored) is not None


def needs_new_hash(stored: str) -> bool:
    """Whether `stored` was made with weaker settings than `hash_pin` uses now, so a PIN
    that matched it is better hashed again."""
    parsed = _parsed(stored)
    return not isinstance(parsed, _Scrypt) or (parsed.n, parsed.r, parsed.p) < (_N, _R, _P)


def require_new_pin(pin: str, for_host: bool = False) -> str:
    """`pin` if it is long enough to become a new PIN (a member's, or the hosts' one when
    `for_host`); refused politely otherwise."""
    if len(unicodedata.normalize("NFC", pin)) < NEW_PIN_MINIMUM:
        if for_host:
            refusal = _(
                "A host PIN needs at least {count} characters, so that it cannot be guessed "
                "quickly; please choose a longer one."
            )
        else:
            refusal = _(
                "A PIN needs at least {count} characters, so that it cannot be guessed "
                "quickly; please choose a longer one."
            )
        raise Refused(refusal.format(count=NEW_PIN_MINIMUM))
    return pin


def _scrypt(pin: str, salt: str, n: int, r: int, p: int, size: int) -> str:
    # One PIN however the keyboard composed its accents. scrypt's working memory is
    # 128 * r * (N + p) bytes; a little more is allowed.
    return hashlib.scrypt(
        unicodedata.normalize("NFC", pin).encode(),
        salt=salt.encode(),
        n=n,
        r=r,
        p=p,
        maxmem=128 * r * (n + p + 2) + 2**20,
        dklen=size,
    ).hex()


def _parsed(stored: str) -> _Scrypt | _Pbkdf2 | None:
    """The parameters, salt and digest of a stored hash, or None when it is not one."""
    parts = stored.split("$")
    try:
        if parts[0] == _SCRYPT and len(parts) == 6:
            n, r, p = (_whole(part) for part in parts[1:4])
            scrypt = _Scrypt(n, r, p, parts[4], parts[5].lower())
            fits = (
                1 < n <= _MAX_N
                and n & (n - 1) == 0  # scrypt needs a power of two
                and 0 < r <= _MAX_R
                and 0 < p <= _MAX_P
                and 128 * r * (n + p) <= _MAX_MEMORY
            )
            return scrypt if fits and _salted(scrypt.salt, scrypt.digest) else None
        if parts[0] == _PBKDF2 and len(parts) == 4:
            rounds = _whole(parts[1])
            pbkdf2 = _Pbkdf2(rounds, parts[2], parts[3].lower())
            fits = 0 < rounds <= _MAX_ROUNDS and len(pbkdf2.digest) == 64
            return pbkdf2 if fits and _salted(pbkdf2.salt, pbkdf2.digest) else None
    except ValueError:
        return None
    return None


def _whole(text: str) -> int:
    """A number written with ASCII digits only ("٣" or " 3" is no number here)."""
    if not (text.isascii() and text.isdigit()):
        raise ValueError(text)
    return int(text)


def _salted(salt: str, digest: str) -> bool:
    # compare_digest refuses non-ASCII text, and a digest is whole bytes of hex.
    return (
        bool(salt)
        and salt.isascii()
        and 32 <= len(digest) <= 128
        and len(digest) % 2 == 0
        and all(c in string.hexdigits for c in digest)
    )
