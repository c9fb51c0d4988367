"""Everyone can read the kiosk: a high-contrast theme whose text passes WCAG AA against
every background it is drawn on, chosen in the config; a config example that names only
themes there are; and, on the default theme, the field with the focus plain to see.

Contrast is worked out as WCAG 2 defines it, from the theme's own colours (as Textual
derives them): relative luminance from the sRGB channels, then (L1 + 0.05) / (L2 + 0.05).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.color import Color
from textual.constants import DIM_FACTOR
from textual.widget import Widget
from textual.widgets import Input, TextArea

from screens.themes import HIGH_CONTRAST
from tests.conftest import FakeClock
from tests.core.test_config import EXAMPLE
from tests.ui.conftest import MakeApp
from tests.ui.driving import settle, stored, toasts, type_text

AA_TEXT = 4.5
"""WCAG 2 level AA for text of ordinary size."""
AA_NON_TEXT = 3.0
"""WCAG 2 level AA for what shows a state, such as where the focus is."""

TEXT_ON_BACKGROUND = [
    # (text colour, background) as the kiosk's styles and Textual's widgets pair them
    ("foreground", "background"),
    ("text", "background"),
    ("text-muted", "background"),  # hints
    ("text-disabled", "background"),  # placeholders
    ("foreground-muted", "background"),  # quiet cards on the wall
    ("accent", "background"),  # section and panel titles
    ("warning", "background"),  # cautions
    ("success", "background"),  # the greeting
    ("text-success", "background"),  # mentors on the board
    ("text-warning", "background"),  # newcomers on the board
    ("text-accent", "background"),
    ("foreground", "surface"),  # the board's table, fields
    ("text-disabled", "surface"),  # a field's placeholder
    ("foreground", "panel"),  # the board's header, a tick box's label
    ("text", "panel"),  # the wall's footer line
    ("text-muted", "panel"),  # the wall's page number
    ("text", "primary"),  # the masthead, primary buttons
    ("text", "success"),  # check-in buttons
    ("text", "warning"),  # check-out buttons
    ("text", "error"),  # delete buttons
    ("text", "success-muted"),  # a milestone
    ("text", "warning-muted"),  # the host's warnings
    ("foreground", "accent-muted"),  # a compact field with the focus
    ("footer-key-foreground", "footer-background"),
    ("footer-description-foreground", "footer-background"),
    ("block-cursor-foreground", "block-cursor-background"),  # the highlighted choice
    ("block-cursor-blurred-foreground", "block-cursor-blurred-background"),
    ("foreground", "block-cursor-blurred-background"),  # a match highlighted under the search
    ("input-cursor-foreground", "input-cursor-background"),
]
DIMMED = [
    # dimmed words ("· here now", "1 h ago") and the backgrounds they are drawn on
    ("foreground", "background"),
    ("foreground", "surface"),
    ("foreground", "panel"),
    ("foreground", "block-cursor-blurred-background"),
    ("text-muted", "background"),
]


def luminance(color: Color) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(color.r) + 0.7152 * linear(color.g) + 0.0722 * linear(color.b)


def contrast(a: Color, b: Color) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def resolve(value: str, behind: Color) -> Color:
    """A theme colour as drawn over `behind`: "auto 85%" is black or white, whichever
    stands out, at that opacity; a colour with alpha is blended over it."""
    auto = re.fullmatch(r"auto(?: (\d+)%)?", value.strip())
    if auto:
        return behind + behind.get_contrast_text(int(auto.group(1) or 100) / 100)
    return behind + Color.parse(value)


def pair(colors: dict[str, str], text: str, background: str) -> tuple[Color, Color]:
    behind = resolve(colors[background], Color.parse("black"))
    return resolve(colors[text], behind), behind


@pytest.mark.parametrize(("text", "background"), TEXT_ON_BACKGROUND)
def test_high_contrast_text_passes_wcag_aa(text: str, background: str) -> None:
    colors = HIGH_CONTRAST.to_color_system().generate()
    fore, behind = pair(colors, text, background)
    assert contrast(fore, behind) >= AA_TEXT, (fore.hex, behind.hex)


@pytest.mark.parametrize(("text", "background"), DIMMED)
def test_high_contrast_dimmed_text_passes_wcag_aa_too(text: str, background: str) -> None:
    # Textual draws dimmed words a third of the way back towards their background
    colors = HIGH_CONTRAST.to_color_system().generate()
    fore, behind = pair(colors, text, background)
    dimmed = behind.blend(fore, DIM_FACTOR)
    assert contrast(dimmed, behind) >= AA_TEXT, (dimmed.hex, behind.hex)


def test_the_wcag_ratio_is_worked_out_as_the_standard_says() -> None:
    # Known values: black on white is 21:1, a colour on itself 1:1, #767676 on white 4.54
    assert contrast(Color.parse("black"), Color.parse("white")) == pytest.approx(21)
    assert contrast(Color.parse("#777777"), Color.parse("#777777")) == pytest.approx(1)
    assert contrast(Color.parse("#767676"), Color.parse("white")) == pytest.approx(4.54, abs=0.01)


async def test_the_high_contrast_theme_is_chosen_in_the_config(make_app: MakeApp) -> None:
    app = make_app(theme="high-contrast")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert app.theme == "high-contrast"
        assert app.screen.styles.background == Color.parse("#000000")
        assert not any("unknown" in toast for toast in toasts(pilot))


async def test_the_config_example_names_only_themes_there_are(make_app: MakeApp) -> None:
    # The example's theme comment and value, each name quoted
    text = EXAMPLE.read_text(encoding="utf-8")
    block = text[text.index("# The colour theme") : text.index("\ntheme = ")]
    value = re.search(r'^theme = "([^"]+)"', text, re.MULTILINE)
    assert value is not None
    named = {*re.findall(r'"([a-z0-9-]+)"', block), value.group(1)}
    assert "high-contrast" in named
    app = make_app()
    async with app.run_test(size=(80, 24)):
        assert named <= set(app.available_themes)


FIELDS_ON = {
    "register": ["f4"],
    "composer": [*"zoe", "enter", "ctrl+s"],
    "member": [*"zoe", "enter"],
}


@pytest.mark.parametrize("screen", ["register", "composer", "member", "profile"])
async def test_the_field_with_the_focus_is_plain_to_see_on_the_default_theme(
    make_app: MakeApp, demo_data: Path, clock: FakeClock, screen: str
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        if screen == "profile":
            app.open_profile(stored(demo_data, clock).member("m00demo"))
        else:
            await type_text(pilot, "".join(k for k in FIELDS_ON[screen] if len(k) == 1))
            for key in FIELDS_ON[screen]:
                if len(key) > 1:
                    await pilot.press(key)
        await settle(pilot)
        fields: list[Input | TextArea] = [*app.screen.query(Input), *app.screen.query(TextArea)]
        assert fields
        for field in fields:
            app.screen.set_focus(None)
            await pilot.pause()
            blurred = edges(field)
            field.focus()
            await pilot.pause()
            focused = edges(field)
            # Some edge of the field changes colour by at least 3:1 against how it was
            assert max(contrast(a, b) for a, b in zip(blurred, focused, strict=True)) >= (
                AA_NON_TEXT
            ), field.id


def edges(field: Widget) -> list[Color]:
    """The colours of a field's left and top edges as drawn: its border where it has one,
    else its background."""
    styles = field.styles
    background = styles.background
    drawn: list[Color] = []
    for kind, color in (styles.border_left, styles.border_top):
        drawn.append(background + color if kind not in ("", "none", "hidden") else background)
    return drawn
