"""What a badge scan does, whatever screen is in front: check the member in or out and
say so, without losing what anyone was typing.

- On home and the screens that only show things (the board, the shout-out wall, a
  member's own screen, a welcome or goodbye), a scan opens the welcome or goodbye, as
  checking in or out from the member's screen does.
- On a screen where someone is in the middle of something (registering, writing a
  shout-out), the screen stays as it was and a notification says who was checked in or
  out.
- A member with one of the house's agreements still to accept is not checked in: where
  the welcome would open, the agreement opens instead, and their agreeing checks them in
  (see `screens.agreement`); elsewhere they are told to scan again.
- On the host PIN prompt nobody is checked in: the kiosk is in the host's hands, and may be
  about to close. The member is told to scan again once the host is done.
- The host console (`screens.private.ForHosts`) closes at any scan, before anything else:
  a member stands at the kiosk, and the console shows everyone here, incognito included.
  The scan is then taken as at home.
- A screen private to one member (`screens.private`) closes, and the kiosk goes home, when
  anyone else's badge (or one nobody has) is scanned: the scan is then taken as at home.
- A guest's invitation signs the guest in as their member's guest, on its day, and a
  notification welcomes them (or says, politely, why it does not let them in). The
  member is told of their arrival on their own channel.
- The same badge again soon after its check-in asks before it checks out (see
  `kiosk.community.door`), and the same badge again within a moment (held under the scanner) is
  taken once; both are said in a notification, which shows over the welcome or goodbye
  the first scan opens.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Literal

from kiosk.badges.codes import normalize_badge_code, normalize_invitation_code
from kiosk.community.door import Door, Passage, Unagreed, last_keyholder, unagreed
from kiosk.language import N_, _
from kiosk.models import Visit
from kiosk.models.invitations import Invitation
from kiosk.notices.arrivals import admit_invited
from kiosk.timekeeping import hours
from screens.agreement import ask_agreements
from screens.board import BoardScreen
from screens.confirmation import CheckedInScreen, CheckedOutScreen, ConfirmationScreen
from screens.home import HomeScreen
from screens.member import MemberScreen
from screens.pin import PinScreen
from screens.private import ForHosts, owners
from screens.shoutouts import WallScreen

if TYPE_CHECKING:
    from screens.app import KioskApp

WELCOMING = (HomeScreen, BoardScreen, WallScreen, MemberScreen, ConfirmationScreen)
"""Screens a scan may leave for the welcome or goodbye: nothing typed on them is lost."""

MOMENT = 3.0
"""Seconds: a welcome or goodbye the next scan replaces sooner is said in a notification."""

Pending = Literal["pending"]
PENDING: Pending = "pending"
"""A badge taken whose check-in or check-out is still being saved."""

NOT_KNOWN = N_(
    "Nobody has this badge. It may have been replaced by a newer one. "
    "Type your name to check in, or ask a host."
)


class BadgeDesk:
    """Takes each badge scan: one at a time from the scanner, or a code typed at home."""

    def __init__(self, app: KioskApp) -> None:
        self.app = app
        self.door = Door(app.community, timedelta(seconds=app.config.second_scan_seconds))
        self._last: tuple[str, Passage | Pending | None] | None = None
        """The last badge taken, and what it did once known."""
        self._repeated = False
        """The last badge came again while it was being saved: said once it is."""
        self._opened: tuple[ConfirmationScreen, Passage, float] | None = None
        """The welcome or goodbye the last scan opened, for whom, and when (app.timer)."""

    def take(self, code: str, repeat: bool = False) -> None:
        """Check in or out the member whose badge has `code`; `repeat` when the scanner
        saw the same badge a moment ago, which is then taken only once."""
        app = self.app
        badge = normalize_badge_code(code) or code
        if isinstance(app.screen, PinScreen):
            app.notify(
                _(
                    "The kiosk is waiting for the host's PIN. Scan your badge again once the "
                    "host is done."
                ),
                title=_("Badge not taken"),
                severity="warning",
                markup=False,
            )
            return
        if any(isinstance(screen, ForHosts) for screen in app.screen_stack):
            app.go_home()  # a member at the kiosk: the console is no longer the host's alone
        if normalize_invitation_code(code) is not None:
            if not repeat:  # an invitation held under the scanner is taken once
                self._take_invitation(code)
            return
        if repeat and self._last is not None and self._last[0] == badge:
            if self._last[1] == PENDING:
                # Said once the first is saved: what that opens would clear it now.
                self._repeated = True
            else:
                self._say_repeat(self._last[1])
            return
        self._last = (badge, PENDING)
        self._repeated = False
        door, community, agreements = self.door, app.community, app.agreements
        app.store_call(
            lambda: unagreed(community, agreements, code) or door.pass_badge(code),
            lambda passage: self._taken(badge, passage),
            saved=None,  # shown on whatever screen is in front by then
        )

    def _take_invitation(self, code: str) -> None:
        app = self.app
        community, config = app.community, app.config
        app.store_call(
            lambda: admit_invited(community, code, config),
            self._guest_admitted,
            saved=None,  # shown on whatever screen is in front by then
        )

    def _guest_admitted(self, admitted: tuple[Invitation, Visit]) -> None:
        app = self.app
        if owners(app.screen_stack) or isinstance(app.screen, WELCOMING):
            # Home as the next person should find it; and a member's private screen
            # closes, as someone else stands at the kiosk.
            app.go_home()
        # Neither the guest nor the member is named: anyone near the kiosk reads this, the
        # board never names a guest, and the member may be one it does not show.
        app.notify(
            _(
                "You are signed in as a guest, and the member who invited you has been told "
                "you are here."
            ),
            title=_("Welcome!"),
            markup=False,
        )

    def _taken(self, badge: str, passage: Passage | Unagreed | None) -> None:
        if isinstance(passage, Unagreed):
            self._last = None  # a scan while reading is taken afresh
            self._agree_first(passage)
            return
        repeated = False
        if self._last is not None and self._last[0] == badge:
            self._last = (badge, passage)
            repeated, self._repeated = self._repeated, False
        app = self.app
        private = owners(app.screen_stack)
        if private and (passage is None or passage.member.id not in private):
            app.go_home()  # someone else stands at the kiosk now
        if passage is None:
            app.notify(_(NOT_KNOWN), title=_("Badge not known"), severity="warning", markup=False)
        elif passage.asked_again is not None:
            app.notify(
                _("You checked in {moments} ago. Scan again to check out.").format(
                    moments=hours.moments(passage.asked_again)
                ),
                title=_("{name}, you are still checked in").format(name=passage.member.first_name),
                markup=False,
            )
        elif passage.left_without_keyholder:
            app.notify(
                _("{warning} Scan again to check out.").format(
                    warning=last_keyholder(passage.left_without_keyholder)
                ),
                title=_("{name}, you are still checked in").format(name=passage.member.first_name),
                severity="warning",
                markup=False,
            )
        elif isinstance(app.screen, WELCOMING):
            replaced = self._just_opened()
            app.go_home()
            app.speak_to(passage.member)
            if passage.arrived:
                opened: ConfirmationScreen = CheckedInScreen(
                    passage.member,
                    passage.visit,
                    proven=True,  # their badge
                )
            else:
                opened = CheckedOutScreen(passage.member, passage.visit)
            app.push_screen(opened)
            self._opened = (opened, passage, app.timer())
            if replaced is not None:
                # Scans one right after the other: who was shown only a blink is told too.
                app.notify(self._said(replaced), title=_("Badge scanned"), markup=False)
        else:
            app.notify(self._said(passage), title=_("Badge scanned"), markup=False)
        if repeated:
            self._say_repeat(passage)

    def _agree_first(self, unagreed: Unagreed) -> None:
        """Open the agreements the member has to accept, where a scan may open a welcome;
        once they agree, check them in. Elsewhere nobody's typing is thrown away: they are
        told to scan again."""
        app, member, due = self.app, unagreed.member, unagreed.due
        private = owners(app.screen_stack)
        if private and member.id not in private:
            app.go_home()  # someone else stands at the kiosk now
        if not isinstance(app.screen, WELCOMING):
            app.notify(
                _(
                    "{name}, there is an agreement to read before you check in. "
                    "Scan again once this screen is done."
                ).format(name=member.first_name),
                title=_("Badge not taken"),
                severity="warning",
                markup=False,
            )
            return
        app.go_home()
        app.speak_to(member)
        community, agreements = app.community, app.agreements

        def check_in() -> Visit:
            return agreements.admit(member.id, due, lambda: community.check_in(member.id))

        app.call_after_refresh(
            ask_agreements,
            app,
            member.first_name,
            due,
            lambda: app.store_call(
                check_in,
                lambda visit: app.push_screen(CheckedInScreen(member, visit, proven=True)),
                saved=_("{name} is checked in.").format(name=member.name),
            ),
        )

    def _just_opened(self) -> Passage | None:
        """Whose welcome or goodbye a scan opened a moment ago, if it is in front now."""
        if self._opened is None:
            return None
        screen, passage, at = self._opened
        in_front = self.app.screen is screen
        return passage if in_front and self.app.timer() - at < MOMENT else None

    def _said(self, passage: Passage | None) -> str:
        """The scan's outcome in a sentence, for a notification."""
        if passage is None:
            return _(NOT_KNOWN)
        name = passage.member.first_name
        if passage.arrived:
            return _("Welcome, {name}! You are checked in.").format(name=name)
        return _("See you soon, {name}! You are checked out.").format(name=name)

    def _say_repeat(self, passage: Passage | None) -> None:
        if passage is None:
            said = _(NOT_KNOWN)
        elif passage.visit.until:
            said = _(
                "{name} is checked out: the badge was scanned a moment ago, and once is enough."
            ).format(name=passage.member.first_name)
        else:
            said = _(
                "{name} is checked in: the badge was scanned a moment ago, and once is enough."
            ).format(name=passage.member.first_name)
        self.app.notify(said, title=_("Scanned already"), markup=False)
