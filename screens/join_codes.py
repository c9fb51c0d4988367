"""The codes a phone joins from: the space's Wi-Fi and its online chat, each labelled.

A QR code cannot be drawn smaller than two modules a cell and still be read, so a code
is shown whole or not at all: one that does not fit the height there is waits for the
next turn (`turn`), when the codes after those in view take their place.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widgets import Label

from kiosk.badges.wifi import WifiNetwork, wifi_payload
from kiosk.language import _
from screens.qr import QRCode

NO_ROOM = Size(0, 0)
"""What a QR code's size is measured against: it needs the size it needs."""


def wifi_label(network: WifiNetwork) -> str:
    return _("Join the Wi-Fi: {network}").format(network=network.ssid)


class JoinCode(Vertical):
    """A label over a QR code, as wide as the code; a long label wraps."""

    def __init__(self, label: str, data: str, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="join-code")
        self.label = label
        self.code = QRCode(data, id=f"{id}-code" if id else None)

    def compose(self) -> ComposeResult:
        yield Label(Content(self.label), classes="join-label")
        yield self.code

    def on_mount(self) -> None:
        self.styles.width = self.columns

    @property
    def columns(self) -> int:
        return self.code.get_content_width(NO_ROOM, NO_ROOM)

    def rows_needed(self) -> int:
        """Lines for the label and the whole code."""
        label = len(Content(self.label).wrap(self.columns))
        return label + self.code.get_content_height(NO_ROOM, NO_ROOM, self.columns)


class JoinCodes(Vertical):
    """The Wi-Fi code, then the chat's, for those of them the config gives."""

    def __init__(self, wifi: WifiNetwork | None, link: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.wifi = wifi
        self.link = link
        self.first = 0
        """The first code in view; those before it had their turn."""

    def compose(self) -> ComposeResult:
        if self.wifi is not None:
            yield JoinCode(wifi_label(self.wifi), wifi_payload(self.wifi), id="wifi")
        if self.link:
            yield JoinCode(_("Our chat"), self.link, id="chat")

    class Fitted(Message):
        """Which codes are in view, and which wait for a turn, may have changed."""

    def on_resize(self) -> None:
        self.fit()

    def fit(self) -> None:
        """Show each code from the first, in order, that still fits whole in the height
        left; each a line below what is above it, where there is a line to spare."""
        room = self.content_size.height
        for index, code in enumerate(self.query(JoinCode)):
            needed = code.rows_needed()
            gap = 1 if needed + 1 <= room else 0
            code.styles.margin = (gap, 0, 0, 0)
            code.display = index >= self.first and needed <= room
            if code.display:
                room -= needed + gap
        self.post_message(self.Fitted())

    @property
    def waiting(self) -> list[JoinCode]:
        """The codes after those in view (after the first, when none fits): each has a
        turn to come."""
        codes = list(self.query(JoinCode))
        shown = [index for index, code in enumerate(codes) if code.display]
        return codes[max(shown, default=self.first) + 1 :]

    def turn(self) -> None:
        """Show the codes that were waiting, in place of those in view."""
        waiting = self.waiting
        if waiting:
            self.first = list(self.query(JoinCode)).index(waiting[0])
            self.fit()

    def rewind(self) -> None:
        """Back to the first code."""
        self.first = 0
        self.fit()

    @property
    def shown(self) -> list[JoinCode]:
        """The codes on screen now."""
        return [code for code in self.query(JoinCode) if code.display]
