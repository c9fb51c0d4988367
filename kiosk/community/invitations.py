"""Guests invited ahead: a member invites a guest for a day, and the invitation's code,
scanned at the door that day, signs the guest in as theirs, even before the member comes.

An invitation works once, only on its day (in the kiosk's time zone), and never once
cancelled. A guest it let in is the member's guest like any other: they leave with the
member, or at closing time if the member does not come.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from kiosk import text
from kiosk.badges.codes import new_invitation_code, normalize_invitation_code, spaced_badge_code
from kiosk.community.attendance import Attendance
from kiosk.community.state import CommunityState
from kiosk.errors import Refused
from kiosk.language import N_, _
from kiosk.models import Visit
from kiosk.timekeeping.dates import day_words
from kiosk.timekeeping.opening import current_day

if TYPE_CHECKING:  # loaded by the verb that makes one: a command at the door needs none
    from kiosk.models.invitations import Invitation


class Invitations:
    """Guests invited by members for a day, and letting them in at the door."""

    def __init__(self, state: CommunityState, attendance: Attendance) -> None:
        self.state = state
        self.attendance = attendance

    def today(self) -> date:
        """The day at the kiosk now, which is the day an invitation works."""
        return current_day(self.state.clock(), self.state.zone)

    def invite(self, member_id: str, guest: str, day: date) -> Invitation:
        """Invite `guest` on behalf of the active member, for `day` (today or later), with a
        fresh code."""
        from kiosk.models.invitations import Invitation

        guest = text.required(guest, N_("the guest's name"), text.NAME_LIMIT)
        if day < self.today():
            raise Refused(
                _("{day} has passed; please invite your guest for today or a day to come.").format(
                    day=day_words(day)
                )
            )
        with self.state.writing():
            member = self.state.member(member_id)
            if not member.active:
                raise Refused(
                    _(
                        "{name}'s membership is paused, so they cannot invite guests. Please "
                        "check with a host."
                    ).format(name=member.name)
                )
            taken = {invitation.code for invitation in self.state.store.invitations()}
            code = new_invitation_code()
            while code in taken:  # sixty random bits: this loop all but never turns
                code = new_invitation_code()
            invitation = Invitation(code, guest, member_id, day, self.state.clock())
            self.state.store.put_invitation(invitation)
        return invitation

    def coming(self) -> list[Invitation]:
        """Invitations still to be used, today's and those of days to come, soonest first."""
        today = self.today()
        waiting = [
            invitation
            for invitation in self.state.store.invitations()
            if invitation.day >= today and not invitation.cancelled and invitation.visit_id is None
        ]
        return sorted(waiting, key=lambda invitation: (invitation.day, invitation.made))

    def coming_of(self, member_id: str) -> list[Invitation]:
        """The invitations this member made that are still to be used, soonest first."""
        return [invitation for invitation in self.coming() if invitation.member_id == member_id]

    def cancel(self, typed_code: str, by: str | None = None) -> Invitation:
        """Cancel the invitation with this code, so that it lets nobody in. A member (`by`,
        their id) may cancel only their own; a host (None) any."""
        with self.state.writing():
            invitation = self._found(typed_code)
            if by is not None and invitation.member_id != by:
                raise Refused(
                    _(
                        "Only the member who made an invitation may cancel it. Please ask "
                        "them, or a host."
                    )
                )
            if invitation.visit_id is not None:
                raise Refused(
                    _("The invitation {code} was used already: its guest came on {day}.").format(
                        code=spaced_badge_code(invitation.code), day=day_words(invitation.day)
                    )
                )
            if invitation.cancelled:
                raise Refused(
                    _("The invitation {code} was cancelled already.").format(
                        code=spaced_badge_code(invitation.code)
                    )
                )
            cancelled = replace(invitation, cancelled=True)
            self.state.store.put_invitation(cancelled)
        return cancelled

    def admit(self, typed_code: str) -> tuple[Invitation, Visit]:
        """Sign in the guest of the invitation with this code, as its member's guest, and
        mark it used; refused, with what to do, when it does not let anyone in today."""
        with self.state.writing():
            invitation = self._found(typed_code)
            if invitation.cancelled:
                raise Refused(
                    _(
                        "This invitation was cancelled. Please ask the member who invited you, "
                        "or a host."
                    )
                )
            if invitation.visit_id is not None:
                raise Refused(
                    _(
                        "This invitation was used already: it lets its guest in once. If you "
                        "left and came back, please ask a host."
                    )
                )
            today = self.today()
            if invitation.day > today:
                raise Refused(
                    _("This invitation is for {day}. Please come back then, or ask a host.").format(
                        day=day_words(invitation.day)
                    )
                )
            if invitation.day < today:
                raise Refused(
                    _(
                        "This invitation was for {day}, which has passed. Please ask the member "
                        "who invited you for a new one, or ask a host."
                    ).format(day=day_words(invitation.day))
                )
            if self.state.member_or_none(invitation.member_id) is None:
                raise Refused(
                    _("The member who invited you is no longer a member here. Please ask a host.")
                )
            visit = self.attendance.sign_in_guest(
                invitation.member_id, invitation.guest, invited=True
            )
            used = replace(invitation, visit_id=visit.id)
            self.state.store.put_invitation(used)
        return used, visit

    def _found(self, typed_code: str) -> Invitation:
        code = normalize_invitation_code(typed_code)
        if code is not None:
            for invitation in self.state.store.invitations():
                if invitation.code == code:
                    return invitation
        raise Refused(_("This invitation is not known here. Please check the code, or ask a host."))
