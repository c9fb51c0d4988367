"""The shipped catalogs: each translates every message of the template, none fuzzy, and
fills in the same placeholders as the English it translates."""

from __future__ import annotations

import re

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from kiosk import language

TEMPLATE = language.CATALOGS / "kiosk.pot"
TRANSLATED = ("de", "fr", "es")
FINISHED: tuple[str, ...] = ("de", "fr", "es")
"""The languages whose translators are done; the others may still lack entries."""
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def catalog(code: str) -> Catalog:
    with (language.CATALOGS / code / "LC_MESSAGES" / f"{language.DOMAIN}.po").open("rb") as po:
        return read_po(po, locale=code)


def template() -> Catalog:
    with TEMPLATE.open("rb") as pot:
        return read_po(pot)


def forms(message: Message) -> list[str]:
    """A message's translations: one, or a form for each plural."""
    if isinstance(message.string, str):
        return [message.string]
    return list(message.string or ())


def being_translated(code: str) -> object:
    if code in FINISHED:
        return code
    return pytest.param(
        code, marks=pytest.mark.xfail(strict=False, reason="its translators are at work")
    )


@pytest.mark.parametrize("code", [being_translated(code) for code in TRANSLATED])
def test_every_message_is_translated_and_none_is_fuzzy(code: str) -> None:
    shipped = catalog(code)
    untranslated = [
        message.id
        for message in template()
        if message.id
        and (
            (found := shipped.get(message.id)) is None
            or found.fuzzy
            or not all(form.strip() for form in forms(found))
        )
    ]
    assert not untranslated, f"{code} lacks {len(untranslated)}: {untranslated[:10]}"


@pytest.mark.parametrize("code", [*TRANSLATED, language.ENGLISH])
def test_every_catalog_holds_the_template_s_messages_and_no_others(code: str) -> None:
    # `make messages` brings each catalog up to date with the template.
    ids = {message.id for message in template() if message.id}
    assert {message.id for message in catalog(code) if message.id} == ids


@pytest.mark.parametrize("code", TRANSLATED)
def test_a_translation_fills_in_the_placeholders_of_its_english(code: str) -> None:
    wrong = []
    for message in catalog(code):
        if not message.id:
            continue
        english = message.id if isinstance(message.id, str) else message.id[-1]
        wanted = set(PLACEHOLDER.findall(english))
        for form in forms(message):
            # A singular may say "one" for {count}; it never asks for what is not given.
            given = set(PLACEHOLDER.findall(form))
            if form and (given - wanted or (isinstance(message.id, str) and given != wanted)):
                wrong.append((message.id, form))
    assert not wrong, f"{code}: placeholders differ from the English: {wrong}"


def test_the_catalogs_are_compiled_for_the_kiosk() -> None:
    # Built by `make setup` (and by the package build): the kiosk reads these.
    for code in language.LANGUAGES:
        compiled = language.CATALOGS / code / "LC_MESSAGES" / f"{language.DOMAIN}.mo"
        assert compiled.is_file(), f"{compiled} is missing: run `make catalogs`"
