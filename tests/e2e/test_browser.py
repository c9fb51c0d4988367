"""The wall board in a web browser, as on the lobby TV: `kiosk serve` on this machine,
headless Chromium on the page, and a check-in made at the command line showing up."""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from kiosk.community.community import Community
from kiosk.storage.store import Store
from tests.conftest import FakeClock
from tests.e2e.browser import Browser
from tests.e2e.serving import free_port, kiosk_command, serving
from tests.privacy import seed_secrets


@contextlib.contextmanager
def serving_elsewhere(data: Path, port: int, *options: str) -> Iterator[str]:
    """`kiosk serve` of `data` on loopback `port`, from a folder holding some other `kiosk`
    (each browser must still get this one); its address."""
    decoy = data.parent / "elsewhere" / "kiosk"
    (decoy / "cli").mkdir(parents=True, exist_ok=True)
    for package in (decoy, decoy / "cli"):
        (package / "__init__.py").write_text("", encoding="utf-8")
    (decoy / "cli" / "main.py").write_text("raise SystemExit('not the kiosk')\n", encoding="utf-8")
    with serving(data, port, *options, cwd=decoy.parent):
        yield f"http://127.0.0.1:{port}/"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    """`kiosk serve` on a free loopback port of the data folder tmp_path/data; its address."""
    Store.open(tmp_path / "data")
    with serving_elsewhere(tmp_path / "data", free_port()) as address:
        yield address


async def test_a_check_in_at_the_command_line_shows_on_the_board_in_the_browser(
    chromium: str, served: str, tmp_path: Path, clock: FakeClock
) -> None:
    # Given a community with something to keep private, its members checked in by the
    # command line (which, as the server, tells the time by the machine's clock), and
    # Zoë, not here yet
    data = tmp_path / "data"

    def at_the_command_line(community: Community, member_id: str, status: str) -> None:
        command = kiosk_command("--data", str(data), "checkin", member_id, "--status", status)
        subprocess.run(command, capture_output=True, timeout=60, check=True)

    secrets = seed_secrets(data, clock, at_the_command_line)
    Community(Store.open(data), clock).add_member("Zoë Martin", ("3D printing",))
    profile = tmp_path / "chromium"
    async with Browser(chromium, profile, tmp_path / "chromium.log") as browser:
        # When the lobby TV opens the board
        await browser.open(served)
        before = await browser.wait_for_text("Ana Shown")
        assert "Zoë Martin" not in before
        # and Zoë checks in at the command line
        checked_in = subprocess.run(
            kiosk_command("--data", str(data), "checkin", "Zoë Martin"),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert checked_in.returncode == 0, checked_in.stderr
        # Then her name appears on the page, and nothing private ever did
        after = await browser.wait_for_text("Zoë Martin")
        for text in (before, after):
            for word in secrets.kept:
                assert word not in text
        for name in secrets.named:
            assert name in after
        assert f"{secrets.here + 1} here now" in after


def png_size(path: Path) -> tuple[int, int]:
    """A PNG's width and height, from its header."""
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


async def test_the_board_on_a_1080p_tv_reads_across_a_room_and_asks_no_other_machine(
    chromium: str, demo_data: Path, served: str, tmp_path: Path
) -> None:
    # Given the demo community served to the lobby TV, a 1920x1080 screen, with members
    # checked in at the command line (which, as the server, tells the time by the machine)
    for name in ("Åsa Lindqvist", "Jürgen Weiß", "Rafał Nowak", "Kofi Boateng", "Mei Lin Chen"):
        checkin = kiosk_command("--data", str(demo_data), "checkin", name)
        subprocess.run(checkin, capture_output=True, timeout=60, check=True)
    async with Browser(chromium, tmp_path / "chromium", tmp_path / "chromium.log") as browser:
        await browser.show_as(1920, 1080)
        # When it opens the board's address as given, with no font size in it
        await browser.open(served)
        await browser.wait_for_text("Åsa Lindqvist")
        # Then the text is 28 pixels high, in the kiosk's font: the board is about 110
        # columns by 30 lines, letters big enough to read across a room
        size = await browser.evaluate(
            "[caughtTerminal.cols, caughtTerminal.rows, caughtTerminal.options.fontSize]"
        )
        assert isinstance(size, list)
        cols, rows, font_size = size
        assert int(font_size) == 28
        assert 100 <= cols <= 120 and 26 <= rows <= 36, (cols, rows)
        assert await browser.evaluate("document.fonts.check('28px \"Roboto Mono\"')") is True
        shot = tmp_path / "board-1080p.png"
        await browser.screenshot(shot)
        assert png_size(shot) == (1920, 1080)
        # and everything the page asked for, its font too, came from the kiosk's server
        await browser.evaluate("1")  # the last requests' news, read
        served_from = urlsplit(served).netloc
        asked = {urlsplit(url).netloc for url in browser.requested if "//" in url}
        assert asked == {served_from}, browser.requested
        assert any("/static/fonts/RobotoMono" in url for url in browser.requested)


async def test_a_font_size_given_to_the_server_is_the_page_s(chromium: str, tmp_path: Path) -> None:
    data = tmp_path / "data"
    Store.open(data)
    port = free_port()
    with serving_elsewhere(data, port, "--font-size", "40") as address:
        async with Browser(chromium, tmp_path / "chromium", tmp_path / "c.log") as browser:
            await browser.open(address)
            await browser.wait_for_text("Nobody on the board right now")
            assert await browser.evaluate("caughtTerminal.options.fontSize") in (40, "40")
