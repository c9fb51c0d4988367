"""docs/architecture.md draws the code as it is: every file it names exists, and every
wing it draws is a package with a docstring saying what it holds."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")


def test_every_file_the_document_names_exists() -> None:
    named = set(re.findall(r"`((?:kiosk|screens)/[\w/]+(?:\.py)?)`", DOC))
    assert named, "the document names no file"
    missing = sorted(path for path in named if not (ROOT / path).exists())
    assert missing == []


def test_every_wing_drawn_is_a_package_that_says_what_it_holds() -> None:
    wings = re.findall(r"^\| `(kiosk/\w+)/` \|", DOC, re.MULTILINE)
    assert len(wings) >= 8
    for wing in wings:
        init = ROOT / wing / "__init__.py"
        assert init.is_file(), wing
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), wing


def test_every_package_of_the_core_is_drawn() -> None:
    packages = {f"kiosk/{path.parent.name}" for path in (ROOT / "kiosk").glob("*/__init__.py")}
    drawn = set(re.findall(r"^\| `(kiosk/\w+)/` \|", DOC, re.MULTILINE))
    assert packages == drawn
