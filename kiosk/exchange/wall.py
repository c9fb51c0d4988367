"""What the wall board shows: a public picture of the community at one minute.

The picture is made away from the screen (it may read member files) and holds only what a
public screen may show: members on the board and not incognito, the profile fields they
did not keep for hosts, shout-outs no host has hidden. The wall board only lays it out,
and the SpaceAPI file names the same members.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from itertools import chain

from kiosk.community import stats
from kiosk.community.answers import ShownAnswer
from kiosk.community.community import Community
from kiosk.community.gathering import Gathering
from kiosk.models.conversation import Question
from kiosk.safety.inductions import Supervisors
from kiosk.timekeeping.hours import opening_status
from kiosk.timekeeping.opening import current_day, local_time

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
    quiet: bool
    """Its day is said, never its time (`ShoutOut.quiet`)."""


@dataclass(slots=True, frozen=True)
class WallView:
    """Everything on the wall board at `now` (a whole minute)."""

    now: datetime
    """In the time zone of the board."""
    zone: tzinfo
    """The kiosk's one time zone, which every time on the board is in."""
    here: int
    """Everyone here, as the home screen counts: guests and members off the board too,
    members here incognito not (`Community.public_count`)."""
    came_today: int
    """Everyone who came today, here now or gone, each counted once, as `here` counts."""
    opening: str
    """Like "open until 18:00"; empty when the space has no opening hours."""
    gathering: Gathering
    supervisors: tuple[Supervisors, ...]
    """Per tool, who here the board names may supervise or induct on it."""
    question: Question | None
    answers: tuple[ShownAnswer, ...]
    shoutouts: tuple[WallShoutOut, ...]
    events: tuple[str, ...] = ()
    """What is still on today and the next event, a line each ("Tonight 19:00 ...")."""


def wall_view(community: Community) -> WallView:
    """The wall board's picture of `community` now, its days and times those of the
    kiosk's one time zone."""
    zone = community.zone
    now = local_time(community.clock(), zone).replace(second=0, microsecond=0)
    return WallView(
        now=now,
        zone=zone,
        here=community.public_count(),
        came_today=came_today(community, now, zone),
        opening=opening_status(community.hours, now),
        gathering=community.gathering(),
        supervisors=tuple(community.supervisors_here()),
        question=community.question(),
        answers=tuple(community.answers_shown(ANSWERS_SHOWN)),
        shoutouts=tuple(_shoutouts(community)),
        events=tuple(shown.line for shown in community.events_today()),
    )


def came_today(community: Community, now: datetime, zone: tzinfo) -> int:
    """How many people came today (local day in `zone`): members and guests, here now or
    gone, each once. A visit made incognito is counted for hosts only, so it is left out."""
    today = stats.Period.day(current_day(now, zone), zone)
    # The history is filed by UTC day; today's local day may touch two of them.
    first = today.start.astimezone(UTC).date()
    last = (today.end - timedelta(microseconds=1)).astimezone(UTC).date()
    visits = [
        visit
        for visit in chain(community.past_visits(first, last), community.store.open_visits())
        if visit.public
    ]
    return stats.people(visits, today, "members") + stats.people(visits, today, "guests")


def _shoutouts(community: Community) -> list[WallShoutOut]:
    shown = community.shoutouts(SHOUTOUTS_SHOWN)
    return [
        WallShoutOut(
            s.id, *community.shoutout_names(s), text=s.text, created=s.created, quiet=s.quiet
        )
        for s in shown
    ]
