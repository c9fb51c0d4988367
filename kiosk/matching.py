"""Finding a member by a few typed letters: accents and case ignored, one typo forgiven."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from kiosk.models import Member
from kiosk.text import fold

NAME_PREFIX, PART_PREFIX, SUBSTRING, NEAR = range(4)
FUZZY_FROM = 3
"""Typos are forgiven once a query has this many letters; before that, too much matches."""


def within_one_edit(a: str, b: str) -> bool:
    """True if `a` becomes `b` by at most one insertion, deletion, substitution or swap."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    start = 0
    while start < len(a) and a[start] == b[start]:
        start += 1
    if len(a) == len(b):
        rest = start + 1
        if a[rest:] == b[rest:]:
            return True
        swapped = start + 1 < len(a) and a[start] == b[rest] and a[rest] == b[start]
        return swapped and a[start + 2 :] == b[start + 2 :]
    return a[start:] == b[start + 1 :]


def _near_keys(word: str) -> set[str]:
    """Keys that any two words within one edit of each other have in common."""
    keys = {word[:FUZZY_FROM]}
    for head in (word[:FUZZY_FROM], word[: FUZZY_FROM + 1]):
        keys |= {head[:i] + head[i + 1 :] for i in range(len(head))}
    return keys


class MemberIndex:
    """Members prepared for search-as-you-type; build once, query on every key."""

    def __init__(self, members: Iterable[Member]) -> None:
        self._entries: list[tuple[Member, str, tuple[str, ...]]] = []
        # Near-miss candidates: two words within one edit share a one-letter deletion of
        # their first few letters, so only those few are compared in full.
        self._near: dict[str, set[int]] = defaultdict(set)
        for position, member in enumerate(sorted(members, key=lambda m: fold(m.name))):
            folded = fold(member.name)
            parts = _words(folded)
            self._entries.append((member, folded, parts))
            for part in parts:
                for key in _near_keys(part):
                    self._near[key].add(position)

    def __len__(self) -> int:
        return len(self._entries)

    def search(self, query: str, limit: int = 8) -> list[Member]:
        """Members matching `query`: name and name-part prefixes first, then substrings,
        then names each typed word starts, one typo forgiven."""
        wanted = " ".join(fold(query).split())
        if not wanted:
            return []
        ranked: list[tuple[int, int]] = []
        for position, (_member, folded, parts) in enumerate(self._entries):
            if folded.startswith(wanted):
                ranked.append((NAME_PREFIX, position))
            elif any(part.startswith(wanted) for part in parts):
                ranked.append((PART_PREFIX, position))
            elif wanted in folded:
                ranked.append((SUBSTRING, position))
        words = _words(wanted)
        longest = max(words, key=len, default="")
        if len(ranked) < limit and len(longest) >= FUZZY_FROM:
            found = {position for _, position in ranked}
            for position in sorted(self._candidates(longest) - found):
                if _near_miss(words, self._entries[position][2]):
                    ranked.append((NEAR, position))
        ranked.sort()
        return [self._entries[position][0] for _, position in ranked[:limit]]

    def _candidates(self, word: str) -> set[int]:
        candidates: set[int] = set()
        for key in _near_keys(word):
            candidates |= self._near.get(key, set())
        return candidates


def _words(folded: str) -> tuple[str, ...]:
    return tuple(folded.replace("-", " ").split())


def _near_miss(words: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    """Every typed word starts some part of the name, but for one typo in longer words."""
    return all(any(_starts_nearly(word, part) for part in parts) for word in words)


def _starts_nearly(word: str, part: str) -> bool:
    if part.startswith(word):
        return True
    if len(word) < FUZZY_FROM:
        return False
    lengths = (len(word) - 1, len(word), len(word) + 1)
    return any(within_one_edit(word, part[:length]) for length in lengths)


def same_name(name: str, members: Iterable[Member]) -> list[Member]:
    """Members whose name is the same as `name`, or one typo away, ignoring accents and case."""
    wanted = " ".join(fold(name).split())
    return [m for m in members if within_one_edit(wanted, " ".join(fold(m.name).split()))]
