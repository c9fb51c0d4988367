"""Real local receivers for the kiosk's notices: an HTTP server that Apprise reaches by a
`json://127.0.0.1:PORT/` URL, and a mail server for `mailto://`, each keeping what
arrived. No mocks: Apprise speaks to them as it would to a chat or a mail service."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from aiosmtpd.smtp import SMTP


@dataclass
class Arrived:
    """One message that reached a receiver."""

    title: str
    message: str
    idempotency_key: str


@dataclass
class WebHook:
    """An HTTP receiver: what arrived, and whether it is up (when down, it answers 503)."""

    port: int
    arrived: list[Arrived] = field(default_factory=list)
    up: bool = True
    refused: int = 0
    """Messages that came while it was down."""
    hold: threading.Event | None = None
    """When set to an event, each message is answered only once the event is set."""
    held: int = 0
    """Messages that came while it was holding them."""

    @property
    def url(self) -> str:
        return f"json://127.0.0.1:{self.port}/"


@contextmanager
def web_hook() -> Iterator[WebHook]:
    """A local JSON web hook, served until the block ends."""
    hook: WebHook

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            payload: Any = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            if not hook.up:
                hook.refused += 1
                self.send_response(503)
                self.end_headers()
                return
            if hook.hold is not None:
                hook.held += 1
                hook.hold.wait()
            key = self.headers.get("Idempotency-Key", "")
            hook.arrived.append(Arrived(payload["title"], payload["message"], key))
            self.send_response(200)
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the test says what matters."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    hook = WebHook(server.server_address[1])
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield hook
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class MailServer:
    """A local SMTP server: each message that arrived, as (recipients, parsed message)."""

    port: int
    arrived: list[tuple[list[str], EmailMessage]] = field(default_factory=list)

    def url(self, to: str) -> str:
        return f"mailto://kiosk@127.0.0.1:{self.port}?to={to}&from=kiosk@example.org"


@contextmanager
def mail_server() -> Iterator[MailServer]:
    """A local SMTP server (aiosmtpd) in a thread of its own, until the block ends.

    Run on an event loop of our own rather than aiosmtpd's Controller, whose start waits
    on a thread with a timeout, which a test run under faketime cannot do."""
    mail: MailServer

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            parsed = message_from_bytes(envelope.content, policy=default)
            mail.arrived.append((list(envelope.rcpt_tos), parsed))
            return "250 OK"

    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    started = loop.create_server(lambda: SMTP(Handler(), hostname="kiosk-test"), "127.0.0.1", 0)
    server = asyncio.run_coroutine_threadsafe(started, loop).result()
    mail = MailServer(server.sockets[0].getsockname()[1])

    async def close() -> None:
        server.close()
        await server.wait_closed()

    try:
        yield mail
    finally:
        asyncio.run_coroutine_threadsafe(close(), loop).result()
        loop.call_soon_threadsafe(loop.stop)
        thread.join()
        loop.close()


def unreachable_url() -> str:
    """A json:// URL on a local port where nothing listens: sending to it fails at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"json://127.0.0.1:{port}/"


def until(condition: Callable[[], bool], what: str, seconds: float = 30) -> None:
    """Look again and again, briefly, until `condition` holds; fail after `seconds`
    saying that `what` never happened. For a receiver fed by another process."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen within {seconds} seconds")
        time.sleep(0.02)
