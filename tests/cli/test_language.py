"""The command line speaks the language the environment asks for, where the kiosk has a
catalog for it, and English otherwise; its JSON is the same in every language."""

from __future__ import annotations

import re

import pytest
from babel import Locale

from kiosk.cli.language import asked_language
from tests.cli.running import Kiosk
from tests.cli.test_help import HELPS


@pytest.mark.parametrize(
    ("environment", "language"),
    [
        ({}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "fr_CA"}, "fr"),
        ({"LC_MESSAGES": "es_ES.UTF-8@euro", "LANG": "de_DE.UTF-8"}, "es"),
        ({"LC_ALL": "de_AT.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"}, "de"),
        ({"LANG": "it_IT.UTF-8"}, "en"),
        ({"LANGUAGE": "it:fr:de", "LANG": "it_IT.UTF-8"}, "fr"),
        ({"LANGUAGE": "pt_BR", "LANG": "de_DE.UTF-8"}, "de"),
        ({"LANGUAGE": "de", "LANG": "C"}, "en"),
        ({"LANGUAGE": "de", "LC_ALL": "POSIX", "LANG": "fr_FR"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": ""}, "en"),
    ],
)
def test_the_language_asked_for_is_spoken_where_the_kiosk_has_it(
    environment: dict[str, str], language: str
) -> None:
    assert asked_language(environment) == language


@pytest.mark.parametrize(
    ("variable", "value", "answer"),
    [
        ("LANG", "de_DE.UTF-8", "⟦Nobody is here right now.⟧\n"),
        ("LC_MESSAGES", "de_CH", "⟦Nobody is here right now.⟧\n"),
        ("LANGUAGE", "de", "⟦Nobody is here right now.⟧\n"),
        ("LANG", "sv_SE.UTF-8", "Nobody is here right now.\n"),
        ("LANG", "C", "Nobody is here right now.\n"),
        ("LC_ALL", "POSIX", "Nobody is here right now.\n"),
    ],
)
def test_a_terminal_reads_the_kiosk_in_its_language_where_there_is_a_catalog(
    no_one_yet: Kiosk,
    every_word_marked: str,
    monkeypatch: pytest.MonkeyPatch,
    variable: str,
    value: str,
    answer: str,
) -> None:
    # Given a terminal that asks for a language, and a German catalog
    monkeypatch.setenv(variable, value)
    # When a host asks who is here in a community where nobody is
    answered = no_one_yet("present")
    # Then the answer is German from the catalog, or the kiosk's own English
    assert (answered.code, answered.out) == (0, answer)


def test_a_german_terminal_gets_help_in_german(
    kiosk: Kiosk, every_word_marked: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    shown = kiosk("checkin", "--help")
    assert "⟦check a member in⟧" in shown.out


def test_a_german_terminal_gets_the_usage_and_its_errors_in_german_too(
    kiosk: Kiosk, every_word_marked: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a German terminal
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    # When a host leaves out what an event needs
    refused = kiosk("events", "add")
    # Then argparse's own words come through the catalogs too, the usage line's and the
    # error's
    assert refused.code == 2
    assert refused.err.startswith("⟦usage: ⟧kiosk events add")
    assert "⟦the following arguments are required: TITLE, --at⟧" in refused.err


def json_commands(member: str) -> list[list[str]]:
    """Every command whose help offers --json, a member given to those that take one."""
    commands = []
    for command, help in HELPS.items():
        usage = help.splitlines()[0]
        if "[--json]" in usage:
            takes_member = usage.endswith(" MEMBER")
            commands.append([*command.split(), "--json", *([member] if takes_member else [])])
    return commands


def test_json_is_the_same_byte_for_byte_in_every_language(
    kiosk: Kiosk, every_word_marked: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given the demo community, and a German catalog where every marked word shows
    assert kiosk("demo").code == 0
    member = kiosk("members", "list", "--json").json()[0]["id"]
    commands = json_commands(member)
    assert len(commands) == 11
    for command in commands:
        # When a script asks for JSON from a German terminal and from a C one
        monkeypatch.setenv("LANG", "de_DE.UTF-8")
        german = kiosk(*command)
        monkeypatch.setenv("LANG", "C")
        plain = kiosk(*command)
        # Then both get the same bytes
        assert (german.code, german.err) == (0, ""), command
        assert german.out.encode() == plain.out.encode(), command


BRACKETED = re.compile(r"⟦[^⟦⟧]*⟧")
WORD = re.compile(r"[^\W\d_]{3,}")


def unmarked_words(text: str, data: set[str], codes: list[str]) -> set[str]:
    """The words of `text` that came through no catalog and are neither the community's
    own data, nor part of a badge code, nor a path in the data folder: what a terminal in
    another language would read in English."""
    while BRACKETED.search(text):
        text = BRACKETED.sub(" ", text)
    text = re.sub(r"\S*kiosk-data\S*", " ", text)
    return {
        word
        for word in WORD.findall(text)
        if word.casefold() not in data and not any(word.casefold() in code for code in codes)
    }


def words_of(value: object) -> set[str]:
    """Every word in the strings of a JSON value (not its keys), folded."""
    if isinstance(value, dict):
        return words_of(list(value.values()))
    if isinstance(value, list):
        return set().union(set(), *map(words_of, value))
    return {word.casefold() for word in WORD.findall(str(value))}


# argparse's own words in a help come from Python's gettext, which ships no catalog.
ARGPARSES_OWN = {"usage", "options", "positional", "arguments", "show", "this", "help", "message"}
ARGPARSES_OWN |= {"and", "exit"}
# The days and months of the dates Babel writes in the language: the calendar's words.
GERMAN = Locale.parse("de")
CALENDAR = {
    name.casefold()
    for names in (GERMAN.days["format"]["wide"], GERMAN.months["format"]["wide"])
    for name in names.values()
}


def usage_of(help: str) -> str:
    """The usage a help begins with: the command, its options, their values and choices."""
    return help.partition("\n\n")[0]


def test_everything_the_commands_say_comes_through_the_catalogs(
    kiosk: Kiosk, every_word_marked: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given the demo community, and a German catalog where every marked word shows
    assert kiosk("demo").code == 0
    member = kiosk("members", "list", "--json").json()[0]
    # The community's own words (names, topics, shout-outs, the config's texts) and, in
    # a help, the program's (its commands, options and their values) are never translated.
    data = set().union(*(words_of(kiosk(*c).json()) for c in json_commands(member["id"])))
    usages = set().union(*(words_of(usage_of(help)) for help in HELPS.values()))
    # The visits export's columns are a file format's, read by other programs.
    header = kiosk("export", "visits", "--from", "today").out.partition("\n")[0]
    data |= words_of(header) | {"kiosk"}
    codes = [m["badge"].casefold() for m in kiosk("members", "list", "--json").json()]
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    # When a host runs the commands that answer in sentences and tables
    commands = [
        *([*command.split(), "--help"] for command in HELPS),
        ["present"],
        ["members", "list"],
        ["members", "show", member["id"]],
        ["shoutouts", "--all"],
        ["question", "show", "--all"],
        ["roll-call"],
        ["outbox"],
        ["inductions", "list"],
        ["events"],
        ["invitations"],
        ["agreements"],
        ["close-day", "--dry-run", "--now"],
        ["checkout", member["id"]],
        ["checkin", member["id"]],
        ["checkin", member["id"]],
        ["checkin", "Nobody Of That Name"],
        ["members", "edit", member["id"], "--pronouns", "they/them"],
        ["contacts", member["id"], "--from", "last week"],
        ["doctor"],
        ["backup"],
    ]
    unmarked = {}
    for command in commands:
        said = kiosk(*command)
        known = usages | ARGPARSES_OWN if "--help" in command else CALENDAR
        words = unmarked_words(said.out + said.err, data | known, codes)
        if words:
            unmarked[" ".join(command)] = sorted(words)
    # Then every word they say comes through the catalogs
    assert unmarked == {}
