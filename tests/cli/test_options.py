"""`--config FILE` and `--data DIR`, before or after any command, and bad configs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.running import Kiosk


def write(path: Path, toml: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(toml, encoding="utf-8")
    return path


def member_names(kiosk: Kiosk, *options: str) -> list[str]:
    return [m["name"] for m in kiosk("members", "list", "--json", *options).json()]


# -- --data --------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("--data", "elsewhere", "members", "add", "Zoë"),
        ("members", "--data", "elsewhere", "add", "Zoë"),
        ("members", "add", "Zoë", "--data", "elsewhere"),
        ("members", "add", "--data=elsewhere", "Zoë"),
    ],
)
def test_data_may_come_before_or_after_the_command(
    kiosk: Kiosk, tmp_path: Path, args: tuple[str, ...]
) -> None:
    assert kiosk(*args).code == 0
    assert member_names(kiosk, "--data", "elsewhere") == ["Zoë"]
    assert not (tmp_path / "kiosk-data").exists()


# (what must be done first, the command)
COMMANDS = {
    "members list": ((), ("members", "list")),
    "checkin": ((), ("checkin", "Zoë")),
    "checkout": (("checkin", "Zoë"), ("checkout", "Zoë")),
    "present": ((), ("present",)),
    "shoutout": ((), ("shoutout", "--from", "Zoë", "Hi")),
    "shoutouts": ((), ("shoutouts",)),
}


@pytest.mark.parametrize("where", ["before", "after"])
@pytest.mark.parametrize(("first", "command"), COMMANDS.values(), ids=COMMANDS.keys())
def test_every_command_takes_data_before_or_after_it(
    kiosk: Kiosk, tmp_path: Path, first: tuple[str, ...], command: tuple[str, ...], where: str
) -> None:
    # Given Zoë in the data folder d
    kiosk("--data", "d", "members", "add", "Zoë")
    if first:
        kiosk("--data", "d", *first)
    # When the command is given --data d
    ran = kiosk(*(("--data", "d", *command) if where == "before" else (*command, "--data", "d")))
    # Then it works on d, and the default folder is never made
    assert (ran.code, ran.err) == (0, "")
    assert not (tmp_path / "kiosk-data").exists()


def test_data_wins_over_the_configs_data_dir(kiosk: Kiosk, tmp_path: Path) -> None:
    config = write(tmp_path / "etc" / "kiosk.toml", 'data_dir = "from-config"')
    kiosk("--config", str(config), "--data", "from-option", "members", "add", "Zoë")
    assert member_names(kiosk, "--data", "from-option") == ["Zoë"]
    assert not (tmp_path / "etc" / "from-config").exists()


def test_a_data_folder_that_is_a_file_is_explained(kiosk: Kiosk, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    refused = kiosk("present", "--data", "a-file")
    assert (refused.code, refused.out) == (2, "")
    assert refused.err == "kiosk: The data folder a-file is a file, not a folder.\n"


def test_a_mistyped_data_folder_is_not_made_by_a_command_that_only_reads(
    kiosk: Kiosk, tmp_path: Path
) -> None:
    refused = kiosk("present", "--data", "kiosk-dta")
    assert (refused.code, refused.out) == (2, "")
    assert refused.err == (
        "kiosk: There is no data folder at kiosk-dta. Start one with `kiosk demo` or "
        "`kiosk members add NAME`, or give the right folder with --data.\n"
    )
    assert not (tmp_path / "kiosk-dta").exists()


# -- --config ------------------------------------------------------------------


def test_a_relative_data_dir_is_beside_the_config_file(kiosk: Kiosk, tmp_path: Path) -> None:
    # Given a config in etc/ that keeps data in "data"
    config = write(tmp_path / "etc" / "kiosk.toml", 'data_dir = "data"\n')
    # When a member is added from the folder above, config before or after the command
    assert kiosk("--config", "etc/kiosk.toml", "members", "add", "Zoë").code == 0
    assert kiosk("members", "add", "Björn", "--config", str(config)).code == 0
    # Then both went to etc/data, not ./data
    assert list((tmp_path / "etc" / "data" / "members").glob("*.json"))
    assert not (tmp_path / "data").exists()
    assert member_names(kiosk, "--data", "etc/data") == ["Björn", "Zoë"]


def test_the_configs_capacity_is_kept(kiosk: Kiosk, tmp_path: Path) -> None:
    config = str(write(tmp_path / "kiosk.toml", "capacity = 1\n"))
    kiosk("members", "add", "Ada", "--config", config)
    kiosk("members", "add", "Bob", "--config", config)
    assert kiosk("checkin", "Ada", "--config", config).code == 0
    refused = kiosk("checkin", "Bob", "--config", config)
    assert refused.code == 1
    assert refused.err == "kiosk: The space is full (1 person). Please check with a host.\n"


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            "idle_timout = 30\n",
            "unknown key 'idle_timout'. Known keys: space_name, data_dir, idle_timeout,",
        ),
        (
            'capacity = "ten"\n',
            "'capacity' should be a whole number of people, 0 for no limit, not 'ten'.",
        ),
        ('space_name = "North\n', "is not valid TOML: "),
    ],
)
def test_a_bad_config_stops_every_command_with_exit_code_2(
    kiosk: Kiosk, tmp_path: Path, toml: str, message: str
) -> None:
    write(tmp_path / "kiosk.toml", toml)
    for command in (("present",), ("members", "add", "Zoë"), ("demo",)):
        refused = kiosk("--config", "kiosk.toml", *command)
        assert (refused.code, refused.out) == (2, "")
        assert refused.err.startswith("kiosk: Config file kiosk.toml")
        assert message in refused.err
        assert "Traceback" not in refused.err
    assert not (tmp_path / "kiosk-data").exists()


def test_a_missing_config_file_is_named(kiosk: Kiosk) -> None:
    refused = kiosk("present", "--config", "nowhere.toml")
    assert (refused.code, refused.out) == (2, "")
    assert refused.err == "kiosk: Config file nowhere.toml does not exist.\n"


def test_a_config_that_cannot_be_read_is_named(kiosk: Kiosk, tmp_path: Path) -> None:
    (tmp_path / "folder.toml").mkdir()
    refused = kiosk("present", "--config", "folder.toml")
    assert (refused.code, refused.out) == (2, "")
    assert refused.err == "kiosk: Config file folder.toml cannot be read: Is a directory.\n"


def test_an_unknown_command_is_a_usage_error(kiosk: Kiosk) -> None:
    refused = kiosk("chekin", "Zoë")
    assert (refused.code, refused.out) == (2, "")
    assert "invalid choice: 'chekin'" in refused.err
