"""Adding a topic by typing it, with the community's own topics suggested as one types, so
"rust" joins the people who wrote "Rust" rather than starting a topic of its own."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from kiosk import text
from kiosk.community.topics import TopicIndex
from kiosk.errors import KioskError, Refused
from kiosk.language import N_, _
from screens.commands import NEXT_MATCH, PREVIOUS_MATCH

if TYPE_CHECKING:
    from textual import getters

    from screens.app import KioskApp

SUGGESTIONS = 4
"""Community topics offered at once for what was typed."""
HINT = N_("Type a topic; the community's appear below.")


class TopicAdder(Vertical):
    """A box to type a topic in, with suggestions below it; `Added` says which topic the
    person chose. ↓/↑ move through the suggestions; Enter (`add`) takes the one chosen, or
    what was typed; a tap on a suggestion takes it."""

    DEFAULT_CSS = """
    TopicAdder {
        height: auto;
        & > OptionList {
            height: auto;
            max-height: 4;
            border: none;
            padding: 0;
            background: transparent;
        }
    }
    """
    BINDINGS = [NEXT_MATCH, PREVIOUS_MATCH]

    if TYPE_CHECKING:
        app = getters.app(KioskApp)

    class Added(Message):
        def __init__(self, topic: str) -> None:
            super().__init__()
            self.topic = topic

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.index: TopicIndex | None = None
        self.spellings: dict[str, str] = {}
        """The community's spelling of each topic, by its key."""
        self.chosen: tuple[str, ...] = ()
        """Topics already chosen, which are not suggested again."""
        self.offered: list[str] = []

    def compose(self) -> ComposeResult:
        yield Input(placeholder=_("Add a topic…"), compact=True, id="new-topic")
        yield OptionList(id="topic-suggestions")
        yield Label(_(HINT), id="topic-hint", classes="hint")

    def on_mount(self) -> None:
        suggestions = self.query_one("#topic-suggestions", OptionList)
        suggestions.can_focus = False
        suggestions.display = False
        self.load_index()

    @work(thread=True, group="topics", exclusive=True)
    def load_index(self) -> None:
        # Every member's topics are counted: a moment's work, kept off the keys.
        try:
            index = self.app.community.topic_index()
        except KioskError:
            return  # no suggestions, but a topic can still be typed whole
        self.app.call_from_thread(self._index_ready, index)

    def _index_ready(self, index: TopicIndex) -> None:
        if not self.is_attached:
            return  # the member left meanwhile
        self.index = index
        self.spellings = {use.key: use.name for use in index.uses}
        self.suggest(self.box.value)

    @property
    def box(self) -> Input:
        return self.query_one("#new-topic", Input)

    @property
    def typing(self) -> bool:
        """Whether a topic is being typed here: Enter is for adding it. The footer asks
        this before the box is mounted too, while the adder is still being put up."""
        return any(
            box.has_focus and box.value.strip() for box in self.query("#new-topic").results(Input)
        )

    def choose_from(self, chosen: Iterable[str]) -> None:
        self.chosen = tuple(chosen)
        self.suggest(self.box.value)

    @on(Input.Changed, "#new-topic")
    def typed(self, event: Input.Changed) -> None:
        self.suggest(event.value)

    def suggest(self, typed: str) -> None:
        index = self.index
        found = index.suggest(typed, SUGGESTIONS, self.chosen) if index and typed.strip() else []
        self.offered = found
        suggestions = self.query_one("#topic-suggestions", OptionList)
        suggestions.set_options(
            Option(Content.assemble(("+ ", "$accent"), topic)) for topic in found
        )
        suggestions.display = bool(found)
        if found:
            self.hint(_("Enter adds what you typed; ↓ picks a suggestion, or tap one."))
        else:
            self.hint(_("Enter adds it.") if typed.strip() else _(HINT))

    def hint(self, message: str, caution: bool = False) -> None:
        label = self.query_one("#topic-hint", Label)
        label.update(Content(message))
        label.set_class(caution, "caution")
        label.set_class(not caution, "hint")

    def action_move(self, step: int) -> None:
        suggestions = self.query_one("#topic-suggestions", OptionList)
        if not suggestions.option_count:
            return
        current = suggestions.highlighted
        if current is None:
            suggestions.highlighted = 0 if step > 0 else suggestions.option_count - 1
        else:
            suggestions.highlighted = (current + step) % suggestions.option_count

    @on(OptionList.OptionSelected, "#topic-suggestions")
    def tapped(self, event: OptionList.OptionSelected) -> None:
        self.take(self.offered[event.option_index])
        self.box.focus()

    def add(self) -> None:
        """Take the suggestion chosen with ↓/↑, or else what was typed."""
        highlighted = self.query_one("#topic-suggestions", OptionList).highlighted
        if highlighted is not None and highlighted < len(self.offered):
            self.take(self.offered[highlighted])
        else:
            self.take(self.box.value)

    def take(self, typed: str) -> None:
        topic = text.clean(typed)
        if not topic:
            return
        try:
            text.topics([topic])
        except Refused as problem:
            self.hint(str(problem), caution=True)
            return
        self.box.value = ""
        # The community's spelling of a topic it already has, however it was typed.
        self.post_message(self.Added(self.spellings.get(text.topic_key(topic), topic)))
