"""The arguments of `kiosk demo`, `backup`, `doctor` and `hash-pin`."""

from __future__ import annotations

import argparse

from kiosk.cli.arguments.declaring import Declare, Group, no_arguments
from kiosk.language import _
from kiosk.text import shortened


def register(command: Declare, group: Group) -> None:
    command("demo", "data.demo", _("seed a demo community into an empty data folder"), demo)
    command(
        "hash-pin", "data.hash_pin_command", _("make a host PIN hash for the config"), no_arguments
    )
    command("backup", "data.backup", _("back up all data now"), backup)
    command(
        "doctor",
        "data.doctor",
        _("check every data file and backup; --restore repairs what is damaged"),
        doctor,
    )


def count(value: str) -> int:
    """A whole number from zero, as a size option takes it."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a whole number").format(value=shortened(value))
        ) from None
    if number < 0:
        raise argparse.ArgumentTypeError(
            _("'{value}' is below zero").format(value=shortened(value))
        )
    return number


def demo(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--members", type=count, metavar="N")
    sub.add_argument("--history-days", type=count, metavar="D")
    sub.add_argument("--visits", type=count, metavar="V", help=_("past visits in all"))


def backup(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--if-due", action="store_true", help=_("only if none was made today"))


def doctor(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--restore", action="store_true")
