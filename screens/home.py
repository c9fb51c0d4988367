"""Home: find yourself by name, see who is here and the latest shout-outs, and join the
Wi-Fi and our chat from a phone."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from kiosk import language
from kiosk.badges.codes import is_door_code
from kiosk.community.matching import MIN_LETTERS, enough_letters
from kiosk.language import LANGUAGES, _, ngettext, own_name
from kiosk.models import Member
from screens.board import BoardScreen
from screens.commands import (
    BOARD,
    CLEAR_SEARCH,
    HIDE_CODES,
    NEXT_CODE,
    NEXT_LANGUAGE,
    NEXT_MATCH,
    PREVIOUS_MATCH,
    REGISTER,
    SHOW_CODES,
    WALL,
)
from screens.here_now import HereNow
from screens.join_codes import JoinCodes
from screens.kiosk_screen import KioskScreen
from screens.member import MemberScreen
from screens.namesakes import name_line, namesakes_together
from screens.register import RegisterScreen
from screens.shoutout_feed import ShoutoutFeed
from screens.shoutouts import WallScreen

LATEST = 12
"""Shout-outs home may show; as many of them as fit are shown."""


def languages_row() -> Content:
    """The kiosk's languages, each by its own name, the one speaking in bold: a tap on
    one, or F8 for the next, chooses it."""
    names = [
        Content.from_markup(
            f"[@click=screen.choose_language('{code}')]$name[/]", name=own_name(code)
        ).stylize("bold underline" if code == language.speaking() else "")
        for code in LANGUAGES
    ]
    return Content("F8  ") + Content(" · ").join(names)


class HomeScreen(KioskScreen):
    """Type a few letters of your name, then Enter. Typing always reaches the search box."""

    CSS_PATH = "home.tcss"
    BINDINGS = [
        CLEAR_SEARCH,
        NEXT_MATCH,
        PREVIOUS_MATCH,
        BOARD,
        WALL,
        REGISTER,
        SHOW_CODES,
        NEXT_CODE,
        HIDE_CODES,
        NEXT_LANGUAGE,
    ]
    # A big screen shows the people and shout-outs side by side, with more of each, and
    # the codes to join beside them; a small one shows the codes on request (F6).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (36, "-tall")]

    def __init__(self) -> None:
        super().__init__()
        self.composed_in = ""
        """The language home's words were last written in."""

    def compose_body(self) -> ComposeResult:
        config = self.app.config
        self.composed_in = language.speaking()
        self.set_class(self.has_codes, "-with-codes")
        with Horizontal(id="columns"):
            with Vertical(id="find"):
                yield Label(_("Type your name to check in or out."), classes="title")
                yield Input(placeholder=_("Your name…"), id="search")
                yield OptionList(id="matches")
                yield Label("", id="search-hint", classes="hint")
                yield Button(_("New here? Register"), id="register", variant="primary")
                yield Label(languages_row(), id="languages", classes="hint")
                yield Static("", id="events")
                if self.has_codes:
                    yield Label(self.codes_hint(), id="codes-hint", classes="hint")
            with Horizontal(id="side"):
                here = HereNow(id="here")
                here.border_title = _("Here now")
                yield here
                latest = ShoutoutFeed(self.app.community, id="latest")
                latest.border_title = _("Latest shout-outs")
                yield latest
            if self.has_codes:
                yield JoinCodes(config.wifi, config.community_url, id="codes")

    @property
    def has_codes(self) -> bool:
        """Whether the config gives a Wi-Fi network or a chat link to join."""
        config = self.app.config
        return config.wifi is not None or bool(config.community_url)

    def codes_hint(self) -> Content:
        config = self.app.config
        if config.wifi is None:
            return Content(_("Our chat online: F6 shows the code to join."))
        if config.community_url:
            return Content(
                _("Wi-Fi: {network}, and our chat: F6 shows the codes.").format(
                    network=config.wifi.ssid
                )
            )
        return Content(
            _("Wi-Fi: {network}. F6 shows the code to join.").format(network=config.wifi.ssid)
        )

    def on_mount(self) -> None:
        self.keep_focus_in_search()
        # Called at once rather than posted: a message to home while it is beneath another
        # screen has Textual redraw the whole of the screen in front.
        self.app.community_changed.subscribe(
            self, lambda _: self.community_changed(), immediate=True
        )
        self.app.search_ready.subscribe(self, lambda _: self.show_matches(self.search_box.value))
        self.show_matches("")

    def keep_focus_in_search(self) -> None:
        # Only the search box takes focus, so typing is never caught elsewhere.
        self.query_one("#matches").can_focus = False
        self.query_one("#register").can_focus = False

    def on_screen_resume(self) -> None:
        # Shown first, or again: who is here and the shout-outs as they are now, in the
        # language of home.
        self.app.speak_at_home()
        self.search_box.focus()
        self.show_community()
        self.call_later(self.speak_again)

    async def speak_again(self) -> None:
        """Write home afresh in the language now speaking, keeping what was typed."""
        if self.composed_in == language.speaking() or self.app.screen is not self:
            return  # beneath another screen, home catches up once shown again
        self.composed_in = language.speaking()  # once, however often it is asked meanwhile
        typed = self.search_box.value
        await self.recompose()
        self.keep_focus_in_search()
        self.search_box.value = typed
        self.show_matches(typed)
        self.show_community()
        self.search_box.focus()
        self.refresh_bindings()

    async def action_next_language(self) -> None:
        shown = LANGUAGES.index(language.speaking())
        await self.action_choose_language(LANGUAGES[(shown + 1) % len(LANGUAGES)])

    async def action_choose_language(self, chosen: str) -> None:
        self.app.choose_language(chosen)
        await self.speak_again()

    def community_changed(self) -> None:
        # Under another screen, home catches up when it is shown again. (Not `is_current`,
        # which also holds for the screen just beneath the one in front.)
        if self.app.screen is self:
            self.show_community()

    @property
    def search_box(self) -> Input:
        return self.query_one("#search", Input)

    def reset(self) -> None:
        """Forget what was typed, and show who is here rather than the codes."""
        self.search_box.value = ""
        # At once, not when the box says it changed: the next person's first keys may
        # come before that, and must never show under the last person's matches.
        self.show_matches("")
        self.search_box.focus()
        self.action_hide_codes()

    @property
    def at_rest(self) -> bool:
        """Nothing typed, nothing asked for, in the kiosk's own language: as home is for the
        next person."""
        return (
            not self.search_box.value
            and not self.has_class("-showing-codes")
            and self.app.chosen_at_door is None
        )

    def take_typing(self, text: str) -> None:
        """Add `text` to the search, where the cursor is, as if typed there."""
        self.search_box.focus()
        self.search_box.insert_text_at_cursor(text)

    def on_key(self, event: events.Key) -> None:
        # Keys that reached the screen missed the search box; send them on to it.
        if event.is_printable and event.character and self.focused is not self.search_box:
            event.stop()
            self.take_typing(event.character)

    def action_clear_search(self) -> None:
        self.reset()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_search":
            return any(box.value for box in self.query("#search").results(Input))
        # A big screen always shows the codes; a small one, on request, instead of people.
        on_request = self.has_codes and not self.has_class("-wide")
        showing = on_request and self.has_class("-showing-codes")
        if action == "show_codes":
            return on_request and not showing
        # One F6 after another shows each code in turn, then the people again.
        more = showing and bool(self.query_one(JoinCodes).waiting)
        if action == "next_code":
            return more
        if action == "hide_codes":
            return showing and not more
        return True

    def on_resize(self) -> None:
        self.refresh_bindings()  # the codes may have come into view, or gone

    def on_join_codes_fitted(self) -> None:
        self.refresh_bindings()  # F6 may now show the next code, or hide them

    def action_show_codes(self) -> None:
        self.add_class("-showing-codes")
        self.refresh_bindings()

    def action_next_code(self) -> None:
        self.query_one(JoinCodes).turn()
        self.refresh_bindings()

    def action_hide_codes(self) -> None:
        self.remove_class("-showing-codes")
        for codes in self.query(JoinCodes):
            codes.rewind()
        self.refresh_bindings()

    # -- finding a member -----------------------------------------------------------

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        self.show_matches(event.value)

    def show_matches(self, query: str) -> None:
        matches = self.query_one("#matches", OptionList)
        hint = self.query_one("#search-hint", Label)
        # Until everyone is read (a moment after the kiosk starts), the box echoes what is
        # typed and says matches are coming, rather than holding every key.
        waiting = bool(query.strip()) and not self.app.community.search_ready
        searched = bool(query.strip()) and not waiting
        found = namesakes_together(self.app.community.search(query)) if searched else []
        matches.set_options(Option(self.match_line(m, found), id=m.id) for m in found)
        matches.display = bool(found)
        if found:
            matches.highlighted = 0
            hint.update(_("↑↓ to choose, Enter to open."))
        elif not query.strip():
            hint.update(_("A few letters are enough; accents and typos are fine."))
        elif waiting:
            hint.update(_("Reading the member list; your matches come in a moment."))
        elif not enough_letters(query):
            hint.update(
                ngettext(
                    "Keep typing: {count} letter or more finds you.",
                    "Keep typing: {count} letters or more find you.",
                    MIN_LETTERS,
                ).format(count=MIN_LETTERS)
            )
        else:
            hint.update(_("Nobody by that name yet. New here? Register below (F4)."))
        self.refresh_bindings()

    def match_line(self, member: Member, found: list[Member]) -> Content:
        """A member's name, what tells them from a namesake, and whether they are here."""
        here = self.app.community.seen_at_door(member) is not None
        return name_line(member, found, self.app.community.zone) + Content.styled(
            "  · " + _("here now") if here else "", "dim"
        )

    def action_move(self, step: int) -> None:
        matches = self.query_one("#matches", OptionList)
        if matches.option_count:
            current = matches.highlighted or 0
            matches.highlighted = (current + step) % matches.option_count

    @on(Input.Submitted, "#search")
    def open_highlighted(self, event: Input.Submitted) -> None:
        matches = self.query_one("#matches", OptionList)
        if matches.highlighted is not None and matches.option_count:
            self.open_member(matches.get_option_at_index(matches.highlighted).id)
        elif is_door_code(event.value):
            # A badge code typed by hand, or a scan so slowed down that it came as typing.
            self.app.take_badge(event.value)

    @on(OptionList.OptionSelected, "#matches")
    def open_selected(self, event: OptionList.OptionSelected) -> None:
        self.open_member(event.option.id)

    def open_member(self, member_id: str | None) -> None:
        if member_id is not None:
            member = self.app.community.member(member_id)
            self.app.speak_to(member)
            self.app.push_screen(MemberScreen(member))

    # -- the rest of home -------------------------------------------------------------

    def show_community(self) -> None:
        community = self.app.community
        here = community.present()
        self.query_one("#here", HereNow).show(
            here, community.unnamed_here(), community.guests_here()
        )
        self.query_one("#latest", ShoutoutFeed).show(community.shoutouts(LATEST))
        lines = [shown.line for shown in community.events_today()]
        events = self.query_one("#events", Static)
        events.update(Content("\n").join(Content(line) for line in lines))
        events.display = bool(lines)

    def action_board(self) -> None:
        self.app.push_screen(BoardScreen())

    def action_wall(self) -> None:
        self.app.push_screen(WallScreen())

    @on(Button.Pressed, "#register")
    def action_register(self) -> None:
        # A name that found nobody is most likely the newcomer's own: it comes along.
        typed = self.search_box.value.strip()
        nobody = not self.app.community.search(typed, limit=1)
        carried = typed if typed and nobody and not is_door_code(typed) else ""
        self.app.push_screen(RegisterScreen(carried))
