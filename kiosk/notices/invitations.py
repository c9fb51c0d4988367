"""Inviting a guest, and sending them their invitation: its code, on the channel the
member gave for them."""

from __future__ import annotations

from datetime import date, datetime

from kiosk.badges.codes import spaced_badge_code
from kiosk.community.community import Community
from kiosk.config import Config
from kiosk.language import _, speaking_meanwhile
from kiosk.models import Member
from kiosk.models.invitations import Invitation
from kiosk.models.notices import Notice
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
                community.store, invitation, member, config, receiver, community.clock()
            )
    if receiver:
        delivery.start_in_background(config)
    return invitation


def send_invitation(
    store: Store,
    invitation: Invitation,
    member: Member,
    config: Config,
    receiver: str,
    now: datetime,
) -> Notice:
    """Queue the invitation for its guest at `receiver` (an Apprise URL): who invites
    them, for which day, and the code to scan or type at the kiosk, in the member's own
    language (else the kiosk's), which their guest most likely reads. Dropped, not sent
    late, once its day is over."""
    space = config.space_name
    with speaking_meanwhile(member.language or config.language):
        title = _("You are invited to {space}").format(space=space)
        body = _(
            "{member} invites you to {space} on {day}. At the kiosk by the door, scan the "
            "invitation's QR code or type its code: {code}. It works once, on that day."
        ).format(
            member=member.name,
            space=space,
            day=day_words(invitation.day),
            code=spaced_badge_code(invitation.code),
        )
    notice = new_notice(receiver, title, body, now, midnight_after(invitation.day, config.zone))
    Outbox(store).queue([notice])
    return notice
