"""The web server behind `kiosk serve`: textual-serve's, with guards at its door.

textual-serve runs a command (the board, or the kiosk) for each browser that opens its
page, and passes keys and screen between them over a websocket. Left as it is, any web
page open on the machine could open that websocket and drive the kiosk, and every
connection starts a process. So:

- a websocket whose Origin is not this server's own page is refused: another web page in
  the same browser cannot reach it;
- serving the kiosk, the page and its websocket need a secret made at start, which only
  the address printed then holds (as notebook servers do), so neither a web page nor a
  local user without that address gets in; so does a download (a member's own data),
  which the page's script asks for without it: the page leaves the secret in a cookie
  for downloads alone;
- at most `sessions` browsers are served at once.

Its page is the kiosk's own (`served_page/app_index.html`): the font comes from this
server, never from a font host on the internet, so the lobby TV asks nothing of any other
machine and works offline; and its text is large enough to read across a room: an address
without a font size is sent on to the same address with the server's (`?fontsize=28`),
which a host may change with `--font-size`, or in the address itself for one screen.

Loaded only by `kiosk serve` (see kiosk.exchange.serving).
"""

from __future__ import annotations

import hmac
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp_jinja2
from aiohttp import web
from textual_serve.server import Server, to_int

SECRET = "secret"
"""The query parameter that carries the secret."""
SECRET_COOKIE = "kiosk-secret"
"""The cookie that carries the secret to downloads, whose address the page's script makes."""
DOWNLOADS = "/download"
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
PAGE = Path(__file__).with_name("served_page")
"""The page's template, in place of textual-serve's."""


class GuardedServer(Server):
    """textual-serve's server, refusing foreign origins, asking for `secret` (when given),
    serving at most `sessions` browsers at once, its text `font_size` pixels high."""

    def __init__(
        self,
        command: str,
        *,
        host: str,
        port: int,
        title: str,
        public_url: str,
        secret: str | None,
        sessions: int,
        font_size: int,
    ) -> None:
        super().__init__(
            command,
            host=host,
            port=port,
            title=title,
            public_url=public_url,
            templates_path=PAGE,
        )
        self.font_size = font_size
        """In CSS pixels; textual-serve's own default is 16."""
        self.secret = secret
        self.sessions = sessions
        self.open_sessions = 0
        self.origins = own_origins(public_url)

    @property
    def page_address(self) -> str:
        """Where a browser opens the page: the public address, with the secret if any."""
        return self.public_url + ("/" if self.secret is None else f"/?{SECRET}={self.secret}")

    async def on_startup(self, app: web.Application) -> None:
        """Said by `kiosk serve` itself, in the kiosk's words."""

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        self._admit(request, websocket=False)
        if "fontsize" not in request.query:
            raise web.HTTPFound(request.rel_url.update_query(fontsize=self.font_size))
        websocket = f"{self.public_url}/ws".replace("http", "ws", 1)
        if self.secret is not None:
            # The page adds "?width=…&height=…" to this address itself; the "&" keeps the
            # secret a parameter of its own (the page sends its size again once open).
            websocket += f"?{SECRET}={self.secret}&"
        context = {
            "font_size": to_int(request.query["fontsize"], self.font_size),
            "app_websocket_url": websocket,
            "config": {"static": {"url": f"{self.public_url}/static/"}},
            "application": {"name": self.title},
        }
        page = aiohttp_jinja2.render_template("app_index.html", request, context)
        if self.secret is not None:
            # Sent back only to this server's downloads, asked for by this server's page.
            page.set_cookie(
                SECRET_COOKIE, self.secret, path=DOWNLOADS, httponly=True, samesite="Strict"
            )
        return page

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        self._require_secret(request.cookies.get(SECRET_COOKIE, ""))
        return await super().handle_download(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        self._admit(request, websocket=True)
        self.open_sessions += 1
        try:
            return await super().handle_websocket(request)
        finally:
            self.open_sessions -= 1

    def _admit(self, request: web.Request, websocket: bool) -> None:
        """Refuse, with an HTTP error a person can read, what may not come in."""
        origin = request.headers.get("Origin")
        if websocket and origin is not None and origin not in self.origins:
            raise web.HTTPForbidden(text=f"Pages from {origin} may not use {self.title}.\n")
        self._require_secret(request.query.get(SECRET, ""))
        if self.open_sessions >= self.sessions:
            raise web.HTTPServiceUnavailable(
                text=f"{self.title} is open in {self.sessions} browsers already, the most "
                "it serves at once. Close one, or start `kiosk serve` with more --sessions.\n"
            )

    def _require_secret(self, given: str) -> None:
        """Refuse what does not bring the secret, when there is one."""
        if self.secret is not None and not hmac.compare_digest(
            given.encode(), self.secret.encode()
        ):
            raise web.HTTPForbidden(
                text=f"{self.title} needs the full address `kiosk serve` printed.\n"
            )


def own_origins(public_url: str) -> frozenset[str]:
    """The origins of the server's own page: its public address, and for one on this
    machine, each name this machine goes by."""
    parts = urlsplit(public_url)
    origins = {f"{parts.scheme}://{parts.netloc}"}
    if parts.hostname in ("localhost", "127.0.0.1", "::1"):
        port = f":{parts.port}" if parts.port else ""
        origins |= {f"{parts.scheme}://{name}{port}" for name in LOOPBACK_NAMES}
    return frozenset(origins)
