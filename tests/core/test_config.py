"""The kiosk's settings file: every key optional, every mistake explained."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.access.pin import hash_pin, pin_matches
from kiosk.config import DEFAULT_TOPICS, Config, load_config, permissions_warning
from kiosk.errors import UsageError

EXAMPLE = Path(__file__).parents[2] / "config.example.toml"


def config_file(folder: Path, toml: str) -> Path:
    path = folder / "kiosk.toml"
    path.write_text(toml, encoding="utf-8")
    return path


def test_without_a_file_every_setting_has_its_default() -> None:
    config = load_config(None)
    assert config == Config()
    assert config.data_dir == Path("kiosk-data")
    assert config.suggested_topics == DEFAULT_TOPICS
    assert config.capacity == 0


def test_an_empty_file_gives_the_defaults_with_data_beside_it(tmp_path: Path) -> None:
    config = load_config(config_file(tmp_path, ""))
    assert config == Config(data_dir=tmp_path / "kiosk-data")


def test_the_example_config_loads_and_its_pin_is_the_demo_pin() -> None:
    config = load_config(EXAMPLE)
    assert config.space_name == "Makerspace North"
    assert config.data_dir == EXAMPLE.parent / "kiosk-data"
    assert pin_matches("1234", config.host_pin_hash)


def test_every_key_is_read(tmp_path: Path) -> None:
    pin_hash = hash_pin("2468")
    path = config_file(
        tmp_path,
        f"""
        space_name = "Makerspace North"
        data_dir = "/srv/kiosk"
        idle_timeout = 90
        confirmation_seconds = 3
        second_scan_seconds = 30
        host_pin_hash = "{pin_hash}"
        capacity = 40
        suggested_topics = ["  coffee ", "Python"]
        backups_to_keep = 14
        anonymous_after_days = 365
        theme = "textual-light"
        """,
    )
    assert load_config(path) == Config(
        space_name="Makerspace North",
        data_dir=Path("/srv/kiosk"),
        idle_timeout=90,
        confirmation_seconds=3,
        second_scan_seconds=30,
        host_pin_hash=pin_hash,
        capacity=40,
        suggested_topics=("coffee", "Python"),
        backups_to_keep=14,
        anonymous_after_days=365,
        theme="textual-light",
    )


# -- where the data lives --------------------------------------------------------


def test_a_relative_data_dir_is_taken_from_the_config_files_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a config in /etc-like folder naming a relative data folder
    folder = tmp_path / "etc"
    folder.mkdir()
    path = config_file(folder, 'data_dir = "data/kiosk"')
    # When it is read from somewhere else entirely
    monkeypatch.chdir(tmp_path)
    config = load_config(Path("etc/kiosk.toml"))
    # Then the data folder is beside the config, not beside the reader
    assert config.data_dir.resolve() == folder / "data" / "kiosk"
    assert load_config(path).data_dir == folder / "data" / "kiosk"


def test_an_absolute_data_dir_is_kept(tmp_path: Path) -> None:
    path = config_file(tmp_path, f'data_dir = "{tmp_path / "elsewhere"}"')
    assert load_config(path).data_dir == tmp_path / "elsewhere"


def test_a_data_dir_in_the_home_folder_is_expanded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    path = config_file(tmp_path, 'data_dir = "~/kiosk-data"')
    assert load_config(path).data_dir == tmp_path / "home" / "kiosk-data"


# -- mistakes ------------------------------------------------------------------


def test_an_unknown_key_is_named_with_the_keys_that_exist(tmp_path: Path) -> None:
    path = config_file(tmp_path, 'space_name = "North"\nidle_timout = 30\n')
    with pytest.raises(UsageError) as error:
        load_config(path)
    message = str(error.value)
    assert message.startswith(f"Config file {path}: unknown key 'idle_timout'.")
    assert "Known keys: space_name, data_dir, idle_timeout," in message
    assert error.value.exit_code == 2


def test_a_table_is_an_unknown_key_too(tmp_path: Path) -> None:
    path = config_file(tmp_path, '[kiosk]\nspace_name = "North"\n')
    with pytest.raises(UsageError, match="unknown key 'kiosk'"):
        load_config(path)


OPENING = '[[hours.open]]\nrule = "FREQ=DAILY"\nfrom = "09:00"\nto = "17:00"\n'
HOURS_MISTAKES = [
    ("hours = 5", "'hours' should be a table of opening hours written [hours]"),
    (
        "[hours]\nopening = []",
        "unknown key 'hours.opening'. Known keys in [hours]: timezone, closed, open",
    ),
    ('[hours]\ntimezone = "Mars/Base"', "'hours.timezone' should be a time zone name like"),
    ("[hours]\ntimezone = 1", "'hours.timezone' should be a time zone name"),
    ('[hours]\nclosed = "2026-12-25"', "'hours.closed' should be a list of days like"),
    ('[hours]\nclosed = ["25.12.2026"]', "not '25.12.2026'"),
    ('[hours]\nclosed = ["2026-12-31/2026-12-24"]', "not '2026-12-31/2026-12-24'"),
    ('[hours]\nclosed = ["2026-02-30"]', "not '2026-02-30'"),
    ("[hours]\nopen = 3", "'hours.open' should be tables written [[hours.open]]"),
    (
        '[[hours.open]]\nrule = "FREQ=DAILY"\nfrom = "09:00"',
        "[[hours.open]] number 1 needs either a 'to' time or a 'for' length",
    ),
    (
        '[[hours.open]]\nrule = "FREQ=DAILY"\nfrom = "09:00"\nto = "17:00"\nfor = "8h"',
        "[[hours.open]] number 1 needs either a 'to' time or a 'for' length",
    ),
    ('[[hours.open]]\nfrom = "09:00"\nto = "17:00"', "[[hours.open]] number 1 needs a 'rule'"),
    ('[[hours.open]]\nrule = "FREQ=DAILY"\nto = "17:00"', "needs a 'from'"),
    (
        OPENING * 3 + "till = 1",
        "unknown key 'till' in [[hours.open]] number 3. Known keys: rule, from, to, for,",
    ),
    (
        OPENING.replace('"17:00"', '"25:00"'),
        "'to' of [[hours.open]] number 1 should be a time of day from \"00:00\" to "
        '"24:00", like "18:00", not \'25:00\'',
    ),
    (OPENING.replace('"09:00"', '"24:00"'), "'from' of [[hours.open]] number 1 should be"),
    (OPENING.replace('"09:00"', '"9am"'), "not '9am'"),
    (OPENING.replace('"17:00"', '"09:00"'), "'to' of [[hours.open]] number 1 is the same"),
    (
        OPENING.replace('to = "17:00"', 'for = "25h"'),
        "'for' of [[hours.open]] number 1 should be a length of at most 24 hours",
    ),
    (OPENING.replace('to = "17:00"', 'for = "0h"'), "not '0h'"),
    (OPENING.replace('to = "17:00"', 'for = "soon"'), "not 'soon'"),
    (
        OPENING.replace("FREQ=DAILY", "FREQ=DAILY;BYHOUR=9"),
        "the time of day goes in 'from' and 'to', not in the rule",
    ),
    (OPENING.replace("FREQ=DAILY", "FREQ=HOURLY"), "FREQ should be one of DAILY, WEEKLY,"),
    (OPENING.replace("FREQ=DAILY", "BYDAY=MO"), "FREQ should be one of"),
    (OPENING.replace("FREQ=DAILY", "FREQ=WEEKLY;BYDAY=XX"), "invalid 'BYDAY': XX"),
    (OPENING.replace("FREQ=DAILY", "FREQ=DAILY;UNTIL=20261231T000000Z"), "without Z"),
    (
        OPENING.replace('"FREQ=DAILY"', '"DTSTART:20260101T000000\\nRRULE:FREQ=DAILY"'),
        "without DTSTART (use 'starting')",
    ),
    (OPENING.replace("from", 'starting = "soon"\nfrom'), "'starting' of [[hours.open]] number 1"),
    (OPENING.replace('"FREQ=DAILY"', "7"), "'rule' of [[hours.open]] number 1 should be"),
]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('idle_timeout = "60"', "'idle_timeout' should be a whole number of seconds, at least 5"),
        ("idle_timeout = 60.5", "'idle_timeout' should be a whole number of seconds"),
        ("idle_timeout = 4", "'idle_timeout' should be a whole number of seconds, at least 5"),
        ("confirmation_seconds = 0", "'confirmation_seconds' should be a whole number"),
        ("second_scan_seconds = -1", "'second_scan_seconds' should be a whole number of"),
        ("second_scan_seconds = 1.5", "'second_scan_seconds' should be a whole number of"),
        ("second_scan_seconds = 3601", "seconds from 0 to 3600, like 60, not 3601"),
        ("second_scan_seconds = 1e100", "'second_scan_seconds' should be a whole number of"),
        ("capacity = true", "'capacity' should be a whole number of people, 0 for no limit"),
        ("capacity = -1", "'capacity' should be a whole number of people"),
        ("backups_to_keep = 0", "'backups_to_keep' should be a whole number of daily backups"),
        ("anonymous_after_days = -1", "'anonymous_after_days' should be a whole number of days"),
        ("space_name = 42", "'space_name' should be text"),
        ("theme = []", "'theme' should be a Textual theme name"),
        ("data_dir = 5", "'data_dir' should be a folder path as text"),
        ('data_dir = "  "', "'data_dir' should be a folder path as text"),
        ('data_dir = "kiosk\\u0000data"', "not 'kiosk\\x00data'"),
        ('suggested_topics = "coffee"', "'suggested_topics' should be a list of texts"),
        ('suggested_topics = ["coffee", ""]', "'suggested_topics' should be a list of texts"),
        ('suggested_topics = ["coffee", 3]', "'suggested_topics' should be a list of texts"),
        (f'suggested_topics = ["{"x" * 41}"]', "list of texts of at most 40 characters"),
        ('host_pin_hash = "1234"', "'host_pin_hash' should be text made by `kiosk hash-pin`"),
        *HOURS_MISTAKES,
    ],
)
def test_a_wrong_value_is_named_with_what_was_expected(
    tmp_path: Path, line: str, expected: str
) -> None:
    path = config_file(tmp_path, line + "\n")
    with pytest.raises(UsageError) as error:
        load_config(path)
    message = str(error.value)
    assert message.startswith(f"Config file {path}: ")
    assert expected in message
    assert message.endswith(".")


def test_the_wrong_value_itself_is_quoted(tmp_path: Path) -> None:
    path = config_file(tmp_path, 'idle_timeout = "sixty"')
    with pytest.raises(UsageError, match=r"like 60, not 'sixty'\.$"):
        load_config(path)


def test_a_huge_wrong_value_is_quoted_short(tmp_path: Path) -> None:
    path = config_file(tmp_path, f'idle_timeout = "{"6" * 200_000}"')
    with pytest.raises(UsageError) as error:
        load_config(path)
    message = str(error.value)
    assert message.startswith(f"Config file {path}: 'idle_timeout' should be a whole number")
    assert message.endswith("666….")
    assert len(message) < len(str(path)) + 200


def test_a_huge_unknown_key_is_quoted_short(tmp_path: Path) -> None:
    path = config_file(tmp_path, f"{'k' * 200_000} = 1")
    with pytest.raises(UsageError, match="unknown key 'kkk") as error:
        load_config(path)
    # The key is quoted short: the message is the file, the known keys and a few words
    known = str(error.value).partition("Known keys: ")[2]
    assert len(str(error.value)) < len(str(path)) + len(known) + 150


def test_an_empty_pin_hash_is_allowed(tmp_path: Path) -> None:
    assert load_config(config_file(tmp_path, 'host_pin_hash = ""')).host_pin_hash == ""


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.toml"
    with pytest.raises(UsageError) as error:
        load_config(path)
    assert str(error.value) == f"Config file {path} does not exist."


def test_a_folder_instead_of_a_file_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as error:
        load_config(tmp_path)
    assert str(error.value) == f"Config file {tmp_path} cannot be read: Is a directory."


def test_a_fifo_found_as_the_config_is_refused_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "kiosk.toml")
    with pytest.raises(UsageError) as error:
        load_config(tmp_path / "kiosk.toml")
    assert str(error.value) == f"Config file {tmp_path / 'kiosk.toml'} is a FIFO, not a file."


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_a_file_without_read_permission_cannot_be_read(tmp_path: Path) -> None:
    path = config_file(tmp_path, 'space_name = "North"')
    path.chmod(0)
    with pytest.raises(UsageError) as error:
        load_config(path)
    assert str(error.value) == f"Config file {path} cannot be read: Permission denied."


def test_invalid_toml_is_named_with_where_it_goes_wrong(tmp_path: Path) -> None:
    path = config_file(tmp_path, 'space_name = "North"\ncapacity = \n')
    with pytest.raises(UsageError) as error:
        load_config(path)
    message = str(error.value)
    assert message.startswith(f"Config file {path} is not valid TOML: ")
    assert "line 2" in message


def test_a_file_that_is_not_utf8_is_invalid_toml(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_bytes('space_name = "Caf\u00e9"'.encode("latin-1"))
    with pytest.raises(UsageError, match="is not valid TOML"):
        load_config(path)


# -- who may read the PIN hash ---------------------------------------------------------


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o620, 0o666])
def test_a_pin_hash_others_may_read_is_warned_about(tmp_path: Path, mode: int) -> None:
    path = config_file(tmp_path, f'host_pin_hash = "{hash_pin("246813")}"')
    path.chmod(mode)
    assert permissions_warning(path, load_config(path)) == (
        f"Config file {path} holds the host PIN hash, and other users of this machine can "
        f"read or change it (mode {mode:o}); make it private with `chmod 600 {path}`."
    )


@pytest.mark.parametrize("mode", [0o600, 0o400, 0o700])
def test_a_private_pin_hash_is_not_warned_about(tmp_path: Path, mode: int) -> None:
    path = config_file(tmp_path, f'host_pin_hash = "{hash_pin("246813")}"')
    path.chmod(mode)
    assert permissions_warning(path, load_config(path)) is None


def test_a_config_without_a_pin_hash_may_be_read_by_anyone(tmp_path: Path) -> None:
    path = config_file(tmp_path, 'space_name = "North"')
    path.chmod(0o644)
    assert permissions_warning(path, load_config(path)) is None
    assert permissions_warning(None, Config()) is None


def test_one_time_zone_for_everything_from_the_top_level_key(tmp_path: Path) -> None:
    config = load_config(config_file(tmp_path, 'timezone = "Europe/Berlin"\n'))
    assert config.timezone == "Europe/Berlin"
    assert config.zone == ZoneInfo("Europe/Berlin")
    assert config.hours.zone == ZoneInfo("Europe/Berlin")


def test_an_older_hours_time_zone_is_read_as_the_one_zone(tmp_path: Path) -> None:
    config = load_config(config_file(tmp_path, '[hours]\ntimezone = "Europe/Berlin"\n'))
    assert (config.timezone, config.hours.timezone) == ("Europe/Berlin", "Europe/Berlin")


def test_the_same_zone_twice_is_fine(tmp_path: Path) -> None:
    toml = 'timezone = "Europe/Berlin"\n[hours]\ntimezone = "Europe/Berlin"\n'
    assert load_config(config_file(tmp_path, toml)).timezone == "Europe/Berlin"


def test_two_zones_that_disagree_are_refused(tmp_path: Path) -> None:
    toml = 'timezone = "Europe/Berlin"\n[hours]\ntimezone = "Europe/Lisbon"\n'
    with pytest.raises(UsageError) as refused:
        load_config(config_file(tmp_path, toml))
    assert str(refused.value) == (
        f"Config file {tmp_path / 'kiosk.toml'}: 'timezone' is 'Europe/Berlin' but "
        "'hours.timezone' is 'Europe/Lisbon'. The kiosk shows every time in one zone: keep "
        "the top-level 'timezone' and remove 'hours.timezone'."
    )


def test_an_unknown_time_zone_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no time zone of that name is known"):
        load_config(config_file(tmp_path, 'timezone = "Europe/Atlantis"\n'))


def test_without_a_zone_the_machines_is_used() -> None:
    # conftest pins the machine to UTC
    assert datetime(2026, 7, 1, 12, tzinfo=UTC).astimezone(Config().zone).hour == 12


def test_the_kiosk_speaks_the_language_set(tmp_path: Path) -> None:
    assert load_config(config_file(tmp_path, 'language = "de"')).language == "de"


def test_a_language_without_a_catalog_is_refused_naming_those_there_are(tmp_path: Path) -> None:
    path = config_file(tmp_path, 'language = "Deutsch"')
    with pytest.raises(UsageError) as refused:
        load_config(path)
    assert str(refused.value) == (
        f"Config file {path}: 'language' should be one of the kiosk's languages: "
        "'en', 'de', 'fr', 'es', not 'Deutsch'."
    )
