"""Errors written for the person who will read them."""

from __future__ import annotations

from pathlib import Path


class KioskError(Exception):
    """Something a member, host or script should be told, in plain words."""

    exit_code = 1


class Refused(KioskError):
    """The action makes no sense right now (unknown member, already checked in, text too long)."""


class StorageError(KioskError):
    """The data could not be saved (disk full, read-only folder); nothing was changed."""


class Busy(StorageError):
    """Another process held the data folder's lock for too long."""


class UsageError(KioskError):
    """The command line or config asks for something that cannot work."""

    exit_code = 2


class DataError(KioskError):
    """A data file is damaged or from a newer kiosk; the kiosk will not touch it."""

    exit_code = 2

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path
        """The file at fault, when there is one."""


class NewerData(DataError):
    """A data file was written by a newer kiosk; the answer is to update, not to restore."""
