"""The footer names the same keys for the same things on every screen, and messages meant
for one person do not follow the next one home."""

from __future__ import annotations

from textual.pilot import Pilot

from tests.ui.conftest import MakeApp
from tests.ui.driving import settle, toasts, type_text


def footer(pilot: Pilot[None]) -> list[str]:
    """The key and label of each command the footer shows."""
    return [str(key.render()).strip() for key in pilot.app.screen.query("FooterKey")]


async def test_done_reads_the_same_after_checking_in_and_out(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "zoe")
        await pilot.press("enter", "enter")
        await settle(pilot)
        after_check_in = footer(pilot)
        await pilot.press("escape")
        await type_text(pilot, "zoe")
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert "See you soon" in str(app.screen.query_one("#greeting").render())
        # The welcome adds the question of the week; the rest reads the same.
        assert footer(pilot) == [key for key in after_check_in if "Answer" not in key]
        assert any("Done" in key for key in after_check_in)
        assert any(key.startswith("tab") and "Answer" in key for key in after_check_in)


async def test_the_member_footer_names_what_enter_does(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "zoe")
        await pilot.press("enter")
        assert any(key.endswith("Check in") for key in footer(pilot))
        assert not any("Check out" in key for key in footer(pilot))


async def test_no_message_follows_the_member_home(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await type_text(pilot, "zoe")
        await pilot.press("enter", "ctrl+s")
        await type_text(pilot, "Thanks all")
        await pilot.press("enter")
        await settle(pilot)
        assert "Thanks all" in str(app.screen.query_one("#latest").render())
        assert toasts(pilot) == []
