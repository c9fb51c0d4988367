"""Printable badges: a file for each member and A4 sheets of ten, as SVG or PNG."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from kiosk import badge_svg
from kiosk.badge_layout import BADGES_PER_PAGE, BadgeLayout, Measure, badge_layout
from kiosk.errors import KioskError
from kiosk.models import Member

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
    badge: Callable[[BadgeLayout, Path], None]
    sheet: Callable[[Sequence[BadgeLayout], Path], None]


def write_badges(
    members: Iterable[Member],
    space_name: str,
    folder: Path,
    format: Format = "svg",
    done: Callable[[], None] = lambda: None,
) -> PrintedBadges:
    """Write `badge-<member id>.<format>` for each member with a badge code into `folder`
    (made if missing), then `sheet-1.<format>`, ... holding them ten to an A4 page;
    `done` is called after each member, for a progress bar."""
    drawing = _drawing(format)
    printed = PrintedBadges()
    page: list[BadgeLayout] = []

    def finish_page() -> None:
        path = folder / f"sheet-{len(printed.sheets) + 1}.{format}"
        with _writing(path):
            drawing.sheet(page, path)
        printed.sheets.append(path)
        page.clear()

    with _writing(folder):
        folder.mkdir(parents=True, exist_ok=True)
    for member in members:
        if not member.badge:
            printed.without_code.append(member)
            done()
            continue
        pronouns = member.pronouns if member.shows("pronouns") else ""
        layout = badge_layout(space_name, member.name, pronouns, member.badge, drawing.measure)
        path = folder / f"badge-{member.id}.{format}"
        with _writing(path):
            drawing.badge(layout, path)
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
        from kiosk import badge_png

        return _Drawing(badge_png.measure, badge_png.write_badge_png, badge_png.write_sheet_png)

    def badge(layout: BadgeLayout, path: Path) -> None:
        path.write_text(badge_svg.badge_svg(layout), encoding="utf-8")

    def sheet(layouts: Sequence[BadgeLayout], path: Path) -> None:
        path.write_text(badge_svg.sheet_svg(layouts), encoding="utf-8")

    return _Drawing(None, badge, sheet)


@contextmanager
def _writing(path: Path) -> Iterator[None]:
    """Writing `path`: a failure is told as a sentence a host can act on."""
    try:
        yield
    except OSError as error:
        reason = error.strerror or str(error)
        raise KioskError(
            f"Could not write {path}: {reason}. Check that the folder can be written to "
            "and the disk has room."
        ) from error
