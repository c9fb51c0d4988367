"""Today's status is always exactly one choice, by arrow keys or by taps."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widgets import RadioButton, SelectionList

from screens.confirmation import CheckedInScreen
from screens.home import HomeScreen
from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp
from tests.ui.driving import settle, showing, shown, stored, type_text, visit_now


def lit(pilot: Pilot[None]) -> list[str]:
    """The status choices shown as chosen."""
    return [str(b.label) for b in pilot.app.screen.query(RadioButton) if b.value]


async def test_a_member_screen_opens_with_open_to_chat_chosen(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "dmitri")
        await pilot.press("enter")
        await settle(pilot)
        assert lit(pilot) == ["Open to chat"]


async def test_right_then_left_comes_back_to_open(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "dmitri")
        await pilot.press("enter", "right")
        assert lit(pilot) == ["Heads-down"]
        await pilot.press("left")
        assert lit(pilot) == ["Open to chat"]
        await pilot.press("enter")
        await settle(pilot)

        assert isinstance(app.screen, CheckedInScreen)
        assert "Checked in at 09:00 · open to chat" in shown(pilot)
        assert visit_now(demo_data, clock, "m11demo").status == "open"


async def test_the_ends_of_the_row_do_not_wrap_round(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "dmitri")
        await pilot.press("enter")
        # Left of the first choice is nothing: open to chat stays, incognito is not chosen
        await pilot.press("left")
        assert lit(pilot) == ["Open to chat"]
        # and right of the last stays on the last
        await pilot.press("right", "right", "right")
        assert lit(pilot) == ["Incognito"]


async def test_chosen_and_ticked_show_by_shape_not_colour_alone(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # Given Zoë's screen: open to chat, her usual topics ticked, suggestions not
        await type_text(pilot, "zoe")
        await pilot.press("enter")
        await settle(pilot)
        # Then the chosen status alone has a dot in its box
        boxes = {str(b.label): b.render().plain[:3] for b in app.screen.query(RadioButton)}
        assert boxes == {"Open to chat": "▐●▌", "Heads-down": "▐ ▌", "Incognito": "▐ ▌"}
        # and only the ticked topics have an X in theirs
        topics = app.screen.query_one("#topics", SelectionList)
        lines = [topics.render_line(y).text for y in range(topics.option_count)]
        ticked = {line[4:].strip() for line in lines if line.startswith("▐X▌")}
        empty = {line[4:].strip() for line in lines if line.startswith("▐ ▌")}
        assert ticked == {"3D printing", "design"}
        assert "coffee" in empty and len(ticked) + len(empty) == len(lines)
        # When a topic is ticked with a tap, its box gets the X
        coffee = next(y for y, line in enumerate(lines) if line[4:].startswith("coffee"))
        await pilot.click("#topics", offset=(1, coffee))
        await settle(pilot)
        assert topics.render_line(coffee).text.startswith("▐X▌ coffee")


async def test_taps_choose_heads_down_and_then_open_again(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "dmitri")
        await pilot.press("enter")
        await pilot.click("#status .heads-down")
        assert lit(pilot) == ["Heads-down"]
        await pilot.click("#status RadioButton:first-of-type")
        assert lit(pilot) == ["Open to chat"]
        await pilot.click("#primary")
        await settle(pilot)
        assert visit_now(demo_data, clock, "m11demo").status == "open"


async def test_a_member_who_is_here_changes_status_and_topics_and_stays(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "maria jose")
        await pilot.press("enter", "right")
        await pilot.click("#topics", offset=(8, 0))  # "languages" off
        await pilot.press("enter")
        await settle(pilot)

        assert "All set, María!" in shown(pilot)
        visit = visit_now(demo_data, clock, "m01demo")
        assert (visit.status, visit.topics) == ("heads-down", ("gardening",))
        assert visit.since.strftime("%H:%M") == "06:30"


async def test_enter_checks_out_a_member_who_changed_nothing(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "maria jose")
        await pilot.press("enter", "right", "left", "enter")
        await settle(pilot)
        assert "See you soon, María!" in shown(pilot)
        assert stored(demo_data, clock).visit_of("m01demo") is None


async def test_after_a_check_in_elsewhere_the_screen_still_follows_the_choice(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "zoe")
        await pilot.press("enter")
        app.community.check_in("m00demo")
        app.community_changed.publish(None)
        await settle(pilot)
        assert "Here since 09:00" in shown(pilot)
        await pilot.press("right", "enter")
        await settle(pilot)
        assert "All set, Zoë!" in shown(pilot)
        assert visit_now(demo_data, clock, "m00demo").status == "heads-down"


async def test_incognito_is_counted_for_hosts_alone_and_shown_on_no_public_screen(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "zoe")
        await pilot.press("enter", "right", "right")
        assert lit(pilot) == ["Incognito"]
        assert "Counted for the hosts only" in shown(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "Checked in at 09:00 · incognito" in shown(pilot)
        assert visit_now(demo_data, clock, "m00demo").status == "incognito"

        await pilot.press("escape")
        # Counted for the hosts alone: the public count moves as if she were out, and
        # nowhere public names her.
        assert "09:00 · 9 here" in shown(pilot)
        assert "Zoë" not in str(app.screen.query_one("#here").render())
        await type_text(pilot, "zoe")
        assert "Zoë Martin" in shown(pilot)
        assert "here now" not in shown(pilot)
        await pilot.press("escape", "f2")
        assert "Zoë" not in shown(pilot)
        assert "9 people on the board." in shown(pilot)
        assert "not on it" not in shown(pilot)


async def test_keys_in_a_burst_check_in_with_the_status_they_chose(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "dmitri")
        await pilot.press("enter")
        await settle(pilot)
        # When → and Enter arrive at once, as an on-screen keyboard or a macro sends them
        for key in ("right", "enter"):
            app.post_message(events.Key(key, None))
        await pilot.pause()
        await settle(pilot)
        # Then the check-in is with the status → chose
        assert visit_now(demo_data, clock, "m11demo").status == "heads-down"


async def test_a_check_in_elsewhere_as_the_member_leaves_their_screen_is_no_trouble(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "zoe")
        await pilot.press("enter")
        # Zoë is checked in elsewhere in the very moment the kiosk goes back home
        app.community.check_in("m00demo")
        app.community_changed.publish(None)
        app.call_later(app.go_home)
        await settle(pilot)
        assert showing(app.screen, HomeScreen)
        await type_text(pilot, "zoe")
        await pilot.press("enter")
        await settle(pilot)
        assert "Here since 09:00" in shown(pilot)
