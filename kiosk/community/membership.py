"""Members and their profiles: registering, editing in their own words, badges, personal
PINs, pausing, topics, importing, and merging two records of one person."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from kiosk import language, text
from kiosk.badges.codes import new_badge_code
from kiosk.community.matching import whole_name, within_one_edit
from kiosk.community.state import CommunityState
from kiosk.errors import Refused
from kiosk.language import LANGUAGES, N_, _
from kiosk.models import PROFILE_FIELDS, Member, ProfileField
from kiosk.progress import Progress

# A check-in loads neither the members' CSV rules nor the community's topics, nor PIN
# hashing: each is imported by the verbs that use it.
if TYPE_CHECKING:
    from kiosk.community.topics import TopicIndex
    from kiosk.exchange.member_sheet import Sheet
    from kiosk.exchange.members_csv import ImportChoices, ImportPlan

TEXT_FIELDS: dict[str, tuple[str, int]] = {
    "pronouns": (N_("pronouns"), text.PRONOUNS_LIMIT),
    "intro": (N_("an introduction"), text.INTRO_LIMIT),
}
LIST_FIELDS = ("topics", "ask_me_about", "looking_for", "learning", "mentor")


class Membership:
    """Members and their profiles: adding, editing, badges, PINs, topics and imports,
    made through the community's state, which keeps the members read so far."""

    def __init__(self, state: CommunityState) -> None:
        self.state = state

    def members(self) -> list[Member]:
        """Every member, by name."""
        self.state.load_everyone()
        return sorted(self.state.known_members.values(), key=lambda m: (text.fold(m.name), m.id))

    def members_by_id(self, member_ids: Iterable[str]) -> dict[str, Member]:
        """The members with these ids, by id, reading only their records (an id of a
        member since deleted is left out)."""
        found = {member_id: self.state.member_or_none(member_id) for member_id in set(member_ids)}
        return {member_id: member for member_id, member in found.items() if member is not None}

    def similar_names(self, name: str) -> list[Member]:
        """Members whose name looks the same as `name`, or one typo away."""
        wanted = text.looks(name)
        self.state.load_everyone()
        return [
            m
            for m in self.state.known_members.values()
            if within_one_edit(wanted, text.looks(m.name))
        ]

    def similar_at_door(self, name: str) -> list[Member]:
        """The members `similar_names` finds whom the door would list for `name` typed in
        full: active members on the board, and one off the board only by their whole name
        (as `matching.DoorSearch` finds them), so a form anyone can type into names nobody
        the door keeps quiet about."""
        wanted = whole_name(name)
        return [
            m
            for m in self.similar_names(name)
            if m.active and (m.on_board or whole_name(m.name) == wanted)
        ]

    def namesakes(self, name: str) -> list[Member]:
        """Members whose name looks just like `name`, case and accents aside."""
        wanted = text.looks(name)
        return [m for m in self.similar_names(name) if text.looks(m.name) == wanted]

    # `self, /`: a verb taking **keywords can be handed on by the community, typed, only
    # if its `self` can never be given by name.
    def add_member(
        self,
        /,
        name: str,
        topics: tuple[str, ...] = (),
        on_board: bool = True,
        keyholder: bool = False,
        **profile: Any,
    ) -> Member:
        """Register a new member, with a badge code of their own and any profile fields;
        a keyholder may open and close the space."""
        fields = _profile(name=name, topics=topics, **profile)
        with self.state.writing():
            member = Member(
                id=self._new_member_id(),
                joined=self.state.clock(),
                on_board=on_board,
                keyholder=keyholder,
                badge=self._new_badge_code(),
                **fields,
            )
            self.state.store.members.put(member)
            self.state.remember(member)
        return member

    def _new_member_id(self) -> str:
        while True:
            candidate = "m" + os.urandom(3).hex()
            if self.state.member_or_none(candidate) is None:
                return candidate

    def _new_badge_code(self) -> str:
        # Fifty random bits: a repeat is not expected at any size a community reaches,
        # and is refused where every member is known.
        while True:
            code = new_badge_code()
            if code not in self.state.badges:
                return code

    def edit_member(self, /, member_id: str, **changes: Any) -> Member:
        """Change a member's name or profile: any of pronouns, intro, topics, ask_me_about,
        looking_for, learning, mentor (text, or lists of topics), hosts_only (the profile
        fields kept for hosts), on_board, named_online, keyholder, notify (the channel
        they are told on, empty for none) and language (theirs, empty for the kiosk's)."""
        choices = ("on_board", "named_online", "keyholder")
        own = (*choices, "hosts_only", "notify", "language")
        unknown = set(changes) - {"name", *own, *PROFILE_FIELDS}
        if unknown:
            raise Refused(
                _("A profile has no field {fields}.").format(fields=", ".join(sorted(unknown)))
            )
        fields = _profile(**{k: v for k, v in changes.items() if k not in own})
        fields |= {choice: bool(changes[choice]) for choice in choices if choice in changes}
        if "hosts_only" in changes:
            fields["hosts_only"] = _hosts_only(changes["hosts_only"])
        if "notify" in changes:
            given = changes["notify"]
            fields["notify"] = text.channel(given) if given.strip() else ""
        if "language" in changes:
            if changes["language"] not in ("", *LANGUAGES):
                raise Refused(
                    _("The kiosk speaks {languages}; it has no language “{given}”.").format(
                        languages=language.either(LANGUAGES), given=changes["language"]
                    )
                )
            fields["language"] = changes["language"]
        return self._change(member_id, **fields)

    def _change(self, member_id: str, **fields: Any) -> Member:
        with self.state.writing():
            before = self.state.member(member_id)
            after = replace(before, **fields)
            if after != before:
                self.state.store.members.put(after, before)
                self.state.remember(after)
        return after

    def set_active(self, member_id: str, active: bool) -> Member:
        """Pause a membership (the member is kept, not found, not checked in) or resume it."""
        return self._change(member_id, active=active)

    def new_badge(self, member_id: str) -> Member:
        """Give a member a new badge code; the old badge stops working at once."""
        self.state.load_everyone()  # so that the new code is checked against everyone's
        return self._change(member_id, badge=self._new_badge_code())

    def give_missing_badges(self) -> list[Member]:
        """Give a badge code to every member without one; the members given one."""
        self.state.load_everyone()
        with self.state.writing():
            given = [
                replace(m, badge=self._new_badge_code())
                for m in sorted(
                    self.state.known_members.values(), key=lambda m: (text.fold(m.name), m.id)
                )
                if not m.badge
            ]
            self.state.store.members.update(given)
            for member in given:
                self.state.remember(member)
                self.state.badges[member.badge] = member.id
        return given

    # -- a member's own PIN ----------------------------------------------------------

    def set_pin(self, member_id: str, pin: str) -> Member:
        """Set the personal PIN that opens a member's profile at the kiosk."""
        from kiosk.access.pin import hash_pin, require_new_pin

        return self._change(member_id, pin_hash=hash_pin(require_new_pin(pin)))

    def pin_opens(self, member_id: str, pin: str) -> bool:
        """Whether `pin` is the member's personal PIN (none set opens nothing)."""
        from kiosk.access.pin import pin_matches

        member = self.state.member(member_id)
        return bool(member.pin_hash) and pin_matches(pin, member.pin_hash)

    # -- topics ---------------------------------------------------------------------

    def topic_index(self) -> TopicIndex:
        """The community's topics, most used first, for suggesting as members type."""
        from kiosk.community.topics import TopicIndex

        self.state.load_everyone()
        return TopicIndex.of(self.state.known_members.values())

    def merge_topics(self, old: str, new: str) -> list[Member]:
        """Make two topics one everywhere members named them; the members changed."""
        from kiosk.community.topics import plan_merge

        self.state.load_everyone()
        with self.state.writing():
            changed = plan_merge(self.state.known_members.values(), old, new)
            self.state.store.members.update(changed)
            self.state.remember(*changed)
        return changed

    # -- importing ---------------------------------------------------------------------

    def plan_member_import(
        self, sheet: Sheet, choices: ImportChoices, progress: Progress | None = None
    ) -> ImportPlan:
        """What importing `sheet` would do now, changing nothing."""
        from kiosk.exchange.members_csv import plan_import

        self.state.load_everyone()
        return plan_import(
            sheet,
            self.state.known_members.values(),
            now=self.state.clock(),
            zone=self.state.zone,
            new_id=self._new_member_id,
            choices=choices,
            progress=progress,
        )

    def import_members(
        self, sheet: Sheet, choices: ImportChoices, progress: Progress | None = None
    ) -> ImportPlan:
        """Add and update members from a members' file; nothing at all if any row is bad,
        unless bad rows are to be skipped. Safe to run twice."""
        self.state.load_everyone()
        with self.state.writing():
            plan = self.plan_member_import(sheet, choices, progress)
            if plan.problems and not choices.skip_bad_rows:
                return plan
            added = [m if m.badge else replace(m, badge=self._new_badge_code()) for m in plan.add]
            for member in plan.update:
                self.state.store.members.put(member, self.state.known_members[member.id])
            self.state.store.members.update(added)
            self.state.remember(*added, *plan.update)
        return plan


def _profile(**fields: Any) -> dict[str, Any]:
    """Profile fields as typed, cleaned and checked against their limits."""
    cleaned: dict[str, Any] = {}
    for field, value in fields.items():
        if field == "name":
            cleaned["name"] = text.required(value, N_("a name"), text.NAME_LIMIT)
        elif field in TEXT_FIELDS:
            what, limit = TEXT_FIELDS[field]
            cleaned[field] = text.optional(value, what, limit)
        elif field in LIST_FIELDS:
            cleaned[field] = text.topics(value)
        else:
            raise Refused(_("A profile has no field {field}.").format(field=field))
    return cleaned


def _hosts_only(fields: Iterable[str]) -> frozenset[ProfileField]:
    chosen = set(fields)
    unknown = chosen - set(PROFILE_FIELDS)
    if unknown:
        raise Refused(
            _("Only profile fields can be kept for hosts ({fields}), not {unknown}.").format(
                fields=", ".join(PROFILE_FIELDS), unknown=", ".join(sorted(unknown))
            )
        )
    return frozenset(field for field in PROFILE_FIELDS if field in chosen)
