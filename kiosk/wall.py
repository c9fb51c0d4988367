"""What the wall board shows: a public picture of the community at one minute.

The picture is made away from the screen (it may read member files) and holds only what a
public screen may show: members on the board and not incognito, the profile fields they
did not keep for hosts, shout-outs no host has hidden. The wall board only lays it out,
and the SpaceAPI file names the same members.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from kiosk import stats
from kiosk.answers import ShownAnswer
from kiosk.community import Community
from kiosk.errors import Refused
from kiosk.gathering import Gathering
from kiosk.hours import opening_status
from kiosk.models import Member, Question
from kiosk.opening import local_day

SHOUTOUTS_SHOWN = 6
ANSWERS_SHOWN = 6


@dataclass(slots=True, frozen=True)
class WallShoutOut:
    """A shout-out as the wall board shows it; a member off the board is not named."""

    id: str
    author: str
    to: str
    text: str
    created: datetime


@dataclass(slots=True, frozen=True)
class WallView:
    """Everything on the wall board at `now` (a whole minute)."""

    now: datetime
    """In the time zone of the board."""
    here: int
    """Everyone here, as the home screen counts: incognito members and guests too."""
    came_today: int
    """Everyone who came today, here now or gone, each counted once."""
    opening: str
    """Like "open until 18:00"; empty when the space has no opening hours."""
    gathering: Gathering
    question: Question | None
    answers: tuple[ShownAnswer, ...]
    shoutouts: tuple[WallShoutOut, ...]


def wall_view(community: Community) -> WallView:
    """The wall board's picture of `community` now, its days and times those of the
    community's time zone (the opening hours', or the machine's)."""
    zone = community.zone
    now = community.clock().astimezone(zone).replace(second=0, microsecond=0)
    return WallView(
        now=now,
        here=community.here_count(),
        came_today=came_today(community, now, zone),
        opening=opening_status(community.hours, now),
        gathering=community.gathering(),
        question=community.question(),
        answers=tuple(community.answers_shown(ANSWERS_SHOWN)),
        shoutouts=tuple(_shoutouts(community)),
    )


def came_today(community: Community, now: datetime, zone: tzinfo) -> int:
    """How many people came today (local day in `zone`): members and guests, incognito
    or not, here now or gone, each once."""
    today = stats.Period.day(local_day(now, zone), zone)
    # The history is filed by UTC day; today's local day may touch two of them.
    first = today.start.astimezone(UTC).date()
    last = (today.end - timedelta(microseconds=1)).astimezone(UTC).date()
    visits = [*community.past_visits(first, last), *community.store.open_visits()]
    return stats.people(visits, today, "members") + stats.people(visits, today, "guests")


def _member_or_none(community: Community, member_id: str) -> Member | None:
    try:
        return community.member(member_id)
    except Refused:
        return None


def _shoutouts(community: Community) -> list[WallShoutOut]:
    shown = community.shoutouts(SHOUTOUTS_SHOWN)  # none a host hid
    return [
        WallShoutOut(
            id=s.id,
            author=_public_name(community, s.from_id, "someone"),
            to=_public_name(community, s.to_id, "everyone"),
            text=s.text,
            created=s.created,
        )
        for s in shown
    ]


def _public_name(community: Community, member_id: str | None, nobody: str) -> str:
    """A member's name if they are on the board; `nobody` for no member at all."""
    if member_id is None:
        return nobody
    member = _member_or_none(community, member_id)
    if member is None:
        return "a former member"
    return member.name if member.on_board else "a member"
