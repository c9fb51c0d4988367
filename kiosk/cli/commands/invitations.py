"""`kiosk invite`, `kiosk invitations` and `kiosk invitations cancel`: guests invited
ahead by members."""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.badges.codes import spaced_badge_code
from kiosk.cli.commands.running import counted, open_community, print_json, saved
from kiosk.config import Config
from kiosk.models import Invitation
from kiosk.output import say
from kiosk.timekeeping.dates import day_words, read_coming_day


def invite(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    member = community.find(args.host)
    day = read_coming_day(args.day, community.invitations.today())
    # Late: only inviting loads the outbox, which may send the guest their code.
    from kiosk.notices.invitations import invite_guest

    invitation = invite_guest(community, config, member.id, args.name, day, args.notify or "")
    say(
        f"Invited {invitation.guest}, guest of {member.name}, for {day_words(day)}. "
        f"Their code: {spaced_badge_code(invitation.code)}"
    )
    if args.out is not None:
        # Late: only an invitation printed loads the drawing of cards.
        from kiosk.badges.invitation_cards import write_invitation_card

        written = write_invitation_card(invitation, config.space_name, args.out)
        say(f"Wrote {' and '.join(str(path) for path in written)}.")
    if args.notify:
        say("The invitation is on its way to the guest; `kiosk outbox` says if it waits.")
    return saved(community)


def invitations_list(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    coming = community.coming_invitations()
    members = community.members_by_id(i.member_id for i in coming)
    names = {member_id: member.name for member_id, member in members.items()}
    if args.json:
        return print_json([_invitation_json(i, names.get(i.member_id, "")) for i in coming])
    if not coming:
        say("No invitations are waiting; make one with: kiosk invite NAME --of MEMBER --on DAY")
        return 0
    say(f"{counted(len(coming), 'invitation')} to come, soonest first:")
    for invitation in coming:
        say(
            f"  {day_words(invitation.day)}  {spaced_badge_code(invitation.code)}  "
            f"{invitation.guest}, guest of {names.get(invitation.member_id, 'a former member')}"
        )
    return 0


def cancel(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    invitation = community.cancel_invitation(args.code)
    say(
        f"Cancelled the invitation of {invitation.guest} for {day_words(invitation.day)}: "
        "it lets nobody in."
    )
    return saved(community)


def _invitation_json(invitation: Invitation, member_name: str) -> dict[str, Any]:
    return {
        "code": invitation.code,
        "guest": invitation.guest,
        "member": invitation.member_id,
        "member_name": member_name,
        "day": invitation.day.isoformat(),
    }
