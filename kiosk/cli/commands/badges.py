"""`kiosk badges`: printable badges with QR codes, and A4 sheets of them."""

from __future__ import annotations

import argparse
import sys

from kiosk.badges.sheets import write_badges
from kiosk.cli.commands.running import open_community
from kiosk.config import Config
from kiosk.errors import Refused
from kiosk.language import _, ngettext
from kiosk.models import Member
from kiosk.output import say
from kiosk.progress import ProgressBar


def badges(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    if args.member:
        named = (community.find(reference) for reference in args.member)
        members = list({member.id: member for member in named}.values())
    else:
        members = [member for member in community.members() if member.active]
    if not members:
        raise Refused(_("There are no members yet; add one with: kiosk members add NAME"))
    if len(members) > 20 and sys.stderr.isatty():
        with ProgressBar(_("Badges"), len(members), sys.stderr) as bar:
            printed = write_badges(members, config.space_name, args.out, args.format, bar.advance)
    else:
        printed = write_badges(members, config.space_name, args.out, args.format)
    if not printed.badges:
        raise Refused(
            _("No badges written: {without_code}.").format(
                without_code=_without_code(printed.without_code)
            )
        )
    if printed.without_code:
        say(
            _("kiosk: note: {without_code}.").format(
                without_code=_without_code(printed.without_code)
            ),
            err=True,
        )
    say(
        # Translators: {sheets} is "1 A4 sheet" or "3 A4 sheets", translated apart.
        ngettext(
            "Wrote {count} badge and {sheets} of them to {out}.",
            "Wrote {count} badges and {sheets} of them to {out}.",
            len(printed.badges),
        ).format(
            count=len(printed.badges),
            sheets=ngettext("{count} A4 sheet", "{count} A4 sheets", len(printed.sheets)).format(
                count=len(printed.sheets)
            ),
            out=args.out,
        )
    )
    return 0


def _without_code(missing: list[Member]) -> str:
    """Who got no badge for want of a code, and how to give them one."""
    if len(missing) == 1:
        return _(
            "{name} has no badge code yet; issue one with: kiosk members new-badge {id}"
        ).format(name=missing[0].name, id=missing[0].id)
    names = ", ".join(member.name for member in missing[:3])
    more = ", ..." if len(missing) > 3 else ""
    return ngettext(
        "{count} member ({names}) has no badge code yet; issue one with: "
        "kiosk members new-badge --all-missing",
        "{count} members ({names}) have no badge code yet; issue one with: "
        "kiosk members new-badge --all-missing",
        len(missing),
    ).format(count=len(missing), names=names + more)
