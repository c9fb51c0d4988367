"""Home: find yourself by name, and see who is here and the latest shout-outs."""

from __future__ import annotations

from collections import Counter

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from kiosk.models import STATUS_LABELS, Member
from screens.board import BoardScreen
from screens.masthead import Masthead
from screens.member import MemberScreen
from screens.register import RegisterScreen
from screens.shoutouts import WallScreen, shoutout_card


class HomeScreen(Screen[None]):
    """Type a few letters of your name, then Enter."""

    CSS_PATH = "home.tcss"
    BINDINGS = [
        Binding("down", "move(1)", "Next", id="home.next", show=False),
        Binding("up", "move(-1)", "Previous", id="home.previous", show=False),
        Binding("f2", "board", "Who's here", id="home.board"),
        Binding("f3", "wall", "Shout-outs", id="home.wall"),
        Binding("f4", "register", "New here?", id="home.register"),
    ]

    def compose(self) -> ComposeResult:
        yield Masthead()
        with Horizontal(id="columns"):
            with Vertical(id="find"):
                yield Label("Type your name to check in or out.", classes="title")
                yield Input(placeholder="Your name…", id="search")
                yield OptionList(id="matches")
                yield Label("", id="search-hint", classes="hint")
                yield Button("New here? Register", id="register", variant="primary")
            with Vertical(id="side"):
                yield Static(id="here")
                yield VerticalScroll(id="latest")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#here").border_title = "Here now"
        self.query_one("#latest").border_title = "Latest shout-outs"
        self.app.community_changed.subscribe(self, lambda _: self.show_community())
        self.show_community()
        self.show_matches("")

    def reset(self, typed: str = "") -> None:
        """Forget what was typed, or start again from `typed`."""
        search = self.query_one("#search", Input)
        search.value = typed
        search.cursor_position = len(typed)
        search.focus()

    # -- finding a member -----------------------------------------------------------

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        self.show_matches(event.value)

    def show_matches(self, query: str) -> None:
        matches = self.query_one("#matches", OptionList)
        hint = self.query_one("#search-hint", Label)
        found = self.app.community.search(query) if query.strip() else []
        names = Counter(member.name for member in found)
        matches.set_options(
            Option(self.match_line(m, twin=names[m.name] > 1), id=m.id) for m in found
        )
        matches.display = bool(found)
        if found:
            matches.highlighted = 0
            hint.update("↑↓ to choose, Enter to open.")
        elif query.strip():
            hint.update("Nobody by that name yet. New here? Register below (F4).")
        else:
            hint.update("A few letters are enough; accents and typos are fine.")

    def match_line(self, member: Member, twin: bool) -> Content:
        """A member's name; for two people of one name, their topics (or id) tell them apart."""
        # "Here now" only for members who agreed to be seen on the board.
        here = member.on_board and self.app.community.visit_of(member.id) is not None
        about = f"  {', '.join(member.topics) or member.id}" if twin else ""
        return Content.assemble(
            (member.name, "bold"), (about, "dim"), ("  · here now" if here else "", "dim")
        )

    def action_move(self, step: int) -> None:
        matches = self.query_one("#matches", OptionList)
        if matches.option_count:
            current = matches.highlighted or 0
            matches.highlighted = (current + step) % matches.option_count

    @on(Input.Submitted, "#search")
    def open_highlighted(self) -> None:
        matches = self.query_one("#matches", OptionList)
        if matches.highlighted is not None and matches.option_count:
            self.open_member(matches.get_option_at_index(matches.highlighted).id)

    @on(OptionList.OptionSelected, "#matches")
    def open_selected(self, event: OptionList.OptionSelected) -> None:
        self.open_member(event.option.id)

    def open_member(self, member_id: str | None) -> None:
        if member_id is not None:
            self.app.push_screen(MemberScreen(self.app.community.member(member_id)))

    # -- the rest of home -------------------------------------------------------------

    def show_community(self) -> None:
        community = self.app.community
        here = community.present()
        hidden = community.here_count() - len(here)
        lines = [
            Content.assemble(
                (p.member.name, "bold"),
                (f"  {STATUS_LABELS[p.visit.status]}", "dim"),
            )
            for p in here[:8]
        ]
        if len(here) > 8:
            lines.append(Content(f"…and {len(here) - 8} more (F2)"))
        if hidden:
            lines.append(Content(f"+ {hidden} not shown"))
        self.query_one("#here", Static).update(
            Content("\n").join(lines) if lines else "Nobody yet. Be the first!"
        )
        latest = self.query_one("#latest", VerticalScroll)
        latest.remove_children()
        cards = [shoutout_card(community, s) for s in community.shoutouts(3)]
        latest.mount_all(cards or [Static("No shout-outs yet.", classes="hint")])

    def action_board(self) -> None:
        self.app.push_screen(BoardScreen())

    def action_wall(self) -> None:
        self.app.push_screen(WallScreen())

    @on(Button.Pressed, "#register")
    def action_register(self) -> None:
        self.app.push_screen(RegisterScreen())
