"""Who is here, by topic, as cards: the one layout of the who's-here board (F2) and the wall
board (`kiosk board`, and the lobby TV in a browser).

Sections ("Who's here", "Question of the week", "Shout-outs") hold cards laid out in as
many columns as the width allows. `board_sections` says what the cards say, from what a
public screen may show (`kiosk.community.gathering`, the shown answers, shout-outs no host hid);
`GatheringCards` lays them out and, on a change, writes again only the cards whose words
changed, so a busy day costs little.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TypeVar

from textual.containers import Container, VerticalScroll
from textual.content import Content
from textual.widgets import Label, Static

from kiosk.community.answers import ShownAnswer
from kiosk.community.gathering import Gathering, Here, InGroup
from kiosk.exchange.wall import WallShoutOut
from kiosk.language import _
from kiosk.models.conversation import Question
from kiosk.safety.inductions import Supervisors
from kiosk.text import fold, topic_key
from kiosk.timekeeping import hours
from screens.commands import PAGE_BOARD, SCROLL_BOARD
from screens.shoutout_feed import who_to_whom

COLUMNS_FROM = ((180, "-four"), (120, "-three"), (70, "-two"), (0, "-one"))
"""From how many cells wide the cards go in four, three, two columns, or one."""
NAMES_ON_A_CARD = 20
"""Names a card gives before it counts the rest ("+12 more"): on a busy day a card stays
one a person can read, and the same height as people come and go."""
Person = TypeVar("Person", Here, InGroup)
"""Someone a card names: here, or here in a topic's group."""


@dataclass(frozen=True, slots=True)
class Card:
    key: str
    """What the card is about, the same from one change to the next ("topic:climbing")."""
    text: Content
    kind: str = ""
    """How it is set apart: "celebrate", "hands", "quiet", "shoutout" or "question"."""


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    cards: tuple[Card, ...]


def board_sections(
    gathering: Gathering,
    *,
    here: int,
    came_today: int | None,
    supervisors: Sequence[Supervisors],
    question: Question | None,
    answers: Sequence[ShownAnswer],
    shoutouts: Sequence[WallShoutOut],
    events: Sequence[str] = (),
    now: datetime,
    zone: tzinfo,
) -> list[Section]:
    """The board's sections: what is on today and next (`events`, a line each, when there
    are any), who is here (`here` counts everyone, `came_today` everyone today, when
    known; `supervisors` who here may supervise each tool), the question and its answers
    when one is asked, and shout-outs when there are any."""
    people = _people_cards(gathering, here, came_today, supervisors)
    sections = [Section(_("Who's here"), tuple(people))]
    if events:
        on = _card("events", _("Today and next"), (Content(line) for line in events), "events")
        sections.insert(0, Section(_("What's on"), (on,)))
    if question is not None:
        sections.append(
            Section(_("Question of the week"), tuple(_question_cards(question, answers)))
        )
    if shoutouts:
        sections.append(Section(_("Shout-outs"), tuple(_shoutout_cards(shoutouts, now, zone))))
    return sections


def everyone(gathering: Gathering) -> list[Here]:
    """Each member the board shows, once, by name."""
    shown: dict[str, Here] = {}
    for group in gathering.groups:
        for in_group in group.people:
            shown.setdefault(in_group.here.member.id, in_group.here)
    for here in (*gathering.without_topics, *gathering.heads_down):
        shown.setdefault(here.member.id, here)
    return sorted(shown.values(), key=lambda here: fold(here.member.name))


class GatheringCards(VerticalScroll):
    """The sections as cards, in columns as many as the width allows. `room_below` leaves
    a screenful of room after the last card, so that the last page of a paged board can
    begin at its top like any other."""

    BINDINGS = [SCROLL_BOARD, PAGE_BOARD]  # the others it scrolls with stay as Textual's

    def __init__(self, *, room_below: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.room_below = room_below
        self._layout: tuple[tuple[str, tuple[str, ...]], ...] = ()
        """The sections' titles and their cards' keys, as laid out."""
        self._cards: dict[str, tuple[Card, Static]] = {}
        self._sections: dict[str, Container] = {}
        """The container of each section's cards, by its title."""

    async def show(self, sections: Sequence[Section]) -> None:
        """Show these sections; cards already there are kept, and written again only if
        changed."""
        layout = tuple((s.title, tuple(card.key for card in s.cards)) for s in sections)
        if [title for title, _ in layout] != [title for title, _ in self._layout]:
            await self._lay_out(sections, layout)
            return
        if layout != self._layout:
            await self._rearrange(sections)
            self._layout = layout
        for section in sections:
            for card in section.cards:
                before, widget = self._cards[card.key]
                # Content compares by its words alone; a change of style counts too.
                if before.text.spans != card.text.spans or before != card:
                    self._cards[card.key] = (card, widget)
                    if before.kind != card.kind:  # other classes (a page's) stay as they are
                        widget.remove_class(*before.kind.split())
                        widget.add_class(*card.kind.split())
                    # Laid out anew only when the card needs more lines than it has: one
                    # that needs fewer keeps its height, blank below, until the next lay-out.
                    # On a busy day most changes put a name in or take one out of a card.
                    width, height = widget.content_size
                    grows = not width or len(card.text.wrap(width)) > height
                    widget.update(card.text, layout=grows)

    async def _lay_out(
        self, sections: Sequence[Section], layout: tuple[tuple[str, tuple[str, ...]], ...]
    ) -> None:
        # Until all is mounted, nothing is laid out: a layout cut short is done again.
        self._layout, self._cards, self._sections = (), {}, {}
        cards: dict[str, tuple[Card, Static]] = {}
        containers, holders = [], {}
        for section in sections:
            widgets = []
            for card in section.cards:
                widget = _card_widget(card)
                cards[card.key] = (card, widget)
                widgets.append(widget)
            holders[section.title] = Container(*widgets, classes="cards")
            containers.append(
                Container(
                    Label(section.title, classes="section-title"),
                    holders[section.title],
                    classes="section",
                )
            )
        end = [Static(classes="room-below")] if self.room_below else []
        async with self.batch():
            await self.remove_children()
            await self.mount_all([*containers, *end])
        self._layout, self._cards, self._sections = layout, cards, holders

    async def _rearrange(self, sections: Sequence[Section]) -> None:
        """Within the same sections, take out the cards that went, put in those that came,
        and keep the rest where they are: a change on a busy day moves a card or two, and
        a board left running for weeks makes no new widgets for the others."""
        keys = {card.key for section in sections for card in section.cards}
        gone = [widget for key, (_, widget) in self._cards.items() if key not in keys]
        # Until all is in place, nothing is laid out: one cut short lays out afresh.
        layout, self._layout = self._layout, ()
        async with self.batch():
            for widget in gone:
                await widget.remove()
            for section in sections:
                holder = self._sections[section.title]
                for place, card in enumerate(section.cards):
                    if card.key not in self._cards:
                        widget = _card_widget(card)
                        self._cards[card.key] = (card, widget)
                        at_end = place >= len(holder.children)
                        await holder.mount(widget, before=None if at_end else place)
                        continue
                    widget = self._cards[card.key][1]
                    if holder.children.index(widget) != place:
                        last = len(holder.children) - 1
                        if place < last:
                            holder.move_child(widget, before=place)
                        else:
                            holder.move_child(widget, after=last)
        self._cards = {key: shown for key, shown in self._cards.items() if key in keys}
        self._layout = layout

    def on_resize(self) -> None:
        width = self.size.width
        columns = next(name for least, name in COLUMNS_FROM if width >= least)
        for _least, name in COLUMNS_FROM:
            self.set_class(name == columns, name)


def _card_widget(card: Card) -> Static:
    return Static(card.text, classes=f"card {card.kind}".strip())


def _card(key: str, title: Content | str, lines: Iterable[Content], kind: str = "") -> Card:
    heading = Content.styled(title, "bold") if isinstance(title, str) else title
    return Card(key, Content("\n").join([heading, *lines]), kind)


def _people_cards(
    gathering: Gathering, here: int, came_today: int | None, supervisors: Sequence[Supervisors]
) -> list[Card]:
    people = everyone(gathering)
    cards = []
    celebrated = [person for person in people if person.milestone is not None]
    if celebrated:
        lines = [_celebrated(person) for person in celebrated[:NAMES_ON_A_CARD]]
        if len(celebrated) > NAMES_ON_A_CARD:
            lines.append(
                Content.styled(
                    _("+{count} more").format(count=len(celebrated) - NAMES_ON_A_CARD), "dim"
                )
            )
        cards.append(_card("say-hi", _("Say hi"), lines, "celebrate"))
    # Topics in the order of their names, not of how many share them: a card stays where
    # it is while people come and go, for those reading it, and so the cards around it.
    for group in sorted(gathering.groups, key=lambda group: topic_key(group.topic)):
        if len(group.people) > 1:
            names = _some(group.people, _in_group)
            title = Content.assemble((group.topic, "bold"), (f" · {len(group.people)}", "dim"))
            cards.append(_card(f"topic:{topic_key(group.topic)}", title, [names]))
    if gathering.without_topics:
        names = _some(gathering.without_topics, _name)
        cards.append(_card("open", _("Open to chat"), [names]))
    if gathering.hands_wanted:
        asks = [
            Content.assemble(_name(wanted.here), ": ", ", ".join(wanted.topics))
            for wanted in gathering.hands_wanted
        ]
        cards.append(_card("hands", _("Could use a hand"), asks, "hands"))
    if supervisors:
        tools = [
            Content.assemble(
                (tool.tool, "bold"),
                ": ",
                Content(", ").join(Content(member.name) for member in tool.members),
            )
            for tool in supervisors
        ]
        cards.append(_card("supervise", _("Can supervise or induct"), tools, "hands"))
    if gathering.heads_down:
        names = _some(gathering.heads_down, _name)
        cards.append(_card("heads-down", _("Heads-down"), [names], "quiet"))
    if gathering.guests:
        guests = [Content.styled(guest.shown_as, "italic") for guest in gathering.guests]
        cards.append(_card("guests", _("Guests"), guests))
    # A topic only one person offers goes on one card with the others like it: a long
    # card, last, so that the short ones above it pair up in their rows.
    single = sorted(
        (group for group in gathering.groups if len(group.people) == 1),
        key=lambda group: topic_key(group.topic),
    )
    if single:
        lines = [
            Content.assemble((group.topic, "bold"), ": ", _in_group(group.people[0]))
            for group in single
        ]
        cards.append(_card("also", _("Also happy to talk about"), lines))
    if not cards:
        nobody = hours.nobody_here(came_today, sentence=True)
        said = _("{count} here, not shown on the board.").format(count=here) if here else nobody
        cards.append(_card("nobody", _("Nobody on the board right now"), [Content(said)], "quiet"))
    return cards


def _some(people: Sequence[Person], shown_as: Callable[[Person], Content]) -> Content:
    """The first NAMES_ON_A_CARD of `people`, and how many more there are (only those
    shown are written out: a card of 300 names costs what one of 20 does)."""
    shown = Content(", ").join(shown_as(person) for person in people[:NAMES_ON_A_CARD])
    more = len(people) - NAMES_ON_A_CARD
    return (
        Content.assemble(shown, (" " + _("+{count} more").format(count=more), "dim"))
        if more > 0
        else shown
    )


def _name(here: Here, note: str = "") -> Content:
    return Content.assemble((here.member.name, "bold"), (f" ({note})", "italic") if note else "")


def _in_group(in_group: InGroup) -> Content:
    return _name(in_group.here, _("mentor") if in_group.mentor else "")


def _celebrated(here: Here) -> Content:
    assert here.milestone is not None
    return Content.assemble(_name(here), " · ", (here.milestone.badge, "italic"))


def _question_cards(question: Question, answers: Sequence[ShownAnswer]) -> list[Card]:
    cards = [_card("question", Content.styled(question.text, "bold"), [], "question")]
    for answer in answers:
        heading = Content.assemble(
            (answer.member.name, "bold"), (" · " + _("here now"), "dim") if answer.here else ""
        )
        cards.append(_card(f"answer:{answer.member.id}", heading, [Content(answer.text)]))
    if not answers:
        lines = [Content(_("Answer it when you check in."))]
        cards.append(_card("no-answers", _("No answers yet"), lines, "quiet"))
    return cards


def _shoutout_cards(shoutouts: Sequence[WallShoutOut], now: datetime, zone: tzinfo) -> list[Card]:
    # The age leads the words, so it never stands alone on a narrow card's last line.
    return [
        _card(
            f"shoutout:{shoutout.id}",
            who_to_whom(shoutout.author, shoutout.to),
            [
                Content.assemble(
                    (hours.posted(shoutout.created, now, zone, shoutout.quiet), "dim"),
                    " · ",
                    shoutout.text,
                )
            ],
            "shoutout",
        )
        for shoutout in shoutouts
    ]
