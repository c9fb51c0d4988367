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
from kiosk.language import _, ngettext
from kiosk.models import PROFILE_FIELDS, PROFILE_LABELS
from kiosk.notices.sending import hidden_secrets
from kiosk.output import json_text, say
from kiosk.progress import progress_shown
from kiosk.record_json import member_json
from kiosk.storage.files import write_atomically
from kiosk.timekeeping.dates import day_words


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
    if not sys.stdin.isatty():
        raise Refused(
            ngettext(
                "{members} is already a member. If this is someone else, add "
                "--allow-duplicate; if not, use `kiosk members edit` on the one there is.",
                "{members} are already members. If this is someone else, add "
                "--allow-duplicate; if not, use `kiosk members edit` on the one there is.",
                len(namesakes),
            ).format(members=them)
        )
    question = ngettext(
        "{members} is already a member. Add another member all the same?",
        "{members} are already members. Add another member all the same?",
        len(namesakes),
    )
    if not asked(question.format(members=them)):
        raise Refused(_("Nobody was added."))


def members_list(args: argparse.Namespace, config: Config) -> int:
    members = open_community(config).members()
    if args.json:
        return print_json([member_json(member) for member in members])
    if not members:
        say(_("No members yet."))
    for member in members:
        badge = spaced_badge_code(member.badge) if member.badge else _("(no badge)")
        # As in the JSON form: a field the member keeps for hosts is in no listing.
        shown = member.topics if "topics" not in member.hosts_only else ()
        topics = f"  ({', '.join(shown)})" if shown else ""
        paused = "  " + _("[paused]") if not member.active else ""
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
    say(f"{member.name}  ({member.id}){'' if member.active else '  ' + _('[paused]')}")
    joined = member.joined.astimezone(community.zone).date()
    say(_("  joined {day}").format(day=day_words(joined)))
    say(_("  badge {code}").format(code=member.badge or _("(none yet)")))
    yes, counted_only = _("yes"), _("no, counted only")
    say(_("  on the board: {answer}").format(answer=yes if member.on_board else counted_only))
    say(
        _("  named in the SpaceAPI file: {answer}").format(
            answer=yes if member.named_online else counted_only
        )
    )
    if member.keyholder:
        say(_("  keyholder: may open and close the space"))
    say(_("  visits: {count}").format(count=community.visits_so_far(member)))
    for field in PROFILE_FIELDS:
        value = getattr(member, field)
        shown = ", ".join(value) if isinstance(value, tuple) else value
        if shown:
            hosts = "  " + _("(hosts only)") if field in member.hosts_only else ""
            say(f"  {_(PROFILE_LABELS[field])}: {shown}{hosts}")
    if member.notify:
        say(
            _("  told of their guests at: {address}  (hosts only)").format(
                address=hidden_secrets(member.notify)
            )
        )
    return 0


def members_edit(args: argparse.Namespace, config: Config) -> int:
    changes: dict[str, Any] = {}
    for _option, field, _help in PROFILE_OPTIONS:
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
        raise UsageError(_("Nothing to change: give at least one option, like --intro TEXT."))
    community = open_community(config)
    member = community.edit_member(community.find(args.member).id, **changes)
    say(_("Saved the profile of {name}.").format(name=member.name))
    return saved(community)


def members_delete(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    member = community.find(args.member)
    if not args.yes:
        if not sys.stdin.isatty():
            raise Refused(
                _("Deleting {name}'s data cannot be undone; add --yes to confirm.").format(
                    name=member.name
                )
            )
        if not asked(
            _("Delete all of {name}'s data? This cannot be undone.").format(name=member.name)
        ):
            say(_("Nothing was deleted."))
            return 1
    community.delete_member(member.id, args.shoutouts)
    if args.shoutouts == "anonymous":
        deleted = _(
            "Deleted {name}'s data. Their shout-outs were kept without a name; their visits "
            "stay as anonymous counts. Backups made before today age out by themselves."
        )
    else:
        deleted = _(
            "Deleted {name}'s data. Their shout-outs were removed; their visits stay as "
            "anonymous counts. Backups made before today age out by themselves."
        )
    say(deleted.format(name=member.name))
    return saved(community)


def members_new_badge(args: argparse.Namespace, config: Config) -> int:
    if (args.member is None) == (not args.all_missing):
        raise UsageError(_("Name one member, or give --all-missing for everyone without a badge."))
    community = open_community(config)
    if args.all_missing:
        given = community.give_missing_badges()
        if not given:
            say(_("Every member has a badge already."))
            return 0
        say(
            ngettext(
                "Gave {count} member a badge code:",
                "Gave {count} members a badge code:",
                len(given),
            ).format(count=len(given))
        )
        for member in given:
            say(f"  {member.name} ({member.id}): {member.badge}")
        say(_("Print their badges with `kiosk badges --out DIR --member MEMBER`."))
        return saved(community)
    member = community.new_badge(community.find(args.member).id)
    say(
        _("{name}'s new badge code is {badge}; the old badge no longer works.").format(
            name=member.name, badge=member.badge
        )
    )
    return saved(community)


def members_pause(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    active = args.command_name == "reactivate"
    member = community.set_active(community.find(args.member).id, active)
    if active:
        said = _("{name} is active again.")
    else:
        said = _("{name} is paused: not found, not checked in.")
    say(said.format(name=member.name))
    return saved(community)


def members_merge(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    keep, other = community.find(args.keep), community.find(args.other)
    merged = community.merge_members(keep.id, other.id)
    say(
        _("Merged {other} ({other_id}) into {kept} ({kept_id}).").format(
            other=other.name, other_id=other.id, kept=merged.name, kept_id=merged.id
        )
    )
    return saved(community)


def members_import(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config, create=True)
    try:
        sheet = read_sheet(args.file.read_bytes())
    except OSError as error:
        raise UsageError(
            _("{file} cannot be read ({strerror}).").format(file=args.file, strerror=error.strerror)
        ) from None
    except Refused as refused:
        raise Refused(f"{args.file}: {refused}") from None
    if sheet.ignored:
        names = ", ".join(text.shortened(name, 30) for name in sheet.ignored)
        say(_("Ignored the columns the kiosk has no place for: {names}.").format(names=names))
    choices = ImportChoices(frozenset(args.update), args.day_first, args.skip_bad_rows)
    with progress_shown(_("Checking rows"), sys.stderr) as progress:
        plan = community.plan_member_import(sheet, choices, progress)
    _say_problems(args.file, plan)
    asking = not args.yes and not args.dry_run and sys.stdin.isatty()
    if args.dry_run or asking:
        if args.dry_run:
            summary = ngettext(
                "{file} ({count} row): {added} would be added, {updated} would be updated, "
                "{unchanged} already as they are, {skipped} skipped.",
                "{file} ({count} rows): {added} would be added, {updated} would be updated, "
                "{unchanged} already as they are, {skipped} skipped.",
                plan.rows,
            )
        else:
            summary = ngettext(
                "{file} ({count} row): {added} to be added, {updated} to be updated, "
                "{unchanged} already as they are, {skipped} skipped.",
                "{file} ({count} rows): {added} to be added, {updated} to be updated, "
                "{unchanged} already as they are, {skipped} skipped.",
                plan.rows,
            )
        say(
            summary.format(
                file=args.file,
                count=plan.rows,
                added=len(plan.add),
                updated=len(plan.update),
                unchanged=plan.unchanged,
                skipped=plan.skipped,
            )
        )
    for column, count in plan.kept:
        say(
            ngettext(
                "Kept what members chose as their {field} in {count} row; add --update "
                "{column} to replace it from the file.",
                "Kept what members chose as their {field} in {count} rows; add --update "
                "{column} to replace it from the file.",
                count,
            ).format(field=column.replace("_", " "), count=count, column=column)
        )
    if args.dry_run:
        say(_("Nothing was changed (--dry-run)."))
        return 0
    if plan.problems and not (plan.add or plan.update):
        raise Refused(_("Nothing was imported: the other rows are already as they are."))
    if asking and (plan.add or plan.update) and not asked(_("Import these changes?")):
        say(_("Nothing was imported."))
        return 1
    with progress_shown(_("Importing rows"), sys.stderr) as progress:
        done = community.import_members(sheet, choices, progress)
    if done.skipped:
        imported = _(
            "Imported {file}: {added} added, {updated} updated, {unchanged} already as they "
            "are, {skipped} skipped."
        )
    else:
        imported = _(
            "Imported {file}: {added} added, {updated} updated, {unchanged} already as they are."
        )
    say(
        imported.format(
            file=args.file,
            added=len(done.add),
            updated=len(done.update),
            unchanged=done.unchanged,
            skipped=done.skipped,
        )
    )
    return saved(community)


def _say_problems(file: Path, plan: ImportPlan) -> None:
    """Name each problem in `file`; Refused when they leave nothing to import."""
    for problem in plan.problems:
        say(f"kiosk: {file}: {problem}", err=True)
    if not plan.problems or plan.add or plan.update or plan.unchanged:
        return
    if any(problem.line == 1 for problem in plan.problems):
        raise Refused(
            _("Nothing was imported from {file}: its header has to be mended.").format(file=file)
        )
    if plan.skipped == plan.rows:
        refusal = ngettext(
            "Nothing was imported: {count} row of {rows} cannot be. Fix them.",
            "Nothing was imported: {count} rows of {rows} cannot be. Fix them.",
            plan.skipped,
        )
    else:
        refusal = ngettext(
            "Nothing was imported: {count} row of {rows} cannot be. Fix them, or add "
            "--skip-bad-rows to import the rest.",
            "Nothing was imported: {count} rows of {rows} cannot be. Fix them, or add "
            "--skip-bad-rows to import the rest.",
            plan.skipped,
        )
    raise Refused(refusal.format(count=plan.skipped, rows=plan.rows))


def members_export(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    members = community.members()
    # Every value, those kept for hosts too, so a move loses nothing: the file is its
    # owner's alone.
    count = write_privately(args.file, lambda file: write_members(file, members, community.zone))
    say(
        ngettext(
            "Wrote {count} member to {file}.", "Wrote {count} members to {file}.", count
        ).format(count=count, file=args.file)
    )
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
    say(_("Wrote {name}'s data to {out}.").format(name=member.name, out=args.out))
    return 0


def topics_merge(args: argparse.Namespace, config: Config) -> int:
    community = open_community(config)
    changed = community.merge_topics(args.old, args.new)
    if not changed:
        raise Refused(
            _("No member has the topic '{topic}'.").format(topic=text.shortened(args.old))
        )
    say(
        ngettext(
            "Merged '{old}' into '{new}' for {count} member.",
            "Merged '{old}' into '{new}' for {count} members.",
            len(changed),
        ).format(old=args.old, new=args.new, count=len(changed))
    )
    return saved(community)
