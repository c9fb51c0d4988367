"""`kiosk demo`, `backup`, `doctor` and `hash-pin`: looking after the data folder."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from contextlib import suppress
from pathlib import Path

from kiosk.access.hosts import ACCESS_FILE, PinGuard, read_wrong_tries
from kiosk.access.members import ACCESS_FILE as MEMBER_ACCESS_FILE
from kiosk.access.pin import hash_pin, require_new_pin
from kiosk.cli.commands.running import now
from kiosk.community.community import Community
from kiosk.community.retention import fade_old_visits
from kiosk.config import Config
from kiosk.demo.seeding import seed_demo, seed_demo_events, seed_synthetic
from kiosk.errors import DataError, Refused, StorageError, UsageError
from kiosk.language import N_, _, ngettext
from kiosk.output import say
from kiosk.progress import progress_shown
from kiosk.storage import daily_backup, intent
from kiosk.storage.backups import Backups, aside_name, backup_hint
from kiosk.storage.files import move_aside
from kiosk.storage.repair import Repaired, repair
from kiosk.storage.store import Store
from kiosk.timekeeping.opening import current_day


def demo(args: argparse.Namespace, config: Config) -> int:
    if args.visits and not args.history_days:
        # Past visits are spread over the days of history; with none they would vanish.
        raise UsageError(_("--visits needs --history-days D, the days to spread them over."))
    if args.members is None and args.history_days is None:
        count = seed_demo(config.data_dir, now())
        events = seed_demo_events(config.data_dir, now(), config.zone)
        say(
            ngettext(
                "Seeded a demo community of {count} member and {events} events in {folder}.",
                "Seeded a demo community of {count} members and {events} events in {folder}.",
                count,
            ).format(count=count, events=events, folder=config.data_dir)
        )
        return 0
    with progress_shown(_("Days of history"), sys.stderr) as progress:
        members, visits = seed_synthetic(
            config.data_dir,
            now(),
            30 if args.members is None else args.members,
            args.history_days or 0,
            args.visits,
            progress=progress,
        )
    say(
        # Translators: {members} is "1 member" or "30 members", {visits} "1 past visit"
        # or "200 past visits", each translated apart.
        _("Seeded {members} and {visits} in {folder}.").format(
            members=ngettext("{count} member", "{count} members", members).format(count=members),
            visits=ngettext("{count} past visit", "{count} past visits", visits).format(
                count=visits
            ),
            folder=config.data_dir,
        )
    )
    return 0


def hash_pin_command(args: argparse.Namespace, config: Config) -> int:
    pin = require_new_pin(_read_pin(_("Host PIN: ")), for_host=True)
    if _read_pin(_("Same PIN again: ")) != pin:
        raise Refused(_("The two PINs are not the same; nothing was made."))
    say(hash_pin(pin))
    return 0


def _read_pin(prompt: str) -> str:
    try:
        return getpass.getpass(prompt)
    except EOFError:
        # Input ran out (a closed pipe, or ctrl+d) before a PIN was typed.
        raise Refused(_("No PIN was typed; nothing was made.")) from None


def backup(args: argparse.Namespace, config: Config) -> int:
    store = Store.open(config.data_dir, create=False)
    backups = Backups(store, config.backups_to_keep)
    moment = now()
    if args.if_due and not daily_backup.due(
        store.root, current_day(moment, config.zone).isoformat()
    ):
        return 0
    if config.anonymous_after_days:
        # Old visits fade into counts first, so today's backup holds them so. Damaged
        # data or a full disk stops this, not the backup, which says what is wrong;
        # the visits fade on a later day.
        with suppress(DataError, StorageError):
            # Without the hook that starts the day's backup after a change: this is it.
            community = Community.open(config, now, create=False)
            fade_old_visits(community, config.anonymous_after_days)
    with progress_shown(_("Backing up files"), sys.stderr) as progress:
        made = backups.make(moment, config.zone, progress)
    if args.if_due:
        return 0  # made in the background, where nobody reads what it says
    if made is None:
        say(_("Another kiosk process is making a backup right now."))
        return 0
    say(
        ngettext(
            "Backed up {count} file as backup {sequence} in {folder}.",
            "Backed up {count} files as backup {sequence} in {folder}.",
            len(made.files),
        ).format(count=len(made.files), sequence=made.sequence, folder=made.folder)
    )
    return 0


def doctor(args: argparse.Namespace, config: Config) -> int:
    root = config.data_dir
    if root.exists() and not root.is_dir():
        raise UsageError(_("The data folder {root} is a file, not a folder.").format(root=root))
    if not root.is_dir():
        raise UsageError(
            _("There is no data folder at {root}. Give the right folder with --data.").format(
                root=root
            )
        )
    store = Store(root)
    backups = Backups(store, config.backups_to_keep)
    # Checking only reads; a read-only folder is checked all the same.
    writable = os.access(root, os.W_OK)
    if writable:
        if not _finish_unfinished(store, backups, args.restore):
            return 1
        _tidy(store, backups)
    else:
        say(
            _(
                "{root} is read-only, so it is only checked: temporary files left by an "
                "interrupted write, if any, stay where they are."
            ).format(root=root)
        )
        _name_leftovers(store, backups)
    problems = store.problems()
    if not problems:
        say(
            ngettext(
                "All {count} data file in {root} is fine.",
                "All {count} data files in {root} are fine.",
                len(store.data_files()),
            ).format(count=len(store.data_files()), root=root)
        )
    repairs: dict[Path, Repaired | None] = {}
    if args.restore and writable:
        with store.all_or_nothing():  # every repair is made, or none is
            for problem in problems:
                if not problem.newer:
                    repairs[problem.path] = repair(backups, problem.path, now())
    for problem in problems:
        say(str(problem))
        if problem.path in repairs:
            _tell_repair(repairs[problem.path])
        elif args.restore and not problem.newer:
            hint = backup_hint(backups, problem.path, problem.newer)
            say(_("  Not restored, as the folder is read-only. {hint}").format(hint=hint))
        else:
            say(f"  {backup_hint(backups, problem.path, problem.newer)}")
    for aside in backups.asides():
        if aside.after == 0:
            kept = _(
                "{path} is a damaged file kept from a repair; it is removed at the next backup."
            )
        else:
            kept = _(
                "{path} is a damaged file kept from a repair; it is removed once backup "
                "{backup} and those before it are rotated out."
            )
        say(kept.format(path=aside.path, backup=aside.after))
    access_fine = _check_pin_waits(config, restore=args.restore and writable)
    damaged_copies = backups.problems()
    for copy in damaged_copies:
        say(_("Backup copy {copy}").format(copy=copy))
    if damaged_copies:
        say(_("  The other backups are used instead; `kiosk backup` makes a fresh one."))
    live_fine = not problems or (args.restore and not store.problems())
    return 0 if live_fine and access_fine and not damaged_copies else 1


def _finish_unfinished(store: Store, backups: Backups, restore: bool) -> bool:
    """Finish a change a stopped process recorded; False while its record cannot be read."""
    try:
        if store.finish_unfinished():
            say(_("Finished a change to several files that a stopped process had begun."))
        return True
    except DataError as error:
        say(str(error))
    record = store.root / intent.INTENT
    if not restore:
        say(
            _("  Nothing was changed, nor can be until it is dealt with. {what_to_do}").format(
                what_to_do=_(intent.WHEN_DAMAGED)
            )
        )
        return False
    aside = aside_name(record, now(), backups)
    move_aside(record, aside)
    say(
        _("  Set aside as {aside}; the change it recorded stays as far as it got.").format(
            aside=aside
        )
    )
    return True


def _tidy(store: Store, backups: Backups) -> None:
    """Clear what stopped processes left, and what is past its time."""
    leftovers = store.remove_leftovers()
    if leftovers:
        say(
            ngettext(
                "Removed {count} temporary file left by an interrupted write.",
                "Removed {count} temporary files left by an interrupted write.",
                len(leftovers),
            ).format(count=len(leftovers))
        )
    cleared = backups.clear_leftovers()
    if cleared is None:
        say(_("A backup is being made right now; what earlier ones left, if anything, stays."))
    for leftover in cleared or ():
        say(
            _("Removed {leftover}, left by a backup that was stopped part way.").format(
                leftover=leftover
            )
        )
    for aside in backups.remove_old_asides():
        say(
            _("Removed {path}, kept from a repair: no backup of its time is kept now.").format(
                path=aside.path
            )
        )


def _name_leftovers(store: Store, backups: Backups) -> None:
    if intent.unfinished(store.root):
        say(
            _(
                "{record} is a change to several files that a stopped process had begun; the "
                "next kiosk command that can write finishes it."
            ).format(record=store.root / intent.INTENT)
        )
    for leftover in backups.leftovers():
        say(
            _("{leftover} was left by a backup that was stopped part way.").format(
                leftover=leftover
            )
        )


def _tell_repair(repaired: Repaired | None) -> None:
    if repaired is None:
        say(_("  No good backup of it exists; it was left as it is."))
        return
    if repaired.whole:
        assert repaired.backup is not None
        say(
            _("  Restored from {folder}; the damaged file was kept beside it.").format(
                folder=repaired.backup.folder
            )
        )
    for sentence in repaired.said:
        say(f"  {sentence}")
    if not repaired.whole:
        say(_("  Repaired; the damaged file was kept beside it."))


def _check_pin_waits(config: Config, restore: bool) -> bool:
    """Whether the files of wrong host and member PINs read (or were mended); says what
    is wrong with each that does not."""
    fine = True
    for name, written_afresh, made_afresh in (
        (
            ACCESS_FILE,
            N_("  Written afresh: the next host PIN waits the longest wait."),
            N_(
                "  The kiosk makes the next host PIN wait the longest wait and writes the file "
                "afresh; `kiosk doctor --restore` does it now."
            ),
        ),
        (
            MEMBER_ACCESS_FILE,
            N_("  Written afresh: the next member's PIN waits the longest wait."),
            N_(
                "  The kiosk makes the next member's PIN wait the longest wait and writes the "
                "file afresh; `kiosk doctor --restore` does it now."
            ),
        ),
    ):
        path = config.data_dir / name
        try:
            read_wrong_tries(path)
            continue
        except DataError as error:
            say(str(error))
        if restore:
            PinGuard(path, now, right_forgives=False).mend(now())
            say(_(written_afresh))
        else:
            say(_(made_afresh))
            fine = False
    return fine
