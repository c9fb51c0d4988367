"""The `kiosk` fixture: the command run in-process, in a temporary folder, on the test clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from kiosk import language
from tests.cli.running import Kiosk

LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

HOSTS_CONFIG = Path("kiosk.toml")
"""The config the `kiosk` fixture finds in its folder."""


@pytest.fixture(autouse=True)
def no_language_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command runs as for a terminal that asks for no language (so in English),
    whatever the shell running the tests asks for; a test sets the variables it means."""
    for name in LANGUAGE_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def every_word_marked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A German catalog that gives every marked string of the template back between
    ⟦ and ⟧, in place of the shipped ones (whose translations are the translators').
    Yields the language's code: what the command says through the catalogs shows
    bracketed; what it says unmarked does not."""
    folder = tmp_path_factory.mktemp("catalogs")
    with (language.CATALOGS / "kiosk.pot").open("rb") as template:
        catalog = read_po(template, locale="de")
    for message in catalog:
        if not message.id:
            continue  # the header
        if isinstance(message.id, tuple | list):
            message.string = tuple(f"⟦{form}⟧" for form in message.id)
        else:
            message.string = f"⟦{message.id}⟧"
    target = folder / "de" / "LC_MESSAGES" / f"{language.DOMAIN}.mo"
    target.parent.mkdir(parents=True)
    with target.open("wb") as mo:
        write_mo(mo, catalog)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(language, "CATALOGS", folder)
        yield "de"


@pytest.fixture
def kiosk(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Kiosk:
    """The kiosk command, run in tmp_path with the `clock` fixture's time (as every test
    has). There it finds the host's config, kiosk.toml, with every setting as it comes,
    so its data folder is tmp_path/kiosk-data; a test of the defaults removes it."""
    monkeypatch.chdir(tmp_path)
    HOSTS_CONFIG.write_text("# Every setting as it comes.\n")
    return Kiosk(capsys)


@pytest.fixture
def no_one_yet(kiosk: Kiosk, tmp_path: Path) -> Kiosk:
    """The kiosk command on a data folder that exists but holds nobody yet."""
    (tmp_path / "kiosk-data").mkdir()
    return kiosk
