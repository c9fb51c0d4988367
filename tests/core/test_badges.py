"""Printed badges: one per member with a code, ten to an A4 sheet, and every QR code on
them read back by a real decoder as exactly the member's badge code."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from kiosk.badges.codes import new_badge_code
from kiosk.badges.layout import badge_layout
from kiosk.badges.sheets import Format, write_badges
from kiosk.errors import KioskError
from kiosk.models import Member
from tests.conftest import START
from tests.qr_reading import drawn_svg, needs_rsvg_convert, needs_zbarimg, read_qr_codes

SVG = "{http://www.w3.org/2000/svg}"
NAMES = [
    "Zoë Martin",
    "María José Pérez",
    "Oluwaseun Adeyemi",
    "陳美玲",
    "Дмитрий Волков",
    "Siobhán O'Connor",
    "Jean-Luc Christopherson-Vandermeulen",
    "Hubert Blaine Wolfeschlegelsteinhausenbergerdorff Senior of the Many Names",
]


def member(number: int, name: str, badge: str | None = None, **profile: Any) -> Member:
    code = new_badge_code() if badge is None else badge
    return Member(f"m{number:06x}", name, START, badge=code, **profile)


def texts_in(svg: Path) -> list[str]:
    """The lines of text of an SVG, as a viewer reads them (entities decoded)."""
    root = ElementTree.parse(svg).getroot()
    return [element.text or "" for element in root.iter(f"{SVG}text")]


def test_each_member_with_a_code_gets_a_badge_and_each_sheet_holds_ten(tmp_path: Path) -> None:
    with_code = [member(n, f"Member {n}") for n in range(21)]
    without = [member(100, "Ana Lima", badge=""), member(101, "Bo Berg", badge="")]
    counted: list[None] = []

    printed = write_badges(
        [*with_code[:5], without[0], *with_code[5:], without[1]],
        "Makerspace North",
        tmp_path / "out",
        done=lambda: counted.append(None),
    )

    assert printed.badges == [tmp_path / "out" / f"badge-{m.id}.svg" for m in with_code]
    assert printed.sheets == [tmp_path / "out" / f"sheet-{page}.svg" for page in (1, 2, 3)]
    assert printed.without_code == without
    assert all(path.is_file() for path in [*printed.badges, *printed.sheets])
    assert len(counted) == 23
    codes_on_sheets = [
        [text for text in texts_in(sheet) if "-" in text] for sheet in printed.sheets
    ]
    assert codes_on_sheets == [
        [f"{m.badge[:5]}-{m.badge[5:]}" for m in with_code[page : page + 10]]
        for page in (0, 10, 20)
    ]


def test_a_badge_shows_the_space_the_name_the_pronouns_and_the_code(tmp_path: Path) -> None:
    zoe = member(1, "Zoë Martin", badge="7G4KQ9ZX2M", pronouns="she/her")
    (badge,) = write_badges([zoe], "Makerspace North", tmp_path).badges
    shown = texts_in(badge)
    assert shown[0] == "Makerspace North"
    assert " ".join(shown[1:-2]) == "Zoë Martin"
    assert shown[-2:] == ["she/her", "7G4KQ-9ZX2M"]


@pytest.mark.parametrize(
    "profile",
    [{"hosts_only": frozenset({"pronouns"})}, {"on_board": False}],
    ids=["pronouns for hosts only", "not on the board"],
)
def test_pronouns_kept_from_public_view_are_not_printed(
    tmp_path: Path, profile: dict[str, Any]
) -> None:
    zoe = member(1, "Zoë Martin", pronouns="she/her", **profile)
    (badge,) = write_badges([zoe], "Makerspace North", tmp_path).badges
    assert "she/her" not in texts_in(badge)


def test_names_are_printed_as_text_never_as_markup(tmp_path: Path) -> None:
    name = '<b>Zoë</b> & "Co" </svg>'
    space = "Hack & Make <North>"
    (badge,) = write_badges([member(1, name, pronouns="<they>")], space, tmp_path).badges
    shown = texts_in(badge)  # it parses: nothing in a name broke the document
    assert shown[0] == space
    assert " ".join(shown[1:-2]) == name
    assert shown[-2] == "<they>"


def test_a_long_name_is_shortened_with_an_ellipsis_and_a_short_one_kept_whole() -> None:
    long_name = " ".join(["Wolfeschlegelsteinhausenbergerdorff"] * 2 + ["Senior"] * 8)
    long = badge_layout("Makerspace North", long_name, "", "7G4KQ9ZX2M")
    short = badge_layout("Makerspace North", "Ana", "", "7G4KQ9ZX2M")
    assert long.texts[-2].text.endswith("…")
    assert [text.text for text in short.texts] == ["Makerspace North", "Ana", "7G4KQ-9ZX2M"]


@needs_zbarimg
@needs_rsvg_convert
@pytest.mark.parametrize("format", ["svg", "png"])
def test_every_badge_reads_back_as_its_members_code(tmp_path: Path, format: Format) -> None:
    members = [member(n, name) for n, name in enumerate(NAMES)]
    printed = write_badges(members, "Makerspace North", tmp_path, format)
    for path, each in zip(printed.badges, members, strict=True):
        image = drawn_svg(path) if format == "svg" else path
        assert read_qr_codes(image) == [each.badge]


@needs_zbarimg
@needs_rsvg_convert
@pytest.mark.parametrize("format", ["svg", "png"])
def test_every_badge_on_a_sheet_reads_back(tmp_path: Path, format: Format) -> None:
    members = [member(n, f"{NAMES[n % len(NAMES)]}") for n in range(12)]
    printed = write_badges(members, "Makerspace North", tmp_path, format)
    first, second = (drawn_svg(s, dpi=150) if format == "svg" else s for s in printed.sheets)
    assert sorted(read_qr_codes(first)) == sorted(m.badge for m in members[:10])
    assert sorted(read_qr_codes(second)) == sorted(m.badge for m in members[10:])


@needs_rsvg_convert
@pytest.mark.parametrize("format", ["svg", "png"])
def test_no_text_reaches_into_the_light_margin_scanners_need(
    tmp_path: Path, format: Format
) -> None:
    members = [member(n, name, pronouns="they/them") for n, name in enumerate(NAMES)]
    printed = write_badges(members, "Makerspace North", tmp_path, format)
    for path, each in zip(printed.badges, members, strict=True):
        image = Image.open(drawn_svg(path, dpi=150) if format == "svg" else path).convert("L")
        layout = badge_layout("Makerspace North", each.name, "", each.badge)
        dots = (150 if format == "svg" else 300) / 25.4
        # From the badge's left edge to where the code's first dark modules begin, at the
        # height of the code: paper, or text, but nothing beside the code may be dark.
        margin_left = round(layout.qr_x * dots) + 2
        margin_right = round((layout.qr_x + 4 * layout.qr_module) * dots) - 2
        top = round(layout.qr_y * dots) + 2
        bottom = round((layout.qr_y + len(layout.modules) * layout.qr_module) * dots) - 2
        margin = image.crop((margin_left, top, margin_right, bottom))
        darkest, _ = margin.getextrema()  # one band: grey
        assert isinstance(darkest, int | float)
        assert darkest > 200, f"{each.name} reaches into the margin ({format})"


def test_a_folder_that_cannot_be_made_is_explained(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("a file, not a folder")
    with pytest.raises(KioskError) as error:
        write_badges([member(1, "Zoë Martin")], "North", tmp_path / "taken")
    assert str(error.value) == (
        f"Not saved: {tmp_path / 'taken'} could not be written (File exists). Nothing was changed."
    )
