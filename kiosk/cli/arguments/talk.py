"""The arguments of `kiosk shoutout`, `shoutouts`, `question` and the answers to it."""

from __future__ import annotations

import argparse

from kiosk.cli.arguments.declaring import Declare, Group, no_arguments
from kiosk.cli.arguments.members import as_json
from kiosk.language import _


def register(command: Declare, group: Group) -> None:
    command("shoutout", "talk.shoutout", _("leave a shout-out and print its id"), shoutout)
    command("shoutouts", "talk.shoutouts", _("the shout-out wall, newest first"), shoutouts)
    for name, help in (
        ("hide-shoutout", _("hide a shout-out from every public screen")),
        ("restore-shoutout", _("put a hidden shout-out back on the wall")),
    ):
        command(name, "talk.shoutouts_hide", help, shoutout_id)
    questions = group("question", _("the question of the week"))
    command("set", "talk.question_set", _("ask a new question of the week"), text, questions)
    command("clear", "talk.question_clear", _("ask no question for now"), no_arguments, questions)
    command(
        "show", "talk.question_show", _("the question and this week's answers"), answers, questions
    )
    for name, help in (
        ("hide-answer", _("hide a member's answer to the question from every board")),
        ("restore-answer", _("put a hidden answer back on the boards")),
    ):
        command(name, "talk.answer_hide", help, whose_answer)


def text(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("text", metavar="TEXT")


def shoutout(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--from", dest="sender", required=True, metavar="MEMBER")
    sub.add_argument("--to", metavar="MEMBER", help=_("one member (everyone if left out)"))
    sub.add_argument(
        "--chat",
        action="store_true",
        help=_("also post it to the space's chat ([chat] in the config)"),
    )
    text(sub)


def shoutouts(sub: argparse.ArgumentParser) -> None:
    as_json(sub)
    sub.add_argument(
        "--all", action="store_true", help=_("as hosts see them: hidden ones too, every time exact")
    )


def shoutout_id(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("id", metavar="ID", help=_("the shout-out's id, from `kiosk shoutouts`"))


def answers(sub: argparse.ArgumentParser) -> None:
    as_json(sub)
    sub.add_argument("--all", action="store_true", help=_("hidden answers too (for hosts)"))


def whose_answer(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("member", metavar="MEMBER", help=_("whose answer: a member id, or a name"))
