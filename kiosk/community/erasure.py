"""A member's data leaving, or two records of one person becoming one.

Both reach into who is here, the history (which may hold years of visits), shout-outs,
answers and members' files, and each is one change to all of them: made whole, or not at
all, whatever stops it (see kiosk.storage.intent).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, Literal

from kiosk import text
from kiosk.community.attendance import Attendance
from kiosk.community.state import CommunityState
from kiosk.models import Member
from kiosk.timekeeping.closing import checked_out

if TYPE_CHECKING:  # annotations only: a command at the door loads no shout-outs
    from kiosk.models.conversation import ShoutOut

TheirShoutouts = Literal["remove", "anonymous"]


class Erasure:
    """Deleting a member's data and merging two records of one person: it changes
    members, visits, shout-outs and answers at once, through the community's state, and
    asks attendance who is here."""

    def __init__(self, state: CommunityState, attendance: Attendance) -> None:
        self.state = state
        self.attendance = attendance

    def delete_member(self, member_id: str, their_shoutouts: TheirShoutouts = "remove") -> None:
        """Delete a member's data: their profile goes; shout-outs they wrote are removed
        or kept without their name, as they choose; shout-outs to them and their answers
        go, with their acceptances, inductions and the invitations they made; their visits
        stay only as anonymous counts. They are checked out first."""
        with self.state.writing():
            member = self.state.member(member_id)
            visit = self.attendance.visit_of(member_id)
            if visit is not None:
                here = (visit, *self.attendance.guests_of(member_id))
                self.state.store.close_visits([checked_out(v, self.state.clock()) for v in here])
            self._give_visits(member, "")

            def kept(shoutout: ShoutOut) -> ShoutOut | None:
                if shoutout.to_id == member_id:
                    return None
                if shoutout.from_id == member_id:
                    return None if their_shoutouts == "remove" else replace(shoutout, from_id=None)
                return shoutout

            self.state.store.change_shoutouts(kept)
            self.state.store.put_answers(
                a for a in self.state.answers_given if a.member_id != member_id
            )
            self.state.store.forget_records(member_id)
            self.state.store.members.remove(member)
            # The journal of who came and went names them too: start it afresh.
            self.state.store.presence.compact()
            self.state.load_presence_and_talk()
            self.state.forget(member_id)

    def merge_members(self, keep_id: str, other_id: str) -> Member:
        """Make two records of one person one: `other`'s visits, guests, shout-outs,
        answers, acceptances, inductions and invitations become `keep`'s, with the topics
        of both; `other`'s badge stops working.
        If both are here, `other`'s visit ends now."""
        if keep_id == other_id:
            return self.state.member(keep_id)
        with self.state.writing():
            keep, other = self.state.member(keep_id), self.state.member(other_id)
            self._move_presence(other_id, keep_id)
            self._give_visits(other, keep_id)

            def moved(shoutout: ShoutOut) -> ShoutOut:
                return replace(
                    shoutout,
                    from_id=keep_id if shoutout.from_id == other_id else shoutout.from_id,
                    to_id=keep_id if shoutout.to_id == other_id else shoutout.to_id,
                )

            self.state.store.change_shoutouts(moved)
            theirs = {a.member_id: a for a in self.state.answers_given}
            if other_id in theirs and keep_id not in theirs:
                theirs[keep_id] = replace(theirs[other_id], member_id=keep_id)
            theirs.pop(other_id, None)
            self.state.store.put_answers(theirs.values())
            self.state.store.give_records(other_id, keep_id)
            merged = _merged(keep, other)
            self.state.store.members.put(merged, keep)
            self.state.store.members.remove(other)
            self.state.store.presence.compact()
            self.state.load_presence_and_talk()
            self.state.remember(merged)
            self.state.forget(other_id)
        return merged

    def _move_presence(self, other_id: str, keep_id: str) -> None:
        visit = self.attendance.visit_of(other_id)
        if visit is not None and self.attendance.visit_of(keep_id) is not None:
            ended = checked_out(replace(visit, member_id=keep_id), self.state.clock())
            self.state.store.close_visits([ended])
        elif visit is not None:
            self.state.store.replace_visit(replace(visit, member_id=keep_id))
        for guest in self.attendance.guests_of(other_id):
            self.state.store.replace_visit(replace(guest, member_id=keep_id))

    def _give_visits(self, member: Member, new_id: str) -> None:
        """Give every finished visit of `member`, filed or waiting, to `new_id` ("" for
        nobody)."""

        def change(doc: dict[str, Any]) -> dict[str, Any]:
            if doc.get("member") != member.id:
                return doc
            changed = {**doc, "member": new_id}
            if not new_id:
                changed["topics"] = []  # what they were open to talk about is theirs too
            return changed

        with self.state.store.presence.changing() as tables:
            waiting = tables.setdefault("closed", {})
            tables["closed"] = {doc_id: change(doc) for doc_id, doc in waiting.items()}
        for name in self.state.store.history.mentioning(member.id):
            self.state.store.history.rewrite(name, change)


def _merged(keep: Member, other: Member) -> Member:
    def both(field: str) -> tuple[str, ...]:
        merged = {
            text.topic_key(t): t for t in reversed((*getattr(keep, field), *getattr(other, field)))
        }
        return tuple(reversed(merged.values()))[: text.TOPICS_LIMIT]

    last_visits = [v for v in (keep.last_visit, other.last_visit) if v is not None]
    return replace(
        keep,
        joined=min(keep.joined, other.joined),
        pronouns=keep.pronouns or other.pronouns,
        intro=keep.intro or other.intro,
        topics=both("topics"),
        ask_me_about=both("ask_me_about"),
        looking_for=both("looking_for"),
        learning=both("learning"),
        mentor=both("mentor"),
        visits=keep.visits + other.visits,
        last_visit=max(last_visits, default=None),
    )
