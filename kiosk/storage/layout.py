"""Where each file of the data folder (schema 3) lives, named once for the store that
reads and writes them and for the migration that brings older folders up to them."""

from __future__ import annotations

LOCK_FILE = ".lock"
"""Taken by every process around a read-modify-write of the data folder."""
MEMBERS_FOLDER = "members"
HISTORY_FOLDER = "history"
PRESENCE_FILE = "presence.json"
SHOUTOUTS_FILE = "shoutouts.json"
QUESTIONS_FILE = "questions.json"
OUTBOX_FILE = "outbox.json"
INDUCTIONS_FILE = "inductions.json"
INVITATIONS_FILE = "invitations.json"
AGREEMENTS_FILE = "agreements.json"
"""Who accepted which version of the house's agreements, and when."""
