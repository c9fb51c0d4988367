"""Reading QR codes as a scanner does, with zbarimg (zbar-tools), and drawing SVG to PNG
with rsvg-convert (librsvg2-bin), for tests that prove what the kiosk makes can be read."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

needs_zbarimg = pytest.mark.skipif(
    shutil.which("zbarimg") is None,
    reason="zbarimg is not installed, so QR codes cannot be read back "
    "(apt-get install zbar-tools; CI installs it)",
)
needs_rsvg_convert = pytest.mark.skipif(
    shutil.which("rsvg-convert") is None,
    reason="rsvg-convert is not installed, so SVG cannot be drawn to read its QR codes "
    "(apt-get install librsvg2-bin; CI installs it)",
)


def read_qr_codes(image: Path) -> list[str]:
    """The text of every QR code zbarimg finds in `image` (none: an empty list), as zbarimg
    reads it: right for plain ASCII such as badge codes, a guess for other letters."""
    return _zbarimg(image).decode("utf-8").splitlines()


def read_qr_text(image: Path) -> str:
    """The text of the one QR code in `image`, from its very bytes, which the kiosk writes in
    UTF-8 (zbarimg's own reading guesses their alphabet, and may guess wrong)."""
    assert len(read_qr_codes(image)) == 1, f"not one QR code in {image}"
    # In binary mode zbarimg writes the bytes of all codes as one, hence one code only.
    return _zbarimg(image, "-Sbinary").decode("utf-8")


def _zbarimg(image: Path, *options: str) -> bytes:
    run = subprocess.run(
        ["zbarimg", "--quiet", "--raw", *options, "-Sdisable", "-Sqrcode.enable", str(image)],
        capture_output=True,
        check=False,
    )
    if run.returncode == 4:  # zbarimg's answer for "no code in the image"
        return b""
    assert run.returncode == 0, run.stderr.decode(errors="replace")
    return run.stdout


def drawn_svg(svg: Path, dpi: int = 300) -> Path:
    """`svg` drawn to a PNG beside it, at `dpi` dots an inch, as a printer would."""
    png = svg.with_suffix(".drawn.png")
    subprocess.run(
        ["rsvg-convert", "--dpi-x", str(dpi), "--dpi-y", str(dpi), "-o", str(png), str(svg)],
        capture_output=True,
        check=True,
    )
    return png
