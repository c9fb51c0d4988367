"""What the host should know about how the kiosk is set up: a published PIN guarding real
data, or a config file others can read."""

from __future__ import annotations

from kiosk.access import DEMO_PIN_WARNING, uses_demo_pin
from kiosk.config import Config, permissions_warning


def host_warnings(config: Config) -> list[str]:
    """The sentences to show the host; slow (it hashes the demo PIN once), so run it off
    the UI thread."""
    warnings = []
    if uses_demo_pin(config):
        warnings.append(DEMO_PIN_WARNING)
    readable = permissions_warning(config.source, config)
    if readable:
        warnings.append(readable)
    return warnings
