"""The outbox: notices waiting to be sent, kept in outbox.json of the data folder.

Every change takes the folder's lock and writes the whole file atomically, so a notice
the kiosk said was queued survives a kill or a power cut. Waiting notices keep the order
they were queued in, which is the order each receiver gets them. A notice whose moment
passed is moved to the dropped ones, which the outbox remembers (the newest
`DROPPED_KEPT`, without their bodies) so that `kiosk outbox` can say so.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from kiosk import text
from kiosk.models import NOTICE_BODY_LIMIT, NOTICE_ERROR_LIMIT, NOTICE_TITLE_LIMIT, Notice, Told
from kiosk.storage.datafile import Table, drop, insert, put
from kiosk.storage.store import Store

WAITING = "outbox"
"""The table of notices waiting to be sent (a damaged one is named "a record in its
outbox"); "dropped" holds those dropped."""
DROPPED_BODY = "Not sent: its moment had passed."
"""What a dropped notice keeps in place of its body, which may name people: the outbox
remembers that it was dropped, never whom it was about."""
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
    receiver: str, title: str, body: str, queued: datetime, expires: datetime | None = None
) -> Notice:
    """A notice to queue: the receiver checked, the texts cleaned and cut to fit."""
    return Notice(
        id=uuid.uuid4().hex,
        receiver=text.channel(receiver),
        title=text.shortened(title, NOTICE_TITLE_LIMIT),
        body=text.shortened(body, NOTICE_BODY_LIMIT),
        queued=queued,
        expires=expires,
    )


class Outbox:
    """The notices of one data folder that wait to be sent, and those dropped."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.file = store.outbox_file

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

    def drop_passed(self, now: datetime) -> list[Notice]:
        """Move every waiting notice whose moment has passed to the dropped ones; those."""
        passed = [n for n in self.waiting() if n.expires is not None and n.expires <= now]
        if not passed:
            return []
        with self.store.locked(), self.file.changing() as tables:
            waiting = tables.setdefault(WAITING, {})
            dropped = tables.setdefault("dropped", {})
            for notice in passed:
                if _remove(waiting, notice.id):
                    insert(dropped, replace(notice, body=DROPPED_BODY).to_doc())
            for doc_id in sorted(dropped, key=int)[:-DROPPED_KEPT]:
                del dropped[doc_id]
        return passed


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
