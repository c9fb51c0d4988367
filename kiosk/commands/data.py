"""`kiosk demo`, `backup`, `doctor` and `hash-pin`: looking after the data folder."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from contextlib import suppress

from kiosk.backups import Backups, backup_hint
from kiosk.commands.running import Declare, Group, now, open_community
from kiosk.config import Config
from kiosk.demo import seed_demo, seed_synthetic
from kiosk.errors import DataError, Refused, StorageError, UsageError
from kiosk.opening import local_day
from kiosk.output import say
from kiosk.pin import hash_pin, require_new_pin
from kiosk.progress import progress_shown
from kiosk.retention import fade_old_visits
from kiosk.store import Store
from kiosk.text import shortened


def demo(args: argparse.Namespace, config: Config) -> int:
    if args.visits and not args.history_days:
        # Past visits are spread over the days of history; with none they would vanish.
        raise UsageError("--visits needs --history-days D, the days to spread them over.")
    if args.members is None and args.history_days is None:
        count = seed_demo(config.data_dir, now())
        say(f"Seeded a demo community of {count} members in {config.data_dir}.")
        return 0
    with progress_shown("Days of history", sys.stderr) as progress:
        members, visits = seed_synthetic(
            config.data_dir,
            now(),
            30 if args.members is None else args.members,
            args.history_days or 0,
            args.visits,
            progress=progress,
        )
    say(f"Seeded {members} members and {visits} past visits in {config.data_dir}.")
    return 0


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
    moment = now()
    if args.if_due and not backups.due(local_day(moment, config.zone).isoformat()):
        return 0
    if config.anonymous_after_days:
        # Old visits fade into counts first, so today's backup holds them so. Damaged
        # data or a full disk stops this, not the backup, which says what is wrong;
        # the visits fade on a later day.
        with suppress(DataError, StorageError):
            fade_old_visits(open_community(config), config.anonymous_after_days)
    with progress_shown("Backing up files", sys.stderr) as progress:
        made = backups.make(moment, config.zone, progress)
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
    if not problems:
        say(f"All {len(store.data_files())} data files in {root} are fine.")
    for problem in problems:
        say(str(problem))
        hint = backup_hint(backups, problem.path, problem.newer)
        if not args.restore or problem.newer:
            say(f"  {hint}")
        elif not writable:
            say(f"  Not restored, as the folder is read-only. {hint}")
        elif (restored := backups.restore(problem.path, now())) is None:
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


def count(value: str) -> int:
    """A whole number from zero, as a size option takes it."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{shortened(value)}' is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"'{shortened(value)}' is below zero")
    return number


def register(command: Declare, group: Group) -> None:
    sub = command("demo", demo, "seed a demo community into an empty data folder")
    sub.add_argument("--members", type=count, metavar="N")
    sub.add_argument("--history-days", type=count, metavar="D")
    sub.add_argument("--visits", type=count, metavar="V", help="past visits in all")
    command("hash-pin", hash_pin_command, "make a host PIN hash for the config")
    sub = command("backup", backup, "back up all data now")
    sub.add_argument("--if-due", action="store_true", help="only if none was made today")
    sub = command(
        "doctor", doctor, "check every data file and backup; --restore puts back good copies"
    )
    sub.add_argument("--restore", action="store_true")
