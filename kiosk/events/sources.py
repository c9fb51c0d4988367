"""Where a calendar feed the config names is: on the web, or a file of this machine."""

from __future__ import annotations


def is_feed_address(feed: str) -> bool:
    """Whether a calendar feed is on the web, rather than a file of this machine."""
    return feed.startswith(("http://", "https://"))
