"""F1 on any screen: the keys of that screen and what each does, for members and hosts
alike (F2 to F6 mean one thing at the door and another in the host console)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static

from kiosk.language import _
from screens.commands import CLOSE_KEYS, KeysInLanguage


@dataclass(frozen=True, slots=True)
class KeyHelp:
    """One command as the help lists it."""

    keys: str
    """Its keys as the footer writes them, like "⏎ / esc"."""
    label: str
    help: str


def keys_of(screen: Screen[object]) -> list[KeyHelp]:
    """The commands `screen` offers now, each once with all its keys, the screen's before
    the kiosk's: only the kiosk's own commands (those with a help text), and only those
    that would do something now."""
    app = screen.app
    found: dict[str, tuple[list[str], Binding]] = {}
    # The screen's own commands first, then those of the whole kiosk (F1, quitting).
    bindings = sorted(screen.active_bindings.values(), key=lambda active: active.node is app)
    for active in bindings:
        binding = active.binding
        if not active.enabled or not active.tooltip:
            continue
        keys, _ = found.setdefault(binding.id or binding.action, ([], binding))
        # A command's own way of writing a key (Enter as ⏎) is for its first key only.
        keys.append(
            app.get_key_display(binding if not keys else replace(binding, key_display=None))
        )
    return [
        KeyHelp(" / ".join(dict.fromkeys(keys)), binding.description, binding.tooltip)
        for keys, binding in found.values()
    ]


class KeysScreen(KeysInLanguage, ModalScreen[None]):
    """The keys of the screen beneath, over it; Escape or F1 closes it."""

    CSS_PATH = "key_help.tcss"
    BINDINGS = [CLOSE_KEYS]

    def __init__(self, keys: list[KeyHelp]) -> None:
        super().__init__()
        self.keys = keys

    def compose(self) -> ComposeResult:
        width = max((len(key.keys) for key in self.keys), default=0)
        with Vertical(id="dialog"):
            yield Label(
                Content.assemble(
                    _("Keys on this screen"), ("  · " + _("Escape or F1 closes this"), "dim")
                ),
                classes="title",
            )
            with VerticalScroll(id="keys"):
                for key in self.keys:
                    with Horizontal(classes="key"):
                        keys = Label(key.keys, classes="keys")
                        keys.styles.width = width + 2
                        yield keys
                        yield Static(Content.assemble((key.label, "bold"), ": ", key.help))

    def action_close_keys(self) -> None:
        self.dismiss()
