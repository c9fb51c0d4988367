"""The kiosk's own colour theme, beside Textual's: high contrast, for a screen read from a
step away, in glare, or by someone who sees contrast poorly.

Every colour text is drawn in stands out from every background it is drawn on by at least
4.5:1, WCAG's AA level for text (tests/ui/test_themes.py works the ratios out), and
Textual's dimmed text as well. White on black, the accents bright.
"""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="high-contrast",
    primary="#ffd60a",
    secondary="#5ac8fa",
    accent="#5ce1e6",
    warning="#ffb020",
    error="#ff7b7b",
    success="#5dff8f",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1c1c1c",
    dark=True,
    variables={
        # Black or white, whichever stands out from the background behind.
        "text": "auto 100%",
        "text-muted": "auto 85%",
        "text-disabled": "auto 72%",
        "foreground-muted": "#d4d4d4",
        "text-primary": "#ffd60a",
        "text-accent": "#5ce1e6",
        "text-warning": "#ffb020",
        "text-error": "#ff7b7b",
        "text-success": "#5dff8f",
        "primary-muted": "#4d4000",
        "success-muted": "#0d3d1c",
        "warning-muted": "#4d3300",
        "error-muted": "#4d1a1a",
        "border": "#ffd60a",
        "border-blurred": "#9a9a9a",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#ffd60a",
        # A list that has not the focus marks its choice in white on dark gold.
        "block-cursor-blurred-foreground": "#ffffff",
        "block-cursor-blurred-background": "#4d4000",
        "input-cursor-foreground": "#000000",
        "input-cursor-background": "#ffffff",
        "input-selection-background": "#5ce1e6",
        "footer-foreground": "#ffffff",
        "footer-background": "#1c1c1c",
        "footer-key-foreground": "#5ce1e6",
        "footer-description-foreground": "#ffffff",
        "scrollbar": "#9a9a9a",
        "scrollbar-background": "#1c1c1c",
    },
)

THEMES = (HIGH_CONTRAST,)
"""Themes the kiosk and the wall board offer besides Textual's own."""
