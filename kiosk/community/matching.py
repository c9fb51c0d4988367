"""Finding a member by a few typed letters: accents and case ignored, one typo forgiven,
and the spaces, apostrophes and hyphens inside a name optional ("oconnor", "mariajose")."""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from heapq import merge
from itertools import accumulate

from kiosk.models import Member
from kiosk.text import fold

Row = tuple[str, str, bool]
"""A member as search knows them: their name as searches compare it (`whole_name`), their
id, and whether they are on the board. Rows are what the kiosk saves between starts."""


def rows_of(members: Iterable[Member]) -> list[Row]:
    """Search's rows of `members`, in the order the index keeps them (by name, then id),
    so that building an index of them again sorts nothing."""
    folded: dict[str, str] = {}  # names repeat, and folding is most of the work
    return sorted(
        (folded.get(m.name) or folded.setdefault(m.name, whole_name(m.name)), m.id, m.on_board)
        for m in members
    )


FUZZY_FROM = 3
"""Typos are forgiven once a query has this many letters; before that, too much matches."""
_JOINERS = str.maketrans("", "", " '-")
"""What a person may leave out of a name, or put in: "Mei Lin" is found by "meilin", "O'Connor"
by "o connor" and "oconnor"."""


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
    """Members prepared for search-as-you-type; build once, query on every key.

    Names are kept folded and sorted, so the names that start with what was typed are one
    binary search away, and joined into one text (and once more with spaces, apostrophes
    and hyphens left out), so a scan for a later name part or a substring runs as a
    string search in C rather than in a Python loop.
    Near misses are looked for among the distinct words of all names (far fewer than the
    names), then among the members who have those words, as sets. Each stage stops as
    soon as it has filled the list. Positions are kept in compact arrays, so the index of
    fifty thousand members takes a few megabytes.
    """

    def __init__(self, rows: Iterable[Row]) -> None:
        # One place per distinct name, with its members' ids in order: a big community
        # shares its common names many times over, and each stage then looks at every
        # name once rather than at every namesake.
        ids_of: dict[str, list[str]] = {}
        for name, member_id in sorted((name, member_id) for name, member_id, _ in rows):
            ids_of.setdefault(name, []).append(member_id)
        # Ids, not the members: a member whose file is reread is not kept twice.
        self._ids = [tuple(ids) for ids in ids_of.values()]
        self._names = list(ids_of)
        self._count = sum(map(len, self._ids))
        self._joined = _Joined(self._names)
        self._squashed = _Joined([_squashed(name) for name in self._names])
        # Who has each distinct word, and, for near misses, the words that share a key
        # with any word within one edit of them.
        having: dict[str, list[int]] = defaultdict(list)
        for position, name in enumerate(self._names):
            for word in set(_words(name)):
                having[word].append(position)
        self._having = {word: array("l", positions) for word, positions in having.items()}
        self._words = sorted(self._having)
        near: dict[str, list[str]] = defaultdict(list)
        for word in self._having:
            for key in _near_keys(word):
                near[key].append(word)
        self._near = {key: tuple(words) for key, words in near.items()}

    def __len__(self) -> int:
        return self._count

    def search(self, query: str, limit: int = 8) -> list[str]:
        """The ids of members matching `query`: name and name-part prefixes first, then
        substrings, then substrings once spaces, apostrophes and hyphens are left out of
        both, then names each typed word starts, one typo forgiven; alphabetical within
        each."""
        wanted = " ".join(fold(query).split())
        if not wanted or limit < 1:
            return []
        squashed = _squashed(wanted)
        # Without spaces, apostrophes or hyphens, a key within a name is within the name
        # squashed too; with them, it can only be within the name. A key found nowhere
        # there starts no later part either: one scan answers the first substring stages.
        within = self._squashed if squashed == wanted else self._joined
        anywhere = wanted in within
        found: set[int] = set()
        ids: list[str] = []  # in rank order, each once
        for stage in (
            self._name_prefixes(wanted),
            self._joined.lines(" " + wanted, "-" + wanted) if anywhere else (),
            within.lines(wanted) if anywhere else (),
            self._squashed.lines(squashed) if squashed and squashed != wanted else (),
            self._near_misses(wanted),
        ):
            for position in stage:
                if position not in found:
                    found.add(position)
                    ids.extend(self._ids[position])
                    if len(ids) >= limit:
                        return ids[:limit]
        return ids

    def _name_prefixes(self, wanted: str) -> Iterator[int]:
        position = bisect_left(self._names, wanted)
        while position < len(self._names) and self._names[position].startswith(wanted):
            yield position
            position += 1

    def _near_misses(self, wanted: str) -> Iterator[int]:
        words = set(_words(wanted))
        if len(max(words, key=len, default="")) < FUZZY_FROM:
            return
        # Every typed word must start some part of the name, nearly: the names left are
        # those having, for each typed word, one of the parts it starts. Sets of positions
        # do that in C, the word that leaves the fewest first.
        having = sorted(
            ([self._having[part] for part in self._parts_started(word)] for word in words),
            key=lambda positions: sum(map(len, positions)),
        )
        left: set[int] = set().union(*having[0])
        for positions in having[1:]:
            if not left:
                return
            left.intersection_update(set().union(*positions))
        yield from sorted(left)

    def _parts_started(self, word: str) -> Iterator[str]:
        """The distinct name parts that `word` starts, one typo forgiven once it is long
        enough to be told from others."""
        if len(word) < FUZZY_FROM:
            position = bisect_left(self._words, word)
            while position < len(self._words) and self._words[position].startswith(word):
                yield self._words[position]
                position += 1
            return
        close = {part for key in _near_keys(word) for part in self._near.get(key, ())}
        yield from (part for part in close if _starts_nearly(word, part))


class _Joined:
    """Lines joined into one text, so that what contains a few letters is found by a
    string search in C; a line's number is its position in the index."""

    def __init__(self, lines: list[str]) -> None:
        self._text = "\n".join(lines)
        self._starts = array("l", accumulate((len(line) + 1 for line in lines[:-1]), initial=0))

    def __contains__(self, wanted: str) -> bool:
        return wanted in self._text

    def lines(self, *wanted: str) -> Iterator[int]:
        """The lines containing any of `wanted`, first to last (a line may repeat)."""
        for offset in merge(*(self._offsets(each) for each in wanted)):
            yield bisect_right(self._starts, offset) - 1

    def _offsets(self, wanted: str) -> Iterator[int]:
        offset = self._text.find(wanted)
        while offset >= 0:
            yield offset
            offset = self._text.find(wanted, offset + 1)


def _squashed(folded: str) -> str:
    return folded.translate(_JOINERS)


def _words(folded: str) -> tuple[str, ...]:
    return tuple(folded.replace("-", " ").split())


def _starts_nearly(word: str, part: str) -> bool:
    if part.startswith(word):
        return True
    if len(word) < FUZZY_FROM:
        return False
    lengths = (len(word) - 1, len(word), len(word) + 1)
    return any(within_one_edit(word, part[:length]) for length in lengths)


def same_name(name: str, members: Iterable[Member]) -> list[Member]:
    """Members whose name is the same as `name`, or one typo away, ignoring accents and case."""
    wanted = whole_name(name)
    return [m for m in members if within_one_edit(wanted, whole_name(m.name))]


MIN_LETTERS = 3
"""Letters a search at the door needs before it lists anyone by part of a name."""
MOST_FOUND = 5
"""The most members a search at the door lists."""


def whole_name(text: str) -> str:
    """A name as searches compare it: accents and case ignored, spaces made single."""
    return " ".join(fold(text).split())


def enough_letters(query: str) -> bool:
    """Whether `query` has the letters the door needs to list anyone by part of a name."""
    return sum(char.isalnum() for char in query) >= MIN_LETTERS


class DoorSearch:
    """Search at the door, with the hosts' search beside it.

    Anyone can type at the kiosk, so the door lists members only for a few letters or
    more (`MIN_LETTERS`), at most `MOST_FOUND` of them, and a member who keeps off the
    board only for their whole name (accents, case and spaces forgiven). Members on the
    board can still be listed with a few dozen queries, as the board shows them; those
    off it cannot. Fewer letters find a whole name too, so a member called "Li" still
    finds herself. Hosts find everyone by any part of a name.
    """

    def __init__(self, rows: Iterable[Row], hosts_now: bool = True) -> None:
        """`hosts_now`: build the hosts' search now, not at their first search (the
        door's first keys after a restart should not wait for it)."""
        self._rows = list(rows)
        self._on_board = MemberIndex(row for row in self._rows if row[2])
        self._everyone = MemberIndex(self._rows) if hosts_now else None
        self._named: dict[str, list[str]] = defaultdict(list)
        for name, member_id, _ in self._rows:
            self._named[name].append(member_id)

    def at_door(self, query: str, limit: int = MOST_FOUND) -> list[str]:
        """The ids of members the door lists for `query` (at most `MOST_FOUND`), best
        first: whole names, then members on the board as `MemberIndex.search` finds them."""
        limit = min(limit, MOST_FOUND)
        wanted = whole_name(query)
        found = dict.fromkeys(self._named.get(wanted, ()))
        if enough_letters(wanted):
            found.update(dict.fromkeys(self._on_board.search(query, limit)))
        return list(found)[:limit]

    def for_hosts(self, query: str, limit: int) -> list[str]:
        """The ids of every member matching `query`, best first (for hosts)."""
        if self._everyone is None:
            self._everyone = MemberIndex(self._rows)
        return self._everyone.search(query, limit)
