"""The installed `kiosk` command, run for real, and the core's independence from Textual."""

from __future__ import annotations

import gc
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.exchange import serving
from screens.app import KioskApp
from screens.wall_app import WallApp
from tests.cli.running import Kiosk


def installed_kiosk() -> str:
    beside_python = Path(sys.executable).parent / "kiosk"
    found = str(beside_python) if beside_python.exists() else shutil.which("kiosk")
    if found is None:
        pytest.skip("the kiosk console script is not installed (pip install -e .)")
    return found


def run(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [installed_kiosk(), *args],
        cwd=folder,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def test_the_console_script_checks_in_and_exits_1_when_refused(tmp_path: Path) -> None:
    # Given a member added through the installed command, beside the host's config
    (tmp_path / "kiosk.toml").write_text('space_name = "Makerspace North"\n')
    added = run(tmp_path, "members", "add", "Zoë Martin", "--data", "data")
    assert (added.returncode, added.stderr) == (0, "")
    zoe = added.stdout.strip()
    # When she is checked in twice
    first = run(tmp_path, "--data", "data", "checkin", "Zoë Martin")
    second = run(tmp_path, "--data", "data", "checkin", zoe)
    # Then the first works, the second is refused on stderr with exit code 1
    assert (first.returncode, first.stderr) == (0, "")
    assert first.stdout.startswith("Checked in Zoë Martin at ")
    assert (second.returncode, second.stdout) == (1, "")
    assert second.stderr.startswith("kiosk: Zoë Martin is already checked in, since ")
    # And she is listed as here
    here = run(tmp_path, "present", "--json", "--data", "data")
    assert '"name": "Zoë Martin"' in here.stdout


def test_the_console_script_ends_with_all_it_had_to_say(tmp_path: Path) -> None:
    # Given 600 members, imported from a spreadsheet by the installed command
    rows = "".join(f"Member Number{n},member{n}@example.org\n" for n in range(600))
    (tmp_path / "members.csv").write_text("name,email\n" + rows)
    assert run(tmp_path, "members", "import", "members.csv", "--data", "data").returncode == 0
    # When a host lists them into a pipe, and into a file, its output buffered as usual
    buffered = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    listing = [installed_kiosk(), "members", "list", "--data", "data"]
    listed = subprocess.run(
        listing, cwd=tmp_path, env=buffered, capture_output=True, timeout=60, check=False
    )
    with (tmp_path / "list.txt").open("wb") as written:
        into_file = subprocess.run(
            listing, cwd=tmp_path, env=buffered, stdout=written, timeout=60, check=False
        )
    # Then every member is there, several buffers' worth, and the command ends well
    assert listed.returncode == into_file.returncode == 0
    assert len(listed.stdout) > 2 * 8192
    names = {line.split(b"  ")[-1] for line in listed.stdout.splitlines()}
    assert names == {f"Member Number{n}".encode() for n in range(600)}
    assert (tmp_path / "list.txt").read_bytes() == listed.stdout


def test_the_kiosk_the_wall_board_and_the_web_server_collect_their_garbage(
    kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a community, and a command line that, as the console script does, starts
    # without the garbage collector
    kiosk.add_member("Ana Lima")
    collecting: dict[str, bool] = {}

    def started(name: str) -> Callable[..., None]:
        def start(*args: object, **kwargs: object) -> None:
            collecting[name] = gc.isenabled()

        return start

    monkeypatch.setattr(KioskApp, "run", started("kiosk"))
    monkeypatch.setattr(WallApp, "run", started("board"))
    monkeypatch.setattr(serving, "serve", started("serve"))
    gc.disable()
    try:
        # When each of those that run for days is started
        for command in ([], ["board"], ["serve"]):
            assert kiosk(*command).code == 0
    finally:
        gc.enable()
    # Then each runs with the collector on, as screens drawn for days need
    assert collecting == {"kiosk": True, "board": True, "serve": True}


def test_the_console_script_exits_2_on_a_bad_config(tmp_path: Path) -> None:
    (tmp_path / "kiosk.toml").write_text("capacity = -1\n")
    refused = run(tmp_path, "--config", "kiosk.toml", "present")
    assert (refused.returncode, refused.stdout) == (2, "")
    assert refused.stderr == (
        "kiosk: Config file kiosk.toml: 'capacity' should be a whole number of people, "
        "0 for no limit, not -1.\n"
    )


def test_the_console_script_exits_2_on_bad_usage(tmp_path: Path) -> None:
    refused = run(tmp_path, "checkin")
    assert (refused.returncode, refused.stdout) == (2, "")
    assert "the following arguments are required: MEMBER" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_the_core_and_the_cli_load_without_textual() -> None:
    probe = "import sys, kiosk, kiosk.cli.main; print('textual' in sys.modules)"
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert loaded.stdout == "False\n"


# What a command at the door (or a script asking who is here) must never load: the screens,
# pictures and QR codes, the exports and the browser server, the spreadsheet reader, the
# members' CSV rules, notices and Apprise, the demo, opening-hour rules, the calendar
# libraries, and every other command's code.
NEVER_AT_THE_DOOR = (
    "textual",
    "rich",
    "babel",
    "PIL",
    "qrcode",
    "charset_normalizer",
    "aiohttp",
    "apprise",
    "dateutil.rrule",
    "icalendar",
    "recurring_ical_events",
    "urllib.request",
    "kiosk.events.icalendar_files",
    "kiosk.badges.png",
    "kiosk.badges.qr",
    "kiosk.badges.sheets",
    "kiosk.badges.svg",
    "kiosk.demo",
    "kiosk.exchange.member_data",
    "kiosk.exchange.member_sheet",
    "kiosk.exchange.members_csv",
    "kiosk.exchange.serving",
    "kiosk.exchange.spaceapi",
    "kiosk.exchange.visits_csv",
    "kiosk.exchange.wall",
    "kiosk.exchange.web_server",
    "kiosk.notices",
    "kiosk.cli.commands.badges",
    "kiosk.cli.commands.data",
    "kiosk.cli.commands.members",
    "kiosk.cli.commands.settings",
    "kiosk.cli.commands.talk",
    "kiosk.cli.commands.wall",
)
# What none of them loads either: people to meet and the inductions behind them, the
# week's answers, the welcome at the kiosk, what is on (the calendar's modules), the
# board's topics and milestones, a host's closing of the day, the records none of them
# uses (shout-outs and the question, invitations, events, the outbox's notices,
# inductions, acceptances), how backups are made and data files checked, CSV, the web's
# errors and `secrets` (ids are the system's random bytes); nor, with none of them in the
# config, PIN hashing, the Wi-Fi network's rules and the house's agreements. (The day's
# first change starts the backup, a process of its own, so subprocess may come with a
# change.)
NEVER_FOR_PRESENT = (
    "csv",
    "dateutil.relativedelta",
    "secrets",
    "tempfile",
    "urllib.error",
    "kiosk.access.pin",
    "kiosk.badges.wifi",
    "kiosk.community.answers",
    "kiosk.community.connections",
    "kiosk.community.gathering",
    "kiosk.community.milestones",
    "kiosk.community.topics",
    "kiosk.community.welcome",
    "kiosk.events.agenda",
    "kiosk.events.feeds",
    "kiosk.events.happening",
    "kiosk.events.wording",
    "kiosk.exchange.spreadsheet",
    "kiosk.models.agreements",
    "kiosk.models.conversation",
    "kiosk.models.events",
    "kiosk.models.inductions",
    "kiosk.models.invitations",
    "kiosk.models.notices",
    "kiosk.safety.agreements",
    "kiosk.safety.inductions",
    "kiosk.storage.backups",
    "kiosk.storage.checks",
    "kiosk.timekeeping.day_end",
)
# ... and what `present` alone uses, to list the guests here as the board does.
NEVER_AT_A_CHECK_IN = (*NEVER_FOR_PRESENT, "kiosk.community.guests")
# What help needs none of: the settings, the data folder, the community.
NEVER_FOR_HELP = ("kiosk.config", "kiosk.storage", "kiosk.community", "tinydb", "dateutil")

LOADED = """
import json, sys
from kiosk.cli.main import main
try:
    sys.exit(main(sys.argv[2:]))
finally:
    with open(sys.argv[1], "w") as loaded:
        json.dump(sorted(sys.modules), loaded)
"""


def loaded_by(folder: Path, *args: str) -> list[str]:
    """The modules a fresh `kiosk ARGS` process had loaded when it ended."""
    written = folder / "loaded.json"
    subprocess.run(
        [sys.executable, "-c", LOADED, str(written), *args],
        cwd=folder,
        capture_output=True,
        timeout=60,
        check=True,
    )
    return list(json.loads(written.read_text()))


def among(loaded: list[str], packages: tuple[str, ...]) -> list[str]:
    return [name for name in loaded if name.split(".")[0] in packages or name.startswith(packages)]


def test_a_command_at_the_door_loads_only_what_it_uses(tmp_path: Path) -> None:
    # Given a member, added by the installed command beside the host's config
    (tmp_path / "kiosk.toml").write_text('space_name = "Makerspace North"\n')
    assert run(tmp_path, "members", "add", "Zoë Martin").returncode == 0
    # When she checks in and out and a script asks who is here, each a fresh process
    for command, never in (
        (["checkin", "Zoë Martin"], NEVER_AT_A_CHECK_IN),
        (["present", "--json"], NEVER_FOR_PRESENT),
        (["checkout", "Zoë Martin"], NEVER_AT_A_CHECK_IN),
    ):
        loaded = loaded_by(tmp_path, *command)
        # Then none of them loaded what only other commands use
        assert "kiosk.cli.commands.visits" in loaded
        assert among(loaded, NEVER_AT_THE_DOOR + never) == [], command


def test_help_loads_neither_the_settings_nor_the_community(tmp_path: Path) -> None:
    for command in ([], ["checkin"], ["members", "edit"], ["question"]):
        loaded = loaded_by(tmp_path, *command, "--help")
        assert among(loaded, NEVER_FOR_HELP + NEVER_AT_THE_DOOR) == [], command
        assert "kiosk.cli.commands.running" not in loaded


def test_a_door_command_with_a_chat_loads_no_apprise(tmp_path: Path) -> None:
    # Given a space whose chat hears it open and close
    (tmp_path / "kiosk.toml").write_text('[chat]\nurl = "json://127.0.0.1:9/"\n')
    assert run(tmp_path, "members", "add", "Zoë Martin").returncode == 0
    # When she checks in, opening the space for the chat, while a delivery is under way
    # (so the news is left to it and no process of its own is started, to outlive the test)
    from kiosk.notices.delivery import SENDING_LOCK
    from kiosk.storage.files import FolderLock

    with FolderLock(tmp_path / "kiosk-data" / SENDING_LOCK, timeout=0).held():
        loaded = loaded_by(tmp_path, "checkin", "Zoë Martin")
    # Then the news was queued without loading what sends it
    assert "kiosk.notices.chat" in loaded
    assert among(loaded, ("apprise", "aiohttp", "textual", "rich")) == []
