"""`kiosk badges`: printable badges with QR codes, and A4 sheets of them."""

from __future__ import annotations

import argparse
import sys

from kiosk.badges.sheets import write_badges
from kiosk.cli.commands.running import counted, open_community
from kiosk.config import Config
from kiosk.errors import Refused
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
        raise Refused("There are no members yet; add one with: kiosk members add NAME")
    if len(members) > 20 and sys.stderr.isatty():
        with ProgressBar("Badges", len(members), sys.stderr) as bar:
            printed = write_badges(members, config.space_name, args.out, args.format, bar.advance)
    else:
        printed = write_badges(members, config.space_name, args.out, args.format)
    if not printed.badges:
        raise Refused(f"No badges written: {_without_code(printed.without_code)}.")
    if printed.without_code:
        say(f"kiosk: note: {_without_code(printed.without_code)}.", err=True)
    say(
        f"Wrote {counted(len(printed.badges), 'badge')} and "
        f"{counted(len(printed.sheets), 'A4 sheet')} of them to {args.out}."
    )
    return 0


def _without_code(missing: list[Member]) -> str:
    """Who got no badge for want of a code, and how to give them one."""
    if len(missing) == 1:
        who, reference = f"{missing[0].name} has", missing[0].id
    else:
        names = ", ".join(member.name for member in missing[:3])
        more = ", ..." if len(missing) > 3 else ""
        who, reference = f"{len(missing)} members ({names}{more}) have", "--all-missing"
    return f"{who} no badge code yet; issue one with: kiosk members new-badge {reference}"
