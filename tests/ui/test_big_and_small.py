"""Home, the welcome and the board fit a small 80x24 terminal and use a big 160x48 one."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from screens.confirmation import CheckedInScreen
from screens.here_now import TOPICS_FROM_WIDTH
from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp
from tests.ui.driving import everyone_here, let_time_pass, settle, shown, stored, type_text


def on_screen(pilot: Pilot[None], selector: str) -> bool:
    """Whether the widget is wholly inside the terminal."""
    region = pilot.app.screen.query_one(selector).region
    return bool(region) and pilot.app.screen.region.contains_region(region)


async def test_a_small_home_lists_whole_names_then_how_many_more(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    everyone_here(demo_data, clock)
    community = stored(demo_data, clock)
    long = community.add_member("Maximiliane Wolfeschlegelsteinhausen-Bergerdorff")
    clock.advance(minutes=1)  # the latest to arrive, so the first on home
    community.check_in(long.id, "heads-down")
    app = make_app()
    async with app.run_test(size=(80, 24)):
        box = app.screen.query_one("#here")
        here = str(box.render()).splitlines()
        width, height = box.content_size
        assert len(here) <= height and all(len(line) <= width for line in here)
        # A guest is here, on the board's Guests card, and one member keeps off the board:
        # each counted for what they are, not named
        assert here[-2:] == ["+ 1 guest (F2)", "+ 1 more here, not on the board"]
        here = here[:-2]
        assert here[-1].startswith("…and ") and here[-1].endswith(" more (F2)")
        listed = len(here) - 1
        assert here[-1] == f"…and {30 - listed} more (F2)"
        assert here[0].startswith("Maximiliane Wolfesch…")
        names = {m.name for m in stored(demo_data, clock).members()}
        # Each line starts with someone's whole name.
        assert all(any(line.startswith(name) for name in names) for line in here[1:-1])


async def test_a_big_home_gives_the_people_here_the_room(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    everyone_here(demo_data, clock)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        assert app.screen.query_one("#here").size.width >= TOPICS_FROM_WIDTH
        assert "…and" not in str(app.screen.query_one("#here").render())
        assert "Kofi Boateng  electronics, Python" in shown(pilot)
        feed = str(app.screen.query_one("#latest").render())
        assert all(s.text[:20] in feed for s in stored(demo_data, clock).shoutouts())


async def test_the_small_home_shows_only_whole_shout_out_cards(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        feed = app.screen.query_one("#latest")
        lines = str(feed.render()).splitlines()
        assert len(lines) <= feed.content_size.height
        # Each card says how long ago it was written beside who wrote it, never alone on
        # a line of its own, and no line holds two spaces running
        assert lines[:2] == ["▎ Hiroshi Tanaka to Zoë Martin", "▎ 1 h ago · Thanks for fixing the"]
        assert "6 h ago" in shown(pilot)
        for line in lines:
            words = line.removeprefix("▎ ")
            assert not words.startswith("·") and "  " not in words.strip()


async def test_a_welcome_with_thirty_here_fits_and_stays_while_read(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    everyone_here(demo_data, clock)
    stored(demo_data, clock).check_out("m29demo")
    app = make_app(confirmation_seconds=6)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "kofi")
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CheckedInScreen)
        assert on_screen(pilot, "#countdown")
        assert on_screen(pilot, "#done")
        text = shown(pilot)
        # Kofi is learning 3D printing, which Hiroshi mentors in: he comes first.
        suggested = text.split("People here you might connect with\n")[1].splitlines()
        assert (
            suggested[0] == "Hiroshi Tanaka (he/him)  mentors in 3D printing, which you're learning"
        )
        assert len([line for line in suggested if "you both like" in line]) == 2
        await pilot.press("space")
        await let_time_pass(pilot, 30)  # far past the countdown, within the idle time
        assert isinstance(app.screen, CheckedInScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, CheckedInScreen)
