"""The question of the week after check-in, with one line to answer it in."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label

from kiosk.language import N_, _
from kiosk.models.conversation import Answer, Question
from kiosk.text import ANSWER_LIMIT

ASK = N_("Tab to answer in one line; it goes on the board to start a chat.")


class QuestionPrompt(Vertical):
    """The question, and a line to answer it in that takes focus only when asked to: the
    next person's typing goes home, not into someone else's answer."""

    DEFAULT_CSS = """
    QuestionPrompt {
        height: auto;
        padding: 0 1;
        & > #question { width: 100%; }
        & > #answered { padding: 0; }
    }
    """

    def __init__(self, question: Question, given: Answer | None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.question = question
        self.given = given
        """The member's answer from earlier this week, if any."""

    def compose(self) -> ComposeResult:
        change = "  · " + _("Tab to change your answer") if self.given else ""
        yield Label(
            Content.assemble(
                (_("Question of the week:") + " ", "bold $accent"),
                self.question.text,
                (change, "dim"),
            ),
            id="question",
        )
        yield Input(
            self.given.text if self.given else "",
            placeholder=_(ASK),
            max_length=ANSWER_LIMIT,
            compact=True,
            select_on_focus=False,
            id="answer",
        )

    @property
    def answer_box(self) -> Input:
        return self.query_one("#answer", Input)

    @property
    def answering(self) -> bool:
        # The screen's record, not the box's own flag, which lags until its blur is handled.
        return any(box is self.screen.focused for box in self.query("#answer").results(Input))

    def close(self, said: str) -> None:
        """The question is answered or skipped: say so where the answer was typed."""
        for box in self.query("#answer"):
            box.remove()
        self.mount(Label(Content(said), id="answered", classes="hint"))
