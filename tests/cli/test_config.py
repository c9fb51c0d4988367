"""Finding the config file the conventional way, and `kiosk config` saying which it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import config
from kiosk.access.pin import hash_pin
from tests.cli.conftest import HOSTS_CONFIG
from tests.cli.running import Kiosk

NOTICE = (
    "kiosk: no config file found (KIOSK_CONFIG is not set; none at kiosk.toml, "
    "~/.config/kiosk/config.toml, ~/etc/kiosk/config.toml), so the built-in defaults are "
    "used; name one with --config FILE.\n"
)
"""The notice with the machine's config looked for in the tests' home (see conftest)."""


def named(folder: Path, file: str, name: str) -> Path:
    """A config file at folder/file naming the space `name`."""
    path = folder / file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'space_name = "{name}"\n')
    return path


@pytest.fixture
def places(
    kiosk: Kiosk, tmp_path: Path, own_config_out_of_reach: Path, monkeypatch: pytest.MonkeyPatch
) -> dict[str, Path]:
    """A config in each place the kiosk looks, each naming the space after its place,
    and none found yet: the host's kiosk.toml is taken away."""
    HOSTS_CONFIG.unlink()
    home = own_config_out_of_reach
    made = {
        "given": named(tmp_path, "elsewhere/given.toml", "Given"),
        "environment": named(tmp_path, "elsewhere/environment.toml", "Environment"),
        "here": tmp_path / "kiosk.toml",
        "user": home / ".config" / "kiosk" / "config.toml",
        "machine": config.SYSTEM_CONFIG,
    }
    assert made["machine"].is_relative_to(home), "conftest keeps /etc out of reach"
    return made


def space_named(kiosk: Kiosk, *options: str) -> tuple[str, str | None]:
    shown = kiosk(*options, "config", "--json")
    assert shown.code == 0, shown.err
    return shown.json()["settings"]["space_name"], shown.json()["file"]


def test_each_place_is_found_and_the_earlier_one_wins(
    kiosk: Kiosk, places: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given no config anywhere, the built-in defaults are used, and said so once
    assert space_named(kiosk) == ("Our Space", None)
    assert kiosk("members", "add", "Zoë Martin").err == NOTICE

    # When configs appear from the last place to the first, each one found wins
    named(places["machine"].parent, "config.toml", "Machine")
    assert space_named(kiosk) == ("Machine", str(places["machine"]))
    named(places["user"].parent, "config.toml", "User")
    assert space_named(kiosk) == ("User", str(places["user"]))
    named(places["here"].parent, "kiosk.toml", "Here")
    assert space_named(kiosk) == ("Here", "kiosk.toml")
    monkeypatch.setenv("KIOSK_CONFIG", str(places["environment"]))
    assert space_named(kiosk) == ("Environment", str(places["environment"]))
    given = str(places["given"])
    assert space_named(kiosk, "--config", given) == ("Given", given)

    # And with a config found, nothing is said about defaults
    assert kiosk("--config", given, "members", "add", "Zoë Martin").err == ""


def test_the_user_folder_follows_xdg_config_home(
    kiosk: Kiosk, places: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    mine = named(tmp_path / "xdg" / "kiosk", "config.toml", "Mine")
    assert space_named(kiosk) == ("Mine", str(mine))


def test_badges_use_the_space_name_of_the_config_found(
    kiosk: Kiosk, places: dict[str, Path], tmp_path: Path
) -> None:
    # Given the host's config in their own folder, and a member
    named(places["user"].parent, "config.toml", "Makerspace North")
    kiosk.add_member("Zoë Martin")

    # When badges are made without --config
    made = kiosk("badges", "--out", "badges")

    # Then they carry the space's name, not the default one
    assert made.code == 0, made.err
    sheet = next((tmp_path / "badges").glob("*.svg")).read_text()
    assert "Makerspace North" in sheet and "Our Space" not in sheet


def test_a_missing_file_named_by_the_environment_is_refused(
    kiosk: Kiosk, places: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_CONFIG", "nowhere.toml")
    refused = kiosk("present")
    assert (refused.code, refused.err) == (2, "kiosk: Config file nowhere.toml does not exist.\n")


def test_config_shows_the_file_and_settings_but_never_the_pin_hash(
    kiosk: Kiosk, tmp_path: Path
) -> None:
    # Given the host's config with a PIN hash, hours and a time zone
    pin_hash = hash_pin("246813")
    HOSTS_CONFIG.write_text(
        f'space_name = "Makerspace North"\ntimezone = "Europe/Berlin"\n'
        f'host_pin_hash = "{pin_hash}"\n'
        '[[hours.open]]\nrule = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"\nfrom = "09:00"\nto = "18:00"\n'
    )
    HOSTS_CONFIG.chmod(0o600)

    # When the host asks which config is in use
    shown = kiosk("config")

    # Then it names the file and how it was found, and what it resolved
    assert shown.code == 0, shown.err
    lines = shown.out.splitlines()
    assert lines[0] == "Config file: kiosk.toml (found by kiosk.toml in the current folder)"
    assert 'space_name = "Makerspace North"' in lines
    assert f'data_dir = "{tmp_path / "kiosk-data"}"' in lines
    assert 'timezone = "Europe/Berlin"' in lines
    # 09:00 UTC on the test clock is 10:00 in Berlin in November
    assert 'now = "2026-11-26 10:00"' in lines
    assert '  open = ["FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR from 09:00 to 18:00"]' in lines
    assert 'host_pin_hash = "(set, not shown)"' in lines
    assert pin_hash not in shown.out and pin_hash.split("$")[-1] not in shown.out
