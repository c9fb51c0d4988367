"""A member's own data, for them to take with them: their profile with every choice of who
sees what, their visits (and their guests'), the shout-outs they wrote and were sent,
their answers, the agreements they accepted, their inductions and the guests they
invited, as one JSON document.

A member gets it from their profile at the kiosk (in a browser, as a download) and a host
with `kiosk members data MEMBER --out FILE`. Visits made anonymous (their data deleted, or
old: `kiosk.community.retention`) no longer name them, and are not in it.
"""

from __future__ import annotations

from datetime import UTC
from typing import TYPE_CHECKING, Any

from kiosk.models import PROFILE_FIELDS, Member, Visit
from kiosk.record_json import public_time
from kiosk.safety.inductions import Inductions

if TYPE_CHECKING:
    from kiosk.community.community import Community


def member_data(community: Community, member_id: str) -> dict[str, Any]:
    """Everything the kiosk keeps about the member, as JSON values."""
    member = community.member(member_id)
    shoutouts = community.all_shoutouts()
    question = community.question()
    return {
        "exported": community.clock().astimezone(UTC).isoformat(),
        "profile": _profile(member),
        "visits": [_visit(v) for v in visits_of(community, member_id)],
        "shoutouts_written": [
            {
                "to": community.shoutout_names(s)[1],
                "text": s.text,
                "created": s.created.isoformat(),
                "hidden_by_a_host": s.hidden,
            }
            for s in reversed(shoutouts)
            if s.from_id == member_id
        ],
        "shoutouts_received": [
            {
                "from": community.shoutout_names(s)[0],
                "text": s.text,
                "created": public_time(s.created, s.quiet, community.zone),
                "hidden_by_a_host": s.hidden,
            }
            for s in reversed(shoutouts)
            if s.to_id == member_id
        ],
        "answers": [
            {
                "question": question.text if question and question.id == a.question_id else "",
                "answer": a.text,
                "given": a.given.isoformat(),
            }
            for a in community.answers()
            if a.member_id == member_id
        ],
        "agreements_accepted": [
            {"agreement": a.agreement, "version": a.version, "accepted": a.accepted.isoformat()}
            for a in community.store.acceptances()
            if a.member_id == member_id
        ],
        "inductions": [
            {
                "tool": i.tool,
                "by": community.name_of(i.by_id),
                "on": i.at.isoformat(),
                "expires": None if i.expires is None else i.expires.isoformat(),
            }
            for i in Inductions(community.store).inductions(member_id)
        ],
        "may_induct_on": [
            i.tool for i in Inductions(community.store).inductors() if i.member_id == member_id
        ],
        "guests_invited": [
            {"guest": i.guest, "day": i.day.isoformat(), "cancelled": i.cancelled}
            for i in community.store.invitations()
            if i.member_id == member_id
        ],
    }


def visits_of(community: Community, member_id: str) -> list[Visit]:
    """The member's visits, and their guests', that still name them, oldest first:
    filed (only the history files that mention them are read), waiting, and open."""
    history = community.store.history
    filed = [
        visit
        for name in history.mentioning(member_id)
        for visit in history.file(name).records("visits", Visit.from_doc)
    ]
    waiting = community.store.unfiled_visits()
    here = community.present_for_hosts()
    every = {v.id: v for v in [*filed, *waiting, *(p.visit for p in here)]}
    return sorted(
        (v for v in every.values() if v.member_id == member_id), key=lambda v: (v.since, v.id)
    )


def _profile(member: Member) -> dict[str, Any]:
    return {
        "id": member.id,
        "name": member.name,
        "joined": member.joined.isoformat(),
        **{
            field: list(value) if isinstance(value, tuple) else value
            for field in PROFILE_FIELDS
            for value in [getattr(member, field)]
        },
        "kept_for_hosts": sorted(member.hosts_only),
        "on_board": member.on_board,
        "named_online": member.named_online,
        "badge": member.badge,
        "has_a_pin": bool(member.pin_hash),
        "active": member.active,
        "notify": member.notify,
        "keyholder": member.keyholder,
        "language": member.language,
    }


def _visit(visit: Visit) -> dict[str, Any]:
    return {
        "since": visit.since.isoformat(),
        "until": None if visit.until is None else visit.until.isoformat(),
        "status": visit.status,
        "topics": list(visit.topics),
        "checked_out_at_closing": visit.automatic,
        **({"guest": visit.guest} if visit.guest else {}),
    }
