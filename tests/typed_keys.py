"""What people type into the search box for a name, typos included: generated from the
names themselves, for the search's tests and its benchmark alike."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterable

SLIPS = "abcdefghijklmnopqrstuvwxyzéöß '-"
"""Letters a finger slips onto: a plain keyboard's, a few accented ones, and the joiners."""
FIRST_LETTERS = 3
"""Slips are cut to every length from this many letters on."""


def typed_keys(names: Iterable[str], count: int, seed: int = 5) -> list[str]:
    """`count` keys (or all there are, if fewer) of those a person might type for the
    names, each once, chosen at random.

    For each name: every prefix, as typed and with its accents left out; the name with one
    letter dropped, two neighbours swapped or one replaced; spaces made hyphens or left
    out, hyphens made spaces; all in lower case and in the case the name is written.
    """
    rng = random.Random(seed)
    keys: set[str] = set()
    for name in sorted(set(names)):
        plain = "".join(
            c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
        )
        for written in {name, name.lower(), plain.lower()}:
            keys.update(written[:n] for n in range(1, len(written) + 1))
            keys.update(_one_slip(written, rng))
            keys.update(
                (
                    written.replace(" ", "-"),
                    written.replace(" ", ""),
                    written.replace("-", " "),
                    written.replace("-", ""),
                )
            )
    return rng.sample(sorted(keys), min(count, len(keys)))


def _one_slip(word: str, rng: random.Random) -> set[str]:
    """`word` with one letter dropped, two swapped or one replaced, wherever it can be."""
    slips = set()
    for i in range(len(word)):
        slips.add(word[:i] + word[i + 1 :])
        slips.add(word[:i] + rng.choice(SLIPS) + word[i + 1 :])
        if i + 1 < len(word):
            slips.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    # The first letters of a slip too: a person sees the list long before the end.
    return slips | {slip[:n] for slip in slips for n in range(FIRST_LETTERS, len(slip))}
