"""`kiosk invite`, `kiosk invitations` and `kiosk invitations cancel`: guests invited
ahead by members."""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.badges.codes import spaced_badge_code
from kiosk.cli.commands.running import open_community, print_json, saved
from kiosk.community.state import listed
from kiosk.config import Config
from kiosk.language import _, ngettext
from kiosk.models.invitations import Invitation
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
        _("Invited {guest}, guest of {name}, for {day}. Their code: {code}").format(
            guest=invitation.guest,
            name=member.name,
            day=day_words(day),
            code=spaced_badge_code(invitation.code),
        )
    )
    if args.out is not None:
        # Late: only an invitation printed loads the drawing of cards.
        from kiosk.badges.invitation_cards import write_invitation_card

        written = write_invitation_card(invitation, config.space_name, args.out)
        say(_("Wrote {files}.").format(files=listed(str(path) for path in written)))
    if args.notify:
        say(_("The invitation is on its way to the guest; `kiosk outbox` says if it waits."))
    return saved(community)


def invitations_list(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    coming = community.coming_invitations()
    members = community.members_by_id(i.member_id for i in coming)
    names = {member_id: member.name for member_id, member in members.items()}
    if args.json:
        return print_json([_invitation_json(i, names.get(i.member_id, "")) for i in coming])
    if not coming:
        say(_("No invitations are waiting; make one with: kiosk invite NAME --of MEMBER --on DAY"))
        return 0
    say(
        ngettext(
            "{count} invitation to come, soonest first:",
            "{count} invitations to come, soonest first:",
            len(coming),
        ).format(count=len(coming))
    )
    for invitation in coming:
        say(
            _("  {day}  {code}  {guest}, guest of {name}").format(
                day=day_words(invitation.day),
                code=spaced_badge_code(invitation.code),
                guest=invitation.guest,
                name=names.get(invitation.member_id, _("a former member")),
            )
        )
    return 0


def cancel(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    invitation = community.cancel_invitation(args.code)
    say(
        _("Cancelled the invitation of {guest} for {day}: it lets nobody in.").format(
            guest=invitation.guest, day=day_words(invitation.day)
        )
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
