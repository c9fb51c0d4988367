"""A choice about what others see, which only Space or a tap changes."""

from __future__ import annotations

from textual.binding import Binding

from screens.ticks import Tick


class Consent(Tick, inherit_bindings=False):
    """A choice only Space or a tap changes: Enter passes by, so it never opts in by accident."""

    BINDINGS = [Binding("space", "toggle_button", "Toggle", show=False)]
