"""Today's status: always exactly one of the choices, chosen by arrow keys or a tap."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import RadioButton

from kiosk.language import N_, _
from kiosk.models import STATUS_LABELS, STATUSES, Status
from screens.ticks import Choice

STATUS_MEANINGS: dict[Status, str] = {
    "open": N_("On the board with your topics: people may come and say hi."),
    "heads-down": N_("On the board as focused, without topics: people let you work."),
    "incognito": N_("Counted for the hosts only: your name is on no screen anyone else sees."),
}
"""What each status means for who sees you, in a few words; marked, shown translated."""
OFF_BOARD_MEANINGS: dict[Status, str] = {
    "open": N_("Off the board, as you chose: counted, never named. Hosts see your topics."),
    "heads-down": N_("Off the board, as you chose: counted, never named; heads-down for hosts."),
    "incognito": STATUS_MEANINGS["incognito"],
}
"""The same for a member who keeps off the board, whatever their status."""


def status_meaning(status: Status, on_board: bool) -> str:
    """What `status` means for who sees a member on the board or off it."""
    return _((STATUS_MEANINGS if on_board else OFF_BOARD_MEANINGS)[status])


class StatusChoice(Widget, can_focus=True):
    """A row of choices; ←/→ move the choice itself, as a row of toggles would."""

    DEFAULT_CSS = """
    StatusChoice {
        layout: horizontal;
        height: auto;
        width: auto;
        pointer: pointer;
        & > RadioButton {
            width: auto;
            margin-right: 3;
            background: transparent;
            border: none;
            padding: 0;
            & > .toggle--button { color: $panel-darken-2; background: $panel; }
        }
        & > RadioButton.-on .toggle--button { color: $text-success; }
        &:focus > RadioButton.-chosen > .toggle--label {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """
    BINDINGS = [
        Binding("right,down", "step(1)", N_("Next status"), show=False),
        Binding("left,up", "step(-1)", N_("Previous status"), show=False),
    ]

    status: reactive[Status] = reactive[Status]("open")

    def __init__(self, status: Status = "open", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(StatusChoice.status, status)

    def compose(self) -> ComposeResult:
        for status in STATUSES:
            button = Choice(
                _(STATUS_LABELS[status]).capitalize(), value=status == self.status, classes=status
            )
            button.can_focus = False
            button.set_class(status == self.status, "-chosen")
            yield button

    def action_step(self, step: int) -> None:
        # The ends stay ends: ← on the first choice does not jump to the last, whose
        # meaning (incognito) is the furthest from it.
        index = STATUSES.index(self.status) + step
        self.status = STATUSES[min(max(index, 0), len(STATUSES) - 1)]

    class Changed(Message):
        """Another status was chosen."""

    def watch_status(self) -> None:
        self.show_status()
        self.post_message(self.Changed())

    @on(RadioButton.Changed)
    def tapped(self, event: RadioButton.Changed) -> None:
        # A tap toggles the button it hit; what it means here is "choose this one".
        event.stop()
        index = list(self.query(RadioButton)).index(event.radio_button)
        self.status = STATUSES[index]
        self.show_status()

    def show_status(self) -> None:
        for status, button in zip(STATUSES, self.query(RadioButton), strict=True):
            chosen = status == self.status
            button.set_class(chosen, "-chosen")
            if button.value != chosen:
                with button.prevent(RadioButton.Changed):
                    button.value = chosen
