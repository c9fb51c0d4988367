"""Each kind of record in its one JSON form, as the command line prints it and a member's
own data holds it: what is public, and what only hosts may read."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from kiosk.language import as_data
from kiosk.models import PROFILE_FIELDS, Member, Presence, ProfileField
from kiosk.timekeeping.opening import local_day

if TYPE_CHECKING:  # annotations only: who is here at the door needs neither
    from kiosk.community.guests import GuestHere
    from kiosk.models.conversation import Answer, ShoutOut


def member_json(member: Member) -> dict[str, Any]:
    """A member as `kiosk members list --json` lists them: never a field they keep for
    hosts."""
    return {
        "id": member.id,
        "name": member.name,
        "joined": member.joined.isoformat(),
        "on_board": member.on_board,
        "named_online": member.named_online,
        "active": member.active,
        "badge": member.badge,
        **_profile_json(member, lambda field: field not in member.hosts_only),
    }


def presence_json(here: Presence) -> dict[str, Any]:
    """Someone here, as `kiosk present --json` shows the board: public fields only, and
    today's topics only while they are open to chat."""
    member, visit = here.member, here.visit
    open_to_chat = visit.status == "open" and member.shows("topics")
    return {
        "id": member.id,
        "name": member.name,
        "since": visit.since.isoformat(),
        "status": visit.status,
        **_profile_json(member, member.shows),
        "topics": list(visit.topics) if open_to_chat else [],
    }


def guest_json(guest: GuestHere) -> dict[str, Any]:
    """A guest here, as `kiosk present --json` shows the board: never by their own name,
    as "guest of Zoë", or "a guest" when the board does not show their host, in English
    whatever the kiosk speaks, as all JSON is."""
    with as_data():
        name = guest.shown_as
    return {
        "id": None,
        "name": name,
        "since": guest.since.isoformat(),
        "status": "guest",
    }


def _profile_json(member: Member, shown: Callable[[ProfileField], bool]) -> dict[str, Any]:
    return {
        field: list(value) if isinstance(value, tuple) else value
        for field in PROFILE_FIELDS
        if shown(field)
        for value in [getattr(member, field)]
    }


def shoutout_json(
    shoutout: ShoutOut,
    names: tuple[str, str],
    id_of: Callable[[str | None], str | None],
    zone: tzinfo,
    exact: bool,
) -> dict[str, Any]:
    """A shout-out as `kiosk shoutouts --json` lists it, with the `names` of who it is from
    and to (`shoutout_names`); `id_of` gives the ids it may. Unless `exact` (for hosts),
    one written by a member here unseen gives only its day (`public_time`)."""
    author, to = names
    return {
        "id": shoutout.id,
        "from": author,
        "from_id": id_of(shoutout.from_id),
        "to": None if shoutout.to_id is None else to,
        "to_id": id_of(shoutout.to_id),
        "text": shoutout.text,
        "created": public_time(shoutout.created, shoutout.quiet and not exact, zone),
    }


def public_time(moment: datetime, day_only: bool, zone: tzinfo) -> str:
    """When a member wrote something, in ISO form, as anyone may read it: with
    `day_only`, for what they wrote while here unseen (`ShoutOut.quiet`,
    `Answer.quiet`), its day in the kiosk's `zone` alone, as the screens say it, since
    the time would tell when they were here."""
    return local_day(moment, zone).isoformat() if day_only else moment.astimezone(UTC).isoformat()


def answer_json(answer: Answer, name: str, zone: tzinfo, exact: bool) -> dict[str, Any]:
    """An answer to the question of the week as `kiosk question show --json` lists it;
    unless `exact` (for hosts), one given while here unseen gives only its day."""
    return {
        "member": name,
        "member_id": answer.member_id,
        "text": answer.text,
        "given": public_time(answer.given, answer.quiet and not exact, zone),
        "hidden": answer.hidden,
    }
