"""QR codes as a grid of modules, for badges on paper and codes on the kiosk's screen."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

Correction = Literal["M", "Q", "H"]
"""How much of a code may be damaged and still read: 15%, 25% or 30%."""

Modules = tuple[tuple[bool, ...], ...]
"""Rows of modules, True where the module is dark."""

_LEVELS = {"M": 0, "Q": 3, "H": 2}
"""qrcode's numbers for the levels (its ERROR_CORRECT_M, _Q and _H)."""


@lru_cache(maxsize=64)
def qr_modules(data: str, correction: Correction = "M", quiet: int = 4) -> Modules:
    """The smallest QR code holding `data`, with a light margin `quiet` modules wide
    (scanners want four; a screen gets by with two)."""
    # Late: qrcode brings Pillow with it, which no other command needs.
    import qrcode

    code = qrcode.QRCode(error_correction=_LEVELS[correction], border=quiet)
    code.add_data(data)
    code.make(fit=True)
    return tuple(tuple(bool(module) for module in row) for row in code.get_matrix())


def half_block_lines(modules: Modules) -> list[str]:
    """The code as text, two rows of modules a line: dark is the character's ink
    ('▀' top, '▄' bottom, '█' both), so it must be shown dark on light."""
    lines = []
    for top in range(0, len(modules), 2):
        upper = modules[top]
        lower = modules[top + 1] if top + 1 < len(modules) else (False,) * len(upper)
        lines.append("".join(_HALF_BLOCKS[up, down] for up, down in zip(upper, lower, strict=True)))
    return lines


_HALF_BLOCKS = {
    (False, False): " ",
    (True, False): "▀",
    (False, True): "▄",
    (True, True): "█",
}
