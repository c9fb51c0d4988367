"""Telling a badge scanner from a person at the keyboard.

A USB scanner is a keyboard that types a code very fast and ends it with Enter (some with
Tab or a line feed). A person never types nine keys in a row that fast. So the kiosk holds
back each quick burst of characters from the focused input until it knows what the burst
is: a scan (the characters are swallowed and the scan reported) or typing (the characters
go on to the input, in order, a few hundredths of a second late).

`ScanRecognizer` is pure: it is given each key with the time it came and says which keys
to let through now; it never reads a clock, so tests move time themselves. Told what a code
looks like (`may_begin`, `is_code`), it holds back only what could still be one, and takes
a burst for a scan only when it is one: a quick name of eight letters and an Enter is not.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

Key = TypeVar("Key")
"""Whatever the caller uses for a key press (a UI key event); handed back untouched."""

FASTEST_PERSON = 0.04
"""Seconds between keys below which the keys are taken for a scanner's. Scanners type a
key every 1 to 10 ms; a person's quickest pairs of keys are 40 to 60 ms apart, and never
nine in a row."""

SHORTEST_SCAN = 8
"""Fewer characters than this are never a scan (a badge code has 10)."""

LONGEST_SCAN = 64
"""A burst longer than this is a held-down key or a paste, not a badge: let through."""

REPEAT_WINDOW = 3.0
"""Seconds during which the same code again is a repeat: a badge held under the scanner."""

ENDS = frozenset("\r\n\t")
"""The characters a scanner ends a code with: Enter, line feed or Tab."""

_END_KEYS = {"enter": "\r", "ctrl+j": "\n", "tab": "\t"}


def _any_text(text: str) -> bool:
    return True


def typed(key: str, character: str | None) -> str | None:
    """What the key named `key` types, for `ScanRecognizer.press`: its character, or the
    end character of Enter, ctrl+j (a line feed) and Tab, which some keyboards (and test
    pilots) send without one."""
    return _END_KEYS.get(key, character)


@dataclass(frozen=True, slots=True)
class Scan:
    code: str
    """The characters scanned, as the scanner typed them (not yet read as a badge code)."""
    repeat: bool
    """The same code came within REPEAT_WINDOW seconds of the last time; take it once."""


@dataclass(frozen=True, slots=True)
class Outcome(Generic[Key]):
    """What to do after a key: deliver `release` to the focused widget, in order (the key
    just given is among them unless it is held or was part of a scan), and act on `scan`."""

    release: tuple[Key, ...] = ()
    scan: Scan | None = None
    deadline: float | None = None
    """When keys are held: the time to call `expire` if no other key comes first."""


@dataclass(slots=True)
class ScanRecognizer(Generic[Key]):
    """Feed it every key press with `press`, and call `expire` at the outcome's deadline."""

    gap: float = FASTEST_PERSON
    shortest: int = SHORTEST_SCAN
    longest: int = LONGEST_SCAN
    repeat_window: float = REPEAT_WINDOW
    may_begin: Callable[[str], bool] = _any_text
    """Whether the characters held could be the beginning of a code. The key that makes them
    no beginning of one lets them all through at once: a space, a letter no code has."""
    is_code: Callable[[str], bool] = _any_text
    """Whether a whole quick burst is a code; one that is not goes through with its end key."""
    _held: list[tuple[Key, str]] = field(default_factory=list, init=False, repr=False)
    _last_key_at: float | None = field(default=None, init=False, repr=False)
    _spoiled: bool = field(default=False, init=False, repr=False)
    """The burst under way is too long to be a scan: its keys go straight through."""
    _last_scan: tuple[str, float] | None = field(default=None, init=False, repr=False)

    def press(self, key: Key, character: str | None, at: float) -> Outcome[Key]:
        """A key was pressed at `at` (seconds, any monotonic clock); `character` is what it
        types: a printable character, '\\r', '\\n' or '\\t' for the keys that end a scan,
        or None (or anything else) for keys that type nothing, like arrows or Escape."""
        # Compared with the deadline as given, so a timer set for it agrees to the last bit.
        deadline = self._deadline()
        after_burst = deadline is not None and at < deadline
        self._last_key_at = at
        released: list[Key] = []
        if not after_burst:
            # A pause: whatever was held was a person typing.
            released += self._release()
            self._spoiled = False
        if character is not None and len(character) == 1 and character.isprintable():
            return self._character(key, character, released)
        code = self._held_text()
        if character in ENDS and not self._spoiled and self._is_scan(code):
            self._held.clear()
            return Outcome(tuple(released), self._scanned(code, at))
        return Outcome((*released, *self._release(), key))

    def expire(self, at: float) -> Outcome[Key]:
        """Time has passed (a timer at the last deadline): release what is held if the
        burst has ended by `at`."""
        deadline = self._deadline()
        if not self._held or deadline is None:
            return Outcome()
        if at >= deadline:
            return Outcome(tuple(self._release()))
        return Outcome(deadline=deadline)

    @property
    def holding(self) -> bool:
        """Whether keys are held back, waiting to be known as typing or a scan."""
        return bool(self._held)

    def _character(self, key: Key, character: str, released: list[Key]) -> Outcome[Key]:
        if self._spoiled:
            return Outcome((*released, key))
        self._held.append((key, character))
        if len(self._held) > self.longest:
            self._spoiled = True
            return Outcome((*released, *self._release()))
        if not self.may_begin(self._held_text()):
            return Outcome((*released, *self._release()))
        return Outcome(tuple(released), deadline=self._deadline())

    def _held_text(self) -> str:
        return "".join(char for _, char in self._held)

    def _is_scan(self, code: str) -> bool:
        return len(code) >= self.shortest and self.is_code(code)

    def _scanned(self, code: str, at: float) -> Scan:
        repeat = (
            self._last_scan is not None
            and self._last_scan[0] == code
            and at - self._last_scan[1] <= self.repeat_window
        )
        # A repeat renews the window: a badge left under the scanner is taken only once.
        self._last_scan = (code, at)
        return Scan(code, repeat)

    def _release(self) -> list[Key]:
        keys = [key for key, _ in self._held]
        self._held.clear()
        return keys

    def _deadline(self) -> float | None:
        """When the burst under way ends unless another key comes first."""
        if self._last_key_at is None:
            return None
        return self._last_key_at + self.gap
