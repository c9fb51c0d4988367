"""Time as the community lives it: opening hours and closed days, the one time zone of
every time shown or written, days as hosts type them, and when a visit left open ends.
It needs nothing of the community or of storage."""
