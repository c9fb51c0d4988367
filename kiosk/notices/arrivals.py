"""Who is told when a guest is signed in, and what they are told."""

from __future__ import annotations

from datetime import timedelta

from kiosk.community.community import Community
from kiosk.config import Config
from kiosk.language import _, speaking_meanwhile
from kiosk.models import Presence, Visit
from kiosk.models.invitations import Invitation
from kiosk.notices import delivery
from kiosk.notices.outbox import Outbox, new_notice

ARRIVAL_MOMENT = timedelta(hours=4)
"""After this, news of a guest's arrival is stale: it is dropped rather than sent late."""


def sign_in_guest(community: Community, host_id: str, name: str, config: Config) -> Visit:
    """Sign in a guest of a member who is here, and send word of their arrival in the
    background (see `guest_arrived`). The guest and the word of them are one change:
    both are saved or neither."""
    with community.writing():
        visit = community.sign_in_guest(host_id, name)
        told = guest_arrived(community, visit, config)
    if told:
        delivery.start_in_background(config)
    return visit


def admit_invited(community: Community, code: str, config: Config) -> tuple[Invitation, Visit]:
    """Sign in the guest of the invitation with `code` (see `Invitations.admit`), and send
    word of their arrival to the member who invited them in the background, in one
    change as `sign_in_guest` does."""
    with community.writing():
        invitation, visit = community.admit_invited(code)
        told = guest_arrived(community, visit, config)
    if told:
        delivery.start_in_background(config)
    return invitation, visit


def guest_arrived(community: Community, visit: Visit, config: Config) -> int:
    """Queue the news that the guest of `visit` has arrived: for the member who signed
    them in, on the channel in their profile and in their own language (else the
    kiosk's), and for the hosts' channel (if any) in the kiosk's language. How many
    notices were queued.

    The hosts' channel is a chat that leaves the machine, so it is told only of a member
    the board shows by name: never of one here incognito or off the board.
    """
    member = community.member(visit.member_id)
    own = community.visit_of(member.id)
    # Each receiver with the language it reads; a member who is also the hosts' channel
    # is told once, in their own.
    receivers = {member.notify: member.language or config.language}
    if own is not None and Presence(member, own).shown == "by name":
        receivers.setdefault(config.notify_hosts, config.language)
    now = community.clock()
    notices = []
    for receiver, language in receivers.items():
        if not receiver:
            continue
        with speaking_meanwhile(language):
            title = _("A guest has arrived at {space}").format(space=config.space_name)
            body = _("{member}'s guest {guest} has arrived at {space}.").format(
                member=member.name, guest=visit.guest, space=config.space_name
            )
        notices.append(new_notice(receiver, title, body, now, now + ARRIVAL_MOMENT))
    Outbox(community.store).queue(notices)
    return len(notices)
