"""`kiosk spaceapi`: the space's SpaceAPI file, checked against the official schema."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pytest
from jsonschema.validators import validator_for

from tests.cli.running import Kiosk
from tests.conftest import FakeClock
from tests.privacy import seed_secrets

ROOT = Path(__file__).parents[2]
SCHEMA = json.loads((ROOT / "tests/data/spaceapi-15.json").read_text(encoding="utf-8"))
EXAMPLE = (ROOT / "config.example.toml").read_text(encoding="utf-8")
LISTING = """
space_name = "Makerspace North"
[spaceapi]
logo = "https://example.org/logo.png"
url = "https://example.org"
[spaceapi.contact]
email = "hello@example.org"
"""
WEEKDAYS_9_TO_6 = """
[hours]
timezone = "UTC"
[[hours.open]]
rule = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
from = "09:00"
to = "18:00"
"""


def config(folder: Path, text: str) -> str:
    """`text` as the config file in `folder`, with the house rules the example names."""
    (folder / "house-rules.txt").write_bytes((ROOT / "house-rules.txt").read_bytes())
    path = folder / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)  # it may hold the host PIN hash
    return str(path)


def valid(document: dict[str, Any]) -> bool:
    """Whether the official SpaceAPI 15 schema accepts `document` (it says which errors)."""
    validator = validator_for(SCHEMA)
    validator.check_schema(SCHEMA)
    errors = [error.message for error in validator(SCHEMA).iter_errors(document)]
    assert not errors, errors
    return True


def test_the_example_config_makes_a_file_the_official_schema_accepts(
    kiosk: Kiosk, tmp_path: Path
) -> None:
    example = config(tmp_path, EXAMPLE)
    assert kiosk("demo", "--config", example).code == 0
    made = kiosk("spaceapi", "--config", example)
    assert (made.code, made.err) == (0, "")
    document = made.json()
    assert valid(document)
    assert document["api_compatibility"] == ["15"]
    assert document["space"] == "Makerspace North"
    assert document["location"]["lat"] == 53.5436
    assert document["contact"]["email"] == "hello@makerspace-north.example"


def test_the_schema_tells_a_wrong_file_apart(kiosk: Kiosk, tmp_path: Path) -> None:
    # The check is real: a file without the space's logo is refused by the schema.
    example = config(tmp_path, EXAMPLE)
    kiosk("demo", "--config", example)
    document = kiosk("spaceapi", "--config", example).json()
    del document["logo"]
    with pytest.raises(AssertionError, match="'logo' is a required property"):
        valid(document)


def test_everyone_is_counted_and_by_default_nobody_is_named(
    kiosk: Kiosk, tmp_path: Path, clock: FakeClock
) -> None:
    # Members agreed to the board, not to the internet-wide directory
    secrets = seed_secrets(tmp_path / "kiosk-data", clock)
    made = kiosk("spaceapi", "--config", config(tmp_path, LISTING))
    assert made.code == 0
    assert valid(made.json())
    assert made.json()["sensors"]["people_now_present"] == [{"value": secrets.here}]
    for word in (*secrets.kept, *secrets.named):
        assert word not in made.out


def test_only_members_on_the_board_who_agreed_to_it_are_named(
    kiosk: Kiosk, tmp_path: Path, clock: FakeClock
) -> None:
    # Given everyone here agreed to be named online, Ivo (incognito) and Olga (off the
    # board) among them
    secrets = seed_secrets(tmp_path / "kiosk-data", clock)
    for member in kiosk("members", "list", "--json").json():
        assert kiosk("members", "edit", member["id"], "--named-online", "yes").code == 0
    made = kiosk("spaceapi", "--config", config(tmp_path, LISTING))
    assert valid(made.json())
    # Then only those the board shows are named
    assert made.json()["sensors"]["people_now_present"] == [
        {"value": secrets.here, "names": sorted(secrets.named)}
    ]
    for word in secrets.kept:
        assert word not in made.out


def test_nobody_here_is_a_count_of_zero_without_names(no_one_yet: Kiosk, tmp_path: Path) -> None:
    made = no_one_yet("spaceapi", "--config", config(tmp_path, LISTING))
    assert valid(made.json())
    assert made.json()["sensors"]["people_now_present"] == [{"value": 0}]


def test_open_follows_the_opening_hours(kiosk: Kiosk, tmp_path: Path, clock: FakeClock) -> None:
    # The test clock starts on a Thursday at 09:00 UTC
    kiosk.add_member("Ana Alves")
    settings = config(tmp_path, LISTING + WEEKDAYS_9_TO_6)
    state = kiosk("spaceapi", "--config", settings).json()["state"]
    assert state == {"open": True, "message": "open until 18:00"}
    clock.advance(hours=10)
    document = kiosk("spaceapi", "--config", settings).json()
    assert document["state"] == {"open": False, "message": "closed · opens tomorrow at 09:00"}
    assert document["location"] == {"timezone": "UTC"}
    assert valid(document)


def test_without_hours_the_space_is_open_while_anyone_is_here(kiosk: Kiosk, tmp_path: Path) -> None:
    ana = kiosk.add_member("Ana Alves")
    settings = config(tmp_path, LISTING)
    assert kiosk("spaceapi", "--config", settings).json()["state"]["open"] is False
    kiosk("checkin", ana, "--status", "heads-down")
    assert kiosk("spaceapi", "--config", settings).json()["state"] == {
        "open": True,
        "message": "someone is here",
    }


def test_a_member_here_incognito_is_not_counted_nor_opens_the_space(
    kiosk: Kiosk, tmp_path: Path
) -> None:
    # Given Ana, here incognito, and nobody else
    ana = kiosk.add_member("Ana Alves")
    kiosk("checkin", ana, "--status", "incognito")
    # Then the file the internet reads says what it would say without her
    document = kiosk("spaceapi", "--config", config(tmp_path, LISTING)).json()
    assert document["state"] == {"open": False, "message": "nobody here"}
    assert document["sensors"]["people_now_present"] == [{"value": 0}]


def test_a_space_that_opens_with_a_keyholder_is_open_while_one_is_here(
    kiosk: Kiosk, tmp_path: Path
) -> None:
    # Given a space whose keyholders open it, and Ana, a keyholder (set by a host)
    settings = config(tmp_path, "open_with_keyholder = true\n" + LISTING)
    ana, bo = kiosk.add_member("Ana Alves"), kiosk.add_member("Bo Chen")
    assert kiosk("members", "edit", ana, "--keyholder", "yes").code == 0
    assert "  keyholder: may open and close the space\n" in kiosk("members", "show", ana).out
    # Then Bo alone does not open it, Ana does, and Ana here incognito does not
    kiosk("checkin", bo)
    closed = {"open": False, "message": "closed until a keyholder comes"}
    assert kiosk("spaceapi", "--config", settings).json()["state"] == closed
    kiosk("checkin", ana)
    document = kiosk("spaceapi", "--config", settings).json()
    assert document["state"] == {"open": True, "message": "a keyholder is here"}
    assert valid(document)
    kiosk("checkout", ana)
    kiosk("checkin", ana, "--status", "incognito")
    assert kiosk("spaceapi", "--config", settings).json()["state"] == closed


def test_out_replaces_the_file_whole_and_a_web_server_may_read_it(
    kiosk: Kiosk, tmp_path: Path
) -> None:
    kiosk.add_member("Ana Alves")
    settings = config(tmp_path, LISTING)
    out = tmp_path / "www" / "spaceapi.json"
    out.parent.mkdir()
    out.write_text("old", encoding="utf-8")
    written = kiosk("spaceapi", "--config", settings, "--out", str(out))
    assert (written.code, written.out, written.err) == (0, "", "")
    assert out.read_text(encoding="utf-8") == kiosk("spaceapi", "--config", settings).out
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert [path.name for path in out.parent.iterdir()] == ["spaceapi.json"]


def test_a_folder_that_is_not_there_is_named(kiosk: Kiosk, tmp_path: Path) -> None:
    kiosk.add_member("Ana Alves")
    out = tmp_path / "missing" / "spaceapi.json"
    failed = kiosk("spaceapi", "--config", config(tmp_path, LISTING), "--out", str(out))
    assert failed.code == 1
    assert failed.err.startswith("kiosk: The SpaceAPI file ")
    assert "cannot be written: No such file or directory. Nothing was changed." in failed.err


def test_without_a_spaceapi_table_it_says_what_to_add(kiosk: Kiosk, tmp_path: Path) -> None:
    kiosk.add_member("Ana Alves")
    failed = kiosk("spaceapi")
    assert failed.code == 2
    assert "needs the space's logo and url" in failed.err
    assert "under [spaceapi] in the config file" in failed.err


@pytest.mark.parametrize(
    ("table", "said"),
    [
        ("[spaceapi]\nlogo = 3", "'spaceapi.logo' should be the web address of the logo"),
        ("[spaceapi]\nwebsite = 'x'", "unknown key 'spaceapi.website'. Known keys in [spaceapi]"),
        ("[spaceapi.contact]\nfax = 'x'", "unknown key 'spaceapi.contact.fax'. Known keys: email"),
        ("[spaceapi.location]\nlat = 53.5", "needs both lat and lon, or neither"),
        ("[spaceapi.location]\nlat = 91\nlon = 0", "'spaceapi.location.lat' should be a number"),
        ("[spaceapi.location]\ncountry_code = 'DEU'", 'should be two letters like "DE"'),
    ],
)
def test_a_wrong_spaceapi_table_is_explained(
    kiosk: Kiosk, tmp_path: Path, table: str, said: str
) -> None:
    failed = kiosk("spaceapi", "--config", config(tmp_path, table))
    assert failed.code == 2
    assert said in failed.err
