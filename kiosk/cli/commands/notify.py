"""`kiosk notify test`, `notify whos-in`, `notify digest` and `kiosk outbox`: the notices
the kiosk sends, for hosts."""

from __future__ import annotations

import argparse
import time
from datetime import datetime, tzinfo
from typing import Any

from kiosk.cli.commands.running import counted, now, open_community, print_json
from kiosk.config import Config
from kiosk.errors import KioskError, UsageError
from kiosk.models import Notice
from kiosk.notices import chat, delivery
from kiosk.notices.delivery import deliver
from kiosk.notices.outbox import Outbox, new_notice, shoutout_hidden
from kiosk.notices.sending import hidden_secrets, send
from kiosk.output import say
from kiosk.storage.store import Store
from kiosk.timekeeping import hours
from kiosk.timekeeping.dates import day_words, read_day
from kiosk.timekeeping.opening import local_day


class NotSent(KioskError):
    """A test notice the service did not take."""


def notify_test(args: argparse.Namespace, config: Config) -> int:
    notice = new_notice(
        args.url,
        f"Test from {config.space_name}",
        f"A test message from the check-in kiosk of {config.space_name}: this channel works.",
        now(),
    )
    problem = send(notice)
    if problem is not None:
        raise NotSent(f"Not sent to {hidden_secrets(notice.receiver)}: {problem}")
    say(f"Sent: {hidden_secrets(notice.receiver)} took the test message.")
    return 0


def whos_in(args: argparse.Namespace, config: Config) -> int:
    if not config.chat.url:
        raise UsageError(
            "No chat is set up: give the space's chat as url under [chat] in the config "
            "file (config.example.toml shows how)."
        )
    community = open_community(config)
    _queue(community.store, config, chat.whos_in(community, config))
    say(f"Queued for the chat: {hidden_secrets(config.chat.url)} hears who is in now.")
    return 0


def digest(args: argparse.Namespace, config: Config) -> int:
    if not config.notify_hosts:
        raise UsageError(
            "No hosts' channel is set up: give it as hosts under [notify] in the config "
            "file (config.example.toml shows how)."
        )
    community = open_community(config)
    day = read_day(args.day, local_day(community.clock(), config.zone)).day
    _queue(community.store, config, chat.digest(community, config, day))
    say(f"Queued for the hosts' channel: the digest of {day_words(day)}.")
    return 0


def _queue(store: Store, config: Config, notice: Notice) -> None:
    Outbox(store).queue([notice])
    delivery.start_in_background(config)


def outbox(args: argparse.Namespace, config: Config) -> int:
    store = Store.open(config.data_dir, create=False)
    if args.deliver:
        return _deliver(store)
    queue = Outbox(store)
    waiting, dropped = queue.waiting(), queue.dropped()
    if args.json:
        return print_json(
            {
                "waiting": [_notice_json(n) for n in waiting],
                "dropped": [_notice_json(n) for n in dropped],
            }
        )
    zone = config.zone
    if not waiting:
        say("Nothing waits to be sent.")
    else:
        say(f"{counted(len(waiting), 'notice')} waiting to be sent, in order:")
    for notice in waiting:
        say(f"  {_when(notice, zone)}  to {hidden_secrets(notice.receiver)}: {notice.title}")
        if notice.tries:
            again = (
                "" if notice.next_try is None else f"; next try {_moment(notice.next_try, zone)}"
            )
            say(f"      tried {counted(notice.tries, 'time')}{again}: {notice.last_error}")
        else:
            say("      not tried yet")
    if dropped:
        say(f"{counted(len(dropped), 'notice')} dropped, not sent:")
    for notice in dropped:
        said = f"  {_when(notice, zone)}  to {hidden_secrets(notice.receiver)}: {notice.title}"
        why = (
            "its shout-out was hidden"
            if shoutout_hidden(notice)
            else f"its moment had passed: until {_moment(notice.expires, zone)}"
        )
        say(f"{said} ({why})")
    return 0


def _deliver(store: Store) -> int:
    done = deliver(store, now, send, time.sleep)
    if done is None:
        say("Another process is sending the outbox already.")
        return 0
    say(
        f"Sent {counted(len(done.sent), 'notice')}; {counted(len(done.failed), 'attempt')} failed; "
        f"{len(done.dropped)} dropped, no longer due; {done.waiting} still waiting."
    )
    return 0


def _when(notice: Notice, zone: tzinfo) -> str:
    return f"queued {_moment(notice.queued, zone)}"


def _moment(moment: datetime | None, zone: tzinfo) -> str:
    if moment is None:
        return "-"
    return f"{moment.astimezone(zone):%Y-%m-%d} {hours.clock_time(moment, zone)}"


def _notice_json(notice: Notice) -> dict[str, Any]:
    """A notice as stored, its receiver's tokens and password hidden."""
    return {**notice.to_doc(), "receiver": hidden_secrets(notice.receiver)}
