"""Keeping the garbage collector's full passes short in an app that runs for weeks.

A full pass walks every object the collector tracks and holds the screen while it does. At
50,000 members most of them are what the app read and built to start, and later the
caches Textual fills as it draws (lines, styles, regions), which live as long as the
cards they draw, and members read again after a filing: the app sets all of that aside
(`gc.freeze`) at start, and again after a full pass that found more than `WALKED` alive,
so that the next ones walk only what was made since. What was set aside and later dropped
is freed as usual unless it is part of a cycle; those wait for the sweep, which the app
calls once a day. Most lines Textual draws are in one (a line of the right length keeps
itself in its own cache), so each card drawn again leaves its old lines to the collector,
and those set aside wait for the sweep: a board at a busy door grew 8 MiB more over 4,500
changes than one that set nothing aside after start, all of it freed by the sweep.
Setting aside more often (after every pass, or at each calm moment) keeps the passes
shorter still, but sets aside more lines soon dropped: 30 MiB over 1,500 changes.
"""

from __future__ import annotations

import gc
from typing import Any

WALKED = 20_000
"""How many objects a full pass may find alive before it sets them aside: a board at a busy
door made that many long-lived ones in about a thousand changes (Textual's caches
filling, members read again), and a pass over 50,000 or more held it up to a third of a
second on a busy machine."""


class SetAside:
    """What the app holds, out of the collector's way until the next sweep."""

    def __init__(self) -> None:
        self.started = False

    def start(self) -> None:
        """Set aside what is there now, and what survives a full pass that found more
        than `WALKED` alive."""
        if not self.started:
            self.started = True
            gc.freeze()
            gc.callbacks.append(self._after_pass)

    def sweep(self) -> None:
        """Walk everything once, to free what was set aside and dropped since, in a cycle:
        a pass as long as a start-up's, for a quiet hour."""
        if self.started:
            gc.unfreeze()
            gc.collect()  # what survives is set aside again, by `_after_pass`

    def stop(self) -> None:
        """Give everything back to the collector: what the app leaves behind is freed."""
        if self.started:
            self.started = False
            gc.callbacks.remove(self._after_pass)
            gc.unfreeze()

    def _after_pass(self, phase: str, info: dict[str, Any]) -> None:
        # Everything the collector tracks has just been found alive: until some of it is
        # dropped, walking it again finds nothing.
        if phase == "stop" and info["generation"] == 2 and len(gc.get_objects(2)) > WALKED:
            gc.freeze()
