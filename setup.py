"""The package build compiles the kiosk's message catalogs into the wheel, so an installed
kiosk speaks every language although compiled catalogs are never committed."""

from __future__ import annotations

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithCatalogs(build_py):
    """The packages as usual, and each language's `kiosk.po` compiled beside it."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # an editable install reads the source tree, where `make catalogs` builds
        for source in Path("kiosk/locale").glob("*/LC_MESSAGES/kiosk.po"):
            target = Path(self.build_lib) / source.with_suffix(".mo")
            target.parent.mkdir(parents=True, exist_ok=True)
            with source.open("rb") as po, target.open("wb") as mo:
                write_mo(mo, read_po(po))


setup(cmdclass={"build_py": BuildWithCatalogs})
