"""The arguments of `kiosk inductions ...`."""

from __future__ import annotations

import argparse

from kiosk.cli.arguments.declaring import Declare, Group
from kiosk.cli.arguments.members import as_json
from kiosk.cli.arguments.visits import member
from kiosk.language import _


def register(command: Declare, group: Group) -> None:
    inductions = group("inductions", _("who is inducted on which tool or area, and who inducts"))
    command(
        "add",
        "inductions.inductions_add",
        _("record a member's induction on a tool"),
        add,
        inductions,
    )
    command(
        "remove",
        "inductions.inductions_remove",
        _("remove a member's induction on a tool"),
        on_tool,
        inductions,
    )
    command(
        "list", "inductions.inductions_list", _("list inductions and inductors"), list_, inductions
    )
    command(
        "inductor",
        "inductions.inductions_inductor",
        _("let a member induct others on a tool (or, with --remove, no longer)"),
        inductor,
        inductions,
    )


def on_tool(sub: argparse.ArgumentParser) -> None:
    member(sub)
    sub.add_argument("tool", metavar="TOOL", help=_("a tool or area, like 'laser cutter'"))


def add(sub: argparse.ArgumentParser) -> None:
    on_tool(sub)
    sub.add_argument(
        "--by", required=True, metavar="MEMBER", help=_("who inducted them (an id, or a name)")
    )
    sub.add_argument(
        "--expires",
        metavar="DAY",
        help=_("the last day it holds, like 2027-06-30 or 'next friday' (default: never)"),
    )


def list_(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--member", metavar="M", help=_("only this member's (an id, or a name)"))
    sub.add_argument("--tool", metavar="T", help=_("only this tool's"))
    as_json(sub)


def inductor(sub: argparse.ArgumentParser) -> None:
    on_tool(sub)
    sub.add_argument("--remove", action="store_true", help=_("they may no longer induct on it"))
