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
INDUCTIONS_FILE = "inductions.json"
INVITATIONS_FILE = "invitations.json"
AGREEMENTS_FILE = "agreements.json"
"""Who accepted which version of the house's agreements, and when."""
EVENTS_FILE = "events.json"
"""The events hosts added at the kiosk or on the command line."""
FEEDS_FILE = "calendar-feeds.json"
"""The last copy of each calendar feed fetched from the web, for when it cannot be."""
