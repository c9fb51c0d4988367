"""Reading a stored record's fields strictly, for every kind of record.

Each reader raises KeyError, TypeError or ValueError for a missing or wrong value; the store
turns that into a report naming the file. The report says what kind of value is wrong,
never the value: it goes to the host, and a record's values are a member's business.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from kiosk import text
from kiosk.errors import Refused


def json_kind(value: Any) -> str:
    """What kind of JSON value `value` is, for a report that must not quote it."""
    if value is None:
        return "null"
    if type(value) is bool:
        return "true or false"
    if type(value) in (int, float):
        return "a number"
    kinds: dict[type, str] = {str: "text", list: "a list", dict: "an object"}
    return kinds.get(type(value), "something else")


def read_text(doc: dict[str, Any], key: str, limit: int, required: bool = True) -> str:
    value = doc[key] if required else doc.get(key, "")
    if value == "" and not required:
        return ""  # most optional fields are empty: read tens of thousands fast
    if type(value) is not str:
        raise TypeError(f"{key} should be text, not {json_kind(value)}")
    cleaned = text.clean(value)
    if required and not cleaned:
        raise ValueError(f"{key} is blank")
    if len(cleaned) > limit:
        raise ValueError(f"{key} is {len(cleaned)} characters, more than {limit}")
    return cleaned


def read_topics(doc: dict[str, Any], key: str) -> tuple[str, ...]:
    values = doc.get(key, [])
    if values == [] and type(values) is list:
        return ()
    if type(values) is not list:
        raise TypeError(f"{key} should be a list of texts, not {json_kind(values)}")
    if not all(type(v) is str for v in values):
        raise TypeError(f"{key} should be a list of texts, not a list of other things")
    try:
        return text.topics(values)
    except Refused:
        raise ValueError(
            f"{key} holds more topics than {text.TOPICS_LIMIT}, or one longer than "
            f"{text.TOPIC_LIMIT} characters"
        ) from None


def read_flag(doc: dict[str, Any], key: str, default: bool | None) -> bool:
    """A true-or-false field; without a `default`, one that must be there."""
    value = doc[key] if default is None else doc.get(key, default)
    if type(value) is not bool:
        raise TypeError(f"{key} should be true or false, not {json_kind(value)}")
    return value


def read_count(doc: dict[str, Any], key: str) -> int:
    value = doc.get(key, 0)
    if type(value) is not int or value < 0:
        raise TypeError(f"{key} should be a whole number from 0")
    return value


def read_moment(value: Any, key: str) -> datetime:
    if type(value) is not str:
        raise TypeError(f"{key} should be a time, not {json_kind(value)}")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{key} should be a time like 2026-11-26T09:00:00+00:00") from None
    if moment.tzinfo is None:
        raise ValueError(f"the time in {key} has no UTC offset")
    return moment


def read_optional_moment(doc: dict[str, Any], key: str) -> datetime | None:
    value = doc.get(key)
    return None if value is None else read_moment(value, key)


def read_day(doc: dict[str, Any], key: str) -> date | None:
    """An optional day, like 2027-01-31."""
    value = doc.get(key)
    if value is None:
        return None
    if type(value) is not str:
        raise TypeError(f"{key} should be a day or null, not {json_kind(value)}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{key} should be a day like 2027-01-31") from None


def read_reference(doc: dict[str, Any], key: str) -> str | None:
    value = doc.get(key)
    if value is not None and (type(value) is not str or not value):
        raise TypeError(f"{key} should be an id or null, not {json_kind(value)}")
    return value


def read_id(doc: dict[str, Any], key: str = "id") -> str:
    value = doc[key]
    if type(value) is not str or not text.is_id(value):
        raise ValueError(f"{key} should be an id of letters and digits")
    return value


def read_channel(doc: dict[str, Any], key: str, required: bool = True) -> str:
    value = doc[key] if required else doc.get(key, "")
    if value == "" and not required:
        return ""
    if type(value) is not str:
        raise TypeError(f"{key} should be text, not {json_kind(value)}")
    try:
        return text.channel(value)
    except Refused:
        raise ValueError(f"{key} should be a notification channel (one URL)") from None
