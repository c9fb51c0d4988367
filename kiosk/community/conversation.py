"""What members say to each other: shout-outs, and answers to the question of the week."""

from __future__ import annotations

import os
from dataclasses import replace
from typing import TYPE_CHECKING

from kiosk import text
from kiosk.community.state import CommunityState
from kiosk.errors import Refused
from kiosk.language import N_, _

# The board's answers are worked out for the board alone, and the records are loaded by
# the verbs that make them: a command at the door makes none.
if TYPE_CHECKING:
    from kiosk.community.answers import ShownAnswer
    from kiosk.models.conversation import Answer, Question, ShoutOut


class Conversation:
    """Shout-outs and the question of the week, read from and written through the
    community's state."""

    def __init__(self, state: CommunityState) -> None:
        self.state = state

    # -- shout-outs ----------------------------------------------------------------

    def shoutouts(self, limit: int | None = None) -> list[ShoutOut]:
        """Shout-outs public screens show (`shown_publicly`), newest first as far as the
        public may tell (`hours.public_order`)."""
        return [s for s in self.state.shoutouts_in_public_order if self.state.shown_publicly(s)][
            :limit
        ]

    def all_shoutouts(self) -> list[ShoutOut]:
        """Every shout-out, hidden ones too (for hosts), newest first."""
        return list(self.state.shoutouts_newest_first)

    def post_shoutout(self, from_id: str, to_id: str | None, message: str) -> ShoutOut:
        """Leave a shout-out to one member, or to everyone when `to_id` is None."""
        from kiosk.models.conversation import ShoutOut

        message = text.required(message, N_("a shout-out"), text.SHOUTOUT_LIMIT)
        with self.state.writing():
            author = self.state.member(from_id)
            if to_id is not None:
                self.state.member(to_id)
            shoutout = ShoutOut(
                id="s" + os.urandom(6).hex(),
                from_id=from_id,
                to_id=to_id,
                text=message,
                created=self.state.clock(),
                quiet=self.state.here_unseen(author),
            )
            self.state.store.put_shoutout(shoutout)
            self.state.load_shoutouts()
        return shoutout

    def hide_shoutout(self, shoutout_id: str, hidden: bool = True) -> ShoutOut:
        """Hide a shout-out from every public screen, or restore it (for hosts)."""
        with self.state.writing():
            shoutout = next(
                (s for s in self.state.shoutouts_newest_first if s.id == shoutout_id), None
            )
            if shoutout is None:
                raise Refused(
                    _("There is no shout-out with the id '{id}'.").format(
                        id=text.shortened(shoutout_id)
                    )
                )
            changed = replace(shoutout, hidden=hidden)
            self.state.store.put_shoutout(changed)
            self.state.load_shoutouts()
        return changed

    # -- the question of the week -----------------------------------------------------

    def question(self) -> Question | None:
        return self.state.question_asked

    def answers(self) -> list[Answer]:
        """Answers to the question of the week, as given."""
        return list(self.state.answers_given)

    def ask(self, question: str) -> Question:
        """Set the question of the week (for hosts); answers to the last one are let go."""
        from kiosk.models.conversation import Question

        question = text.required(question, N_("a question"), text.QUESTION_LIMIT)
        with self.state.writing():
            asked = Question("q" + os.urandom(6).hex(), question, self.state.clock())
            self.state.store.set_question(asked)
            self.state.load_questions()
        return asked

    def clear_question(self) -> None:
        """Ask no question for now (for hosts)."""
        with self.state.writing():
            self.state.store.set_question(None)
            self.state.load_questions()

    def answer(self, member_id: str, answer: str) -> Answer:
        """A member's one-line answer to the question of the week (a new one replaces
        their earlier answer). Given while here unseen, it waits for them to leave, as
        a shout-out does."""
        from kiosk.models.conversation import Answer

        answer = text.required(answer, N_("an answer"), text.ANSWER_LIMIT)
        with self.state.writing():
            member = self.state.member(member_id)
            if self.state.question_asked is None:
                raise Refused(_("There is no question of the week right now."))
            given = Answer(
                self.state.question_asked.id,
                member_id,
                answer,
                self.state.clock(),
                quiet=self.state.here_unseen(member),
            )
            others = [a for a in self.state.answers_given if a.member_id != member_id]
            self.state.store.put_answers([*others, given])
            self.state.load_questions()
        return given

    def hide_answer(self, member_id: str, hidden: bool = True) -> Answer:
        """Hide a member's answer to the question of the week from every board, or
        restore it (for hosts)."""
        with self.state.writing():
            member = self.state.member(member_id)
            given = next((a for a in self.state.answers_given if a.member_id == member_id), None)
            if (
                self.state.question_asked is None
                or given is None
                or given.question_id != self.state.question_asked.id
            ):
                raise Refused(
                    _("{name} has not answered the question of the week.").format(name=member.name)
                )
            changed = replace(given, hidden=hidden)
            others = [a for a in self.state.answers_given if a.member_id != member_id]
            self.state.store.put_answers([*others, changed])
            self.state.load_questions()
        return changed

    def answers_shown(self, limit: int = 5) -> list[ShownAnswer]:
        """This week's answers the board shows as conversation starters: not one that
        waits for its member to leave (`waits_for_its_author`)."""
        from kiosk.community.answers import answers_to_show

        ready = [
            a
            for a in self.state.answers_given
            if not self.state.waits_for_its_author(a.quiet, a.member_id, a.given)
        ]
        people = {a.member_id: self.state.member_or_none(a.member_id) for a in ready}
        members = {member_id: m for member_id, m in people.items() if m is not None}
        return answers_to_show(
            self.state.question_asked,
            ready,
            members,
            self.state.present(),
            self.state.clock(),
            self.state.zone,
            limit,
        )
