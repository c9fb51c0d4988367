"""What a person who only types a name learns at the door: no more than the board shows.

A member here incognito or off the board looks as if they were out, and topics a member
keeps for hosts are not listed, until the member proves who they are (their PIN, or
their badge), which also checks them out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, OptionList, SelectionList

from screens.confirmation import CheckedInScreen, CheckedOutScreen
from screens.member import MemberScreen
from screens.profile import ProfileScreen
from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp
from tests.ui.driving import let_time_pass, scan_badges, settle, shown, stored, type_text, visit_now

ZOE = "m00demo"
"""Zoë Martin, not here yet; usual topics 3D printing and design."""
SAANVI = "m25demo"
"""Saanvi Iyer, who chose to be counted only, not shown on the board; data and chess."""
ZOES_PIN = "tiny-chairs"


async def open_member(pilot: Pilot[None], name: str) -> None:
    await type_text(pilot, name)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, MemberScreen)


async def check_in_by_name(pilot: Pilot[None], name: str) -> None:
    """Type the name, Enter for the member's screen, Enter to check them in as it offers."""
    await open_member(pilot, name)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CheckedInScreen)


async def prove_with_pin(pilot: Pilot[None], name: str, pin: str) -> None:
    """Open the member's screen by name, give their PIN (F6), and come back from their
    profile to their screen."""
    await open_member(pilot, name)
    await pilot.press("f6")
    await type_text(pilot, pin)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ProfileScreen)
    await pilot.press("escape")
    await settle(pilot)
    assert isinstance(pilot.app.screen, MemberScreen)


def listed(pilot: Pilot[None]) -> list[str]:
    """The names home lists for what was typed."""
    matches = pilot.app.screen.query_one("#matches", OptionList)
    return [str(matches.get_option_at_index(i).prompt) for i in range(matches.option_count)]


def head_count(pilot: Pilot[None]) -> int:
    """How many are here, as the strip at the top of the screen says."""
    found = re.search(r"(\d+) here", shown(pilot))
    assert found is not None
    return int(found[1])


def ticked(pilot: Pilot[None]) -> list[str]:
    return [str(t) for t in pilot.app.screen.query_one("#topics", SelectionList).selected]


async def test_a_member_here_incognito_looks_out_to_whoever_types_her_name(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given Zoë, here incognito since 09:00
    stored(demo_data, clock).check_in(ZOE, "incognito")
    clock.advance(hours=2)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # When someone types her name, the list does not say she is here
        await type_text(pilot, "zoe")
        assert "Zoë Martin" in shown(pilot)
        assert "here now" not in shown(pilot)
        # And her screen is the one of a member who is out
        await pilot.press("enter")
        text = shown(pilot)
        assert "Not checked in yet." in text
        assert "incognito" not in text.replace("Here incognito or off the board?", "")
        assert "09:00" not in text
        assert str(app.screen.query_one("#primary", Button).label) == "Check in"


async def test_checking_in_a_member_here_unseen_looks_like_any_check_in(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given Zoë, here incognito since 09:00, and someone who types her name at 11:00
    stored(demo_data, clock).check_in(ZOE, "incognito")
    clock.advance(hours=2)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # When they check her in, as open to chat
        await check_in_by_name(pilot, "zoe")
        # Then the kiosk welcomes her as it welcomes anyone who was out
        assert "Checked in at 11:00 · open to chat" in shown(pilot)
    # And her incognito visit ended then, and a new one began, as a check-in makes
    community = stored(demo_data, clock)
    visit = visit_now(demo_data, clock, ZOE)
    assert (visit.since, visit.status) == (clock.now, "open")
    [earlier] = [v for v in community.store.unfiled_visits() if v.member_id == ZOE]
    assert (earlier.status, earlier.until) == ("incognito", clock.now)


async def test_her_pin_shows_her_incognito_visit_and_enter_checks_her_out(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given Zoë, here incognito since 09:00, with a PIN of her own
    community = stored(demo_data, clock)
    community.set_pin(ZOE, ZOES_PIN)
    community.check_in(ZOE, "incognito")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # When she opens her screen and gives her PIN (F6), then leaves her profile
        await prove_with_pin(pilot, "zoe", ZOES_PIN)
        # Then her screen shows her visit as it is, and Enter checks her out
        assert "Here since 09:00" in shown(pilot)
        assert "incognito" in shown(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CheckedOutScreen)
    assert stored(demo_data, clock).visit_of(ZOE) is None


async def test_her_badge_checks_out_a_member_here_incognito(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    community = stored(demo_data, clock)
    community.check_in(ZOE, "incognito")
    clock.advance(hours=1)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await scan_badges(pilot, community.member(ZOE).badge)
        assert isinstance(app.screen, CheckedOutScreen)
        assert "See you soon, Zoë!" in shown(pilot)
    assert stored(demo_data, clock).visit_of(ZOE) is None


@pytest.mark.parametrize("zoe_is", ["here incognito", "out"])
async def test_checking_a_member_in_by_name_moves_the_head_count_alike_here_unseen_or_out(
    make_app: MakeApp, demo_data: Path, clock: FakeClock, zoe_is: str
) -> None:
    # Given Zoë, here incognito or out, and the demo's nine people here
    if zoe_is == "here incognito":
        stored(demo_data, clock).check_in(ZOE, "incognito")
    clock.advance(hours=2)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # Then the head count is the same whether she is here or not
        assert head_count(pilot) == 9
        # When a passer-by types her name, Enter and Enter
        await check_in_by_name(pilot, "zoe")
        await pilot.press("escape")
        await settle(pilot)
        # Then the count goes up by one either way: it never counted her unseen visit
        assert head_count(pilot) == 10


async def test_topics_kept_for_hosts_are_listed_only_once_she_proves_who_she_is(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given Zoë, who keeps her topics for hosts
    community = stored(demo_data, clock)
    community.edit_member(ZOE, topics=("dolls' houses",), hosts_only=("topics",))
    community.set_pin(ZOE, ZOES_PIN)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # When her name is typed, her topics are not on her screen
        await open_member(pilot, "zoe")
        assert "dolls' houses" not in shown(pilot)
        assert ticked(pilot) == []
        # And once she gave her PIN, they are, ticked as usual
        await pilot.press("escape")
        await prove_with_pin(pilot, "zoe", ZOES_PIN)
        assert ticked(pilot) == ["dolls' houses"]


async def test_checking_in_by_name_keeps_her_usual_topics_though_they_are_not_listed(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    stored(demo_data, clock).edit_member(ZOE, topics=("dolls' houses",), hosts_only=("topics",))
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await check_in_by_name(pilot, "zoe")
    assert visit_now(demo_data, clock, ZOE).topics == ("dolls' houses",)


async def test_the_welcome_after_a_check_in_by_name_uses_nothing_she_keeps_for_hosts(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given Zoë, who keeps for hosts that she could use a hand with home automation,
    # which Kofi, here, is asked about
    community = stored(demo_data, clock)
    community.edit_member(ZOE, looking_for=("home automation",), hosts_only=("looking_for",))
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # When someone types her name and checks her in
        await check_in_by_name(pilot, "zoe")
        # Then her welcome tells them nothing of what she keeps for hosts
        assert "home automation" not in shown(pilot)
        await pilot.press("escape")
        await settle(pilot)
        # While her own badge, which proves it is she, finds her Kofi by it
        clock.advance(minutes=5)
        await scan_badges(pilot, community.member(ZOE).badge)  # out
        await let_time_pass(pilot, 5)
        await scan_badges(pilot, community.member(ZOE).badge)  # and in again
        assert isinstance(app.screen, CheckedInScreen)
        assert "Kofi Boateng (he/him)  can help with home automation" in shown(pilot)


async def test_a_member_off_the_board_who_is_here_looks_out_and_shows_no_topics(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given Saanvi, who keeps off the board, here since 09:00
    stored(demo_data, clock).check_in(SAANVI)
    clock.advance(hours=2)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # When someone types her whole name, her screen tells nothing the board does not
        await open_member(pilot, "saanvi iyer")
        text = shown(pilot)
        assert "Not checked in yet." in text
        assert "chess" not in text
        assert "09:00" not in text


async def test_a_few_letters_are_needed_before_anyone_is_listed(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "zo")
        assert listed(pilot) == []
        assert "Keep typing: 3 letters or more find you." in shown(pilot)
        await type_text(pilot, "e")
        assert listed(pilot) == ["Zoë Martin"]


async def test_a_member_off_the_board_is_listed_for_her_whole_name_only(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "saanvi")
        assert listed(pilot) == []
        await type_text(pilot, " iyer")
        assert listed(pilot) == ["Saanvi Iyer"]


async def test_a_shout_out_written_here_incognito_gives_nothing_away_on_the_wall(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given Zoë, here incognito, who writes a shout-out from her screen
    stored(demo_data, clock).check_in(ZOE, "incognito")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_member(pilot, "zoe")
        await pilot.click("#shoutout")
        await pilot.click("#text")
        await type_text(pilot, "Whoever left the sourdough: thank you")
        await pilot.press("enter")
        await settle(pilot)
        # Then neither home nor the wall shows it while she is here
        assert "sourdough: thank you" not in shown(pilot)
        await pilot.press("f3")
        assert "sourdough: thank you" not in shown(pilot)
        await pilot.press("escape")
        # And once she has left, it is there, of today, never "just now"
        clock.advance(minutes=5)
        app.community.check_out(ZOE)
        app.community_changed.publish(None)
        await pilot.press("f3")
        wall = shown(pilot)
        assert "Whoever left the sourdough: thank you" in wall
        assert "Zoë Martin to everyone · today" in wall
        assert "just now" not in wall and "min ago" not in wall


async def test_a_member_who_registers_off_the_board_is_told_how_the_door_finds_her(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4")
        await type_text(pilot, "Quiet Quentin")
        await pilot.click("#register")  # the board left unticked: counted only
        await settle(pilot)
        assert "Off the board, you find yourself here by your whole name" in shown(pilot)
