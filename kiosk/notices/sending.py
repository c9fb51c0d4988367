"""Sending one notice through Apprise, as plain text that pings nobody.

Apprise is loaded only here, by the process that sends, so the door and the commands
that merely queue a notice never pay for it.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from kiosk.models.notices import Notice

TIMEOUT_SECONDS = 10
"""How long a service may take to connect and to answer before the try counts as failed."""

_HEADERS_TAKEN = ("json", "jsons", "form", "forms", "xml", "xmls")
"""Apprise's web-hook services, which carry headers of our choosing: the notice's id goes
with them as an idempotency key, so a receiver can tell a notice sent again."""

_ZERO_WIDTH_SPACE = "\u200b"


def plain(value: str) -> str:
    """Text from people made harmless in a chat: mentions ping nobody.

    A zero-width space after each "@" and "<" breaks "@everyone", "@here", "@room" and
    "<!channel>" for the services that read them, while the text reads the same to a
    person. Markdown and HTML are left to Apprise, which escapes text sent as TEXT for a
    service that renders them.
    """
    return value.replace("@", "@" + _ZERO_WIDTH_SPACE).replace("<", "<" + _ZERO_WIDTH_SPACE)


def addressed(notice: Notice) -> str:
    """The Apprise URL to send the notice to: its receiver, with the notice's id as an
    idempotency key for the services that take one, and our timeouts."""
    url = notice.receiver
    joiner = "&" if urlsplit(url).query else "?"
    extras = [f"cto={TIMEOUT_SECONDS}", f"rto={TIMEOUT_SECONDS}"]
    if url.partition("://")[0].lower() in _HEADERS_TAKEN:
        extras.append(f"+Idempotency-Key={notice.id}")
    return url + joiner + "&".join(extras)


def send(notice: Notice) -> str | None:
    """Send the notice now; None when the service took it, else why it did not."""
    import apprise  # late: see the module docstring

    sender = apprise.Apprise()
    if not sender.add(addressed(notice)):
        return (
            "No service is known by this address; check the channel's URL "
            "(see the README's section on notifications)."
        )
    with apprise.LogCapture(level=logging.WARNING) as log:  # type: ignore[no-untyped-call]
        taken = sender.notify(
            body=plain(notice.body),
            title=plain(notice.title),
            body_format=apprise.NotifyFormat.TEXT,
        )
    if taken:
        return None
    said = [line.split(" - ", 2)[-1] for line in log.getvalue().splitlines() if line.strip()]
    return said[-1] if said else "The service did not take it."


def hidden_secrets(receiver: str) -> str:
    """A receiver as a host may see it listed: its service and place, with its tokens
    and password hidden as Apprise hides them."""
    import apprise  # late: see the module docstring

    service = apprise.Apprise.instantiate(receiver)
    if service is None:
        return f"{receiver.partition('://')[0]}://… (not a known service)"
    url = str(service.url(privacy=True))  # type: ignore[no-untyped-call]
    return url.partition("?")[0]
