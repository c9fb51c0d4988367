"""The arguments of `kiosk notify test`, `notify whos-in`, `notify digest` and `kiosk outbox`."""

from __future__ import annotations

import argparse

from kiosk.cli.arguments.declaring import Declare, Group, no_arguments
from kiosk.cli.arguments.members import as_json
from kiosk.language import _


def register(command: Declare, group: Group) -> None:
    notify = group("notify", _("notifications sent to chat, push and e-mail services"))
    command(
        "test",
        "notify.notify_test",
        _("send a test message to a notification URL now"),
        url,
        notify,
    )
    command(
        "whos-in",
        "notify.whos_in",
        _("tell the space's chat now who is in, as the board shows it"),
        no_arguments,
        notify,
    )
    command(
        "digest",
        "notify.digest",
        _("send the hosts' channel a day's digest now: visits, newcomers, shout-outs"),
        digest,
        notify,
    )
    command("outbox", "notify.outbox", _("the notices waiting to be sent, and why"), outbox)


def url(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("url", metavar="URL", help=_("an Apprise URL, like ntfy://ntfy.sh/topic"))


def digest(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--day",
        metavar="DAY",
        default="today",
        help=_("like 2026-12-08 or 'yesterday' (default: today)"),
    )


def outbox(sub: argparse.ArgumentParser) -> None:
    as_json(sub)
    sub.add_argument(
        "--deliver", action="store_true", help=_("send what waits now, retrying for a while")
    )
