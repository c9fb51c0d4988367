"""The `kiosk` command: runs the kiosk, and gives hosts and scripts the same verbs."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from kiosk import hours
from kiosk.community import Community, utc_now
from kiosk.config import Config, load_config
from kiosk.demo import seed_demo, seed_synthetic
from kiosk.errors import KioskError, Refused, UsageError
from kiosk.models import STATUS_LABELS, STATUSES
from kiosk.pin import hash_pin
from kiosk.store import Store

Command = Callable[[argparse.Namespace, Config], int]


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        config = load_config(args.config)
        if args.data is not None:
            config = replace(config, data_dir=args.data)
        code: int = args.command(args, config)
        return code
    except KioskError as error:
        print(f"kiosk: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (say `head`) has seen enough; say nothing more.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 0


# -- commands ----------------------------------------------------------------


def _open(config: Config, create: bool = False) -> Community:
    """The community in the data folder, which must exist unless `create`."""
    # utc_now is looked up on each call, so a test can replace it with a clock it controls.
    return Community.open(config, utc_now, create)


def _saved(community: Community) -> int:
    """The change is saved: exit 0, but let a host know if today's backup failed."""
    if community.backup_problem:
        print(f"kiosk: warning: {community.backup_problem}", file=sys.stderr)
    return 0


def run_kiosk(args: argparse.Namespace, config: Config) -> int:
    community = _open(config, create=True)
    from screens.app import KioskApp  # late: the CLI's other commands never load Textual

    app = KioskApp(community, config, lock=not args.no_lock)
    app.run()
    # Non-zero when the kiosk stopped on an error, so a service manager restarts it.
    return app.return_code or 0


def demo(args: argparse.Namespace, config: Config) -> int:
    now = utc_now()
    if args.visits and not args.history_days:
        # Past visits are spread over the days of history; with none they would vanish.
        raise UsageError("--visits needs --history-days D, the days to spread them over.")
    if args.members is None and args.history_days is None:
        count = seed_demo(config.data_dir, now)
        print(f"Seeded a demo community of {count} members in {config.data_dir}.")
        return 0
    members, visits = seed_synthetic(
        config.data_dir,
        now,
        30 if args.members is None else args.members,
        args.history_days or 0,
        args.visits,
    )
    print(f"Seeded {members} members and {visits} past visits in {config.data_dir}.")
    return 0


def members_add(args: argparse.Namespace, config: Config) -> int:
    community = _open(config, create=True)
    member = community.add_member(args.name, tuple(args.topic), on_board=not args.hidden)
    print(member.id)
    return _saved(community)


def members_list(args: argparse.Namespace, config: Config) -> int:
    members = _open(config).members()
    if args.json:
        return _print_json(
            [
                {
                    "id": m.id,
                    "name": m.name,
                    "topics": list(m.topics),
                    "on_board": m.on_board,
                    "joined": m.joined.isoformat(),
                }
                for m in members
            ]
        )
    if not members:
        print("No members yet.")
    for member in members:
        topics = f"  ({', '.join(member.topics)})" if member.topics else ""
        print(f"{member.id}  {member.name}{topics}")
    return 0


def checkin(args: argparse.Namespace, config: Config) -> int:
    community = _open(config)
    member = community.find(args.member)
    topics = tuple(args.topic) if args.topic else None
    visit = community.check_in(member.id, args.status, topics)
    print(
        f"Checked in {member.name} at {hours.clock_time(visit.since)} "
        f"({STATUS_LABELS[visit.status]})."
    )
    return _saved(community)


def checkout(args: argparse.Namespace, config: Config) -> int:
    community = _open(config)
    member = community.find(args.member)
    visit = community.check_out(member.id)
    assert visit.until is not None
    print(f"Checked out {member.name} after {hours.duration(visit.until - visit.since)}.")
    return _saved(community)


def present(args: argparse.Namespace, config: Config) -> int:
    community = _open(config)
    here = community.present()
    if args.json:
        return _print_json(
            [
                {
                    "id": p.member.id,
                    "name": p.member.name,
                    "since": p.visit.since.isoformat(),
                    "status": p.visit.status,
                    "topics": list(p.visit.topics),
                }
                for p in here
            ]
        )
    if not here:
        print("Nobody is here right now.")
    now = community.clock()
    for p in here:
        topics = ", ".join(p.visit.topics) or "-"
        print(
            f"{p.member.name}  {hours.since(p.visit.since, now)}  "
            f"{STATUS_LABELS[p.visit.status]}  {topics}"
        )
    return 0


def shoutout(args: argparse.Namespace, config: Config) -> int:
    community = _open(config)
    author = community.find(args.sender)
    to = community.find(args.to) if args.to is not None else None
    posted = community.post_shoutout(author.id, to.id if to else None, args.text)
    print(posted.id)
    return _saved(community)


def shoutouts(args: argparse.Namespace, config: Config) -> int:
    community = _open(config)
    wall = community.shoutouts()
    if args.json:
        return _print_json(
            [
                {
                    "id": s.id,
                    "from": community.name_of(s.from_id),
                    "from_id": s.from_id,
                    "to": None if s.to_id is None else community.name_of(s.to_id),
                    "to_id": s.to_id,
                    "text": s.text,
                    "created": s.created.isoformat(),
                }
                for s in wall
            ]
        )
    if not wall:
        print("No shout-outs yet.")
    for s in wall:
        print(
            f"{s.created.astimezone():%Y-%m-%d %H:%M}  {community.name_of(s.from_id)} → "
            f"{community.name_of(s.to_id)}: {s.text}"
        )
    return 0


def hash_pin_command(args: argparse.Namespace, config: Config) -> int:
    pin = _read_pin("Host PIN: ")
    if len(pin) < 4:
        raise Refused("A host PIN needs at least 4 characters.")
    if _read_pin("Same PIN again: ") != pin:
        raise Refused("The two PINs are not the same; nothing was made.")
    print(hash_pin(pin))
    return 0


def _read_pin(prompt: str) -> str:
    try:
        return getpass.getpass(prompt)
    except EOFError:
        # Input ran out (a closed pipe, or ctrl+d) before a PIN was typed.
        raise Refused("No PIN was typed; nothing was made.") from None


def backup(args: argparse.Namespace, config: Config) -> int:
    store = Store.open(config.data_dir, config.backups_to_keep, create=False)
    folder = store.backup(utc_now().date())
    files = sum(1 for path in folder.rglob("*") if path.is_file())
    print(f"Backed up {files} files to {folder}.")
    return 0


def doctor(args: argparse.Namespace, config: Config) -> int:
    store = Store(config.data_dir, config.backups_to_keep)
    if not config.data_dir.is_dir():
        raise Refused(f"There is no data folder at {config.data_dir}.")
    leftovers = store.remove_leftovers()
    if leftovers:
        print(f"Removed {len(leftovers)} temporary files left by an interrupted write.")
    problems = store.problems()
    checked = len(store.data_files())
    if not problems:
        print(f"All {checked} data files in {config.data_dir} are fine.")
        return 0
    for problem in problems:
        print(problem)
        if args.restore and not problem.newer:
            restored = store.restore(problem.path, utc_now())
            if restored is None:
                print("  No good backup of it exists; it was left as it is.")
            else:
                print(f"  Restored from {restored}; the damaged file was kept beside it.")
        else:
            print(f"  {store.backup_hint(problem)}")
    return 0 if args.restore and not store.problems() else 1


# -- parsing -------------------------------------------------------------------


def _print_json(value: Any) -> int:
    print(json.dumps(value, ensure_ascii=False, indent=2))
    return 0


def _parser() -> argparse.ArgumentParser:
    def common(parser: argparse.ArgumentParser, default: Any) -> None:
        parser.add_argument(
            "--config", type=Path, default=default, metavar="FILE", help="the TOML config file"
        )
        parser.add_argument(
            "--data",
            type=Path,
            default=default,
            metavar="DIR",
            help="the data folder (instead of the config's data_dir)",
        )

    parser = argparse.ArgumentParser(
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

    command("hash-pin", hash_pin_command, "make a host PIN hash for the config")
    command("backup", backup, "copy all data into backups/ now")
    sub = command("doctor", doctor, "check every data file; --restore puts back good backups")
    sub.add_argument("--restore", action="store_true")
    return parser


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"'{value}' is below zero")
    return number


if __name__ == "__main__":
    sys.exit(main())
