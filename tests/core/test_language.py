"""The language the kiosk speaks: switched at run time, its plurals by the language's
rules, its dates, times and numbers as that language writes them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from babel import Locale
from babel.dates import format_time
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from kiosk import language
from kiosk.community.community import Community
from kiosk.errors import Refused
from kiosk.exchange.member_data import member_data


def catalog_with(
    folder: Path, code: str, *messages: tuple[str | tuple[str, str], str | tuple[str, ...]]
) -> None:
    """Compile a catalog of `messages` for `code` into `folder`, as `make catalogs` does."""
    catalog = Catalog(locale=code, domain=language.DOMAIN)
    for msgid, msgstr in messages:
        catalog.add(msgid, msgstr)
    target = folder / code / "LC_MESSAGES" / f"{language.DOMAIN}.mo"
    target.parent.mkdir(parents=True)
    with target.open("wb") as mo:
        write_mo(mo, catalog)


def test_a_sentence_is_in_the_language_speaking_and_back_in_english_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a German catalog that knows one sentence
    catalog_with(tmp_path, "de", ("{name} is here", "{name} ist da"))
    monkeypatch.setattr(language, "CATALOGS", tmp_path)

    # When the kiosk speaks German, then English again
    language.speak("de")
    german = language.gettext("{name} is here").format(name="Ana")
    unknown = language.gettext("Not in the catalog")
    language.speak("en")
    english = language.gettext("{name} is here").format(name="Ana")

    # Then the sentence follows, and a sentence the catalog lacks stays as written
    assert (german, unknown, english) == ("Ana ist da", "Not in the catalog", "Ana is here")


def test_plurals_follow_the_rules_of_the_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given French, where 0 and 1 take the singular (and a round million a form of its own)
    forms = ("{count} visite", "{count} de visites", "{count} visites")
    catalog_with(tmp_path, "fr", (("{count} visit", "{count} visits"), forms))
    monkeypatch.setattr(language, "CATALOGS", tmp_path)
    language.speak("fr")

    # When the kiosk counts visits
    counted = [
        language.ngettext("{count} visit", "{count} visits", n).format(count=n)
        for n in (0, 1, 2, 1000000)
    ]

    # Then each number takes the form French gives it
    assert counted == ["0 visite", "1 visite", "2 visites", "1000000 de visites"]


def test_an_unknown_language_is_refused_and_the_language_speaking_stays() -> None:
    with pytest.raises(language.UnknownLanguage):
        language.speak("xx")
    assert language.speaking() == "en"


def test_each_language_is_offered_by_its_own_name() -> None:
    names = [language.own_name(code) for code in language.LANGUAGES]
    assert names == ["English", "Deutsch", "Français", "Español"]


@pytest.mark.parametrize(
    ("code", "day", "clock", "ago", "number"),
    [
        ("en", "Friday, 11 December 2026", "09:05", "3 minutes ago", "12,345.5"),
        ("de", "Freitag, 11. Dezember 2026", "09:05", "vor 3 Minuten", "12.345,5"),
        ("fr", "vendredi 11 décembre 2026", "09:05", "il y a 3 minutes", "12\u202f345,5"),
        ("es", "viernes, 11 de diciembre de 2026", "9:05", "hace 3 minutos", "12.345,5"),
    ],
)
def test_dates_times_and_numbers_are_written_as_the_language_writes_them(
    code: str, day: str, clock: str, ago: str, number: str
) -> None:
    language.speak(code)
    moment = datetime(2026, 12, 11, 9, 5, tzinfo=UTC)
    written = (
        language.day(date(2026, 12, 11)),
        language.clock(moment),
        language.ago(timedelta(minutes=3)),
        language.number(12345.5),
    )
    assert written == (day, clock, ago, number)


@pytest.mark.parametrize("code", language.LANGUAGES)
def test_a_time_of_day_is_written_as_babel_writes_it(code: str) -> None:
    # Given the kiosk speaking a language, and CLDR's short time in its formats
    language.speak(code)
    locale = Locale.parse({"en": "en_GB"}.get(code, code))
    for hour, minute in ((0, 0), (9, 5), (12, 30), (23, 59)):
        moment = datetime(2026, 12, 11, hour, minute, tzinfo=UTC)
        # Then the kiosk's clock reads as Babel writes the time
        assert language.clock(moment) == format_time(moment, "short", locale=locale)


def test_a_member_s_language_is_kept_with_her_and_in_her_own_data(
    community: Community,
) -> None:
    # Given Ana, who chose Français at the door
    ana = community.add_member("Ana Lopez", ("climbing",))
    community.edit_member(ana.id, language="fr")

    # Then the kiosk keeps it, as read back afresh, and her own data says it
    assert community.member(ana.id).language == "fr"
    assert member_data(community, ana.id)["profile"]["language"] == "fr"


def test_a_language_the_kiosk_does_not_speak_is_refused_politely(community: Community) -> None:
    ana = community.add_member("Ana Lopez", ("climbing",))
    with pytest.raises(Refused) as refused:
        community.edit_member(ana.id, language="tlh")
    assert str(refused.value) == ("The kiosk speaks en, de, fr or es; it has no language “tlh”.")
    assert community.member(ana.id).language == ""
