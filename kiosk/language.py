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

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
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
# Whether the hour of a time of day has two digits, as in CLDR's short time ("HH:mm").
_PADDED_HOUR = {"en": True, "de": True, "fr": True, "es": False}

# The language now speaking. One door, one language: the UI thread switches it, and a
# worker that formats text reads it like any other plain value.
_speaking = ENGLISH
# A language spoken meanwhile in this thread or task alone, whatever the door speaks:
# English for data, the chat's or a member's own language for a message to them.
_meanwhile: ContextVar[str] = ContextVar("meanwhile", default="")


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
    return _meanwhile.get() or _speaking


@contextmanager
def speaking_meanwhile(language: str) -> Iterator[None]:
    """`language` (one of `LANGUAGES`) meanwhile, in this thread alone, whatever the
    kiosk speaks: for a message that leaves the machine in its reader's language, the
    same whichever process or person wrote it."""
    if language not in LANGUAGES:
        raise UnknownLanguage(language)
    token = _meanwhile.set(language)
    try:
        yield
    finally:
        _meanwhile.reset(token)


def as_data() -> AbstractContextManager[None]:
    """English meanwhile, in this thread alone, whatever the kiosk speaks: for text that
    leaves the kiosk as data (a JSON document) and never changes with the language."""
    return speaking_meanwhile(ENGLISH)


def own_name(language: str) -> str:
    """The language's name in itself, as its speakers write it at the start of a line:
    'English', 'Deutsch', 'Français', 'Español'."""
    from babel import Locale

    name = Locale.parse(language).get_display_name(language) or language
    return name[:1].upper() + name[1:]


def gettext(message: str) -> str:
    """`message` in the language now speaking, or as written where its catalog lacks it."""
    # The empty message is the catalog's own header in gettext: it stays empty.
    return _catalog(CATALOGS, speaking()).gettext(message) if message else message


_ = gettext


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message for `count` things, by the plural rules of the language now
    speaking; the message names the number itself, as `{count}`, so it goes where the
    language puts it."""
    return _catalog(CATALOGS, speaking()).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark `message` for the catalogs where it is written, to be translated by `gettext`
    where it is shown: for text written when a module is imported."""
    return message


def either(items: Iterable[str]) -> str:
    """Items as one or the other of them ("Ana, Bo or Cy", "Ana, Bo oder Cy")."""
    from babel import lists as babel_lists

    return babel_lists.format_list(list(items), style="or", locale=_formats())


def number(value: float) -> str:
    """A number as the language now speaking writes it ("1,234.5", "1.234,5")."""
    from babel import numbers as babel_numbers

    return babel_numbers.format_decimal(value, locale=_formats())


def day(value: date, *, with_year: bool = True) -> str:
    """A day in words ("Friday, 11 December 2026", "Freitag, 11. Dezember 2026"); without
    the year where it goes without saying ("Friday 11 December")."""
    from babel import dates as babel_dates

    if with_year:
        return babel_dates.format_date(value, "full", locale=_formats())
    return babel_dates.format_skeleton("MMMMEEEEd", value, locale=_formats())


def short_day(value: date, *, with_year: bool = False, with_weekday: bool = False) -> str:
    """A day and a short month ("11 Dec", "11. Dez."), and the year ("11 Dec 2026") or the
    short weekday ("Fri 11 Dec") if asked."""
    from babel import dates as babel_dates

    skeleton = ("y" if with_year else "") + "MMM" + ("Ed" if with_weekday else "d")
    return babel_dates.format_skeleton(skeleton, value, locale=_formats())


def day_and_month(value: date) -> str:
    """A day and its month in words ("2 January", "2. Januar")."""
    from babel import dates as babel_dates

    return babel_dates.format_skeleton("MMMMd", value, locale=_formats())


def weekday(value: date) -> str:
    """The day of the week in words ("Monday", "Montag")."""
    from babel import dates as babel_dates

    return babel_dates.format_date(value, "EEEE", locale=_formats())


def clock(moment: datetime) -> str:
    """A time of day on the clock, as the wall clock reads it ("09:30", "9:30")."""
    # CLDR's short time of each language is its hour and minutes, the hour padded or not
    # ("HH:mm", "H:mm"): written here, a check-in's time loads none of Babel's tables.
    hour = f"{moment.hour:02d}" if _PADDED_HOUR[speaking()] else str(moment.hour)
    return f"{hour}:{moment.minute:02d}"


def short_weekday(index: int) -> str:
    """The short name of a day of the week, Monday being 0 ("Mon", "Mo.")."""
    return str(_formats().days["format"]["abbreviated"][index])


def weekday_and_clock(moment: datetime) -> str:
    """A short weekday and a time ("Fri 09:30", "Fr., 09:30")."""
    from babel import dates as babel_dates

    return babel_dates.format_skeleton("EHm", moment, tzinfo=moment.tzinfo, locale=_formats())


def short_day_and_clock(moment: datetime) -> str:
    """A day, a short month and a time ("12 Nov, 09:30", "12. Nov., 09:30")."""
    from babel import dates as babel_dates

    # CLDR's pattern for a date and a time together, like "{1}, {0}".
    joined = str(babel_dates.get_datetime_format("short", locale=_formats()))
    return joined.replace("{1}", short_day(moment)).replace("{0}", clock(moment))


def ago(span: timedelta) -> str:
    """How long ago, in the largest unit that is one or more ("3 minutes ago", "vor 3
    Minuten", "6 days ago" rather than "1 week ago")."""
    from babel import dates as babel_dates

    return babel_dates.format_timedelta(
        -max(span, timedelta(0)), threshold=1, add_direction=True, locale=_formats()
    )


def _formats() -> Locale:
    return _locale(_FORMATS_OF.get(speaking(), speaking()))


@cache
def _locale(name: str) -> Locale:
    from babel import Locale

    return Locale.parse(name)


@cache
def _catalog(folder: Path, language: str) -> NullTranslations:
    # English is the source: its catalog exists for translators' tools, and is empty.
    return translation(DOMAIN, folder, [language], fallback=True)
