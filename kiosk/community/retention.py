"""Old visits fade into counts.

Past the number of days a host sets (`anonymous_after_days` in the config), a filed visit
keeps no member, no topics and no guest's name: only when it began and ended and in
what status, as the visits of a member who deleted their data. Attendance figures stay
as they were; who came is forgotten. The daily backup runs it (`kiosk backup`).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

from kiosk.errors import DataError, StorageError
from kiosk.models import Visit
from kiosk.storage.files import read_regular
from kiosk.storage.store import Store

if TYPE_CHECKING:
    from kiosk.community.community import Community

ANONYMOUS_GUEST = "a guest"
"""What an old guest's visit says in place of their name."""


def fade_old_visits(community: Community, days: int) -> int:
    """Make every finished visit that began more than `days` days ago anonymous (none,
    for 0 days), the ones waiting to be filed filed first; how many history files changed."""
    if days <= 0:
        return 0
    community.file_visits()
    return anonymise_old_visits(community.store, community.clock(), days)


def anonymise_old_visits(store: Store, now: datetime, days: int) -> int:
    """Make every filed visit that began more than `days` days before `now` anonymous
    (one that began `days` days before it to the second is kept as it is),
    file by file, each under the data folder's lock; how many files changed. Safe to
    repeat or to cut short; no days (0) keeps every visit as it is."""
    if days <= 0:
        return 0
    limit = now - timedelta(days=days)
    changed = 0
    # History files are by the UTC day a visit began: up to the limit's day, whose file
    # holds visits on both sides of it.
    for name in store.history.names(last=limit.astimezone(UTC).date()):
        path = store.history.folder / name
        try:
            if _anonymous_already(read_regular(path)):
                continue  # a quick look at the bytes: years of history are not parsed daily
            with store.locked():
                changed += store.history.rewrite(name, partial(_anonymous, limit=limit))
        except (DataError, StorageError, KeyError, TypeError, ValueError):
            continue  # damaged (for `kiosk doctor`), or a full disk: tried again tomorrow
    return changed


def _anonymous_already(raw: bytes) -> bool:
    """Whether every visit in a history file's bytes has no member and no guest's name."""
    return len(_MEMBER.findall(raw)) == len(_NO_MEMBER.findall(raw)) and len(
        _GUEST.findall(raw)
    ) == len(_NO_GUEST.findall(raw))


_MEMBER = re.compile(rb'"member"\s*:\s*"')
_NO_MEMBER = re.compile(rb'"member"\s*:\s*""')
_GUEST = re.compile(rb'"guest"\s*:\s*"')
_NO_GUEST = re.compile(rb'"guest"\s*:\s*"' + ANONYMOUS_GUEST.encode() + rb'"')


def _anonymous(doc: dict[str, Any], limit: datetime) -> dict[str, Any]:
    """The visit in `doc` with nobody named, if it began before `limit`."""
    if Visit.from_doc(doc).since >= limit:
        return doc
    changed = {**doc, "member": "", "topics": []}
    if doc.get("guest"):
        changed["guest"] = ANONYMOUS_GUEST
    return changed
