"""A progress bar on the terminal, for commands that take a while."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import TextIO

Progress = Callable[[int, int], None]
"""Called with (pieces of work done, pieces in all) as long work goes on."""


class ProgressBar:
    """'Badges [##########..........] 150/300' on one line of `stream`, redrawn as work is
    done and wiped at the end, so the messages after it start on a clean line."""

    def __init__(self, label: str, total: int, stream: TextIO, width: int = 30) -> None:
        self._label = label
        self._total = max(total, 1)
        self._stream = stream
        self._width = width
        self._done = 0
        self._shown = ""

    def __enter__(self) -> ProgressBar:
        self._draw()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stream.write("\r" + " " * len(self._shown) + "\r")
        self._stream.flush()

    def advance(self) -> None:
        """One more piece of work is done."""
        self._done += 1
        # Redrawn each hundredth of the way, not for each piece: a terminal is slow too.
        if self._done * 100 // self._total != (self._done - 1) * 100 // self._total:
            self._draw()

    def reached(self, done: int, total: int) -> None:
        """So much of the work is done, of a total that may since be known better."""
        self._done, self._total = done, max(total, 1)
        self._draw()

    def _draw(self) -> None:
        filled = self._width * min(self._done, self._total) // self._total
        line = f"{self._label} [{'#' * filled}{'.' * (self._width - filled)}] "
        line += f"{self._done}/{self._total}"
        if line != self._shown:
            self._stream.write("\r" + line)
            self._stream.flush()
            self._shown = line


@contextmanager
def progress_shown(label: str, stream: TextIO) -> Iterator[Progress | None]:
    """A `Progress` that draws a bar on `stream` while a person watches it (a terminal);
    None when nobody does (a pipe, a file, cron), so nothing is drawn there."""
    if not stream.isatty():
        yield None
        return
    with ProgressBar(label, 1, stream) as bar:
        yield bar.reached
