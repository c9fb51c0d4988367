"""The space's SpaceAPI file (version 15), for the hackerspace directory and anyone who asks
whether the space is open and how many are there.

What the space is (logo, web site, contact, location) comes from the config file's
`[spaceapi]` table. Whether it is open comes from the opening hours; a space without hours
is open while anyone the public may count is here, and one that opens with a keyholder
(`open_with_keyholder`) while a keyholder the public may count is here. The people present
are counted as the home screen counts them: everyone but members here incognito, whom
hosts alone count. The
file goes out to the internet-wide directory, so it names only members the board shows
who agreed to be named there too (`Member.named_online`): never an incognito member, a
guest, or a member who keeps off the board, and by default nobody.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk import language
from kiosk.errors import StorageError, UsageError
from kiosk.output import json_text
from kiosk.text import fold
from kiosk.timekeeping.hours import opening_status
from kiosk.timekeeping.opening import is_open

if TYPE_CHECKING:
    from kiosk.community.community import Community
    from kiosk.config import Config
    from kiosk.exchange.space_listing import SpaceListing

API_VERSION = "15"


def spaceapi_document(config: Config, community: Community) -> dict[str, Any]:
    """The SpaceAPI 15 document for the space now."""
    listing = config.spaceapi
    missing = [key for key in ("logo", "url") if not getattr(listing, key)]
    if missing:
        raise UsageError(
            f"The SpaceAPI file needs the space's {' and '.join(missing)}: add "
            f"{' and '.join(f'{key} = ...' for key in missing)} under [spaceapi] in the "
            "config file (config.example.toml shows how)."
        )
    now = community.clock()
    here = community.public_count()
    hours = community.hours  # the config's, and the calendar's closures
    document: dict[str, Any] = {
        "api_compatibility": [API_VERSION],
        "space": config.space_name,
        "logo": listing.logo,
        "url": listing.url,
    }
    location = _location(listing, hours.timezone)
    if location:
        document["location"] = location
    document["contact"] = dict(listing.contact)
    # Named only as given: a feed the kiosk reads may be a private address with a secret.
    if listing.calendar:
        document["feeds"] = {"calendar": {"type": "ical", "url": listing.calendar}}
    open_now = space_open(config, community)
    if config.open_with_keyholder:
        state = {
            "open": open_now,
            "message": "a keyholder is here" if open_now else "closed until a keyholder comes",
        }
    else:
        with language.as_data():
            opening = opening_status(hours, now)
        state = {
            "open": open_now,
            "message": opening or ("someone is here" if here else "nobody here"),
        }
    document["state"] = state
    present: dict[str, Any] = {"value": here}
    names = sorted(
        (p.member.name for p in community.present() if p.member.named_online),
        key=lambda name: (fold(name), name),
    )
    if names:  # the schema wants at least one name when there are names at all
        present["names"] = names
    document["sensors"] = {"people_now_present": [present]}
    return document


def space_open(config: Config, community: Community) -> bool:
    """Whether the space is open now, as the world is told (the SpaceAPI file, the
    space's chat): while a keyholder is here when it opens with one, else by its opening
    hours, else while anyone the public may count is here."""
    if config.open_with_keyholder:
        return community.keyholder_here()
    hours = community.hours  # the config's, and the calendar's closures
    if hours.is_set:
        return is_open(hours, community.clock())
    return community.public_count() > 0


def _location(listing: SpaceListing, timezone: str) -> dict[str, Any]:
    location: dict[str, Any] = {}
    if listing.address:
        location["address"] = listing.address
    if listing.lat is not None and listing.lon is not None:
        location["lat"], location["lon"] = listing.lat, listing.lon
    if timezone:
        location["timezone"] = timezone
    if listing.country_code:
        location["country_code"] = listing.country_code
    if listing.hint:
        location["hint"] = listing.hint
    return location


def spaceapi_json(document: dict[str, Any]) -> str:
    """The document as the file holds it: indented JSON, nothing unseen left unescaped."""
    return json_text(document) + "\n"


def publish(document: dict[str, Any], path: Path) -> None:
    """Replace `path` with the document whole, readable by a web server: a reader sees the
    old file or the new one, never half of one."""
    temporary = path.with_name(f".{path.name}.{os.urandom(6).hex()}.tmp")
    try:
        with open(temporary, "x", encoding="utf-8") as file:
            file.write(spaceapi_json(document))
            file.flush()
            os.fsync(file.fileno())
        temporary.chmod(0o644)
        temporary.replace(path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise StorageError(
            f"The SpaceAPI file {path} cannot be written: {error.strerror}. Nothing was changed."
        ) from error
