"""`kiosk shoutout`, `shoutouts`, `question` and the answers to it: what members say to
each other."""

from __future__ import annotations

import argparse
from functools import partial

from kiosk.cli.commands.running import open_community, print_json, saved
from kiosk.config import Config
from kiosk.errors import UsageError
from kiosk.language import _
from kiosk.models.conversation import Answer
from kiosk.output import say
from kiosk.record_json import answer_json, shoutout_json
from kiosk.timekeeping.opening import local_time


def shoutout(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    author = community.find(args.sender)
    to = community.find(args.to) if args.to is not None else None
    to_id = to.id if to else None
    if args.chat:
        from kiosk.notices.chat import offers_chat, post_shoutout  # late: most post none

        if not offers_chat(config):
            raise UsageError(
                "Shout-outs are not posted to a chat here: set url (and shoutouts = true) "
                "under [chat] in the config file (config.example.toml shows how)."
            )
        posted = post_shoutout(community, config, author.id, to_id, args.text, to_chat=True)
    else:
        posted = community.post_shoutout(author.id, to_id, args.text)
    say(posted.id)
    return saved(community)


def shoutouts(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    # The wall as the public sees it; with --all, everything, as hosts see it.
    if args.all:
        wall, id_of = community.all_shoutouts(), _as_it_is
    else:
        wall, id_of = community.shoutouts(), community.public_id
    names = partial(community.shoutout_names, public=not args.all)
    if args.json:
        return print_json(
            [shoutout_json(s, names(s), id_of, community.zone, exact=args.all) for s in wall]
        )
    if not wall:
        say(_("No shout-outs yet."))
    for s in wall:
        hidden = "  " + _("[hidden]") if s.hidden else ""
        when = f"{local_time(s.created, community.zone):%Y-%m-%d %H:%M}"
        if s.quiet and not args.all:
            when = when[:10].ljust(len(when))
        author, to = names(s)
        say(f"{when}  {s.id}  {author} → {to}: {s.text}{hidden}")
    return 0


def _as_it_is(member_id: str | None) -> str | None:
    return member_id


def shoutouts_hide(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    hidden = args.command_name == "hide-shoutout"
    community.hide_shoutout(args.id, hidden)
    say(_("Hidden from every public screen.") if hidden else _("Back on the wall."))
    return saved(community)


def question_set(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    asked = community.ask(args.text)
    say(_("The question of the week is now: {text}").format(text=asked.text))
    return saved(community)


def question_clear(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    community.clear_question()
    say(_("There is no question of the week now."))
    return saved(community)


def question_show(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    asked = community.question()
    if asked is None:
        if args.json:
            return print_json(None)
        say(_("There is no question of the week."))
        return 0
    answers = (
        [(community.name_of(a.member_id), a) for a in community.answers()]
        if args.all
        else [
            (
                shown.member.name,
                Answer(asked.id, shown.member.id, shown.text, shown.given, quiet=shown.quiet),
            )
            for shown in community.answers_shown(limit=len(community.answers()))
        ]
    )
    if args.json:
        return print_json(
            {
                "question": asked.text,
                "asked": asked.asked.isoformat(),
                "answers": [
                    answer_json(answer, name, community.zone, exact=args.all)
                    for name, answer in answers
                ],
            }
        )
    say(asked.text)
    for name, answer in answers:
        say(f"  {name}: {answer.text}{'  ' + _('[hidden]') if answer.hidden else ''}")
    return 0


def answer_hide(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    hidden = args.command_name == "hide-answer"
    answer = community.hide_answer(community.find(args.member).id, hidden)
    name = community.name_of(answer.member_id)
    say(
        (
            _("{name}'s answer is hidden from every board.")
            if hidden
            else _("{name}'s answer is back on the boards.")
        ).format(name=name)
    )
    return saved(community)
