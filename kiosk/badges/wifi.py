"""The space's Wi-Fi as the QR code phones join from: `WIFI:T:WPA;S:name;P:password;;`."""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Literal

from kiosk.language import N_

Security = Literal["WPA", "WEP", "nopass"]
SECURITIES: tuple[Security, ...] = ("WPA", "WEP", "nopass")
"""WPA also stands for WPA2 and WPA3; nopass is an open network."""

SSID_BYTES = 32
"""The longest network name Wi-Fi allows, in UTF-8 bytes."""

# The characters the format gives a meaning to, which a name or password must escape.
_SPECIAL = str.maketrans({char: "\\" + char for char in '\\;,:"'})


@dataclass(slots=True, frozen=True)
class WifiNetwork:
    ssid: str
    """The network's name, as phones list it."""
    password: str = ""
    security: Security = "WPA"
    hidden: bool = False
    """The network does not announce its name; phones then look for it by name."""


def wifi_payload(network: WifiNetwork) -> str:
    """The text of the QR code that joins `network`."""
    parts = [f"T:{network.security}", f"S:{_escaped(network.ssid)}"]
    if network.security != "nopass":
        parts.append(f"P:{_escaped(network.password)}")
    if network.hidden:
        parts.append("H:true")
    return "WIFI:" + ";".join(parts) + ";;"


def password_rule(security: Security) -> str | None:
    """What a password for `security` must be, said for a person (marked for translation,
    to be passed through `gettext` where it is shown); None when any will do."""
    if security == "WPA":
        return N_("8 to 63 characters without accents, or 64 hexadecimal digits")
    if security == "WEP":
        return N_("5 or 13 characters, or 10 or 26 hexadecimal digits")
    return None


def password_fits(security: Security, password: str) -> bool:
    """Whether `password` is one a `security` network can have (nopass: none at all)."""
    hexadecimal = bool(password) and all(char in string.hexdigits for char in password)
    if security == "WPA":
        plain = password.isascii() and password.isprintable()
        return (plain and 8 <= len(password) <= 63) or (len(password) == 64 and hexadecimal)
    if security == "WEP":
        return len(password) in (5, 13) or (len(password) in (10, 26) and hexadecimal)
    return password == ""


def _escaped(value: str) -> str:
    return value.translate(_SPECIAL)
