"""First-timers register at the kiosk in under a minute."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Checkbox, Input, Label

from screens.member import MemberScreen
from screens.register import RegisterScreen
from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp
from tests.ui.driving import settle, shown, stored, type_text


async def test_a_newcomer_registers_and_can_check_in_right_away(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4")
        assert isinstance(app.screen, RegisterScreen)
        await type_text(pilot, "Ada Lovelace")
        await pilot.click("#topics")
        await type_text(pilot, "maths, poetry")
        await pilot.click("#on-board")
        await pilot.click("#register")
        await settle(pilot)

        assert isinstance(app.screen, MemberScreen)
        assert app.screen.member.name == "Ada Lovelace"
        ada = stored(demo_data, clock).find("Ada Lovelace")
        assert (ada.topics, ada.on_board) == (("maths", "poetry"), True)

        await pilot.press("enter")
        await settle(pilot)
        assert "Welcome, Ada! Great to have you here." in shown(pilot)
        assert stored(demo_data, clock).visit_of(ada.id) is not None


async def test_the_board_choice_is_off_until_the_newcomer_turns_it_on(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4")
        assert app.screen.query_one("#on-board", Checkbox).value is False
        await type_text(pilot, "Private Person")
        await pilot.press("enter")  # Enter moves on to the topics, then the board choice
        assert app.focused is app.screen.query_one("#topics")
        await pilot.press("enter")
        assert app.focused is app.screen.query_one("#on-board")
        await pilot.click("#register")
        await settle(pilot)
        assert stored(demo_data, clock).find("Private Person").on_board is False


async def test_enter_through_the_form_registers_without_opting_in(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4")
        await type_text(pilot, "Private Person")
        await pilot.press("enter")
        await type_text(pilot, "chess")
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MemberScreen)
        assert stored(demo_data, clock).find("Private Person").on_board is False


async def test_space_opts_in_and_enter_then_registers(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4")
        await type_text(pilot, "Public Person")
        await pilot.press("enter", "enter", "space", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MemberScreen)
        assert stored(demo_data, clock).find("Public Person").on_board is True


async def test_a_name_like_an_existing_member_gets_a_warning(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4")
        await type_text(pilot, "zoe martn")
        assert "Already a member: Zoë Martin." in shown(pilot)


async def test_a_name_is_required_and_nothing_is_stored_without_one(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4")
        await pilot.click("#register")
        await settle(pilot)
        assert isinstance(app.screen, RegisterScreen)
        assert "Please enter a name." in shown(pilot)
        assert app.focused is app.screen.query_one("#name")
        assert len(stored(demo_data, clock).members()) == 30


async def test_an_overlong_name_is_explained(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4")
        await type_text(pilot, "N" * 85)
        await pilot.click("#register")
        await settle(pilot)
        assert "85 characters, and at most 80 fit" in shown(pilot)
        assert len(stored(demo_data, clock).members()) == 30


async def test_namesakes_in_the_warning_are_told_apart(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    community = stored(demo_data, clock)
    community.add_member("Sam Lee", ("chess",))
    clock.advance(minutes=1)  # the longer-standing member is listed first
    community.add_member("Sam Lee", ("pottery",))
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4")
        await type_text(pilot, "sam lee")
        await settle(pilot)
        assert "Already a member: Sam Lee (chess); Sam Lee (pottery)." in shown(pilot)
        assert "I'm not Sam Lee: register me as someone new" in shown(pilot)


async def test_a_name_that_found_nobody_at_the_start_comes_along_to_the_form(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # Given a newcomer who typed their name and was found by nobody
        await type_text(pilot, "Ada Lovelace")
        assert "Nobody by that name yet" in shown(pilot)
        # When they press F4, as the hint says
        await pilot.press("f4")
        # Then the form has their name, ready to go on from
        assert isinstance(app.screen, RegisterScreen)
        name = app.screen.query_one("#name", Input)
        assert name.value == "Ada Lovelace" and app.focused is name
        assert name.cursor_position == len("Ada Lovelace")


async def test_the_new_here_button_carries_the_name_too(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "Grace Hopper")
        await pilot.click("#register")
        assert app.screen.query_one("#name", Input).value == "Grace Hopper"


async def test_a_name_that_found_someone_is_not_carried(make_app: MakeApp) -> None:
    # It is someone else's: the newcomer starts from an empty name
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "zoe")
        await pilot.press("f4")
        assert app.screen.query_one("#name", Input).value == ""


async def test_the_board_choice_says_what_it_means_in_one_line(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        means = app.screen.query_one("#board-means", Label)
        assert str(means.render()) == (
            "There people can find you and say hi; if not, you are only counted."
        )
        assert means.size.height == 1


async def test_enter_never_registers_someone_a_second_time(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        # Given Zoë, already a member, who pressed F4 and typed her name
        await pilot.press("f4")
        await type_text(pilot, "Zoë Martin")
        assert "Already a member: Zoë Martin." in shown(pilot)
        # When she presses Enter all the way through the form, and again
        await pilot.press("enter", "enter", "enter", "enter", "enter")
        await settle(pilot)
        # Then nobody is registered, and the choice to register anyway is in front of her
        assert isinstance(app.screen, RegisterScreen)
        assert len(stored(demo_data, clock).similar_names("Zoë Martin")) == 1
        someone_else = app.screen.query_one("#someone-else", Checkbox)
        assert app.focused is someone_else and someone_else.value is False
        assert str(someone_else.label) == "I'm not Zoë Martin: register me as someone new"


async def test_a_namesake_registers_with_the_labelled_choice(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # Given a second Zoë Martin, new here
        await pilot.press("f4")
        await type_text(pilot, "Zoë Martin")
        await pilot.press("enter")
        await type_text(pilot, "knitting")
        # When she says she is not the one already a member, then registers
        await pilot.click("#someone-else")
        await pilot.click("#register")
        await settle(pilot)
        # Then there are two Zoë Martins, the new one with her own topics
        assert isinstance(app.screen, MemberScreen)
        zoes = stored(demo_data, clock).similar_names("Zoë Martin")
        assert sorted(zoe.topics for zoe in zoes) == [("3D printing", "design"), ("knitting",)]


async def test_a_choice_made_about_one_name_does_not_hold_for_another(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4")
        await type_text(pilot, "Zoë Martin")
        await pilot.click("#someone-else")
        assert app.screen.query_one("#someone-else", Checkbox).value is True
        await pilot.click("#name")
        await pilot.press("end", *["backspace"] * len("Zoë Martin"))
        await type_text(pilot, "Kofi Boateng")
        someone_else = app.screen.query_one("#someone-else", Checkbox)
        assert someone_else.value is False
        assert str(someone_else.label) == "I'm not Kofi Boateng: register me as someone new"


async def test_the_warning_names_only_whom_the_door_would_find(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given Olga off the board and Pat, whose membership is paused
    community = stored(demo_data, clock)
    community.add_member("Olga Off", ("knitting",), on_board=False)
    pat = community.add_member("Pat Paused", ("chess",))
    community.set_active(pat.id, False)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4")
        # When a passer-by types a name one letter short of Olga's, or Pat's whole name
        for typed in ("Olga Of", "Pat Paused"):
            await pilot.press("ctrl+u")  # the name field emptied
            await type_text(pilot, typed)
            await settle(pilot)
            # Then neither is named: the door would find neither
            assert "Already a member" not in shown(pilot), typed
        # But Olga's whole name, which finds her at the door, warns as before
        await pilot.press("ctrl+u")
        await type_text(pilot, "olga off")
        await settle(pilot)
        assert "Already a member: Olga Off." in shown(pilot)
