"""`kiosk inductions ...`: who is inducted on which tool or area, and who may induct."""

from __future__ import annotations

import argparse

from kiosk.cli.commands.running import now, open_community, print_json, saved
from kiosk.config import Config
from kiosk.errors import Refused
from kiosk.language import _
from kiosk.output import say
from kiosk.safety.inductions import Inductions, expired, tool_key, tool_name
from kiosk.timekeeping.dates import day_words, read_day
from kiosk.timekeeping.opening import current_day, local_day


def inductions_add(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    member = community.find(args.member)
    by = community.find(args.by)
    moment = now()
    today = current_day(moment, community.zone)
    expires = None if args.expires is None else read_day(args.expires, today)
    inductions = Inductions(community.store)
    tool = inductions.induct(member, args.tool, by, moment, expires, today).tool
    if expires:
        inducted = _("{name} is inducted on {tool} by {inductor}, until {day}.")
    else:
        inducted = _("{name} is inducted on {tool} by {inductor}.")
    say(
        inducted.format(
            name=member.name, tool=tool, inductor=by.name, day=expires and day_words(expires)
        )
    )
    if tool_key(tool) not in inductions.inductor_tools(by.id):
        say(
            _(
                "Note: {name} is not marked as an inductor on {tool}; "
                "`kiosk inductions inductor {id} '{tool}'` marks them."
            ).format(name=by.name, tool=tool, id=by.id),
            err=True,
        )
    return saved(community)


def inductions_remove(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    member = community.find(args.member)
    tool = tool_name(args.tool)
    if not Inductions(community.store).remove(member.id, tool):
        raise Refused(
            _("{name} has no induction on {tool}; nothing was changed.").format(
                name=member.name, tool=tool
            )
        )
    say(_("Removed {name}'s induction on {tool}.").format(name=member.name, tool=tool))
    return saved(community)


def inductions_inductor(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    member = community.find(args.member)
    tool = tool_name(args.tool)
    changed = Inductions(community.store).set_inductor(member.id, tool, not args.remove)
    if args.remove and changed:
        said = _("{name} no longer inducts on {tool}.")
    elif args.remove:
        said = _("{name} was not an inductor on {tool}; nothing was changed.")
    elif changed:
        said = _("{name} may induct others on {tool}.")
    else:
        said = _("{name} already inducts on {tool}.")
    say(said.format(name=member.name, tool=tool))
    return saved(community)


def inductions_list(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    member_id = None if args.member is None else community.find(args.member).id
    tool = None if args.tool is None else tool_name(args.tool)
    inductions = Inductions(community.store)
    today = current_day(now(), community.zone)
    found = inductions.inductions(member_id, tool)
    inductors = [
        i
        for i in inductions.inductors()
        if member_id in (None, i.member_id) and (tool is None or tool_key(i.tool) == tool_key(tool))
    ]
    if args.json:
        return print_json(
            {
                "inductions": [
                    {
                        "member": community.name_of(i.member_id),
                        "member_id": i.member_id,
                        "tool": i.tool,
                        "by": community.name_of(i.by_id),
                        "at": i.at.isoformat(),
                        "expires": i.expires.isoformat() if i.expires else None,
                        "expired": expired(i, today),
                    }
                    for i in found
                ],
                "inductors": [
                    {
                        "member": community.name_of(i.member_id),
                        "member_id": i.member_id,
                        "tool": i.tool,
                    }
                    for i in inductors
                ],
            }
        )
    if not found and not inductors:
        say(
            _("No inductions recorded that match.")
            if member_id or tool
            else _("No inductions recorded yet.")
        )
        return 0
    for i in found:
        when = day_words(local_day(i.at, community.zone))
        if i.expires is None:
            line = _("{tool}: {who}, by {by} on {day}")
        elif expired(i, today):
            line = _("{tool}: {who}, by {by} on {day}; EXPIRED {expiry}")
        else:
            line = _("{tool}: {who}, by {by} on {day}; until {expiry}")
        say(
            line.format(
                tool=i.tool,
                who=community.name_of(i.member_id),
                by=community.name_of(i.by_id),
                day=when,
                expiry=i.expires and day_words(i.expires),
            )
        )
    if inductors:
        say(_("May induct others:"))
        for inductor in inductors:
            say(f"  {inductor.tool}: {community.name_of(inductor.member_id)}")
    return 0
