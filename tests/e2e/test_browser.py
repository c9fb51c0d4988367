"""The wall board in a web browser, as on the lobby TV: `kiosk serve` on this machine,
headless Chromium on the page, and a check-in made at the command line showing up."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.community import Community
from kiosk.store import Store
from tests.conftest import FakeClock
from tests.e2e.browser import Browser
from tests.e2e.serving import free_port, kiosk_command, listening, stop
from tests.privacy import seed_secrets


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    """`kiosk serve` on a free loopback port of the data folder tmp_path/data; its address."""
    Store.open(tmp_path / "data")
    # Served from a folder holding some other `kiosk`: each browser must still get this one.
    decoy = tmp_path / "elsewhere" / "kiosk"
    decoy.mkdir(parents=True)
    (decoy / "__init__.py").write_text("", encoding="utf-8")
    (decoy / "cli.py").write_text("raise SystemExit('not the kiosk')\n", encoding="utf-8")
    port = free_port()
    log = (tmp_path / "serve.log").open("wb")
    server = subprocess.Popen(
        kiosk_command("--data", str(tmp_path / "data"), "serve", "--port", str(port)),
        cwd=decoy.parent,
        stdout=log,
        stderr=log,
        start_new_session=True,  # the server and each browser's board, stopped together
    )
    try:
        deadline = time.monotonic() + 30
        while not listening(port):
            assert server.poll() is None, (tmp_path / "serve.log").read_text()
            assert time.monotonic() < deadline, "kiosk serve did not start listening"
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/"
    finally:
        stop(server)
        log.close()


async def test_a_check_in_at_the_command_line_shows_on_the_board_in_the_browser(
    chromium: str, served: str, tmp_path: Path, clock: FakeClock
):
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
