"""How much of a limited text is written: "12 / 280", and how many characters too many."""

from __future__ import annotations

from kiosk.language import _


def length_count(length: int, limit: int) -> str:
    """'12 / 280' under the limit; '290 / 280 · 10 too many' over it."""
    if length <= limit:
        return f"{length} / {limit}"
    return _("{length} / {limit} · {over} too many").format(
        length=length, limit=limit, over=length - limit
    )
