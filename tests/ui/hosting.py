"""Driving the host console in tests: opening it with the host PIN."""

from __future__ import annotations

from textual.pilot import Pilot

from screens.host.console import ConsoleScreen
from tests.ui.driving import PIN, settle, type_text


async def open_console(pilot: Pilot[None], tab: str = "") -> None:
    """Press the host key, type the host PIN, and open `tab`'s key (like "f6") if given."""
    await pilot.press("f9")
    await settle(pilot)
    await type_text(pilot, PIN)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ConsoleScreen)
    if tab:
        await pilot.press(tab)
        await settle(pilot)
