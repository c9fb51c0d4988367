"""A community with something to keep private: who and what public screens must never
show, beside who and what they must."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk.community.community import Community
from kiosk.models import Status
from kiosk.storage.store import Store


@dataclass(frozen=True, slots=True)
class Secrets:
    shown: tuple[str, ...]
    """Words every public screen shows: members on the board and what they share."""
    kept: tuple[str, ...]
    """Words no public screen may show: incognito and off-board members, fields kept
    for hosts, a hidden shout-out."""
    here: int
    """Everyone here, as public screens count them: the member off the board too, not the
    one here incognito, whom hosts alone count."""
    named: tuple[str, ...]
    """The members a public screen names as here, by name."""


CheckIn = Callable[[Community, str, Status], object]
"""How a member is checked in: by this community, or by a process with a clock of its own."""


def seed_secrets(
    data_dir: Path,
    clock: Callable[[], datetime],
    check_in: CheckIn = lambda community, member_id, status: community.check_in(member_id, status),
) -> Secrets:
    """Four members here (one incognito, one off the board, one keeping her profile for
    hosts), a shout-out from the off-board member and one a host hid."""
    community = Community(Store.open(data_dir), clock)
    ana = community.add_member("Ana Shown", ("climbing",))
    check_in(community, ana.id, "open")
    ivo = community.add_member("Ivo Incognito", ("lockpicking",))
    check_in(community, ivo.id, "incognito")
    olga = community.add_member("Olga Offboard", ("knitting",), on_board=False)
    # Written before she came in; one written while she is here waits until she leaves.
    community.post_shoutout(olga.id, ana.id, "Thanks from the quiet corner")
    check_in(community, olga.id, "open")
    hana = community.add_member("Hana Private", ("beekeeping",))
    community.edit_member(
        hana.id,
        looking_for=("tax forms",),
        mentor=("beekeeping",),
        pronouns="xe/xem",
        intro="Ask me nothing",
        hosts_only=("topics", "looking_for", "mentor", "pronouns", "intro"),
    )
    check_in(community, hana.id, "open")
    hidden = community.post_shoutout(ana.id, None, "Nobody should read this one")
    community.hide_shoutout(hidden.id)
    return Secrets(
        shown=("Ana Shown", "Hana Private", "climbing", "Thanks from the quiet corner"),
        kept=(
            "Ivo",
            "Incognito",
            "lockpicking",
            "Olga",
            "Offboard",
            "knitting",
            "beekeeping",
            "tax forms",
            "xe/xem",
            "Ask me nothing",
            "Nobody should read",
        ),
        here=3,
        named=("Ana Shown", "Hana Private"),
    )
