"""QR codes as modules, and as text two rows of modules a line."""

from __future__ import annotations

from kiosk.badges.qr import half_block_lines, qr_modules


def test_a_badge_code_fits_the_smallest_qr_code_with_the_margin_asked_for() -> None:
    # Version 1 is 21 modules a side; its finder squares start dark in the corners.
    modules = qr_modules("7G4KQ9ZX2M", "H", quiet=4)
    assert len(modules) == 21 + 2 * 4
    assert all(len(row) == len(modules) for row in modules)
    assert not any(modules[3]) and not any(row[3] for row in modules)
    assert modules[4][4] and modules[4][-5] and modules[-5][4]


def test_each_line_holds_two_rows_dark_as_ink() -> None:
    T, F = True, False
    modules = ((T, F, T, F), (T, T, F, F), (F, T, F, F))
    assert half_block_lines(modules) == ["█▄▀ ", " ▀  "]
