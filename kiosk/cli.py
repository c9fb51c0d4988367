"""The `kiosk` command: runs the kiosk, and gives hosts and scripts the same verbs."""

from __future__ import annotations

import argparse
import getpass
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import IO, Any, NoReturn

from kiosk import hours, serving, spaceapi
from kiosk.backups import Backups, backup_hint, start_in_background
from kiosk.badges import FORMATS, write_badges
from kiosk.community import Community, utc_now
from kiosk.config import Config, load_config, permissions_warning
from kiosk.demo import seed_demo, seed_synthetic
from kiosk.errors import DataError, KioskError, NewerData, Refused, UsageError
from kiosk.models import STATUS_LABELS, STATUSES, Member
from kiosk.output import json_text, member_json, presence_json, say, shoutout_json
from kiosk.pin import hash_pin, require_new_pin
from kiosk.progress import ProgressBar
from kiosk.store import Store
from kiosk.text import shortened

Command = Callable[[argparse.Namespace, Config], int]


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = _parser().parse_args(arguments)
    config = Config()
    try:
        config_path = _path(args.config, "--config", "a config file, like --config kiosk.toml")
        data = _path(args.data, "--data", "a data folder, like --data kiosk-data")
        config = load_config(config_path)
        warning = permissions_warning(config_path, config)
        if warning:
            say(f"kiosk: warning: {warning}", err=True)
        if data is not None:
            config = replace(config, data_dir=data)
        _refuse_unusable(config.data_dir)
        return args.command(args, config)
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


def _damage_hint(error: DataError, config: Config) -> str:
    """What a host can do about damaged data: the newest good backup, or an update."""
    if error.path is None:
        return "Nothing was changed."
    backups = Backups(Store(config.data_dir), config.backups_to_keep)
    return backup_hint(backups, error.path, isinstance(error, NewerData))


# -- commands ----------------------------------------------------------------


def _open(config: Config, create: bool = False) -> Community:
    """The community in the data folder, which must exist unless `create`."""
    # utc_now is looked up on each call, so a test can replace it with a clock it controls.
    return Community.open(config, utc_now, create, on_change=_backup_when_due(config))


def _backup_when_due(config: Config) -> Callable[[Community], None]:
    """After a change, start today's backup if none was made yet."""

    def after_change(community: Community) -> None:
        backups = Backups(community.store, config.backups_to_keep)
        if backups.due(community.clock().astimezone().date().isoformat()):
            start_backup(config)

    return after_change


def start_backup(config: Config) -> None:
    """Today's backup, made in the background (tests make it in-process instead)."""
    start_in_background(config.data_dir, config.source)


def _saved(community: Community) -> int:
    """The change is saved: exit 0, but let a host know if the last backup failed."""
    problem = Backups(community.store).last_problem()
    if problem:
        say(f"kiosk: warning: {problem}", err=True)
    return 0


def run_kiosk(args: argparse.Namespace, config: Config) -> int:
    community = _open(config, create=True)
    community.present()  # damage to the files of who is here stops the kiosk before it starts
    from screens.app import KioskApp  # late: the CLI's other commands never load Textual

    app = KioskApp(community, config, lock=not args.no_lock)
    app.run()
    # Non-zero when the kiosk stopped on an error, so a service manager restarts it.
    return app.return_code or 0


def board(args: argparse.Namespace, config: Config) -> int:
    community = _open(config)
    from screens.wall_app import WallApp  # late, as for the kiosk

    app = WallApp(community, config)
    app.run()
    return app.return_code or 0


def serve(args: argparse.Namespace, config: Config) -> int:
    serving.serve(config, args.host, args.port, public=args.public, kiosk=args.kiosk, url=args.url)
    return 0


def spaceapi_command(args: argparse.Namespace, config: Config) -> int:
    document = spaceapi.spaceapi_document(config, _open(config))
    if args.out is None:
        print(spaceapi.spaceapi_json(document), end="")
    else:
        spaceapi.publish(document, args.out)
    return 0


def demo(args: argparse.Namespace, config: Config) -> int:
    now = utc_now()
    if args.visits and not args.history_days:
        # Past visits are spread over the days of history; with none they would vanish.
        raise UsageError("--visits needs --history-days D, the days to spread them over.")
    if args.members is None and args.history_days is None:
        count = seed_demo(config.data_dir, now)
        say(f"Seeded a demo community of {count} members in {config.data_dir}.")
        return 0
    members, visits = seed_synthetic(
        config.data_dir,
        now,
        30 if args.members is None else args.members,
        args.history_days or 0,
        args.visits,
    )
    say(f"Seeded {members} members and {visits} past visits in {config.data_dir}.")
    return 0


def members_add(args: argparse.Namespace, config: Config) -> int:
    community = _open(config, create=True)
    member = community.add_member(args.name, tuple(args.topic), on_board=not args.hidden)
    say(member.id)
    return _saved(community)


def members_list(args: argparse.Namespace, config: Config) -> int:
    members = _open(config).members()
    if args.json:
        return _print_json([member_json(member) for member in members])
    if not members:
        say("No members yet.")
    for member in members:
        topics = f"  ({', '.join(member.topics)})" if member.topics else ""
        say(f"{member.id}  {member.name}{topics}")
    return 0


def checkin(args: argparse.Namespace, config: Config) -> int:
    community = _open(config)
    member = community.find(args.member)
    topics = tuple(args.topic) if args.topic else None
    visit = community.check_in(member.id, args.status, topics)
    say(
        f"Checked in {member.name} at {hours.clock_time(visit.since)} "
        f"({STATUS_LABELS[visit.status]})."
    )
    return _saved(community)


def checkout(args: argparse.Namespace, config: Config) -> int:
    community = _open(config)
    member = community.find(args.member)
    visit = community.check_out(member.id)
    assert visit.until is not None
    say(f"Checked out {member.name} after {hours.duration(visit.until - visit.since)}.")
    return _saved(community)


def present(args: argparse.Namespace, config: Config) -> int:
    community = _open(config)
    here = community.present()
    if args.json:
        return _print_json([presence_json(p) for p in here])
    if not here:
        say("Nobody is here right now.")
    now = community.clock()
    for p in here:
        topics = ", ".join(p.visit.topics) or "-"
        say(
            f"{p.member.name}  {hours.since(p.visit.since, now)}  "
            f"{STATUS_LABELS[p.visit.status]}  {topics}"
        )
    return 0


def shoutout(args: argparse.Namespace, config: Config) -> int:
    community = _open(config)
    author = community.find(args.sender)
    to = community.find(args.to) if args.to is not None else None
    posted = community.post_shoutout(author.id, to.id if to else None, args.text)
    say(posted.id)
    return _saved(community)


def shoutouts(args: argparse.Namespace, config: Config) -> int:
    community = _open(config)
    wall = community.shoutouts()
    if args.json:
        return _print_json([shoutout_json(s, community.name_of) for s in wall])
    if not wall:
        say("No shout-outs yet.")
    for s in wall:
        say(
            f"{s.created.astimezone():%Y-%m-%d %H:%M}  {community.name_of(s.from_id)} → "
            f"{community.name_of(s.to_id)}: {s.text}"
        )
    return 0


def badges(args: argparse.Namespace, config: Config) -> int:
    community = _open(config)
    if args.member:
        named = (community.find(reference) for reference in args.member)
        members = list({member.id: member for member in named}.values())
    else:
        members = [member for member in community.members() if member.active]
    if not members:
        raise Refused("There are no members yet; add one with: kiosk members add NAME")
    if len(members) > 20 and sys.stderr.isatty():
        with ProgressBar("Badges", len(members), sys.stderr) as bar:
            printed = write_badges(members, config.space_name, args.out, args.format, bar.advance)
    else:
        printed = write_badges(members, config.space_name, args.out, args.format)
    if not printed.badges:
        raise Refused(f"No badges written: {_without_code(printed.without_code)}.")
    if printed.without_code:
        say(f"kiosk: note: {_without_code(printed.without_code)}.", err=True)
    say(
        f"Wrote {_counted(len(printed.badges), 'badge')} and "
        f"{_counted(len(printed.sheets), 'A4 sheet')} of them to {args.out}."
    )
    return 0


def _without_code(missing: list[Member]) -> str:
    """Who got no badge for want of a code, and how to give them one."""
    if len(missing) == 1:
        who, reference = f"{missing[0].name} has", missing[0].id
    else:
        names = ", ".join(member.name for member in missing[:3])
        more = ", ..." if len(missing) > 3 else ""
        who, reference = f"{len(missing)} members ({names}{more}) have", "MEMBER"
    return f"{who} no badge code yet; issue one with: kiosk members new-badge {reference}"


def _counted(count: int, thing: str) -> str:
    return f"{count} {thing}" if count == 1 else f"{count} {thing}s"


def hash_pin_command(args: argparse.Namespace, config: Config) -> int:
    pin = require_new_pin(_read_pin("Host PIN: "), "A host PIN")
    if _read_pin("Same PIN again: ") != pin:
        raise Refused("The two PINs are not the same; nothing was made.")
    say(hash_pin(pin))
    return 0


def _read_pin(prompt: str) -> str:
    try:
        return getpass.getpass(prompt)
    except EOFError:
        # Input ran out (a closed pipe, or ctrl+d) before a PIN was typed.
        raise Refused("No PIN was typed; nothing was made.") from None


def backup(args: argparse.Namespace, config: Config) -> int:
    store = Store.open(config.data_dir, create=False)
    backups = Backups(store, config.backups_to_keep)
    now = utc_now()
    if args.if_due and not backups.due(now.astimezone().date().isoformat()):
        return 0
    made = backups.make(now)
    if args.if_due:
        return 0  # made in the background, where nobody reads what it says
    if made is None:
        say("Another kiosk process is making a backup right now.")
        return 0
    say(f"Backed up {len(made.files)} files as backup {made.sequence} in {made.folder}.")
    return 0


def doctor(args: argparse.Namespace, config: Config) -> int:
    root = config.data_dir
    if root.exists() and not root.is_dir():
        raise UsageError(f"The data folder {root} is a file, not a folder.")
    if not root.is_dir():
        raise UsageError(f"There is no data folder at {root}. Give the right folder with --data.")
    store = Store(root)
    backups = Backups(store, config.backups_to_keep)
    # Checking only reads; a read-only folder is checked all the same.
    writable = os.access(root, os.W_OK)
    if writable:
        leftovers = store.remove_leftovers()
        if leftovers:
            say(f"Removed {len(leftovers)} temporary files left by an interrupted write.")
    else:
        say(
            f"{root} is read-only, so it is only checked: temporary files left by an "
            "interrupted write, if any, stay where they are."
        )
    problems = store.problems()
    checked = len(store.data_files())
    if not problems:
        say(f"All {checked} data files in {root} are fine.")
    for problem in problems:
        say(str(problem))
        hint = backup_hint(backups, problem.path, problem.newer)
        if not args.restore or problem.newer:
            say(f"  {hint}")
        elif not writable:
            say(f"  Not restored, as the folder is read-only. {hint}")
        elif (restored := backups.restore(problem.path, utc_now())) is None:
            say("  No good backup of it exists; it was left as it is.")
        else:
            say(f"  Restored from {restored.folder}; the damaged file was kept beside it.")
    damaged_copies = backups.problems()
    for copy in damaged_copies:
        say(f"Backup copy {copy}")
    if damaged_copies:
        say("  The other backups are used instead; `kiosk backup` makes a fresh one.")
    live_fine = not problems or (args.restore and not store.problems())
    return 0 if live_fine and not damaged_copies else 1


# -- checking what was given ----------------------------------------------------------

_ECHO_LIMIT = 80
"""An argument longer than this is shortened wherever a message repeats it."""
_LONG_WORD = re.compile(f"\\S{{{_ECHO_LIMIT + 1},}}")


def _path(value: str | None, option: str, example: str) -> Path | None:
    """The path given with `option`, refused when no file or folder could have it."""
    if value is None:
        return None
    if not value.strip():
        raise UsageError(f"The path given with {option} is empty; please give {example}.")
    if "\0" in value:
        raise UsageError(
            f"The path given with {option} ({shortened(repr(value))}) holds a NUL character, "
            f"which no path can; please give {example}."
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
        raise UsageError(f"The data folder {folder} cannot be used: {error.strerror}.") from None


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


def _print_json(value: Any) -> int:
    say(json_text(value))
    return 0


class _Parser(argparse.ArgumentParser):
    """argparse, writing help and usage errors through `say`, long arguments shortened."""

    def print_usage(self, file: IO[str] | None = None) -> None:
        say(self.format_usage().rstrip("\n"), err=file is sys.stderr)

    def print_help(self, file: IO[str] | None = None) -> None:
        say(self.format_help().rstrip("\n"), err=file is sys.stderr)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            # argparse repeats what it could not use; a long word is one of those.
            echoed = _LONG_WORD.sub(lambda word: shortened(word[0]), message.rstrip("\n"))
            say(echoed, err=True)
        sys.exit(status)


def _parser() -> argparse.ArgumentParser:
    def common(parser: argparse.ArgumentParser, default: Any) -> None:
        parser.add_argument(
            "--config", default=default, metavar="FILE", help="the TOML config file"
        )
        parser.add_argument(
            "--data",
            default=default,
            metavar="DIR",
            help="the data folder (instead of the config's data_dir)",
        )

    parser = _Parser(
        prog="kiosk", description="A check-in kiosk that helps members meet each other."
    )
    common(parser, None)
    parser.add_argument(
        "--no-lock", action="store_true", help="let ctrl+q quit without the host PIN"
    )
    parser.set_defaults(command=run_kiosk)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(name: str, run: Command, help: str, within: Any = commands) -> Any:
        sub = within.add_parser(name, help=help, description=help)
        # SUPPRESS: an option given before the command is not reset by the command's parser.
        common(sub, argparse.SUPPRESS)
        sub.set_defaults(command=run)
        return sub

    command("board", board, "the wall board for a second screen: read-only, q quits")
    sub = command("serve", serve, "serve the wall board (or the kiosk) to web browsers")
    sub.add_argument("--host", default="127.0.0.1", help="the address to listen on")
    sub.add_argument("--port", type=_port, default=8000)
    sub.add_argument(
        "--public", action="store_true", help="allow a --host other machines can reach"
    )
    sub.add_argument("--url", metavar="URL", help="the address browsers use, if not host:port")
    sub.add_argument(
        "--kiosk", action="store_true", help="serve the kiosk itself, locked by the host PIN"
    )
    sub = command("spaceapi", spaceapi_command, "write the space's SpaceAPI JSON (version 15)")
    sub.add_argument("--out", type=Path, metavar="FILE", help="write to FILE (default: print)")
    sub = command("demo", demo, "seed a demo community into an empty data folder")
    sub.add_argument("--members", type=_count, metavar="N")
    sub.add_argument("--history-days", type=_count, metavar="D")
    sub.add_argument("--visits", type=_count, metavar="V", help="past visits in all")

    members_parser = commands.add_parser("members", help="add and list members")
    common(members_parser, argparse.SUPPRESS)
    members = members_parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    sub = command("add", members_add, "register a member and print their id", members)
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("--topic", action="append", default=[], metavar="T")
    sub.add_argument("--hidden", action="store_true", help="never show them on the board")
    sub = command("list", members_list, "list members", members)
    sub.add_argument("--json", action="store_true")

    sub = command("checkin", checkin, "check a member in")
    sub.add_argument("member", metavar="MEMBER", help="a member id, or a name")
    sub.add_argument("--status", choices=STATUSES, default="open")
    sub.add_argument("--topic", action="append", default=[], metavar="T")
    sub = command("checkout", checkout, "check a member out")
    sub.add_argument("member", metavar="MEMBER", help="a member id, or a name")
    sub = command("present", present, "who is here now, as the board shows it")
    sub.add_argument("--json", action="store_true")

    sub = command("shoutout", shoutout, "leave a shout-out and print its id")
    sub.add_argument("--from", dest="sender", required=True, metavar="MEMBER")
    sub.add_argument("--to", metavar="MEMBER", help="one member (everyone if left out)")
    sub.add_argument("text", metavar="TEXT")
    sub = command("shoutouts", shoutouts, "the shout-out wall, newest first")
    sub.add_argument("--json", action="store_true")

    sub = command("badges", badges, "write printable badges with QR codes, and A4 sheets of them")
    sub.add_argument(
        "--member",
        action="append",
        default=[],
        metavar="MEMBER",
        help="only this member, by id or name (may be given again); all members if left out",
    )
    sub.add_argument("--out", type=Path, required=True, metavar="DIR", help="the folder to write")
    sub.add_argument("--format", choices=FORMATS, default="svg", help="svg (the default) or png")

    command("hash-pin", hash_pin_command, "make a host PIN hash for the config")
    sub = command("backup", backup, "copy all data into backups/ now")
    sub.add_argument("--if-due", action="store_true", help="only if none was made today")
    sub = command("doctor", doctor, "check every data file; --restore puts back good backups")
    sub.add_argument("--restore", action="store_true")
    return parser


def _port(value: str) -> int:
    number = _count(value)
    if not 1 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"'{value}' is not a port from 1 to 65535")
    return number


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{shortened(value)}' is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"'{shortened(value)}' is below zero")
    return number


if __name__ == "__main__":
    sys.exit(main())
