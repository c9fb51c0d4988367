"""`kiosk notify test`, `notify whos-in`, `notify digest` and `kiosk outbox`: the notices
the kiosk sends, for hosts."""

from __future__ import annotations

import argparse
import time
from datetime import datetime, tzinfo
from typing import Any

from kiosk.cli.commands.running import now, open_community, print_json
from kiosk.config import Config
from kiosk.errors import KioskError, UsageError
from kiosk.language import _, ngettext
from kiosk.models.notices import Notice
from kiosk.notices import chat, delivery
from kiosk.notices.delivery import deliver
from kiosk.notices.outbox import Outbox, new_notice, shoutout_hidden
from kiosk.notices.sending import hidden_secrets, send
from kiosk.output import say
from kiosk.storage.store import Store
from kiosk.timekeeping import hours
from kiosk.timekeeping.dates import day_words, read_day
from kiosk.timekeeping.opening import current_day


class NotSent(KioskError):
    """A test notice the service did not take."""


def notify_test(args: argparse.Namespace, config: Config) -> int:
    notice = new_notice(
        args.url,
        _("Test from {space}").format(space=config.space_name),
        _("A test message from the check-in kiosk of {space}: this channel works.").format(
            space=config.space_name
        ),
        now(),
    )
    problem = send(notice)
    if problem is not None:
        raise NotSent(
            _("Not sent to {address}: {problem}").format(
                address=hidden_secrets(notice.receiver), problem=problem
            )
        )
    say(_("Sent: {address} took the test message.").format(address=hidden_secrets(notice.receiver)))
    return 0


def whos_in(args: argparse.Namespace, config: Config) -> int:
    if not config.chat.url:
        raise UsageError(
            _(
                "No chat is set up: give the space's chat as url under [chat] in the config "
                "file (config.example.toml shows how)."
            )
        )
    community = open_community(config)
    _queue(community.store, config, chat.whos_in(community, config))
    say(
        _("Queued for the chat: {address} hears who is in now.").format(
            address=hidden_secrets(config.chat.url)
        )
    )
    return 0


def digest(args: argparse.Namespace, config: Config) -> int:
    if not config.notify_hosts:
        raise UsageError(
            _(
                "No hosts' channel is set up: give it as hosts under [notify] in the config "
                "file (config.example.toml shows how)."
            )
        )
    community = open_community(config)
    day = read_day(args.day, current_day(community.clock(), config.zone))
    _queue(community.store, config, chat.digest(community, config, day))
    say(_("Queued for the hosts' channel: the digest of {day}.").format(day=day_words(day)))
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
        say(_("Nothing waits to be sent."))
    else:
        say(
            ngettext(
                "{count} notice waiting to be sent, in order:",
                "{count} notices waiting to be sent, in order:",
                len(waiting),
            ).format(count=len(waiting))
        )
    for notice in waiting:
        say(f"  {_queued(notice, zone)}")
        if not notice.tries:
            say(_("      not tried yet"))
        elif notice.next_try is None:
            say(
                ngettext(
                    "      tried {count} time: {error}",
                    "      tried {count} times: {error}",
                    notice.tries,
                ).format(count=notice.tries, error=notice.last_error)
            )
        else:
            say(
                ngettext(
                    "      tried {count} time; next try {moment}: {error}",
                    "      tried {count} times; next try {moment}: {error}",
                    notice.tries,
                ).format(
                    count=notice.tries,
                    moment=_moment(notice.next_try, zone),
                    error=notice.last_error,
                )
            )
    if dropped:
        say(
            ngettext(
                "{count} notice dropped, not sent:",
                "{count} notices dropped, not sent:",
                len(dropped),
            ).format(count=len(dropped))
        )
    for notice in dropped:
        if shoutout_hidden(notice):
            why = _("its shout-out was hidden")
        else:
            why = _("its moment had passed: until {moment}").format(
                moment=_moment(notice.expires, zone)
            )
        say(_("  {notice} ({why})").format(notice=_queued(notice, zone), why=why))
    return 0


def _deliver(store: Store) -> int:
    done = deliver(store, now, send, time.sleep)
    if done is None:
        say(_("Another process is sending the outbox already."))
        return 0
    say(
        # Translators: {sent} is "1 notice" or "3 notices", {failed} "1 attempt" or "3 attempts".
        _(
            "Sent {sent}; {failed} failed; {dropped} dropped, no longer due; "
            "{waiting} still waiting."
        ).format(
            sent=ngettext("{count} notice", "{count} notices", len(done.sent)).format(
                count=len(done.sent)
            ),
            failed=ngettext("{count} attempt", "{count} attempts", len(done.failed)).format(
                count=len(done.failed)
            ),
            dropped=len(done.dropped),
            waiting=done.waiting,
        )
    )
    return 0


def _queued(notice: Notice, zone: tzinfo) -> str:
    """When a notice was queued, for whom, and what it says."""
    return _("queued {moment}  to {address}: {title}").format(
        moment=_moment(notice.queued, zone),
        address=hidden_secrets(notice.receiver),
        title=notice.title,
    )


def _moment(moment: datetime | None, zone: tzinfo) -> str:
    if moment is None:
        return "-"
    return f"{moment.astimezone(zone):%Y-%m-%d} {hours.clock_time(moment, zone)}"


def _notice_json(notice: Notice) -> dict[str, Any]:
    """A notice as stored, its receiver's tokens and password hidden."""
    return {**notice.to_doc(), "receiver": hidden_secrets(notice.receiver)}
