"""The baseline beside target 10's memory: a plain Textual board, with no kiosk code, no
files and no threads, showing 300 names on cards by topic as `kiosk board` does, and
changing one a look under the same busy door (someone leaves when 300 are here, someone
new comes when fewer are). What it grows is what Textual itself grows with that churn.

    python -m tests.benchmarks.plain_board STATE --changes 5000 --warm-up 500 \
        --every 0.05 --quiet 3 --room 300

It writes its resident memory (RSS) after the warm-up and after the last change, each
read after a quiet spell as the wall board's are, into STATE, and quits. It imports
nothing of the kiosk: `wall_board` passes it its figures.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Static

TOPICS = [f"topic {number:02}" for number in range(60)]
NAMES_ON_A_CARD = 20
PAGE_EVERY = 300
"""Changes between page turns: at a look every 0.05 s, the wall board's 15 seconds."""


def people(count: int, seed: int = 7) -> list[tuple[str, str]]:
    """(name, topic) for `count` people, names of varied lengths."""
    chooser = random.Random(seed)
    first = ["Ana", "Bo", "Chidi", "Dagny", "Emeka", "Fatima", "Göran", "Hana", "Ilse", "Jun"]
    last = ["Okafor", "Lindqvist", "Nakamura", "Haddad", "Müller", "Silva", "Kowalski", "Park"]
    return [
        (f"{chooser.choice(first)} {chooser.choice(last)}-{number}", chooser.choice(TOPICS))
        for number in range(count)
    ]


class PlainBoard(App[None]):
    CSS = """
    #board { layout: grid; grid-size: 3; grid-gutter: 1 2; grid-rows: auto; }
    #board { scrollbar-size-vertical: 0; }
    .card { height: auto; border-left: thick $secondary; padding: 0 1; }
    """

    def __init__(self, state: Path, arguments: argparse.Namespace) -> None:
        super().__init__()
        self.state = state
        self.changes, self.warm_up, self.room = arguments.changes, arguments.warm_up, arguments.room
        self.every, self.quiet = arguments.every, arguments.quiet
        self.pool = people(5000)
        self.chooser = random.Random(11)
        self.here = set(self.chooser.sample(range(len(self.pool)), self.room))
        self.cards: dict[str, Static] = {}
        self.made = 0
        self.rss: dict[str, int] = {}
        self.ticking: Timer | None = None

    def compose(self) -> ComposeResult:
        yield VerticalScroll(id="board")

    def on_mount(self) -> None:
        self.show()
        self.ticking = self.set_interval(self.every, self.change)

    def show(self) -> None:
        by_topic: dict[str, list[str]] = {}
        for person in sorted(self.here):
            name, topic = self.pool[person]
            by_topic.setdefault(topic, []).append(name)
        for topic in [topic for topic in self.cards if topic not in by_topic]:
            self.cards.pop(topic).remove()
        board = self.query_one("#board")
        for topic, names in sorted(by_topic.items()):
            text = card_text(topic, names)
            if topic in self.cards:
                self.cards[topic].update(text)
            else:
                self.cards[topic] = card = Static(text, classes="card")
                board.mount(card)

    def change(self) -> None:
        self.made += 1
        if len(self.here) >= self.room:
            self.here.discard(self.chooser.choice(sorted(self.here)))
        else:
            self.here.add(self.chooser.randrange(len(self.pool)))
        self.show()
        if self.made % PAGE_EVERY == 0:
            board = self.query_one("#board")
            page = self.made // PAGE_EVERY * board.size.height
            board.scroll_to(y=page % max(board.max_scroll_y, 1), animate=False)
        if self.made in (self.warm_up, self.changes):
            assert self.ticking is not None
            self.ticking.pause()
            self.set_timer(self.quiet, self.read_memory)

    def read_memory(self) -> None:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                self.rss["warm" if self.made == self.warm_up else "last"] = int(line.split()[1])
        if self.made == self.changes:
            self.state.write_text(json.dumps({key: kib * 1024 for key, kib in self.rss.items()}))
            self.exit()
        else:
            assert self.ticking is not None
            self.ticking.resume()


def card_text(topic: str, names: list[str]) -> Content:
    """A card as the wall board writes one: its topic and count, then the first names."""
    title = Content.assemble((topic, "bold"), (f" · {len(names)}", "dim"))
    shown = Content(", ").join(Content.styled(name, "bold") for name in names[:NAMES_ON_A_CARD])
    if len(names) > NAMES_ON_A_CARD:
        shown = Content.assemble(shown, (f" +{len(names) - NAMES_ON_A_CARD} more", "dim"))
    return Content("\n").join([title, shown])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("state", type=Path)
    for name in ("--changes", "--warm-up", "--room"):
        parser.add_argument(name, type=int, required=True)
    for name in ("--every", "--quiet"):
        parser.add_argument(name, type=float, required=True)
    arguments = parser.parse_args()
    PlainBoard(arguments.state, arguments).run()


if __name__ == "__main__":
    main()
