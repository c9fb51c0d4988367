"""The `kiosk` command: runs the kiosk, and gives hosts and scripts the same verbs.

The subcommands are declared in kiosk.cli.arguments and run by kiosk.cli.commands, a module
of each for each area; this module reads the arguments and the config, runs the command,
and turns errors into one line on stderr. A command loads only what it uses: its arguments
are added when it is chosen, its handler's module imported when it runs, and the community
read only by a command that needs it, so help loads neither the settings nor the community.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from kiosk.cli.argparse_words import add_help_option, speak_for_argparse
from kiosk.cli.arguments import (
    badges,
    data,
    events,
    inductions,
    invitations,
    members,
    notify,
    safety,
    settings,
    talk,
    visits,
    wall,
)
from kiosk.cli.arguments.declaring import Arguments, Command, handler, no_arguments
from kiosk.cli.language import asked_language
from kiosk.errors import DataError, KioskError, NewerData, UsageError
from kiosk.language import _, speak
from kiosk.output import say, warn
from kiosk.text import shortened

if TYPE_CHECKING:  # read once the arguments are: `kiosk --help` needs no settings
    from kiosk.config import Config

AREAS = (
    members,
    visits,
    invitations,
    events,
    talk,
    badges,
    wall,
    notify,
    data,
    safety,
    inductions,
    settings,
)
"""The modules that declare the subcommands, in the order `kiosk --help` lists them."""


def run() -> NoReturn:
    """The `kiosk` command: `main`, without the garbage collector, and then the process
    ends at once.

    Most commands end within a moment of starting, and their records hold no cycles for
    the collector to find: its passes over everything imported would add some 4 ms to a
    command at the door. Those that run until they are stopped turn it on again
    (`runs_until_stopped`). By the time `main` returns, every change is on the disk (each
    write is flushed as it is made) and what is left to say is in the output's buffers;
    the interpreter taking down each of its modules and objects in turn would only add
    some 10 ms more.
    """
    gc.disable()
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        sys.exit(code)  # and Python says, as it ends, what could not be written
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    # The person at the terminal reads in their language from the first word, help too.
    speak(asked_language(os.environ))
    speak_for_argparse()
    config: Config | None = None
    try:
        args = _parser().parse_args(arguments)
        config = _settings(args)
        command: Command = args.command
        return command(args, config)
    except DataError as error:
        message = f"{error}\n{_damage_hint(error, config)}"
        say(f"kiosk: {_echoes_shortened(message, arguments)}", err=True)
        return error.exit_code
    except KioskError as error:
        say(f"kiosk: {_echoes_shortened(str(error), arguments)}", err=True)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (say `head`) has seen enough; say nothing more.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 0


def _settings(args: argparse.Namespace) -> Config:
    """The settings a command runs with: from the config file found, with the data folder
    given, each said when something about it needs a host's eye."""
    # Late: help and usage errors, answered before, need no settings.
    from dataclasses import replace

    from kiosk.config import defaults_notice, find_config, load_config, permissions_warning

    config_path = _path(args.config, "--config", _("a config file, like --config kiosk.toml"))
    data = _path(args.data, "--data", _("a data folder, like --data kiosk-data"))
    found = find_config(config_path)
    if found is None:
        say(f"kiosk: {defaults_notice()}", err=True)
    config_path = found.path if found is not None else None
    config = load_config(config_path)
    warning = permissions_warning(config_path, config)
    if warning:
        warn(warning)
    if data is not None:
        config = replace(config, data_dir=data)
    _refuse_unusable(config.data_dir)
    return config


def _damage_hint(error: DataError, config: Config | None) -> str:
    """What a host can do about damaged data: the newest good backup, or an update."""
    # Late: only a command that found damage reads the backups.
    from kiosk.config import Config
    from kiosk.storage.backups import Backups, backup_hint
    from kiosk.storage.store import Store

    if error.path is None:
        return _("Nothing was changed.")
    config = config or Config()
    backups = Backups(Store(config.data_dir), config.backups_to_keep)
    return backup_hint(backups, error.path, isinstance(error, NewerData))


# -- the kiosk itself -------------------------------------------------------


def run_kiosk(args: argparse.Namespace, config: Config) -> int:
    # Late: the CLI's other commands never load Textual, and help needs no community.
    from kiosk.cli.commands.running import open_community, runs_until_stopped
    from kiosk.config import permissions_warning
    from screens.app import KioskApp

    community = open_community(config, create=True)
    community.present()  # damage to the files of who is here stops the kiosk before it starts
    app = KioskApp(community, config, lock=not args.no_lock)
    runs_until_stopped()
    app.run()
    # While it ran, the kiosk showed these on the host console only; the config's mode
    # was said before it started.
    said = permissions_warning(config.source, config)
    for warning in app.host_warnings.given:
        if warning != said:
            warn(warning)
    # Non-zero when the kiosk stopped on an error, so a service manager restarts it.
    return app.return_code or 0


# -- checking what was given ----------------------------------------------------------

_ECHO_LIMIT = 80
"""An argument longer than this is shortened wherever a message repeats it."""
_LONG_WORD = re.compile(f"\\S{{{_ECHO_LIMIT + 1},}}")


def _path(value: str | None, option: str, example: str) -> Path | None:
    """The path given with `option`, refused when no file or folder could have it."""
    if value is None:
        return None
    if not value.strip():
        raise UsageError(
            _("The path given with {option} is empty; please give {example}.").format(
                option=option, example=example
            )
        )
    if "\0" in value:
        raise UsageError(
            _(
                "The path given with {option} ({path}) holds a NUL character, which no path "
                "can; please give {example}."
            ).format(option=option, path=shortened(repr(value)), example=example)
        )
    return Path(value)


def _refuse_unusable(folder: Path) -> None:
    """Refuse a data folder whose path the system cannot even look up (a name too long,
    a folder on the way that may not be entered). A NUL is refused before, where the
    path is given."""
    try:
        folder.stat()
    except (FileNotFoundError, NotADirectoryError):
        return  # each command says what it needs: a folder to read, or one it can make
    except OSError as error:
        raise UsageError(
            _("The data folder {folder} cannot be used: {strerror}.").format(
                folder=folder, strerror=error.strerror
            )
        ) from None


def _echoes_shortened(message: str, arguments: list[str]) -> str:
    """`message` with every long argument it repeats shortened."""
    values = set(arguments)
    values |= {a.split("=", 1)[1] for a in arguments if a.startswith("-") and "=" in a}
    for value in sorted(values, key=len, reverse=True):
        if len(value) > _ECHO_LIMIT:
            for form in (value, str(Path(value))):
                message = message.replace(form, shortened(value))
    return message


# -- parsing -------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """argparse, writing help and usage errors through `say`, long arguments shortened, and
    adding a command's own arguments only once that command is chosen."""

    def __init__(self, *args: Any, arguments: Arguments | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.arguments_to_add = arguments

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        # argparse hands the rest of the command line to the chosen command's parser here.
        if self.arguments_to_add is not None:
            self.arguments_to_add(self)
            self.arguments_to_add = None
        return super().parse_known_args(*args, **kwargs)

    def print_usage(self, file: Any = None) -> None:
        say(self.format_usage().rstrip("\n"), err=file is sys.stderr)

    def print_help(self, file: Any = None) -> None:
        say(self.format_help().rstrip("\n"), err=file is sys.stderr)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            # argparse repeats what it could not use; a long word is one of those.
            echoed = _LONG_WORD.sub(lambda word: shortened(word[0]), message.rstrip("\n"))
            say(echoed, err=True)
        sys.exit(status)


class _Chosen(_Parser):
    """The parser of a command or a group, made only when argparse hands it the command
    line (or a group its commands): every run declares all sixty, and uses one."""

    def __init__(self, **kwargs: Any) -> None:  # argparse's `add_parser` gives keywords
        self.waiting: dict[str, Any] | None = kwargs
        self.defaults_waiting: dict[str, Any] = {}

    def made(self) -> None:
        if self.waiting is not None:
            kwargs, self.waiting = self.waiting, None
            super().__init__(**kwargs)
            super().set_defaults(**self.defaults_waiting)

    def set_defaults(self, **kwargs: Any) -> None:
        if self.waiting is None:
            super().set_defaults(**kwargs)
        else:
            self.defaults_waiting.update(kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        self.made()
        return super().add_subparsers(**kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        self.made()
        return super().parse_known_args(*args, **kwargs)


def _parser() -> argparse.ArgumentParser:
    def common(parser: argparse.ArgumentParser, default: Any) -> None:
        parser.add_argument(
            "--config",
            default=default,
            metavar="FILE",
            help=_(
                "the TOML config file (else the one KIOSK_CONFIG names, else kiosk.toml "
                "here, ~/.config/kiosk/config.toml or /etc/kiosk/config.toml)"
            ),
        )
        parser.add_argument(
            "--data",
            default=default,
            metavar="DIR",
            help=_("the data folder (instead of the config's data_dir)"),
        )

    parser = _Parser(
        prog="kiosk", description=_("A check-in kiosk that helps members meet each other.")
    )
    common(parser, None)
    parser.add_argument(
        "--no-lock", action="store_true", help=_("let ctrl+q quit without the host PIN")
    )
    parser.set_defaults(command=run_kiosk)
    commands = parser.add_subparsers(title=_("commands"), metavar="COMMAND", parser_class=_Chosen)

    def chosen(name: str, help: str, arguments: Arguments, within: Any) -> Any:
        """A command's parser, bare: it is made, and its options (--help, --config and
        --data, then its own) added, once it is chosen."""

        def add(parser: argparse.ArgumentParser) -> None:
            add_help_option(parser)
            # SUPPRESS: an option given before the command is not reset by its parser.
            common(parser, argparse.SUPPRESS)
            arguments(parser)

        return within.add_parser(name, help=help, description=help, add_help=False, arguments=add)

    def command(
        name: str, runs: str, help: str, arguments: Arguments, within: Any = commands
    ) -> None:
        sub = chosen(name, help, arguments, within)
        sub.set_defaults(command=handler(runs), command_name=name)

    def group(
        name: str, help: str, runs: str | None = None, arguments: Arguments = no_arguments
    ) -> Any:
        sub = chosen(name, help, arguments, commands)
        if runs is not None:
            sub.set_defaults(command=handler(runs), command_name=name)
        return sub.add_subparsers(title=_("commands"), metavar="COMMAND", required=runs is None)

    for area in AREAS:
        area.register(command, group)
    return parser


if __name__ == "__main__":
    run()
