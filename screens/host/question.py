"""The question of the week, for hosts: ask a new one, or ask none for now, and hide an
answer from every board or bring it back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label

from kiosk.language import _, ngettext
from kiosk.models.conversation import Answer, Question
from kiosk.text import QUESTION_LIMIT, clean
from kiosk.timekeeping import hours
from screens.confirm import ConfirmScreen
from screens.host.hideable_list import HideableList, Wording
from screens.length_count import length_count

if TYPE_CHECKING:
    from textual import getters

    from screens.app import KioskApp


class QuestionPane(Vertical):
    """What is asked now and how many answered; Enter asks the question typed. Below, the
    answers: Enter or a tap hides the highlighted one from every board, or restores it."""

    if TYPE_CHECKING:
        app = getters.app(KioskApp)

    def compose(self) -> ComposeResult:
        yield Label(_("Asked now"), classes="section-title")
        yield Label("", id="question-now")
        yield Label(_("A new question"), classes="section-title")
        yield Input(
            placeholder=_("Like: what is something you learned this month?"), id="question-text"
        )
        yield Label(f"0 / {QUESTION_LIMIT}", id="question-counter", classes="hint")
        with Horizontal(classes="buttons"):
            yield Button(_("Ask this"), id="ask", variant="primary")
            yield Button(_("Ask no question"), id="clear-question", variant="error")
        yield Label(_("Answers"), classes="section-title")
        yield Label("", id="answers-hint", classes="hint")
        yield HideableList[Answer](
            id="answer-list",
            key=lambda answer: answer.member_id,
            line=self.answer_line,
            hide=lambda answer, hidden: self.app.community.hide_answer(
                answer.member_id, hidden=hidden
            ),
            wording=Wording(
                empty=lambda: _("No answers yet."),
                counted=lambda count, hidden: ngettext(
                    "{count} answer, {hidden} hidden. Enter or a tap hides one from every "
                    "board, or restores it.",
                    "{count} answers, {hidden} hidden. Enter or a tap hides one from every "
                    "board, or restores it.",
                    count,
                ).format(count=count, hidden=hidden),
                hidden=lambda: _("Hidden from every board."),
                restored=lambda: _("Back on every board."),
            ),
        )

    def on_mount(self) -> None:
        self.app.community_changed.subscribe(self, lambda _: self.show())
        self.show()

    def show(self) -> None:
        community = self.app.community
        question = community.question()
        now = self.query_one("#question-now", Label)
        if question is None:
            now.update(Content.styled(_("No question is asked right now."), "dim"))
        else:
            count = len(community.answers())
            asked = hours.ago(question.asked, community.clock(), community.zone)
            about = ngettext(
                "asked {when}, {count} answer", "asked {when}, {count} answers", count
            ).format(when=asked, count=count)
            now.update(
                Content.assemble(
                    _("“{question}”").format(question=question.text), (f"  {about}", "dim")
                )
            )
        self.query_one("#clear-question", Button).disabled = question is None
        self.show_answers()

    def show_answers(self) -> None:
        listing: HideableList[Answer] = self.query_one("#answer-list", HideableList)
        listing.show_records(
            sorted(self.app.community.answers(), key=lambda a: a.given, reverse=True)
        )
        listing.display = bool(listing.records)
        self.query_one("#answers-hint", Label).update(listing.summary())

    def answer_line(self, answer: Answer) -> Content:
        name = Content.styled(self.app.community.name_of(answer.member_id), "bold")
        if answer.hidden:
            return Content.assemble(
                (_("HIDDEN") + " ", "bold $error"), name, "  ", (answer.text, "dim strike")
            )
        return Content.assemble(name, "  ", answer.text)

    @on(Input.Changed, "#question-text")
    def count(self, event: Input.Changed) -> None:
        length = len(clean(event.value))
        counter = self.query_one("#question-counter", Label)
        over = length - QUESTION_LIMIT
        counter.update(length_count(length, QUESTION_LIMIT))
        counter.set_class(over > 0, "caution")

    @on(Input.Submitted, "#question-text")
    @on(Button.Pressed, "#ask")
    def ask(self) -> None:
        typed = self.query_one("#question-text", Input).value
        if not typed.strip():
            return
        answers = len(self.app.community.answers())
        if not answers:
            self.asked_for(typed)
            return
        question = ngettext(
            "Ask this instead of the question now, and let its answer go?",
            "Ask this instead of the question now, and let its {count} answers go?",
            answers,
        ).format(count=answers)
        self.app.push_screen(
            ConfirmScreen(question, _("Ask")),
            lambda sure: self.asked_for(typed) if sure else None,
        )

    def asked_for(self, typed: str) -> None:
        community = self.app.community
        self.app.store_call(
            lambda: community.ask(typed),
            self.asked,
            saved=_("The question of the week is set."),
            button=self.query_one("#ask", Button),
        )

    def asked(self, question: Question) -> None:
        self.query_one("#ask", Button).disabled = False
        self.query_one("#question-text", Input).value = ""
        self.app.notify(_("The question of the week is set."))
        self.show()

    @on(Button.Pressed, "#clear-question")
    def ask_clear(self) -> None:
        self.app.push_screen(
            ConfirmScreen(
                _("Ask no question for now? Its answers are let go."), _("Ask no question")
            ),
            self.clear,
        )

    def clear(self, sure: bool | None) -> None:
        if not sure:
            return
        community = self.app.community
        self.app.store_call(
            community.clear_question,
            lambda cleared: self.app.notify(_("No question is asked now.")),
            saved=_("No question is asked now."),
            button=self.query_one("#clear-question", Button),
        )
