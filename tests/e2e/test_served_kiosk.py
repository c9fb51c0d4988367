"""`kiosk serve --kiosk` on this machine, reached as a web page or a local user would:
only its own page, with the secret address it printed, and a few browsers at a time."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus
from websockets.typing import Origin

from kiosk.storage.store import Store
from tests.e2e.browser import Browser
from tests.e2e.serving import free_port, serving


@dataclass(frozen=True, slots=True)
class Served:
    origin: str
    """The server's own page's origin, like http://127.0.0.1:8123."""
    secret: str


@pytest.fixture
def served_kiosk(tmp_path: Path) -> Iterator[Served]:
    """`kiosk serve --kiosk --sessions 1` on a free loopback port; its origin and the
    secret it printed."""
    data = tmp_path / "data"
    Store.open(data)
    port = free_port()
    with serving(data, port, "--kiosk", "--sessions", "1") as log:
        found = re.search(rf"http://127\.0\.0\.1:{port}/\?secret=(\S+)", log.read_text())
        assert found is not None, log.read_text()
        yield Served(f"http://127.0.0.1:{port}", found[1])


def page_status(address: str | urllib.request.Request) -> int:
    try:
        with urllib.request.urlopen(address, timeout=10) as page:
            return int(page.status)
    except urllib.error.HTTPError as refused:
        return refused.code


async def websocket_status(served: Served, origin: str, secret: str) -> int:
    """101 when the websocket opened (and the kiosk sent its first screen), else the
    HTTP status that refused it."""
    address = served.origin.replace("http", "ws") + f"/ws?secret={secret}&width=80"
    try:
        async with connect(address, origin=Origin(origin), open_timeout=10) as websocket:
            await websocket.recv()
            return 101
    except InvalidStatus as refused:
        return refused.response.status_code


def test_the_page_opens_only_at_the_address_printed(served_kiosk: Served) -> None:
    assert page_status(f"{served_kiosk.origin}/") == 403
    assert page_status(f"{served_kiosk.origin}/?secret=guessed") == 403
    assert page_status(f"{served_kiosk.origin}/?secret={served_kiosk.secret}") == 200


async def test_another_web_page_cannot_drive_the_kiosk(served_kiosk: Served) -> None:
    # A page elsewhere, even one that learned the secret, is refused by its origin
    assert await websocket_status(served_kiosk, "http://evil.example", served_kiosk.secret) == 403
    assert await websocket_status(served_kiosk, "null", served_kiosk.secret) == 403


async def test_without_the_secret_nobody_drives_the_kiosk(served_kiosk: Served) -> None:
    # A local user on this machine, or a page of the server's own origin
    assert await websocket_status(served_kiosk, served_kiosk.origin, "") == 403
    assert await websocket_status(served_kiosk, served_kiosk.origin, "guessed") == 403


async def test_the_kiosk_s_own_page_with_the_secret_gets_a_kiosk_and_one_browser_at_a_time(
    served_kiosk: Served,
) -> None:
    address = served_kiosk.origin.replace("http", "ws")
    address += f"/ws?secret={served_kiosk.secret}&width=80&height=24"
    async with connect(address, origin=Origin(served_kiosk.origin), open_timeout=10) as first:
        assert await first.recv()
        # A second browser, while the first is served, is told to wait its turn
        assert await websocket_status(served_kiosk, served_kiosk.origin, served_kiosk.secret) == 503


async def test_a_browser_at_the_address_printed_gets_the_kiosk(
    chromium: str, served_kiosk: Served, tmp_path: Path
) -> None:
    address = f"{served_kiosk.origin}/?secret={served_kiosk.secret}"
    async with Browser(chromium, tmp_path / "chromium", tmp_path / "chromium.log") as browser:
        await browser.open(address)
        assert "Type your name to check in or out." in await browser.wait_for_text("Type your")


def test_a_download_needs_the_secret_the_page_was_opened_with(served_kiosk: Served) -> None:
    # Without the secret, a download (a member's own data) is refused before its key is
    # even looked at
    assert page_status(f"{served_kiosk.origin}/download/some-key") == 403
    # The page at the address printed hands its browser the secret for downloads alone
    with urllib.request.urlopen(
        f"{served_kiosk.origin}/?secret={served_kiosk.secret}", timeout=10
    ) as page:
        cookie = page.headers["Set-Cookie"]
    assert "Path=/download" in cookie and "HttpOnly" in cookie
    # With it, the download is looked for (and this key is not there)
    asked = urllib.request.Request(
        f"{served_kiosk.origin}/download/some-key", headers={"Cookie": cookie.split(";")[0]}
    )
    assert page_status(asked) == 404
    # A guessed one is refused
    guessed = urllib.request.Request(
        f"{served_kiosk.origin}/download/some-key", headers={"Cookie": "kiosk-secret=guessed"}
    )
    assert page_status(guessed) == 403
