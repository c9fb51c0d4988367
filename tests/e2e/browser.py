"""Headless Chromium driven through its DevTools protocol, reading what a served Textual
app shows in the page's terminal.

The page draws the terminal on a canvas, so its text is read from the terminal object the
page makes: a script added before the page's own catches it as the page stores it.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import websockets

CATCH_TERMINAL = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "terminal", {value, writable: true, configurable: true});
    if (value && value.buffer && typeof value.write === "function") {
      window.caughtTerminal = value;
    }
  },
});
"""
READ_TERMINAL = """
(() => {
  const terminal = window.caughtTerminal;
  if (!terminal) return "";
  const buffer = terminal.buffer.active;
  const rows = [];
  for (let y = 0; y < terminal.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\\n");
})()
"""


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


class Browser:
    """One headless Chromium with one page; use `async with Browser(...) as browser`."""

    def __init__(self, executable: str, profile: Path, log: Path) -> None:
        self.executable = executable
        self.profile = profile
        self.log = log
        self._process: subprocess.Popen[bytes] | None = None
        self._socket: Any = None
        self._session = ""
        self._ids = itertools.count(1)
        self.requested: list[str] = []
        """Every address the page asked for, allowed or not, in order."""

    async def __aenter__(self) -> Browser:
        with self.log.open("wb") as log:
            self._process = subprocess.Popen(
                [
                    self.executable,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    f"--user-data-dir={self.profile}",
                    "--remote-debugging-port=0",
                    "--window-size=1400,900",
                    # Only this machine is reached: the page's web font is not fetched.
                    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                    "about:blank",
                ],
                stdout=log,
                stderr=log,
                start_new_session=True,
            )
        port, path = await self._devtools_address()
        self._socket = await websockets.connect(f"ws://127.0.0.1:{port}{path}", max_size=None)
        target = await self._call("Target.createTarget", url="about:blank")
        attached = await self._call(
            "Target.attachToTarget", targetId=target["targetId"], flatten=True
        )
        self._session = attached["sessionId"]
        await self._call("Page.enable")
        await self._call("Network.enable")
        await self._call("Page.addScriptToEvaluateOnNewDocument", source=CATCH_TERMINAL)
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        if self._socket is not None:
            # The browser may close before it answers.
            with contextlib.suppress(OSError, websockets.ConnectionClosed):
                await self._call("Browser.close", session=False)
            await self._socket.close()
        if self._process is not None:
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self._process.pid, signal.SIGKILL)
                self._process.wait(timeout=10)

    async def _devtools_address(self) -> tuple[str, str]:
        """Chromium writes the port it chose and the browser's path into the profile."""
        written = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert self._process is not None
            if self._process.poll() is not None:
                raise RuntimeError(f"Chromium stopped at once; see {self.log}")
            lines = written.read_text().splitlines() if written.exists() else []
            if len(lines) == 2:
                return lines[0], lines[1]
            await asyncio.sleep(0.1)
        raise RuntimeError(f"Chromium did not open its DevTools port; see {self.log}")

    async def _call(self, method: str, session: bool = True, **params: Any) -> dict[str, Any]:
        number = next(self._ids)
        message: dict[str, Any] = {"id": number, "method": method, "params": params}
        if session and self._session:
            message["sessionId"] = self._session
        await self._socket.send(json.dumps(message))
        while True:  # events come in between; the answer carries the call's number
            reply = json.loads(await self._socket.recv())
            if reply.get("method") == "Network.requestWillBeSent":
                self.requested.append(reply["params"]["request"]["url"])
            if reply.get("id") == number:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply["result"]
                return result

    async def open(self, url: str) -> None:
        await self._call("Page.navigate", url=url)

    async def show_as(self, width: int, height: int) -> None:
        """Make the page a screen of `width` by `height` pixels, one pixel a pixel."""
        await self._call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )

    async def screenshot(self, path: Path) -> None:
        """Save what the page shows as a PNG."""
        shot = await self._call("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(shot["data"]))

    async def evaluate(self, expression: str) -> object:
        """What a script run in the page gives back."""
        answer = await self._call("Runtime.evaluate", expression=expression, returnByValue=True)
        return answer["result"].get("value")

    async def terminal_text(self) -> str:
        """The rows the page's terminal shows now, one line each."""
        answer = await self._call("Runtime.evaluate", expression=READ_TERMINAL, returnByValue=True)
        return str(answer["result"].get("value", ""))

    async def wait_for_text(self, wanted: str, seconds: float = 30) -> str:
        """The terminal's text once it shows `wanted`; fails after `seconds`."""
        deadline = time.monotonic() + seconds
        text = ""
        while time.monotonic() < deadline:
            text = await self.terminal_text()
            if wanted in text:
                return text
            await asyncio.sleep(0.2)
        raise AssertionError(f"{wanted!r} did not show within {seconds} s; the page shows:\n{text}")
