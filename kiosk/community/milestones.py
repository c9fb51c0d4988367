"""Milestones the community celebrates: a first visit, the 10th, 50th and 100th visit, and
each year a member.

Days are the kiosk's local days: a milestone "today" lasts from local midnight to local
midnight, whatever day it is in UTC. `tz` is the kiosk's time zone; None means the local
time of the machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Literal

from dateutil.relativedelta import relativedelta

from kiosk.language import _, ngettext
from kiosk.models import Member, Visit
from kiosk.timekeeping.opening import current_day, local_day

MilestoneKind = Literal["first-visit", "visits", "anniversary"]
VISIT_MILESTONES = (10, 50, 100)
"""The visits celebrated by their number (each said with "th")."""


@dataclass(slots=True, frozen=True)
class Milestone:
    """What a check-in celebrates; its words are in the language speaking when read, as
    the board that holds it may be shown again in another language."""

    kind: MilestoneKind
    count: int = 1
    """The visit's number, or the years a member."""

    @property
    def welcome(self) -> str:
        """A sentence for the welcome after check-in."""
        if self.kind == "first-visit":
            return _("Welcome to your first visit! People here love to meet someone new: say hi.")
        if self.kind == "visits":
            return _(
                "This is your {number}th visit. Thank you for being part of this place!"
            ).format(number=self.count)
        return ngettext(
            "{count} year a member today. Happy anniversary, and thank you!",
            "{count} years a member today. Happy anniversary, and thank you!",
            self.count,
        ).format(count=self.count)

    @property
    def badge(self) -> str:
        """A few words for beside the member's name on the board."""
        if self.kind == "first-visit":
            return _("new here, say hi")
        if self.kind == "visits":
            return _("{number}th visit").format(number=self.count)
        return ngettext(
            "{count} year a member today", "{count} years a member today", self.count
        ).format(count=self.count)


def milestone_at_check_in(member: Member, now: datetime, tz: tzinfo) -> Milestone | None:
    """What the check-in `member` is making at `now` celebrates, if anything.

    `member` is as stored before this check-in: `member.visits` counts the visits before
    it. When two milestones fall on one check-in, the rarer is told: a first visit, then a
    visit number, then an anniversary.
    """
    if member.visits == 0:
        return _first_visit()
    return _visit_number(member.visits + 1) or _anniversary(member, current_day(now, tz), tz)


def milestone_on_board(member: Member, visit: Visit, now: datetime, tz: tzinfo) -> Milestone | None:
    """The milestone to show beside a member on the board at `now`: the one their check-in
    of today brought, or their anniversary, for the whole local day.

    `member` is as stored after the check-in of `visit`: `member.visits` counts it.
    """
    if visit.guest:
        return None
    if newcomer_today(member, visit, now, tz):
        return _first_visit()
    today = current_day(now, tz)
    if local_day(visit.since, tz) == today and (number := _visit_number(member.visits)):
        return number
    return _anniversary(member, today, tz)


def newcomer_today(member: Member, visit: Visit, now: datetime, tz: tzinfo) -> bool:
    """Whether the board should say "new here, say hi" beside `member` at `now`: their
    first visit began today, local time, and `visit` is of today.

    `member` is as stored after the check-in of `visit`. A member who came back later the
    same day is still new, if they also joined that day.
    """
    today = current_day(now, tz)
    if visit.guest or local_day(visit.since, tz) != today:
        return False
    return member.visits <= 1 or local_day(member.joined, tz) == today


def _first_visit() -> Milestone:
    return Milestone("first-visit")


def _visit_number(number: int) -> Milestone | None:
    if number not in VISIT_MILESTONES:
        return None
    return Milestone("visits", number)


def _anniversary(member: Member, today: date, tz: tzinfo) -> Milestone | None:
    joined = local_day(member.joined, tz)
    years = today.year - joined.year
    # relativedelta keeps the day within the month: 29 February plus a year is 28 February.
    if years < 1 or joined + relativedelta(years=years) != today:
        return None
    return Milestone("anniversary", years)
