"""What the space is (logo, web site, contact, location), read from the config file's
`[spaceapi]` table for the SpaceAPI file. Apart from the file itself
(kiosk.exchange.spaceapi), so that the settings read it without importing the community.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

CONTACT_KEYS = (
    "email",
    "phone",
    "sip",
    "irc",
    "matrix",
    "mastodon",
    "xmpp",
    "ml",
    "issue_mail",
    "twitter",
    "facebook",
    "identica",
    "foursquare",
    "gopher",
    "mumble",
)
"""The ways to reach a space that SpaceAPI 15 names, each one text."""
_KEYS = ("logo", "url", "contact", "location", "calendar")
_LOCATION_KEYS = ("address", "lat", "lon", "country_code", "hint")


@dataclass(slots=True, frozen=True)
class SpaceListing:
    """What the SpaceAPI file says about the space itself, from `[spaceapi]`."""

    logo: str = ""
    """The address of the space's logo, like "https://example.org/logo.png"."""
    url: str = ""
    """The space's web site."""
    contact: tuple[tuple[str, str], ...] = ()
    """(way, address) pairs such as ("email", "hello@example.org"), in CONTACT_KEYS."""
    address: str = ""
    lat: float | None = None
    lon: float | None = None
    country_code: str = ""
    """ISO 3166 alpha-2, like "DE"."""
    hint: str = ""
    """How to find the door, for a visitor."""
    calendar: str = ""
    """Where the space's events are published as an iCalendar feed (`kiosk events ics`
    writes one); empty for none. Never taken from [events], whose addresses may be secret."""


NO_LISTING = SpaceListing()
"""No [spaceapi] table: `kiosk spaceapi` asks for one."""


def read_spaceapi(table: dict[str, Any]) -> SpaceListing:
    """Read the `[spaceapi]` table; a problem raises ValueError naming the key and what it
    should be."""
    _known(table, _KEYS, "spaceapi")
    contact = table.get("contact", {})
    location = table.get("location", {})
    if not isinstance(contact, dict):
        raise ValueError("'spaceapi.contact' should be a table written [spaceapi.contact]")
    if not isinstance(location, dict):
        raise ValueError("'spaceapi.location' should be a table written [spaceapi.location]")
    _known(contact, CONTACT_KEYS, "spaceapi.contact")
    _known(location, _LOCATION_KEYS, "spaceapi.location")
    lat, lon = _degrees(location, "lat", 90), _degrees(location, "lon", 180)
    if (lat is None) != (lon is None):
        raise ValueError("'spaceapi.location' needs both lat and lon, or neither")
    country = _text(location, "country_code", "spaceapi.location")
    if country and not (len(country) == 2 and country.isascii() and country.isalpha()):
        raise ValueError(
            f"'spaceapi.location.country_code' should be two letters like \"DE\", not {country!r}"
        )
    calendar = _text(table, "calendar", "spaceapi")
    if calendar and not calendar.startswith(("http://", "https://")):
        raise ValueError(
            "'spaceapi.calendar' should be a web address like "
            f'"https://example.org/events.ics", not {calendar!r}'
        )
    return SpaceListing(
        logo=_text(table, "logo", "spaceapi"),
        url=_text(table, "url", "spaceapi"),
        contact=tuple((key, _text(contact, key, "spaceapi.contact")) for key in contact),
        address=_text(location, "address", "spaceapi.location"),
        lat=lat,
        lon=lon,
        country_code=country.upper(),
        hint=_text(location, "hint", "spaceapi.location"),
        calendar=calendar,
    )


def _known(table: dict[str, Any], keys: tuple[str, ...], where: str) -> None:
    for key in table:
        if key not in keys:
            raise ValueError(f"unknown key '{where}.{key}'. Known keys: {', '.join(keys)}")


def _text(table: dict[str, Any], key: str, where: str) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        raise ValueError(f"'{where}.{key}' should be text, not {value!r}")
    return value.strip()


def _degrees(location: dict[str, Any], key: str, limit: int) -> float | None:
    value = location.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or abs(value) > limit:
        raise ValueError(
            f"'spaceapi.location.{key}' should be a number of degrees from -{limit} to "
            f"{limit}, like 53.55, not {value!r}"
        )
    return float(value)
