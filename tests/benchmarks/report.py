"""The bench's report: one table (metric, ours, baseline, ratio, target, ok), and the same
rows as JSON for comparing one run with another."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from tests.benchmarks.figures import Figure, amount


@dataclass(slots=True)
class Row:
    """One line of the table.

    `limit` bounds what `check` names: the ratio ours/baseline (of medians; the default
    with a baseline), or our own median (the default without) or max. No limit: it
    informs.
    """

    metric: str
    ours: Figure
    baseline: Figure | None = None
    limit: float | None = None
    target: str = ""
    check: Literal["ratio", "median", "max"] | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or not self.baseline.samples or not self.ours.samples:
            return None
        return self.ours.median / self.baseline.median

    @property
    def ok(self) -> bool | None:
        if self.limit is None or not self.ours.samples:
            return None
        check = self.check or ("ratio" if self.baseline is not None else "median")
        if check == "ratio":
            ratio = self.ratio
            return None if ratio is None else ratio <= self.limit
        return (self.ours.high if check == "max" else self.ours.median) <= self.limit

    def cells(self) -> tuple[str, str, str, str, str, str]:
        ratio = self.ratio
        ok = {None: "", True: "yes", False: "NO"}[self.ok]
        return (
            self.metric,
            self.ours.cell() if self.ours.samples else "(not measured)",
            "" if self.baseline is None else self.baseline.cell(),
            "" if ratio is None else amount(ratio, "x"),
            self.target,
            ok,
        )

    def as_json(self) -> dict[str, object]:
        return {
            "metric": self.metric,
            "ours": self.ours.as_json(),
            "baseline": None if self.baseline is None else self.baseline.as_json(),
            "ratio": self.ratio,
            "target": self.target,
            "ok": self.ok,
            "note": self.note,
        }


def versus(metric: str, ours: Figure, baseline: Figure, limit: float | None = None) -> Row:
    """Ours against a baseline; `limit`, if any, bounds the ratio of their medians."""
    return Row(metric, ours, baseline, limit, "" if limit is None else f"<= {limit:g}x")


def bound(
    metric: str,
    ours: Figure,
    limit: float,
    target: str,
    check: Literal["median", "max"] = "median",
) -> Row:
    """Ours against a limit of its own: on its median, or on every round (`max`)."""
    return Row(metric, ours, None, limit, target, check)


@dataclass(slots=True)
class Section:
    """Rows about one question, under a heading; notes say what was measured and how."""

    title: str
    rows: list[Row]
    notes: list[str]


HEADER = ("metric", "ours", "baseline", "ratio", "target", "ok")


def table(sections: list[Section]) -> str:
    lines = [row.cells() for section in sections for row in section.rows]
    widths = [max(len(cells[i]) for cells in [HEADER, *lines]) for i in range(len(HEADER))]

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    out = [line(HEADER), "  ".join("-" * w for w in widths)]
    for section in sections:
        out.append(f"== {section.title}")
        out += [line(row.cells()) for row in section.rows]
        out += [f"   note: {note}" for note in section.notes]
    return "\n".join(out)


def summary(sections: list[Section]) -> tuple[int, int, list[str]]:
    """Targets met, targets measured, and the metrics of those missed."""
    rows = [row for section in sections for row in section.rows if row.ok is not None]
    missed = [row.metric for row in rows if not row.ok]
    return len(rows) - len(missed), len(rows), missed


def write_json(path: Path, sections: list[Section], about: dict[str, object]) -> None:
    document = {
        **about,
        "sections": [
            {
                "title": section.title,
                "notes": section.notes,
                "rows": [row.as_json() for row in section.rows],
            }
            for section in sections
        ],
    }
    path.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n")
