"""Making a change to several files all at once, whatever stops it.

A change that touches one file is made as that file's own write (one journal line, or
one file replaced). A change that touches several is made in four steps:

1. every new file is written under a temporary name beside its place, and flushed;
2. `intent.json` is written (atomically, as every file is), naming what goes where:

       {"moves": [[PATH, ASIDE], ...], "renames": [[TEMPORARY, PATH], ...]}

   Once it is on disk the change is made, even if nothing has been put in place yet;
3. what it names is put in place: each move, then each rename, and the folders flushed;
4. `intent.json` is removed.

Stopped before step 2, nothing changed (the temporary files are left over, and `kiosk
doctor` removes them); stopped after it, the next process that takes the data folder's
lock finishes steps 3 and 4 before anything else, and doing them twice is the same as
once. Paths are relative to the data folder.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path, PurePosixPath
from typing import Any

from kiosk.errors import DataError, StorageError
from kiosk.language import N_, _
from kiosk.storage.files import (
    put_in_place,
    read_regular,
    sync_folder,
    write_atomically,
    write_temporaries,
)
from kiosk.storage.staging import Staged

INTENT = "intent.json"
WHEN_DAMAGED = N_(
    "`kiosk doctor --restore` sets it aside, leaving the change it recorded as far as it got."
)
"""What a host can do about an intent that cannot be read."""
_TEMPORARY = re.compile(r"\.(?P<name>.+)\.[0-9a-f]{16}\.tmp")
_ASIDE = re.compile(r"(?P<name>.+)\.damaged-[0-9A-Za-z-]+")

Intent = dict[str, list[list[str]]]


def commit(root: Path, staged: Staged) -> None:
    """Make what a change held back (see kiosk.storage.staging), all of it or none."""
    if staged.empty:
        return
    if not staged.files and not staged.moves and len(staged.journals) == 1:
        [held] = staged.journals.values()
        held.writer.write_change(held.tables, held.ops)  # one line: a check-in stays fast
        return
    files = dict(staged.files)
    for held in staged.journals.values():
        files.update(held.writer.snapshot(held.tables))
    writes = {path: payload for path, payload in files.items() if payload is not None}
    if not staged.moves and len(writes) == 1 and len(files) == 1:
        [(path, payload)] = writes.items()
        write_atomically(path, payload)
        return
    temporaries = write_temporaries(writes)
    intent: Intent = {
        "moves": [[_relative(root, a), _relative(root, b)] for a, b in staged.moves],
        "renames": [[_relative(root, t), _relative(root, p)] for p, t in temporaries.items()],
    }
    try:
        write_atomically(root / INTENT, json.dumps(intent).encode())
    except StorageError:
        for temporary in temporaries.values():
            temporary.unlink(missing_ok=True)
        raise
    _carry_out(root, intent)


def unfinished(root: Path) -> bool:
    """Whether a change to several files was recorded and not yet finished."""
    return os.path.lexists(root / INTENT)


def finish(root: Path) -> bool:
    """Finish a change a process recorded and was stopped in; True if there was one.
    The caller holds the data folder's lock."""
    if not unfinished(root):
        return False
    _carry_out(root, _read(root))
    return True


def _carry_out(root: Path, intent: Intent) -> None:
    try:
        for path, aside in intent["moves"]:
            # Once set aside, `path` may hold its good copy again: that stays.
            if os.path.lexists(root / path) and not os.path.lexists(root / aside):
                os.replace(root / path, root / aside)
        put_in_place(
            (root / temporary, root / path)
            for temporary, path in intent["renames"]
            if os.path.lexists(root / temporary)  # gone: put in place before a stop
        )
        # Flushed even if all was in place already: a stop may have come before the flush.
        for folder in {(root / path).parent for _, path in intent["renames"] + intent["moves"]}:
            sync_folder(folder)
        os.unlink(root / INTENT)
        sync_folder(root)
    except OSError as error:
        raise StorageError(
            _(
                "Saved, but not yet all in place: {record} says what remains to do "
                "({strerror}). The kiosk finishes it the next time it changes anything or "
                "opens the data folder, or `kiosk doctor` does it now."
            ).format(record=root / INTENT, strerror=error.strerror)
        ) from error


def _relative(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _read(root: Path) -> Intent:
    """The intent on disk, read strictly: it may only rename the kiosk's own temporary
    files into place beside them, and set damage aside, within the data folder."""
    path = root / INTENT
    raw = read_regular(path)
    try:
        intent = json.loads(raw)
        if set(intent) != {"moves", "renames"}:
            raise ValueError(_("it should name moves and renames"))
        for source, target in intent["moves"]:
            _same_folder(source, target, _ASIDE)
        for source, target in intent["renames"]:
            _same_folder(source, target, _TEMPORARY)
    except (ValueError, TypeError, AttributeError, RecursionError) as error:
        raise DataError(
            _("{path} is damaged: it is not a change the kiosk recorded ({error}).").format(
                path=path, error=error
            ),
            path,
        ) from None
    return intent  # type: ignore[no-any-return]


def _same_folder(source: Any, target: Any, shape: re.Pattern[str]) -> None:
    if type(source) is not str or type(target) is not str:
        raise TypeError(_("a path should be text"))
    first, second = PurePosixPath(source), PurePosixPath(target)
    for inside in (first, second):
        if inside.is_absolute() or ".." in inside.parts or not inside.parts:
            raise ValueError(
                _("{inside} is not a path inside the data folder").format(inside=inside)
            )
    named = shape.fullmatch(first.name if shape is _TEMPORARY else second.name)
    kept = second.name if shape is _TEMPORARY else first.name
    if first.parent != second.parent or named is None or named["name"] != kept:
        raise ValueError(_("{source} does not go to {target}").format(source=source, target=target))
