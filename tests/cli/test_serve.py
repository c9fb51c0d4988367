"""`kiosk serve`: the board (or the kiosk) for web browsers, on this machine unless asked."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Any, ClassVar

import pytest

from kiosk.exchange.web_server import GuardedServer
from tests.cli.running import Kiosk


class Served:
    """What the web server was made with, and that it ran (in place of running it)."""

    made: ClassVar[dict[str, Any]] = {}

    @staticmethod
    def serve(server: GuardedServer) -> None:
        Served.made = {
            "command": shlex.split(server.command),
            "host": server.host,
            "port": server.port,
            "title": server.title,
            "public_url": server.public_url,
            "secret": server.secret,
            "sessions": server.sessions,
            "font_size": server.font_size,
            "served": True,
        }


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch, no_one_yet: Kiosk) -> Kiosk:
    Served.made = {}
    monkeypatch.setattr(GuardedServer, "serve", Served.serve)
    return no_one_yet


def test_each_browser_gets_a_board_of_its_own_on_this_machine(
    served: Kiosk, tmp_path: Path
) -> None:
    result = served("serve", "--port", "8123")
    assert (result.code, result.err) == (0, "")
    # the host's config, found in the folder it runs in, goes with the board
    config = str((tmp_path / "kiosk.toml").resolve())
    data = str((tmp_path / "kiosk-data").resolve())
    assert Served.made == {
        "command": [
            *(sys.executable, "-P", "-m", "kiosk.cli.main"),
            *("--config", config, "--data", data, "board"),
        ],
        "host": "127.0.0.1",
        "port": 8123,
        "title": "Our Space wall board",
        "public_url": "http://127.0.0.1:8123",
        "secret": None,  # the board shows what any passer-by sees
        "sessions": 4,
        "font_size": 28,
        "served": True,
    }
    # The address and the text size are said where the host started it
    assert result.out == (
        "Serving the wall board at http://127.0.0.1:8123/ with text 28 pixels high "
        "(--font-size changes it, as ?fontsize= in the address does for one screen). "
        "Ctrl+C stops.\n"
    )


def test_the_kiosk_itself_is_served_with_the_same_config_and_data(
    served: Kiosk, tmp_path: Path
) -> None:
    settings = tmp_path / "kiosk.toml"
    settings.write_text('space_name = "Makerspace North"\n', encoding="utf-8")
    assert served("--config", str(settings), "serve", "--kiosk").code == 0
    # plain `kiosk`: the kiosk at the door, locked by the host PIN, not --no-lock
    assert Served.made["command"] == [
        sys.executable,
        "-P",
        "-m",
        "kiosk.cli.main",
        "--config",
        str(settings.resolve()),
        "--data",
        str((tmp_path / "kiosk-data").resolve()),
    ]
    assert Served.made["title"] == "Makerspace North kiosk"
    assert Served.made["font_size"] == 16  # read from arm's length, as at the door


def test_a_font_size_is_asked_for_with_font_size(served: Kiosk) -> None:
    assert served("serve", "--font-size", "40").code == 0
    assert Served.made["font_size"] == 40
    assert "with text 40 pixels high" in served("serve", "--font-size", "40").out


@pytest.mark.parametrize("size", ["7", "97", "big", "-3"])
def test_a_font_size_out_of_reason_is_refused(served: Kiosk, size: str) -> None:
    refused = served("serve", "--font-size", size)
    assert refused.code == 2
    assert "--font-size" in refused.err
    assert Served.made == {}


def test_the_kiosk_s_secret_is_kept_in_the_data_folder_until_deleted(
    served: Kiosk, tmp_path: Path
) -> None:
    # Given a kiosk served once, behind a secret of its own
    assert served("serve", "--kiosk").code == 0
    secret = Served.made["secret"]
    assert len(secret) >= 32
    kept = tmp_path / "kiosk-data" / "serve-secret"
    assert kept.read_text().strip() == secret
    assert kept.stat().st_mode & 0o777 == 0o600
    # When it is served again, a tablet's address still works
    assert served("serve", "--kiosk").code == 0
    assert Served.made["secret"] == secret
    # And once the host deletes the file (or spoils it), a new secret is made
    kept.unlink()
    assert served("serve", "--kiosk").code == 0
    assert Served.made["secret"] != secret
    kept.write_text("short")
    assert served("serve", "--kiosk").code == 0
    assert len(Served.made["secret"]) >= 32


def test_how_many_browsers_are_served_at_once_may_be_chosen(served: Kiosk) -> None:
    assert served("serve", "--kiosk", "--sessions", "1").code == 0
    assert Served.made["sessions"] == 1
    refused = served("serve", "--sessions", "0")
    assert refused.code == 2
    assert "give 1 or more" in refused.err


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "kiosk.example.org", "::"])
def test_serving_beyond_this_machine_must_be_asked_for(served: Kiosk, host: str) -> None:
    refused = served("serve", "--host", host)
    assert refused.code == 2
    assert f"Serving on {host} would let other machines on the network open the page" in (
        refused.err
    )
    assert "add --public" in refused.err
    assert Served.made == {}


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.53", "localhost", "::1"])
def test_loopback_addresses_need_no_permission(served: Kiosk, host: str) -> None:
    assert served("serve", "--host", host).code == 0
    assert Served.made["host"] == host


def test_with_public_the_page_is_found_by_the_machine_s_name_or_the_url_given(
    served: Kiosk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("socket.getfqdn", lambda: "door.makerspace.example")
    assert served("serve", "--host", "0.0.0.0", "--public").code == 0
    assert Served.made["public_url"] == "http://door.makerspace.example:8000"
    given = "https://board.makerspace.example/"
    assert served("serve", "--host", "0.0.0.0", "--public", "--url", given).code == 0
    assert Served.made["public_url"] == "https://board.makerspace.example"


def test_without_a_data_folder_nothing_is_served(
    kiosk: Kiosk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(GuardedServer, "serve", Served.serve)
    Served.made = {}
    refused = kiosk("serve")
    assert refused.code == 2
    assert "There is no data folder at kiosk-data" in refused.err
    assert Served.made == {}


@pytest.mark.parametrize("port", ["0", "65536", "http"])
def test_a_port_must_be_a_port(served: Kiosk, port: str) -> None:
    refused = served("serve", "--port", port)
    assert refused.code == 2
    assert "--port" in refused.err
