"""Printable badges: a file for each member and A4 sheets of ten, as SVG or PNG."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from kiosk.badges import svg as badge_svg
from kiosk.badges.layout import BADGES_PER_PAGE, BadgeLayout, Measure, badge_layout
from kiosk.models import Member
from kiosk.storage.files import make_folder, write_atomically

Format = Literal["svg", "png"]
FORMATS: tuple[Format, ...] = ("svg", "png")


@dataclass(slots=True)
class PrintedBadges:
    """What `write_badges` wrote, and who it left out."""

    badges: list[Path] = field(default_factory=list)
    sheets: list[Path] = field(default_factory=list)
    without_code: list[Member] = field(default_factory=list)
    """Members with no badge code yet, who got no badge."""


@dataclass(frozen=True, slots=True)
class _Drawing:
    measure: Measure | None
    badge: Callable[[BadgeLayout], bytes]
    sheet: Callable[[Sequence[BadgeLayout]], bytes]


def write_badges(
    members: Iterable[Member],
    space_name: str,
    folder: Path,
    format: Format = "svg",
    done: Callable[[], None] = lambda: None,
) -> PrintedBadges:
    """Write `badge-<member id>.<format>` for each member with a badge code into `folder`
    (made if missing), then `sheet-1.<format>`, ... holding them ten to an A4 page;
    `done` is called after each member, for a progress bar.

    A badge code checks its member in and opens their profile, so every file is written
    as the data folder's are: for its owner alone, whole, and never through a link
    planted at its name; a folder made for them is its owner's alone too.
    """
    drawing = _drawing(format)
    printed = PrintedBadges()
    page: list[BadgeLayout] = []

    def finish_page() -> None:
        path = folder / f"sheet-{len(printed.sheets) + 1}.{format}"
        write_atomically(path, drawing.sheet(page))
        printed.sheets.append(path)
        page.clear()

    make_folder(folder)
    for member in members:
        if not member.badge:
            printed.without_code.append(member)
            done()
            continue
        pronouns = member.pronouns if member.shows("pronouns") else ""
        layout = badge_layout(space_name, member.name, pronouns, member.badge, drawing.measure)
        path = folder / f"badge-{member.id}.{format}"
        write_atomically(path, drawing.badge(layout))
        printed.badges.append(path)
        page.append(layout)
        if len(page) == BADGES_PER_PAGE:
            finish_page()
        done()
    if page:
        finish_page()
    return printed


def _drawing(format: Format) -> _Drawing:
    if format == "png":
        # Late, so that SVG badges (and every other command) never load Pillow.
        from kiosk.badges import png as badge_png

        return _Drawing(badge_png.measure, badge_png.badge_png, badge_png.sheet_png)

    def badge(layout: BadgeLayout) -> bytes:
        return badge_svg.badge_svg(layout).encode()

    def sheet(layouts: Sequence[BadgeLayout]) -> bytes:
        return badge_svg.sheet_svg(layouts).encode()

    return _Drawing(None, badge, sheet)
