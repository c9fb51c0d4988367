"""The outbox: notices waiting to be sent, kept in tables of presence.json.

The tables live beside the visits, so that a change at the door and the news of it are
one line of presence.journal, flushed (see kiosk.storage.journal): a notice the kiosk said
was queued survives a kill or a power cut, and the door pays for no other write. Every
change takes the folder's lock; within a change already open (a guest signed in, the
space opening as someone checks in), it is part of that change's line. Waiting notices
keep the order they were queued in, which is the order each receiver gets them. A notice
whose moment passed, or that posts a shout-out public screens no longer show, is moved
to the dropped ones, which the outbox remembers (the newest `DROPPED_KEPT`, their bodies
replaced by why they were not sent) so that `kiosk outbox` can say so.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from kiosk import text
from kiosk.models.notices import (
    NOTICE_BODY_LIMIT,
    NOTICE_ERROR_LIMIT,
    NOTICE_TITLE_LIMIT,
    Notice,
    Told,
)
from kiosk.storage.datafile import Table, drop, insert, put
from kiosk.storage.store import Store

WAITING = "outbox"
"""The table of notices waiting to be sent (a damaged one is named "a record in its
outbox"); "dropped" holds those dropped."""
DROPPED_BODY = "Not sent: its moment had passed."
"""What a dropped notice keeps in place of its body, which may name people: the outbox
remembers that it was dropped, never whom it was about."""
HIDDEN_BODY = "Not sent: its shout-out was hidden."
"""What a notice posting a shout-out keeps in place of its body once dropped because the
shout-out was hidden (or deleted) before it went."""
DROPPED_KEPT = 100
"""How many dropped notices the outbox remembers; the oldest are forgotten first."""
TOLD = "news"
"""The table of what was last told about each subject (see `News`)."""
TOLD_KEPT = timedelta(days=7)
"""How long the outbox remembers what it told about a subject that has not changed."""


@dataclass(slots=True, frozen=True)
class News:
    """Notices to queue only if `state` is not what was last told about `subject`: the
    space opening is told once, however many processes notice it."""

    subject: str
    state: str
    notices: tuple[Notice, ...]
    """May be none: the state is then only remembered, as when the kiosk first starts
    with the space closed."""


def new_notice(
    receiver: str,
    title: str,
    body: str,
    queued: datetime,
    expires: datetime | None = None,
    shoutout: str | None = None,
) -> Notice:
    """A notice to queue (posting the shout-out with id `shoutout`, if given): the
    receiver checked, the texts cleaned and cut to fit."""
    return Notice(
        id=uuid.uuid4().hex,
        receiver=text.channel(receiver),
        title=text.shortened(title, NOTICE_TITLE_LIMIT),
        body=text.shortened(body, NOTICE_BODY_LIMIT),
        queued=queued,
        expires=expires,
        shoutout=shoutout,
    )


class Outbox:
    """The notices of one data folder that wait to be sent, and those dropped."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.file = store.presence

    def waiting(self) -> list[Notice]:
        """The notices still to be sent, in the order they were queued."""
        return self.file.records(WAITING, Notice.from_doc)

    def dropped(self) -> list[Notice]:
        """The notices dropped because their moment had passed, oldest first."""
        return self.file.records("dropped", Notice.from_doc)

    def queue(self, notices: Iterable[Notice]) -> None:
        """Add notices at the end of the queue, durably, in one write."""
        added = list(notices)
        if not added:
            return
        with self.store.locked(), self.file.changing() as tables:
            waiting = tables.setdefault(WAITING, {})
            for notice in added:
                insert(waiting, notice.to_doc())

    def told(self) -> dict[str, Told]:
        """What was last told about each subject, by subject."""
        return {told.subject: told for told in self.file.records(TOLD, Told.from_doc)}

    def queue_news(self, news: Iterable[News], now: datetime) -> list[Notice]:
        """Queue the notices of each piece of news whose state changed since it was last
        told, and remember it, in one write; the notices queued. What was told more than
        `TOLD_KEPT` ago is forgotten."""
        given = list(news)
        if not _fresh(given, self.told()):
            return []  # most often so: asked again, nothing changed, and no lock taken
        queued: list[Notice] = []
        with self.store.locked():
            told = self.told()
            fresh = _fresh(given, told)
            if not fresh:
                return []
            with self.file.changing() as tables:
                waiting = tables.setdefault(WAITING, {})
                remembered = tables.setdefault(TOLD, {})
                for item in fresh:
                    put(remembered, Told(item.subject, item.state, now).to_doc(), key="subject")
                    for notice in item.notices:
                        insert(waiting, notice.to_doc())
                        queued.append(notice)
                kept = {item.subject for item in fresh}
                forgotten = {s for s, t in told.items() if t.at < now - TOLD_KEPT} - kept
                drop(remembered, lambda doc: doc.get("subject") not in forgotten)
        return queued

    def sent(self, notice: Notice) -> None:
        """The notice has been sent: it leaves the queue."""
        with self.store.locked(), self.file.changing() as tables:
            _remove(tables.setdefault(WAITING, {}), notice.id)

    def failed(self, notice: Notice, error: str, next_try: datetime) -> Notice:
        """Sending the notice failed: count the try, keep why, and when to try again."""
        tried = replace(
            notice,
            tries=notice.tries + 1,
            last_error=text.shortened(error, NOTICE_ERROR_LIMIT),
            next_try=next_try,
        )
        with self.store.locked(), self.file.changing() as tables:
            waiting = tables.setdefault(WAITING, {})
            if any(doc.get("id") == notice.id for doc in waiting.values()):
                put(waiting, tried.to_doc())
        return tried

    def drop_stale(self, now: datetime) -> list[Notice]:
        """Move every waiting notice whose moment has passed, or whose shout-out public
        screens no longer show (hidden by its author or a host, or deleted), to the
        dropped ones; those."""
        waiting = self.waiting()
        passed = [n for n in waiting if n.expires is not None and n.expires <= now]
        posts = {n.shoutout for n in waiting if n.shoutout is not None}
        shown = {s.id for s in self.store.shoutouts() if not s.hidden} if posts else set()
        hidden = [n for n in waiting if n.shoutout is not None and n.shoutout not in shown]
        stale = {n.id: replace(n, body=DROPPED_BODY) for n in passed}
        stale |= {n.id: replace(n, body=HIDDEN_BODY) for n in hidden if n.id not in stale}
        if not stale:
            return []
        gone: list[Notice] = []
        with self.store.locked(), self.file.changing() as tables:
            table = tables.setdefault(WAITING, {})
            dropped = tables.setdefault("dropped", {})
            for notice in waiting:
                if notice.id in stale and _remove(table, notice.id):
                    insert(dropped, stale[notice.id].to_doc())
                    gone.append(notice)
            for doc_id in sorted(dropped, key=int)[:-DROPPED_KEPT]:
                del dropped[doc_id]
        return gone


def shoutout_hidden(dropped: Notice) -> bool:
    """Whether a dropped notice was dropped because its shout-out was hidden (else its
    moment had passed)."""
    return dropped.body == HIDDEN_BODY


def firsts(waiting: list[Notice]) -> list[Notice]:
    """The first waiting notice of each receiver: the only one of its notices that may
    be sent next."""
    first: dict[str, Notice] = {}
    for notice in waiting:
        first.setdefault(notice.receiver, notice)
    return list(first.values())


def failing(waiting: list[Notice]) -> list[str]:
    """A sentence for the host about each receiver whose notices are not getting through."""
    return [
        f"Notices to a {first.receiver.partition('://')[0]} channel are not getting through "
        f"(tried {first.tries} {'time' if first.tries == 1 else 'times'}: "
        f"{first.last_error.rstrip('.')}). `kiosk outbox` says more."
        for first in firsts(waiting)
        if first.tries
    ]


def _fresh(news: list[News], told: dict[str, Told]) -> list[News]:
    """The news whose state is not the one last told."""
    return [n for n in news if n.subject not in told or told[n.subject].state != n.state]


def _remove(table: Table, notice_id: str) -> bool:
    """Remove the notice with this id from the table; whether it was there."""
    for doc_id, doc in table.items():
        if doc.get("id") == notice_id:
            del table[doc_id]
            return True
    return False
