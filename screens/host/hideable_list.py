"""A host's list of things members wrote (shout-outs, answers), each of which Enter or a
tap hides from every public place, or brings back."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from textual import on
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from textual import getters

    from screens.app import KioskApp


class Hideable(Protocol):
    @property
    def hidden(self) -> bool: ...


Record = TypeVar("Record", bound=Hideable)


@dataclass(frozen=True, slots=True)
class Wording:
    """What a list says, each a whole sentence made when shown (in the language speaking):
    that there is nothing yet; how many there are, how many hidden and what Enter does;
    and what hiding, or restoring, one did."""

    empty: Callable[[], str]
    counted: Callable[[int, int], str]
    hidden: Callable[[], str]
    restored: Callable[[], str]


class HideableList(OptionList, Generic[Record]):
    """The records as lines, the highlight kept on the same record as they change."""

    if TYPE_CHECKING:
        app = getters.app(KioskApp)

    def __init__(
        self,
        *,
        id: str,
        key: Callable[[Record], str],
        line: Callable[[Record], Content],
        hide: Callable[[Record, bool], object],
        wording: Wording,
    ) -> None:
        """`key` tells records apart, `line` shows one, `hide(record, hidden)` stores the
        choice (off the UI thread), and `wording` says what the list holds."""
        super().__init__(id=id)
        self.key = key
        self.line = line
        self.hide = hide
        self.wording = wording
        self.records: list[Record] = []

    def show_records(self, records: Sequence[Record]) -> None:
        before = self.highlighted_record()
        self.records = list(records)
        self.set_options(Option(self.line(r), id=self.key(r)) for r in self.records)
        keys = [self.key(r) for r in self.records]
        if keys:
            kept = self.key(before) if before is not None else None
            self.highlighted = keys.index(kept) if kept in keys else 0

    def highlighted_record(self) -> Record | None:
        if self.highlighted is None or self.highlighted >= len(self.records):
            return None
        return self.records[self.highlighted]

    def summary(self) -> str:
        """How many records there are and how many are hidden, and what Enter does."""
        if not self.records:
            return self.wording.empty()
        return self.wording.counted(len(self.records), sum(1 for r in self.records if r.hidden))

    @on(OptionList.OptionSelected)
    def hide_or_restore(self) -> None:
        record = self.highlighted_record()
        if record is None:
            return
        hide = not record.hidden
        done = self.wording.hidden() if hide else self.wording.restored()
        self.app.store_call(
            lambda: self.hide(record, hide),
            lambda _: self.app.notify(done),
            saved=done,
        )
