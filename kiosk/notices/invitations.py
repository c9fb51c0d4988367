"""Inviting a guest, and sending them their invitation: its code, on the channel the
member gave for them."""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from kiosk.badges.codes import spaced_badge_code
from kiosk.community.community import Community
from kiosk.config import Config
from kiosk.models import Invitation, Notice
from kiosk.notices import delivery
from kiosk.notices.outbox import Outbox, new_notice
from kiosk.storage.store import Store
from kiosk.timekeeping.dates import day_words
from kiosk.timekeeping.opening import midnight_after


def invite_guest(
    community: Community, config: Config, member_id: str, guest: str, day: date, receiver: str
) -> Invitation:
    """Invite `guest` on behalf of the member for `day` (see `Community.invite`) and, when
    `receiver` is given, send them its code there, in one change: an invitation whose
    code could not be queued is not made. The code goes out in the background."""
    with community.writing():
        invitation = community.invite(member_id, guest, day)
        if receiver:
            member = community.member(member_id)
            send_invitation(
                community.store,
                invitation,
                member.name,
                config.space_name,
                receiver,
                community.clock(),
                config.zone,
            )
    if receiver:
        delivery.start_in_background(config)
    return invitation


def send_invitation(
    store: Store,
    invitation: Invitation,
    member_name: str,
    space_name: str,
    receiver: str,
    now: datetime,
    zone: tzinfo,
) -> Notice:
    """Queue the invitation for its guest at `receiver` (an Apprise URL): who invites
    them, for which day, and the code to scan or type at the kiosk. Dropped, not sent
    late, once its day is over."""
    code = spaced_badge_code(invitation.code)
    notice = new_notice(
        receiver,
        f"You are invited to {space_name}",
        f"{member_name} invites you to {space_name} on {day_words(invitation.day)}. "
        f"At the kiosk by the door, scan the invitation's QR code or type its code: {code}. "
        "It works once, on that day.",
        now,
        midnight_after(invitation.day, zone),
    )
    Outbox(store).queue([notice])
    return notice
