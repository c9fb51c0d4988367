"""Telling two members of one name apart the way people would: by what they are about."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import tzinfo

from textual.content import Content

from kiosk import language
from kiosk.language import _
from kiosk.models import Member
from kiosk.text import fold
from kiosk.timekeeping.opening import local_day, local_time


def told_apart(member: Member, others: Iterable[Member], zone: tzinfo) -> str:
    """What sets `member` apart from namesakes among `others`, or "" when they have none.

    Their topics when those differ, else their intro, else the day they joined (in the
    kiosk's `zone`); never an internal id, which means nothing to a person.
    """
    name = fold(member.name)
    twins = [m for m in others if m.id != member.id and fold(m.name) == name]
    if not twins:
        return ""
    topics = member.topics if member.shows("topics") else ()
    if topics and all(twin.topics != member.topics for twin in twins):
        return ", ".join(topics)
    if member.intro and member.shows("intro"):
        return member.intro
    local = local_time(member.joined, zone)
    day = language.short_day(local, with_year=True)
    if any(local_day(twin.joined, zone) == local_day(member.joined, zone) for twin in twins):
        return _("joined {day}, {time}").format(day=day, time=language.clock(local))
    return _("joined {day}").format(day=day)


def name_line(member: Member, others: Iterable[Member], zone: tzinfo) -> Content:
    """The member's name in bold, and what tells them apart from namesakes, dimmed."""
    about = told_apart(member, others, zone)
    return Content.assemble((member.name, "bold"), (f"  {about}" if about else "", "dim"))


def namesakes_together(found: list[Member]) -> list[Member]:
    """`found` in its order, but namesakes side by side where the first of them stands,
    the longest-standing member first, so the list reads the same every time."""
    first_place: dict[str, int] = {}
    for place, member in enumerate(found):
        first_place.setdefault(fold(member.name), place)
    return sorted(found, key=lambda m: (first_place[fold(m.name)], m.joined, m.id))
