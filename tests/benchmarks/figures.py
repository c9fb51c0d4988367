"""Figures: repeated measurements summed up as a median with its min and max, and rounds
that take turns between the things compared, so a noisy neighbour slows each alike."""

from __future__ import annotations

import gc
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

ROUNDS = 15
"""Measured rounds of every figure, unless it says otherwise."""
WARMUP = 2
"""Rounds run first and reported apart: caches filled, code paths taken once."""

Unit = Literal["s", "B", "x"]


@dataclass(slots=True)
class Figure:
    """What was measured, round by round; `warmup` rounds are kept apart."""

    samples: list[float] = field(default_factory=list)
    warmup: list[float] = field(default_factory=list)
    unit: Unit = "s"

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def low(self) -> float:
        return min(self.samples)

    @property
    def high(self) -> float:
        return max(self.samples)

    def cell(self) -> str:
        """'12.3 ms (10.1 ms-20.5 ms, n=15)'; a single sample is shown alone."""
        if len(self.samples) == 1:
            return f"{amount(self.samples[0], self.unit)} (n=1)"
        return (
            f"{amount(self.median, self.unit)} ({amount(self.low, self.unit)}-"
            f"{amount(self.high, self.unit)}, n={len(self.samples)})"
        )

    def as_json(self) -> dict[str, object]:
        summary: dict[str, object] = {"unit": self.unit, "samples": self.samples}
        if self.samples:
            summary |= {"median": self.median, "min": self.low, "max": self.high}
        if self.warmup:
            summary["warmup"] = self.warmup
        return summary


def amount(value: float, unit: Unit) -> str:
    """A value for a person to read: seconds as s or ms, bytes as MiB."""
    if unit == "B":
        return f"{value / 2**20:.1f} MiB"
    if unit == "x":
        return f"{value:.2f}x" if value >= 0.1 else f"{value:.2g}x"
    if value >= 1:
        return f"{value:.2f} s"
    if value >= 0.1:
        return f"{value * 1000:.0f} ms"
    if value >= 0.01:
        return f"{value * 1000:.1f} ms"
    return f"{value * 1000:.2f} ms"


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


Case = Callable[[], dict[str, float]]
"""One thing done once a round, returning what it measured, by name."""


def interleaved(
    cases: list[Case], rounds: int = ROUNDS, warmup: int = WARMUP, unit: Unit = "s"
) -> dict[str, Figure]:
    """Run each case once a round, in a turning order, `warmup` rounds first.

    Each case measures itself, so that what it prepares stays out of its figures. The
    garbage collector runs between cases, not during them. Whatever the preparation left
    unwritten is flushed to the disk first, so that it does not slow the first rounds.
    """
    os.sync()
    figures: dict[str, Figure] = {}
    for number in range(warmup + rounds):
        turn = number % len(cases)
        for case in cases[turn:] + cases[:turn]:
            gc.collect()
            for name, value in case().items():
                figure = figures.setdefault(name, Figure(unit=unit))
                (figure.warmup if number < warmup else figure.samples).append(value)
    return figures
