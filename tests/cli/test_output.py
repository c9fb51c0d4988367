"""Nothing the command line prints can steer the terminal, whatever the data folder or the
arguments hold; listings in JSON stay valid."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.running import Kiosk, Result
from tests.core.unseen import unseen

HOSTILE = "\x1b]0;PWNED\x07\x1b[2J"
"""Retitles the terminal window, then clears the screen."""


def harmless(result: Result) -> bool:
    """No control character but the line break, nothing that cannot be seen."""
    return not any(unseen(c) and c != "\n" for c in result.out + result.err)


def test_a_hostile_name_put_in_the_data_by_hand_prints_harmlessly(
    no_one_yet: Kiosk, tmp_path: Path
) -> None:
    # Given a member whose name someone edited on disk into an escape sequence
    ada = no_one_yet.add_member("Ada Lovelace")
    assert no_one_yet("checkin", ada).code == 0
    assert no_one_yet("shoutout", "--from", ada, "Hello").code == 0
    [members] = [
        path
        for path in (tmp_path / "kiosk-data" / "members").glob("*.json")
        if '"name":"Ada Lovelace"' in path.read_text()
    ]
    members.write_text(
        members.read_text().replace("Ada Lovelace", json.dumps(f"Ada{HOSTILE}")[1:-1])
    )
    assert "\\u001b]0;PWNED" in members.read_text()

    # When the host lists members, who is here and the shout-outs, in text and in JSON
    for command in (
        ("members", "list"),
        ("present",),
        ("shoutouts",),
        ("members", "list", "--json"),
        ("present", "--json"),
        ("shoutouts", "--json"),
        ("checkout", ada),
    ):
        shown = no_one_yet(*command)
        # Then nothing printed can steer the terminal, and the name is still there
        assert shown.code == 0, shown.err
        assert harmless(shown), (command, shown)
        assert "Ada]0;PWNED[2J" in shown.out


@pytest.mark.parametrize(
    "command",
    [
        ("checkin", HOSTILE),
        ("shoutout", "--from", "Ada", "--to", HOSTILE, "Hi"),
        ("present", "--data", HOSTILE),
        ("present", "--config", HOSTILE),
        ("checkin", "Ada", "--status", HOSTILE),
        ("demo", "--members", HOSTILE),
        (HOSTILE,),
    ],
    ids=["member", "to", "data", "config", "status", "count", "command"],
)
def test_a_hostile_argument_is_repeated_harmlessly(
    no_one_yet: Kiosk, command: tuple[str, ...]
) -> None:
    no_one_yet.add_member("Ada")
    refused = no_one_yet(*command)
    assert refused.code in (1, 2)
    assert "]0;PWNED" in refused.err
    assert harmless(refused), refused.err


def test_help_is_printed_as_plain_text(kiosk: Kiosk) -> None:
    shown = kiosk("--help")
    assert shown.code == 0
    assert shown.out.startswith("usage: kiosk")
    assert harmless(shown)
