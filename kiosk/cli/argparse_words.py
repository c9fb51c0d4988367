"""argparse's own words (the usage line, the help's headings, its errors about the
command line) in the language the command line speaks.

argparse asks the standard library's gettext for them, in gettext's current domain;
`speak_for_argparse` points that at the kiosk's catalogs, where the words below are
translated with the kiosk's own. gettext picks the language from the same variables the
command line reads (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
"""

from __future__ import annotations

import argparse
import gettext

from kiosk import language
from kiosk.language import N_


def speak_for_argparse() -> None:
    """Let argparse find its words in the kiosk's catalogs."""
    gettext.bindtextdomain(language.DOMAIN, str(language.CATALOGS))
    gettext.textdomain(language.DOMAIN)


def add_help_option(parser: argparse.ArgumentParser) -> None:
    """Add -h and --help to a parser made without them, as argparse adds them itself, in
    its words."""
    parser.add_argument(
        "-h",
        "--help",
        action="help",
        default=argparse.SUPPRESS,
        help=gettext.gettext("show this help message and exit"),
    )


WORDS = (
    N_("usage: "),
    N_("options"),
    N_("positional arguments"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
)
"""The words of argparse a person at the terminal may read, marked for the catalogs."""
