"""Target 5: search as you type at 50,000 members, key by key; what a key costs when the
index has to be built again because another process changed member files; and what the
door's rules against scraping (`matching.DoorSearch`) cost a regular finding herself,
against the plain index of everyone in the same run."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from functools import partial
from itertools import cycle
from pathlib import Path

from kiosk.community.attendance import FILE_AFTER
from kiosk.community.community import Community
from kiosk.community.matching import DoorSearch, MemberIndex, enough_letters
from tests.benchmarks.datasets import LARGE
from tests.benchmarks.figures import ROUNDS, WARMUP, Case, Figure, interleaved, timed
from tests.benchmarks.report import Row, Section, bound, versus
from tests.benchmarks.scenes import Scratch, absent, opened

TYPED = ("mar", "zoe", "smiht", "jürgen we", "ana k", "xyzq")
"""Typed key by key: prefixes, an accent left out, a typo, a second name, nobody."""
KEYS = tuple(dict.fromkeys(word[:n] for word in TYPED for n in range(1, len(word) + 1)))


def measure(scratch: Scratch) -> Section:
    print("  search as you type ...", flush=True)
    data = scratch.copy(LARGE)
    kiosk = opened(data, everyone=False)
    first = Figure(samples=[timed(lambda: kiosk.search(KEYS[0]))])

    def searching(key: str) -> Case:
        return lambda: {key: timed(lambda: kiosk.search(key))}

    per_key = interleaved([searching(key) for key in KEYS])
    medians = {key: figure.median for key, figure in per_key.items()}
    slowest = max(medians, key=medians.__getitem__)
    typical = Figure(samples=sorted(medians.values()))
    typical_row = Figure(samples=[statistics.median(typical.samples)])
    rebuilt = _after_filing(kiosk, data)
    door, plain = _door_against_plain_index(kiosk)
    return Section(
        f"5. Search as you type ({LARGE.label}): slowest key <= 5 ms, median < 1 ms",
        [
            bound(
                f"slowest key, '{slowest}'",
                per_key[slowest],
                0.005,
                "<= 5 ms",
            ),
            bound(
                f"median over the {len(KEYS)} keys (of each key's median)",
                typical_row,
                0.001,
                "< 1 ms",
            ),
            Row(
                "first key after start (reads every member, builds the index)",
                first,
            ),
            bound(
                "first key after another process filed visits (index rebuilt)",
                rebuilt,
                0.005,
                "<= 5 ms",
                "median",
            ),
            versus(
                "typing the names (each key from the 3rd letter), door against plain index",
                door,
                plain,
                1.2,
            ),
        ],
        [
            f"keys: {', '.join(repr(k) for k in KEYS)}; each key {ROUNDS} times after "
            f"{WARMUP} warm-up rounds, keys taking turns; `Community.search` in-process",
            "door against plain: every key of 3 letters or more searched once a round, "
            "summed; `DoorSearch.at_door` (whole names, members on the board, at most 5) "
            "against `MemberIndex.search` (at most 8, as before the door's rules), both "
            "of every active member, taking turns",
            "the kiosk builds the index in a worker after its first screen; after a filing "
            "(1 check-out in 50) the member files changed, refresh drops the index, and the "
            "next key builds it again on the UI thread",
        ],
    )


def _door_against_plain_index(kiosk: Community) -> tuple[Figure, Figure]:
    """Typing the names once, every key from the letters the door needs on, searched with
    the door's rules and in a plain index, both of every active member; round by round."""
    active = [m for m in kiosk.members() if m.active]
    door, plain = DoorSearch(active), MemberIndex(active)
    keys = [key for key in KEYS if enough_letters(key)]

    def typing(side: str, search: Callable[[str], object]) -> Callable[[], dict[str, float]]:
        return lambda: {side: sum(timed(partial(search, key)) for key in keys)}

    figures = interleaved(
        [typing("door", door.at_door), typing("plain", lambda key: plain.search(key, 8))]
    )
    return figures["door"], figures["plain"]


def _after_filing(kiosk: Community, data: Path) -> Figure:
    """The first key after another process's 50th check-out, round by round."""
    writer = opened(data, everyone=False)
    members = cycle(list(absent(writer, 200, seed=6)))

    def case() -> dict[str, float]:
        for _ in range(FILE_AFTER):
            member_id = next(members)
            writer.check_in(member_id)
            writer.check_out(member_id)
        kiosk.refresh()
        return {"rebuilt": timed(lambda: kiosk.search("mar"))}

    return interleaved([case])["rebuilt"]
