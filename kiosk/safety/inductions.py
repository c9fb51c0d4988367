"""Tool inductions: who is inducted on which tool or area, by whom, until when, and who
may induct others on it (and so supervise its use).

Kept in the data folder's `inductions.json`, written under the folder's lock. A tool is
named as the host typed it and compared as topics are (`text.topic_key`), so "Laser
cutter" and "laser cutter " are one tool. A member has at most one induction per tool: a
new one replaces the old (a renewal).

Who may supervise is a public matter only for people the board names: an inductor here
incognito or off the board is never named for their tool (`supervisors`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from kiosk import text
from kiosk.errors import Refused
from kiosk.language import N_, _, ngettext
from kiosk.models import Member, Presence
from kiosk.models.inductions import Induction, Inductor
from kiosk.storage.datafile import DataFile, Table, drop, insert
from kiosk.storage.store import Store
from kiosk.timekeeping.dates import day_words

EXPIRES_SOON = timedelta(days=30)
"""An induction that expires within this is pointed out to its member."""


def tool_name(typed: str) -> str:
    """The tool as typed, cleaned; refused politely when blank or too long."""
    return text.required(typed, N_("the tool or area"), text.TOPIC_LIMIT)


def tool_key(tool: str) -> str:
    """What makes two spellings of a tool one."""
    return text.topic_key(tool)


def wanted_tool(topic: str) -> str:
    """The tool a looking-for topic asks an induction on, as a tool key: "laser cutter",
    "laser cutter induction" and "induction on the laser cutter" all ask for the laser
    cutter."""
    words = tool_key(topic).split()
    if words[-1:] == ["induction"]:
        words = words[:-1]
    for lead in (["induction", "on"], ["the"]):
        if words[: len(lead)] == lead:
            words = words[len(lead) :]
    return " ".join(words)


def wants_induction(looking_for: Iterable[str], tool: str) -> bool:
    """Whether a member looking for these topics asks for an induction on the tool."""
    return any(wanted_tool(topic) == tool_key(tool) for topic in looking_for)


def asking_inductions(looking_for: Sequence[str], wanted: Mapping[str, bool]) -> tuple[str, ...]:
    """The looking-for topics once a member ticks (True) or unticks (False) "I'd like an
    induction on" each tool of `wanted`: "Lathe induction" is added for a tool newly
    wanted, and every topic asking for a tool no longer wanted is dropped (so it stops
    being a reason to meet its inductors)."""
    unwanted = {tool_key(tool) for tool, want in wanted.items() if not want}
    kept = [topic for topic in looking_for if wanted_tool(topic) not in unwanted]
    for tool, want in wanted.items():
        if want and not wants_induction(kept, tool):
            topic = f"{tool} induction"
            kept.append(topic if len(topic) <= text.TOPIC_LIMIT else tool)
    return tuple(kept)


def expired(induction: Induction, today: date) -> bool:
    return induction.expires is not None and induction.expires < today


def expires_soon(induction: Induction, today: date) -> bool:
    """Whether the induction still holds today but ends within `EXPIRES_SOON`."""
    return induction.expires is not None and today <= induction.expires <= today + EXPIRES_SOON


@dataclass(frozen=True)
class Supervisors:
    """A tool and the people here today the board may name who can induct on it."""

    tool: str
    members: tuple[Member, ...]


def supervisors(present: Iterable[Presence], inductors: Iterable[Inductor]) -> list[Supervisors]:
    """Per tool, the inductors among `present` whom public screens name (never someone
    incognito, off the board or a guest); tools by name, people by name within each."""
    named = {
        here.member.id: here.member
        for here in present
        if here.shown == "by name" and here.member.active
    }
    by_tool: dict[str, tuple[str, dict[str, Member]]] = {}
    for inductor in inductors:
        member = named.get(inductor.member_id)
        if member is not None:
            _, people = by_tool.setdefault(tool_key(inductor.tool), (inductor.tool, {}))
            people[member.id] = member
    return [
        Supervisors(tool, tuple(sorted(people.values(), key=lambda m: (text.fold(m.name), m.id))))
        for _, (tool, people) in sorted(by_tool.items())
    ]


class Inductions:
    """The inductions and inductors of one data folder."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.file: DataFile = store.inductions_file

    def inductions(self, member_id: str | None = None, tool: str | None = None) -> list[Induction]:
        """Inductions, of one member or one tool if given, by tool then by when."""
        key = None if tool is None else tool_key(tool)
        return sorted(
            (
                induction
                for induction in self.file.records("inductions", Induction.from_doc)
                if member_id in (None, induction.member_id)
                and key in (None, tool_key(induction.tool))
            ),
            key=lambda induction: (tool_key(induction.tool), induction.at),
        )

    def inductors(self) -> list[Inductor]:
        return self.file.records("inductors", Inductor.from_doc)

    def inductor_tools(self, member_id: str) -> set[str]:
        """The tool keys the member may induct on."""
        return {tool_key(i.tool) for i in self.inductors() if i.member_id == member_id}

    def tools(self) -> list[str]:
        """Every tool the space has inductors or inductions for, by name, each once (as
        first typed)."""
        named: dict[str, str] = {}
        typed = [i.tool for i in self.inductors()] + [i.tool for i in self.inductions()]
        for tool in typed:
            named.setdefault(tool_key(tool), tool)
        return [named[key] for key in sorted(named)]

    def induct(
        self, member: Member, tool: str, by: Member, at: datetime, expires: date | None, today: date
    ) -> Induction:
        """Record that `by` inducted `member` on the tool (as typed) at `at`, until
        `expires` if given; refused when someone would induct themselves, or the last day
        has passed (`today`). A renewal replaces the earlier induction on the tool."""
        if by.id == member.id:
            raise Refused(
                _("{name} cannot induct themselves: say who inducted them.").format(
                    name=member.name
                )
            )
        if expires is not None and expires < today:
            raise Refused(
                _(
                    "{day} has passed: give the last day the induction holds, "
                    "or no day for one that does not expire."
                ).format(day=day_words(expires))
            )
        induction = Induction(member.id, tool_name(tool), by.id, at, expires)
        self.add(induction)
        return induction

    def add(self, induction: Induction) -> None:
        """Record the induction, replacing the member's earlier one on the same tool."""
        with self.store.locked(), self.file.changing() as tables:
            table = tables.setdefault("inductions", {})
            _drop(table, induction.member_id, induction.tool)
            insert(table, induction.to_doc())

    def remove(self, member_id: str, tool: str) -> bool:
        """Remove the member's induction on the tool; whether there was one."""
        with self.store.locked(), self.file.changing() as tables:
            return _drop(tables.setdefault("inductions", {}), member_id, tool) > 0

    def set_inductor(self, member_id: str, tool: str, may: bool) -> bool:
        """Let the member induct others on the tool, or no longer; whether that changed."""
        with self.store.locked(), self.file.changing() as tables:
            table = tables.setdefault("inductors", {})
            was = _drop(table, member_id, tool) > 0
            if may:
                insert(table, Inductor(member_id, tool).to_doc())
            return was != may


def _drop(table: Table, member_id: str, tool: str) -> int:
    key = tool_key(tool)
    return drop(
        table,
        lambda doc: (
            not (
                doc.get("member") == member_id
                and type(doc.get("tool")) is str
                and tool_key(doc["tool"]) == key
            )
        ),
    )


def standing(induction: Induction, today: date) -> str:
    """How the induction stands today, in words for its member: "expired", "expires
    today", "expires in 12 days" within `EXPIRES_SOON`, or "" while it holds for longer."""
    if induction.expires is None or not (
        expired(induction, today) or expires_soon(induction, today)
    ):
        return ""
    if expired(induction, today):
        return _("expired")
    days = (induction.expires - today).days
    if days == 0:
        return _("expires today")
    if days == 1:
        return _("expires tomorrow")
    return ngettext("expires in {count} day", "expires in {count} days", days).format(count=days)
