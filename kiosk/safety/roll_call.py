"""The emergency roll call: everyone in the building now, and who is accounted for.

For safety it names everyone here: members here incognito or off the board too, and each
guest with the member whose guest they are, sorted by name for reading aloud. A host ticks
people off as they are accounted for; each tick is saved at once in `roll-call.json`, by
the visit it accounts for, so every kiosk and `kiosk roll-call --status` see it, and a
tick never carries over to the person's next visit. Ticks of visits that have ended are
dropped with the next tick.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk.errors import DataError
from kiosk.language import N_
from kiosk.models import Presence
from kiosk.storage.datafile import DataFile, Table
from kiosk.storage.store import Store
from kiosk.text import fold, is_id

ROLL_CALL_FILE = "roll-call.json"
SAID_ON_SCREEN = N_(
    "This list names everyone in the building, incognito members too: it is for safety."
)


@dataclass(frozen=True)
class OnRoll:
    """Someone in the building, as the roll call reads them out."""

    visit_id: str
    name: str
    guest_of: str
    """For a guest, the member whose guest they are; "" for a member."""
    since: datetime
    accounted: datetime | None
    """When a host ticked them off; None while they are not accounted for."""

    @property
    def read_as(self) -> str:
        """The name as read aloud: "Sam, guest of Ana Lopez"."""
        return f"{self.name}, guest of {self.guest_of}" if self.guest_of else self.name


def roll(present: Iterable[Presence], ticks: Mapping[str, datetime]) -> list[OnRoll]:
    """Everyone in `present`, incognito and guests too, by name as read aloud (the
    earliest arrival first between namesakes), each with their tick if there is one."""
    on_roll = [
        OnRoll(
            visit_id=here.visit.id,
            name=here.visit.guest or here.member.name,
            guest_of=here.member.name if here.visit.guest else "",
            since=here.visit.since,
            accounted=ticks.get(here.visit.id),
        )
        for here in present
    ]
    return sorted(on_roll, key=lambda person: (fold(person.read_as), person.since))


def accounted_for(people: Sequence[OnRoll]) -> int:
    return sum(1 for person in people if person.accounted is not None)


class RollCall:
    """The ticks of the roll call, in the data folder's `roll-call.json`."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.file = DataFile(store.root / ROLL_CALL_FILE)

    @property
    def path(self) -> Path:
        return self.file.path

    def ticks(self) -> dict[str, datetime]:
        """When each visit ticked off was ticked; damage is named, never taken for no ticks."""
        ticks = {}
        for doc in self.file.docs("ticks"):
            visit_id, at = doc.get("visit"), doc.get("at")
            try:
                if type(visit_id) is not str or not is_id(visit_id):
                    raise ValueError("visit should be an id of letters and digits")
                if type(at) is not str:
                    raise ValueError("at should be a time like 2026-11-26T09:00:00+00:00")
                moment = datetime.fromisoformat(at)
                if moment.tzinfo is None:
                    raise ValueError("the time in at has no UTC offset")
            except ValueError as error:
                raise DataError(
                    f"{self.path} is damaged: a tick in it is wrong ({error}). Everyone "
                    "here is still listed; tick them again, or remove the file with "
                    "`kiosk roll-call --clear`.",
                    self.path,
                ) from None
            ticks[visit_id] = moment
        return ticks

    def tick(self, visit_id: str, accounted: bool, at: datetime, here: Iterable[str]) -> None:
        """Tick `visit_id` off (or untick it), saved at once; ticks of visits not `here`
        any more are dropped."""
        keep = set(here)
        with self.store.locked(), self.file.changing() as tables:
            table: Table = {}
            for doc in tables.get("ticks", {}).values():
                if doc.get("visit") in keep - {visit_id}:
                    table[str(len(table) + 1)] = doc
            if accounted:
                table[str(len(table) + 1)] = {"visit": visit_id, "at": at.isoformat()}
            tables["ticks"] = table

    def clear(self) -> None:
        """Start the roll call over: nobody is ticked off."""
        with self.store.locked():
            self.file.storage.write({"ticks": {}})  # a damaged file is not read first
