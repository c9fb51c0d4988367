"""argparse's own words (the usage line, the help's headings, its errors about the
command line) in the language the command line speaks.

argparse asks for each of them through the `_` and `ngettext` it took from the standard
library's gettext, which looks for the catalog's file again at every word: some 150
words as a command line's parsers are made, a few milliseconds of every command.
`speak_for_argparse` hands argparse the kiosk's own lookups instead, where the words below
are translated with the kiosk's, in the language it speaks.
"""

from __future__ import annotations

import argparse

from kiosk import language
from kiosk.language import N_, _


def speak_for_argparse() -> None:
    """Let argparse find its words in the kiosk's catalogs."""
    setattr(argparse, "_", language.gettext)  # noqa: B010 (argparse declares neither)
    setattr(argparse, "ngettext", language.ngettext)  # noqa: B010


def add_help_option(parser: argparse.ArgumentParser) -> None:
    """Add -h and --help to a parser made without them, as argparse adds them itself, in
    its words."""
    parser.add_argument(
        "-h",
        "--help",
        action="help",
        default=argparse.SUPPRESS,
        help=_("show this help message and exit"),
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
