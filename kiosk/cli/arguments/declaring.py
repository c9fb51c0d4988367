"""How a command is declared: its name, the handler that runs it, its help, and what adds
its arguments. A command's arguments are added only when that command is chosen, and its
handler's module is imported only when it runs, so a command loads what it uses alone."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias

if TYPE_CHECKING:  # the settings' module is heavy, and `kiosk --help` reads none
    from kiosk.config import Config

Command: TypeAlias = "Callable[[argparse.Namespace, Config], int]"
"""What runs a command: the parsed arguments and the config in, the exit code out."""

Arguments: TypeAlias = Callable[[argparse.ArgumentParser], None]
"""Adds a command's arguments to its parser."""


def no_arguments(parser: argparse.ArgumentParser) -> None:
    """For a command that takes nothing beyond --config and --data."""


def handler(name: str) -> Command:
    """What runs the function `area.function` of kiosk.cli.commands, importing its module
    only then."""

    def run(args: argparse.Namespace, config: Config) -> int:
        area, function = name.split(".")
        command: Command = getattr(importlib.import_module(f"kiosk.cli.commands.{area}"), function)
        return command(args, config)

    return run


class Declare(Protocol):
    """Declares one command: its name, the handler that runs it (`area.function`), its
    help, what adds its arguments, and the group it is in."""

    def __call__(
        self, name: str, runs: str, help: str, arguments: Arguments, within: Any = ...
    ) -> None: ...


class Group(Protocol):
    """Declares a group of commands (`kiosk members ...`) and gives what to declare them in;
    with `runs`, the group's name alone is a command too (`kiosk invitations`), taking
    the arguments `arguments` adds."""

    def __call__(
        self, name: str, help: str, runs: str | None = ..., arguments: Arguments = ...
    ) -> Any: ...
