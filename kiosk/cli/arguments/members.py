"""The arguments of `kiosk members ...` and `kiosk topics ...`."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk import text
from kiosk.cli.arguments.declaring import Declare, Group
from kiosk.cli.arguments.visits import member
from kiosk.language import N_, _

YES_NO = {"yes": True, "no": False}

# Options of `members edit`, each a profile field: (option, field, help). A help may
# name {limit}, the longest introduction.
PROFILE_OPTIONS = (
    ("--name", "name", N_("their name")),
    ("--pronouns", "pronouns", N_("their pronouns, like she/her")),
    ("--intro", "intro", N_("a one-line introduction (at most {limit} characters)")),
    ("--topic", "topics", N_("open to chatting about (each given again to add one)")),
    ("--ask-me-about", "ask_me_about", N_("strengths others may ask about")),
    ("--looking-for", "looking_for", N_("what they could use a hand with")),
    ("--learning", "learning", N_("what they are learning")),
    ("--mentor", "mentor", N_("what they are happy to mentor in")),
)
LIST_OPTIONS = {"topics", "ask_me_about", "looking_for", "learning", "mentor"}


def register(command: Declare, group: Group) -> None:
    members = group("members", _("members and their profiles"))
    command("add", "members.members_add", _("register a member and print their id"), add, members)
    command("list", "members.members_list", _("list members"), as_json, members)
    command("show", "members.members_show", _("a member's profile, as hosts see it"), show, members)
    command("edit", "members.members_edit", _("change a member's name or profile"), edit, members)
    command(
        "delete", "members.members_delete", _("delete a member's data for good"), delete, members
    )
    command(
        "new-badge",
        "members.members_new_badge",
        _("give a member a new badge code, or all without one"),
        new_badge,
        members,
    )
    for name, help in (("deactivate", _("pause a membership")), ("reactivate", _("resume one"))):
        command(name, "members.members_pause", help, member, members)
    command(
        "merge", "members.members_merge", _("make two records of one person one"), merge, members
    )
    command(
        "import",
        "members.members_import",
        _("add and update members from a CSV file a spreadsheet or member tool wrote"),
        import_,
        members,
    )
    command(
        "export", "members.members_export", _("write every member to a CSV file"), file, members
    )
    command(
        "data",
        "members.members_data",
        _("all of one member's data, as JSON, for them"),
        data,
        members,
    )

    topics = group("topics", _("the community's topics"))
    command(
        "merge",
        "members.topics_merge",
        _("make two topics one, for every member"),
        topics_merge,
        topics,
    )


def add(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("--topic", action="append", default=[], metavar="T")
    sub.add_argument("--hidden", action="store_true", help=_("never show them on the board"))
    sub.add_argument(
        "--allow-duplicate",
        action="store_true",
        help=_(
            "add them even when a member of the same name exists (otherwise: asked, or refused)"
        ),
    )


def as_json(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--json", action="store_true")


def show(sub: argparse.ArgumentParser) -> None:
    member(sub)
    as_json(sub)


def edit(sub: argparse.ArgumentParser) -> None:
    from kiosk.models import PROFILE_FIELDS  # read when this command is chosen

    member(sub)
    for option, field, marked in PROFILE_OPTIONS:
        help = _(marked).format(limit=text.INTRO_LIMIT)
        if field in LIST_OPTIONS:
            sub.add_argument(option, dest=field, action="append", metavar="T", help=help)
        else:
            sub.add_argument(option, dest=field, metavar="TEXT", help=help)
    sub.add_argument("--on-board", choices=YES_NO, help=_("show them on public screens"))
    sub.add_argument(
        "--named-online",
        choices=YES_NO,
        help=_("name them, while here and on the board, in the SpaceAPI file (the internet)"),
    )
    sub.add_argument(
        "--keyholder",
        choices=YES_NO,
        help=_("they hold a key: may open the space, and are warned before leaving it without one"),
    )
    sub.add_argument(
        "--hosts-only",
        nargs="+",
        choices=[*PROFILE_FIELDS, "none"],
        metavar="FIELD",
        help=_("profile fields shown to hosts only ({fields}), or none").format(
            fields=", ".join(PROFILE_FIELDS)
        ),
    )
    sub.add_argument(
        "--notify",
        metavar="URL",
        help=_(
            "where they are told that their guest arrived: a notification URL, like "
            'ntfy://ntfy.sh/their-topic or mailto://..., kept for hosts; "" for none'
        ),
    )


def delete(sub: argparse.ArgumentParser) -> None:
    member(sub)
    sub.add_argument("--yes", action="store_true", help=_("do not ask to confirm"))
    sub.add_argument(
        "--shoutouts",
        choices=("remove", "anonymous"),
        default="remove",
        help=_("what becomes of the shout-outs they wrote (default: remove)"),
    )


def new_badge(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("member", nargs="?", metavar="MEMBER", help=_("a member id, or a name"))
    sub.add_argument(
        "--all-missing", action="store_true", help=_("a badge for every member without one")
    )


def merge(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("keep", metavar="KEEP", help=_("the member to keep"))
    sub.add_argument("other", metavar="OTHER", help=_("the record merged into KEEP"))


def file(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("file", type=Path, metavar="FILE")


def import_(sub: argparse.ArgumentParser) -> None:
    # Read when this command is chosen: the columns members choose themselves.
    from kiosk.exchange.members_csv import MEMBER_CHOICES

    file(sub)
    sub.add_argument(
        "--dry-run", action="store_true", help=_("say what the import would do, and change nothing")
    )
    sub.add_argument("--yes", action="store_true", help=_("at a terminal, import without asking"))
    sub.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help=_("import the good rows (exit 1 when none could be imported)"),
    )
    sub.add_argument(
        "--update",
        action="append",
        default=[],
        choices=MEMBER_CHOICES,
        metavar="COLUMN",
        help=_(
            "replace what members chose themselves in this column (otherwise kept): {columns}"
        ).format(columns=", ".join(MEMBER_CHOICES)),
    )
    order = sub.add_mutually_exclusive_group()
    order.add_argument(
        "--day-first",
        dest="day_first",
        action="store_const",
        const=True,
        help=_("read dates like 03/04/2026 as 3 April"),
    )
    order.add_argument(
        "--month-first",
        dest="day_first",
        action="store_const",
        const=False,
        help=_("read dates like 03/04/2026 as 4 March"),
    )


def data(sub: argparse.ArgumentParser) -> None:
    member(sub)
    sub.add_argument("--out", type=Path, metavar="FILE", help=_("write to FILE (default: print)"))


def topics_merge(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("old", metavar="OLD")
    sub.add_argument("new", metavar="NEW")
