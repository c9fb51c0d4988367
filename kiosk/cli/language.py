"""The language the command line speaks: the one the person's environment asks for, where
the kiosk has a catalog for it, else English.

The variables are read as gettext reads them: LANGUAGE first (a list by preference,
"de:fr"), then the locale's LC_ALL, LC_MESSAGES and LANG, the first one set winning. A
locale of C or POSIX asks for the program's own words, English, whatever LANGUAGE says:
that is how a script asks for output it can read the same everywhere.
"""

from __future__ import annotations

from collections.abc import Mapping

from kiosk.language import ENGLISH, LANGUAGES

_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
_PROGRAMS_OWN = {"C", "POSIX"}


def asked_language(environment: Mapping[str, str]) -> str:
    """The language of `environment`'s locale variables that the kiosk speaks, else English."""
    locale = next((environment[name] for name in _LOCALE_VARIABLES if environment.get(name)), "")
    if _language_part(locale).upper() in _PROGRAMS_OWN:
        return ENGLISH
    preferred = [*environment.get("LANGUAGE", "").split(":"), locale]
    spoken = (code for code in map(_language_part, preferred) if code.lower() in LANGUAGES)
    return next(spoken, ENGLISH).lower()


def _language_part(locale: str) -> str:
    """The language of a locale name: "de" of "de_DE.UTF-8@euro", "C" of "C.UTF-8"."""
    for separator in ("@", ".", "_", "-"):
        locale = locale.split(separator, 1)[0]
    return locale
