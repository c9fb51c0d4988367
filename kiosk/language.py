"""The language the kiosk speaks: its words through gettext catalogs, its dates, times and
numbers through Babel.

One language speaks at a time in a process. The kiosk starts in the config's `language`,
the door switches to a member's own language while they are at it and back again after;
the command line speaks one language from start to end. Text is translated when it is
shown, so a string written at import time (a key's label, a constant) is only marked
with `N_` there and passed through `gettext` where it is shown.

Names and what members wrote never go through here: only the kiosk's own words do.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cache
from gettext import NullTranslations, translation
from pathlib import Path
from typing import TYPE_CHECKING

# Babel's formats load CLDR's tables, a cost a command at the door, which prints a few
# words, should not pay: they are imported where a date, time or number is written. The
# catalogs are plain gettext files, which the standard library reads.
if TYPE_CHECKING:
    from babel import Locale

DOMAIN = "kiosk"
"""The catalogs' gettext domain: `locale/<language>/LC_MESSAGES/kiosk.mo`."""
CATALOGS = Path(__file__).parent / "locale"
ENGLISH = "en"
LANGUAGES = ("en", "de", "fr", "es")
"""The languages the kiosk ships a catalog for, English (its source language) first."""

# The kiosk's English writes days and times the British way ("Friday, 11 December 2026",
# "09:30"), as it always has; Babel's bare "en" is American.
_FORMATS_OF = {"en": "en_GB"}

# The language now speaking. One door, one language: the UI thread switches it, and a
# worker that formats text reads it like any other plain value.
_speaking = ENGLISH


class UnknownLanguage(ValueError):
    """A language the kiosk has no catalog for."""


def speak(language: str) -> None:
    """Speak `language` (one of `LANGUAGES`) from now on, in words and in formats."""
    if language not in LANGUAGES:
        raise UnknownLanguage(language)
    global _speaking
    _speaking = language


def speaking() -> str:
    """The language now speaking."""
    return _speaking


def own_name(language: str) -> str:
    """The language's name in itself, as its speakers write it at the start of a line:
    'English', 'Deutsch', 'Français', 'Español'."""
    from babel import Locale

    name = Locale.parse(language).get_display_name(language) or language
    return name[:1].upper() + name[1:]


def gettext(message: str) -> str:
    """`message` in the language now speaking, or as written where its catalog lacks it."""
    # The empty message is the catalog's own header in gettext: it stays empty.
    return _catalog(CATALOGS, _speaking).gettext(message) if message else message


_ = gettext


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message for `count` things, by the plural rules of the language now
    speaking; the message names the number itself, as `{count}`, so it goes where the
    language puts it."""
    return _catalog(CATALOGS, _speaking).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark `message` for the catalogs where it is written, to be translated by `gettext`
    where it is shown: for text written when a module is imported."""
    return message


def number(value: float) -> str:
    """A number as the language now speaking writes it ("1,234.5", "1.234,5")."""
    from babel import numbers as babel_numbers

    return babel_numbers.format_decimal(value, locale=_formats())


def day(value: date) -> str:
    """A day in words ("Friday, 11 December 2026", "Freitag, 11. Dezember 2026")."""
    from babel import dates as babel_dates

    return babel_dates.format_date(value, "full", locale=_formats())


def short_day(value: date) -> str:
    """A day and a short month ("11 Dec", "11. Dez.")."""
    from babel import dates as babel_dates

    return babel_dates.format_skeleton("MMMd", value, locale=_formats())


def clock(moment: datetime) -> str:
    """A time of day on the clock, as the wall clock reads it ("09:30", "9:30")."""
    from babel import dates as babel_dates

    return babel_dates.format_time(moment, "short", tzinfo=moment.tzinfo, locale=_formats())


def weekday_and_clock(moment: datetime) -> str:
    """A short weekday and a time ("Fri 09:30", "Fr., 09:30")."""
    from babel import dates as babel_dates

    return babel_dates.format_skeleton("EHm", moment, locale=_formats())


def ago(span: timedelta) -> str:
    """How long ago, rounded to the one unit that says it ("3 minutes ago", "vor 3 Minuten")."""
    from babel import dates as babel_dates

    return babel_dates.format_timedelta(
        -max(span, timedelta(0)), add_direction=True, locale=_formats()
    )


def duration(span: timedelta) -> str:
    """How long, rounded to the one unit that says it ("3 hours", "3 Stunden")."""
    from babel import dates as babel_dates

    return babel_dates.format_timedelta(max(span, timedelta(0)), locale=_formats())


def _formats() -> Locale:
    return _locale(_FORMATS_OF.get(_speaking, _speaking))


@cache
def _locale(name: str) -> Locale:
    from babel import Locale

    return Locale.parse(name)


@cache
def _catalog(folder: Path, language: str) -> NullTranslations:
    # English is the source: its catalog exists for translators' tools, and is empty.
    return translation(DOMAIN, folder, [language], fallback=True)
