"""Arguments no command can use: each refused in one line on stderr, exit code 2, nothing
changed, and a long argument never repeated whole."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.access.pin import hash_pin
from tests.cli.conftest import HOSTS_CONFIG
from tests.cli.running import Kiosk, Result

HUGE = "x" * 200_000
"""Far longer than anything typed, and than Linux passes as one argument (128 KiB)."""
COMMANDS = [
    ("present",),
    ("members", "add", "Zoë"),
    ("checkin", "Zoë"),
    ("demo",),
    ("backup",),
    ("doctor",),
]


def everything_in(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def refused_in_one_line(result: Result, code: int = 2) -> str:
    """The one line of the refusal, checked to be that and nothing more."""
    assert (result.code, result.out) == (code, "")
    assert result.err.startswith("kiosk: ")
    assert result.err.count("\n") == 1 and result.err.endswith("\n")
    assert "Traceback" not in result.err
    return result.err.removeprefix("kiosk: ").strip()


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_an_empty_data_folder_path_is_not_taken_for_this_folder(
    kiosk: Kiosk, tmp_path: Path, command: tuple[str, ...]
) -> None:
    # Given a data folder right here, the current folder
    kiosk("--data", ".", "members", "add", "Zoë")
    before = everything_in(tmp_path)
    # When a command is given --data "" (an unset variable in a script, say)
    message = refused_in_one_line(kiosk("--data", "", *command))
    # Then it is refused, and nothing here changed
    assert message == (
        "The path given with --data is empty; please give a data folder, like --data kiosk-data."
    )
    assert everything_in(tmp_path) == before


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_data_folder_path_holding_a_nul_is_refused(
    kiosk: Kiosk, tmp_path: Path, command: tuple[str, ...]
) -> None:
    message = refused_in_one_line(kiosk("--data", "kiosk\0data", *command))
    assert message == (
        "The path given with --data ('kiosk\\x00data') holds a NUL character, which no "
        "path can; please give a data folder, like --data kiosk-data."
    )
    assert list(tmp_path.iterdir()) == [tmp_path / HOSTS_CONFIG]


def test_a_config_path_holding_a_nul_or_nothing_is_refused(kiosk: Kiosk) -> None:
    message = refused_in_one_line(kiosk("--config", "kiosk\0.toml", "present"))
    assert message.startswith("The path given with --config ('kiosk\\x00.toml') holds a NUL")
    message = refused_in_one_line(kiosk("--config", " ", "present"))
    assert message == (
        "The path given with --config is empty; please give a config file, like "
        "--config kiosk.toml."
    )


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_config_data_dir_holding_a_nul_is_refused(
    kiosk: Kiosk, tmp_path: Path, command: tuple[str, ...]
) -> None:
    (tmp_path / "kiosk.toml").write_text('data_dir = "kiosk\\u0000data"\n')
    message = refused_in_one_line(kiosk("--config", "kiosk.toml", *command))
    assert message.startswith("Config file kiosk.toml: 'data_dir' should be a folder path")
    assert message.endswith("not 'kiosk\\x00data'.")


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_data_folder_name_too_long_for_the_system_is_refused(
    kiosk: Kiosk, tmp_path: Path, command: tuple[str, ...]
) -> None:
    message = refused_in_one_line(kiosk("--data", "d" * 300, *command))
    assert message == f"The data folder {'d' * 59}… cannot be used: File name too long."
    assert list(tmp_path.iterdir()) == [tmp_path / HOSTS_CONFIG]


@pytest.mark.parametrize("command", [("doctor",), ("present",), ("checkin", "Zoë")], ids=" ".join)
def test_every_command_refuses_a_file_for_a_data_folder_alike(
    kiosk: Kiosk, tmp_path: Path, command: tuple[str, ...]
) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    message = refused_in_one_line(kiosk("--data", "a-file", *command))
    assert message == "The data folder a-file is a file, not a folder."
    assert (tmp_path / "a-file").read_text() == "not a folder"


# -- long arguments --------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ("checkin", HUGE),
        ("checkout", HUGE),
        ("shoutout", "--from", HUGE, "Hi"),
        ("shoutout", "--from", "Zoë", f"--to={HUGE}", "Hi"),
        ("present", "--data", HUGE),
        ("present", f"--data={HUGE}/"),
        ("present", "--config", HUGE),
        ("demo", "--members", HUGE),
        ("checkin", "Zoë", "--status", HUGE),
        ("present", HUGE),
        (HUGE,),
    ],
    ids=lambda command: " ".join(part[:10] for part in command),
)
def test_a_huge_argument_is_never_repeated_whole(
    no_one_yet: Kiosk, command: tuple[str, ...]
) -> None:
    no_one_yet.add_member("Zoë")
    refused = no_one_yet(*command)
    assert refused.code in (1, 2)
    assert refused.out == ""
    assert refused.err.startswith(("kiosk: ", "usage: kiosk"))
    assert "xxxxxxxxx…" in refused.err
    assert len(refused.err) < 1000


# -- the config file -------------------------------------------------------------


def test_a_pin_hash_others_may_read_is_warned_about_on_every_command(
    kiosk: Kiosk, tmp_path: Path
) -> None:
    # Given a config holding the host PIN hash, readable by everyone on the machine
    config = tmp_path / "kiosk.toml"
    config.write_text(f'host_pin_hash = "{hash_pin("246813")}"\n')
    config.chmod(0o644)
    # When a command runs, it works, and stderr says how to make the file private
    added = kiosk("--config", "kiosk.toml", "members", "add", "Zoë")
    assert added.code == 0
    assert added.err == (
        "kiosk: warning: Config file kiosk.toml holds the host PIN hash, and other users of "
        "this machine can read or change it (mode 644); make it private with "
        "`chmod 600 kiosk.toml`.\n"
    )
    # And once it is private, nothing more is said
    os.chmod(config, 0o600)
    assert kiosk("--config", "kiosk.toml", "present").err == ""
