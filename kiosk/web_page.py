"""The page a browser opens on `kiosk serve`: textual-serve's, with two changes.

- Its font comes from this server (`served_page/app_index.html`), never from a font host
  on the internet: the lobby TV asks nothing of any other machine, and works offline.
- Its text is large enough to read across a room by default: an address without a font
  size is sent on to the same address with the server's (`?fontsize=28`), which a host
  may change with `--font-size`, or in the address itself for one screen.

Loaded only when serving: the other commands never load the web server.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aiohttp import web
from textual_serve.server import Server

PAGE = Path(__file__).with_name("served_page")
"""The page's template, in place of textual-serve's."""


class PageServer(Server):
    """textual-serve's server, with the kiosk's page and the font size it is given."""

    def __init__(self, command: str, *, font_size: int, **options: Any) -> None:
        super().__init__(command, templates_path=PAGE, **options)
        self.font_size = font_size
        """In CSS pixels; textual-serve's own default is 16."""

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        if "fontsize" not in request.query:
            raise web.HTTPFound(request.rel_url.update_query(fontsize=self.font_size))
        response: web.StreamResponse = await super().handle_index(request)
        return response

    async def on_startup(self, app: web.Application) -> None:
        """Said by `kiosk.serving` instead, in the kiosk's words."""
