"""`kiosk members ...` and `kiosk topics ...`: members and their profiles, for hosts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kiosk import text
from kiosk.badges.codes import spaced_badge_code
from kiosk.cli.arguments.members import LIST_OPTIONS, PROFILE_OPTIONS, YES_NO
from kiosk.cli.commands.running import (
    asked,
    counted,
    open_community,
    print_json,
    saved,
    write_privately,
)
from kiosk.community.community import Community
from kiosk.community.state import listed
from kiosk.config import Config
from kiosk.errors import Refused, UsageError
from kiosk.exchange.member_data import member_data
from kiosk.exchange.member_sheet import read_sheet
from kiosk.exchange.members_csv import ImportChoices, ImportPlan, write_members
from kiosk.models import PROFILE_FIELDS, PROFILE_LABELS
from kiosk.notices.sending import hidden_secrets
from kiosk.output import json_text, say
from kiosk.progress import progress_shown
from kiosk.record_json import member_json
from kiosk.storage.files import write_atomically


def members_add(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config, create=True)
    if not args.allow_duplicate:
        _check_namesakes(community, args.name)
    member = community.add_member(args.name, tuple(args.topic), on_board=not args.hidden)
    say(member.id)
    return saved(community)


def _check_namesakes(community: Community, name: str) -> None:
    """Warn of members whose name looks the same, and ask whether to add another;
    refused where nobody can answer."""
    namesakes = community.namesakes(name)
    if not namesakes:
        return
    them = listed(f"{m.name} ({m.id})" for m in namesakes)
    warning = f"{them} {'is' if len(namesakes) == 1 else 'are'} already a member"
    if not sys.stdin.isatty():
        raise Refused(
            f"{warning}. If this is someone else, add --allow-duplicate; if not, use "
            "`kiosk members edit` on the one there is."
        )
    if not asked(f"{warning}. Add another member all the same?"):
        raise Refused("Nobody was added.")


def members_list(args: argparse.Namespace, config: Config) -> int:
    members = open_community(config).members()
    if args.json:
        return print_json([member_json(member) for member in members])
    if not members:
        say("No members yet.")
    for member in members:
        badge = spaced_badge_code(member.badge) if member.badge else "(no badge)"
        # As in the JSON form: a field the member keeps for hosts is in no listing.
        shown = member.topics if "topics" not in member.hosts_only else ()
        topics = f"  ({', '.join(shown)})" if shown else ""
        paused = "  [paused]" if not member.active else ""
        say(f"{member.id}  {badge}  {member.name}{topics}{paused}")
    return 0


def members_show(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    member = community.find(args.member)
    if args.json:
        return print_json(
            {
                **member_json(member),
                "hosts_only": sorted(member.hosts_only),
                "keyholder": member.keyholder,
                "visits": community.visits_so_far(member),
                "here": community.visit_of(member.id) is not None,
            }
        )
    say(f"{member.name}  ({member.id}){'' if member.active else '  [paused]'}")
    say(f"  joined {member.joined.astimezone(community.zone):%d %B %Y}".replace(" 0", " "))
    say(f"  badge {member.badge or '(none yet)'}")
    say(f"  on the board: {'yes' if member.on_board else 'no, counted only'}")
    say(f"  named in the SpaceAPI file: {'yes' if member.named_online else 'no, counted only'}")
    if member.keyholder:
        say("  keyholder: may open and close the space")
    say(f"  visits: {community.visits_so_far(member)}")
    for field in PROFILE_FIELDS:
        value = getattr(member, field)
        shown = ", ".join(value) if isinstance(value, tuple) else value
        if shown:
            hosts = "  (hosts only)" if field in member.hosts_only else ""
            say(f"  {PROFILE_LABELS[field]}: {shown}{hosts}")
    if member.notify:
        say(f"  told of their guests at: {hidden_secrets(member.notify)}  (hosts only)")
    return 0


def members_edit(args: argparse.Namespace, config: Config) -> int:
    changes: dict[str, Any] = {}
    for _, field, _ in PROFILE_OPTIONS:
        given = getattr(args, field)
        if given is not None:
            changes[field] = tuple(given) if field in LIST_OPTIONS else given
    if args.on_board is not None:
        changes["on_board"] = YES_NO[args.on_board]
    if args.named_online is not None:
        changes["named_online"] = YES_NO[args.named_online]
    if args.keyholder is not None:
        changes["keyholder"] = YES_NO[args.keyholder]
    if args.hosts_only is not None:
        changes["hosts_only"] = [] if args.hosts_only == ["none"] else args.hosts_only
    if args.notify is not None:
        changes["notify"] = args.notify
    if not changes:
        raise UsageError("Nothing to change: give at least one option, like --intro TEXT.")
    community = open_community(config)
    member = community.edit_member(community.find(args.member).id, **changes)
    say(f"Saved the profile of {member.name}.")
    return saved(community)


def members_delete(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    member = community.find(args.member)
    if not args.yes:
        if not sys.stdin.isatty():
            raise Refused(f"Deleting {member.name}'s data cannot be undone; add --yes to confirm.")
        if not asked(f"Delete all of {member.name}'s data? This cannot be undone."):
            say("Nothing was deleted.")
            return 1
    community.delete_member(member.id, args.shoutouts)
    kept = "kept without a name" if args.shoutouts == "anonymous" else "removed"
    say(
        f"Deleted {member.name}'s data. Their shout-outs were {kept}; their visits stay "
        "as anonymous counts. Backups made before today age out by themselves."
    )
    return saved(community)


def members_new_badge(args: argparse.Namespace, config: Config) -> int:
    if (args.member is None) == (not args.all_missing):
        raise UsageError("Name one member, or give --all-missing for everyone without a badge.")
    community = open_community(config)
    if args.all_missing:
        given = community.give_missing_badges()
        if not given:
            say("Every member has a badge already.")
            return 0
        say(f"Gave {counted(len(given), 'member')} a badge code:")
        for member in given:
            say(f"  {member.name} ({member.id}): {member.badge}")
        say("Print their badges with `kiosk badges --out DIR --member MEMBER`.")
        return saved(community)
    member = community.new_badge(community.find(args.member).id)
    say(f"{member.name}'s new badge code is {member.badge}; the old badge no longer works.")
    return saved(community)


def members_pause(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    active = args.command_name == "reactivate"
    member = community.set_active(community.find(args.member).id, active)
    say(f"{member.name} is {'active again' if active else 'paused: not found, not checked in'}.")
    return saved(community)


def members_merge(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    keep, other = community.find(args.keep), community.find(args.other)
    merged = community.merge_members(keep.id, other.id)
    say(f"Merged {other.name} ({other.id}) into {merged.name} ({merged.id}).")
    return saved(community)


def members_import(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config, create=True)
    try:
        sheet = read_sheet(args.file.read_bytes())
    except OSError as error:
        raise UsageError(f"{args.file} cannot be read ({error.strerror}).") from None
    except Refused as refused:
        raise Refused(f"{args.file}: {refused}") from None
    if sheet.ignored:
        names = ", ".join(text.shortened(name, 30) for name in sheet.ignored)
        say(f"Ignored the columns the kiosk has no place for: {names}.")
    choices = ImportChoices(frozenset(args.update), args.day_first, args.skip_bad_rows)
    with progress_shown("Checking rows", sys.stderr) as progress:
        plan = community.plan_member_import(sheet, choices, progress)
    _say_problems(args.file, plan)
    asking = not args.yes and not args.dry_run and sys.stdin.isatty()
    if args.dry_run or asking:
        mood = "would be" if args.dry_run else "to be"
        say(
            f"{args.file} ({counted(plan.rows, 'row')}): {len(plan.add)} {mood} added, "
            f"{len(plan.update)} {mood} updated, {plan.unchanged} already as they are, "
            f"{plan.skipped} skipped."
        )
    for column, count in plan.kept:
        say(
            f"Kept what members chose as their {column.replace('_', ' ')} in "
            f"{counted(count, 'row')}; add --update {column} to replace it from the file."
        )
    if args.dry_run:
        say("Nothing was changed (--dry-run).")
        return 0
    if plan.problems and not (plan.add or plan.update):
        raise Refused("Nothing was imported: the other rows are already as they are.")
    if asking and (plan.add or plan.update) and not asked("Import these changes?"):
        say("Nothing was imported.")
        return 1
    with progress_shown("Importing rows", sys.stderr) as progress:
        done = community.import_members(sheet, choices, progress)
    say(
        f"Imported {args.file}: {len(done.add)} added, {len(done.update)} updated, "
        f"{done.unchanged} already as they are"
        + (f", {done.skipped} skipped." if done.skipped else ".")
    )
    return saved(community)


def _say_problems(file: Path, plan: ImportPlan) -> None:
    """Name each problem in `file`; Refused when they leave nothing to import."""
    for problem in plan.problems:
        say(f"kiosk: {file}: {problem}", err=True)
    if not plan.problems or plan.add or plan.update or plan.unchanged:
        return
    if any(problem.line == 1 for problem in plan.problems):
        raise Refused(f"Nothing was imported from {file}: its header has to be mended.")
    skip = "" if plan.skipped == plan.rows else ", or add --skip-bad-rows to import the rest"
    raise Refused(
        f"Nothing was imported: {counted(plan.skipped, 'row')} of {plan.rows} cannot be. "
        f"Fix them{skip}."
    )


def members_export(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    members = community.members()
    # Every value, those kept for hosts too, so a move loses nothing: the file is its
    # owner's alone.
    count = write_privately(args.file, lambda file: write_members(file, members, community.zone))
    say(f"Wrote {counted(count, 'member')} to {args.file}.")
    return 0


def members_data(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    member = community.find(args.member)
    document = json_text(member_data(community, member.id)) + "\n"
    if args.out is None:
        say(document.rstrip("\n"))
        return 0
    # Theirs alone: made readable by its owner only, and whole or not at all.
    write_atomically(args.out, document.encode())
    say(f"Wrote {member.name}'s data to {args.out}.")
    return 0


def topics_merge(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    changed = community.merge_topics(args.old, args.new)
    if not changed:
        raise Refused(f"No member has the topic '{text.shortened(args.old)}'.")
    say(f"Merged '{args.old}' into '{args.new}' for {counted(len(changed), 'member')}.")
    return saved(community)
