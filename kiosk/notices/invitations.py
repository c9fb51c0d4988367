"""Sending a guest their invitation: its code, on the channel the member gave for them."""

from __future__ import annotations

from datetime import datetime, tzinfo

from kiosk.badges.codes import spaced_badge_code
from kiosk.models import Invitation, Notice
from kiosk.notices.outbox import Outbox, new_notice
from kiosk.storage.store import Store
from kiosk.timekeeping.dates import day_words
from kiosk.timekeeping.opening import midnight_after


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
