"""`kiosk config`: which config file is in use, and the settings it came to."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from kiosk.cli.commands.running import now, print_json
from kiosk.config import Config, find_config
from kiosk.events.sources import is_feed_address
from kiosk.language import _
from kiosk.output import say
from kiosk.timekeeping.hours import clock_time
from kiosk.timekeeping.opening import Opening, OpeningHours, local_time

HIDDEN = "(set, not shown)"
"""What stands for a secret: the host PIN hash, the Wi-Fi password, the hosts' channel."""


def show_config(args: argparse.Namespace, config: Config) -> int:
    found = find_config(args.config)
    settings = resolved(config, now())
    if args.json:
        return print_json(
            {
                "file": None if found is None else str(found.path),
                "found_by": None if found is None else found.found_by,
                "settings": settings,
            }
        )
    if found is None:
        say(_("No config file is in use: these are the built-in defaults."))
    else:
        say(
            _("Config file: {path} (found by {found_by})").format(
                path=found.path, found_by=_(found.found_by)
            )
        )
    for key, value in settings.items():
        if isinstance(value, dict):
            say(f"[{key}]")
            for inner, shown in value.items():
                say(f"  {inner} = {_toml(shown)}")
        else:
            say(f"{key} = {_toml(value)}")
    return 0


def resolved(config: Config, moment: datetime) -> dict[str, Any]:
    """The settings in use, secrets left out, times in the kiosk's zone at `moment`."""
    zone = config.timezone or f"the machine's ({local_time(moment, config.zone):%Z})"
    settings: dict[str, Any] = {
        "space_name": config.space_name,
        "data_dir": str(config.data_dir.absolute()),
        "timezone": zone,
        "now": f"{local_time(moment, config.zone):%Y-%m-%d} {clock_time(moment, config.zone)}",
        "idle_timeout": config.idle_timeout,
        "confirmation_seconds": config.confirmation_seconds,
        "host_pin_hash": HIDDEN if config.host_pin_hash else "",
        "capacity": config.capacity,
        "suggested_topics": list(config.suggested_topics),
        "backups_to_keep": config.backups_to_keep,
        "theme": config.theme,
        "hours": _hours(config.hours),
    }
    if config.wifi is not None:
        settings["wifi"] = {
            "ssid": config.wifi.ssid,
            "password": HIDDEN if config.wifi.password else "",
            "security": config.wifi.security,
            "hidden": config.wifi.hidden,
        }
    if config.community_url:
        settings["links"] = {"community_url": config.community_url}
    # A notification URL holds the service's token or password.
    if config.notify_hosts:
        settings["notify"] = {"hosts": HIDDEN}
        if config.hosts_digest is not None:
            settings["notify"]["digest"] = f"{config.hosts_digest:%H:%M}"
    if config.chat.url:
        settings["chat"] = {
            "url": HIDDEN,
            "opening": config.chat.opening,
            "whos_in": [f"{moment:%H:%M}" for moment in config.chat.whos_in],
            "shoutouts": config.chat.shoutouts,
        }
    if config.event_feeds:
        # A calendar's private address carries a secret: a web feed is shown by its site.
        settings["events"] = {"feeds": [_feed_shown(feed) for feed in config.event_feeds]}
    if config.spaceapi.url:
        settings["spaceapi"] = {"logo": config.spaceapi.logo, "url": config.spaceapi.url}
    return settings


def _feed_shown(feed: str) -> str:
    if not is_feed_address(feed):
        return feed
    parts = urlsplit(feed)
    return f"{parts.scheme}://{parts.hostname}/… (the rest not shown)"


def _hours(hours: OpeningHours) -> dict[str, Any]:
    if not hours.is_set:
        return {"open": "no hours set: the kiosk never closes by itself"}
    return {
        "open": [_opening(opening) for opening in hours.openings],
        "closed": [
            first.isoformat() if first == last else f"{first.isoformat()}/{last.isoformat()}"
            for first, last in hours.closed
        ],
    }


def _opening(opening: Opening) -> str:
    if opening.length is not None:
        until = f"for {opening.length}"
    else:
        assert opening.closes is not None
        until = f"to {opening.closes:%H:%M}"
    return f"{opening.rule} from {opening.opens:%H:%M} {until}"


def _toml(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
