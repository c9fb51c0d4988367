"""The arguments of `kiosk config`."""

from __future__ import annotations

from kiosk.cli.arguments.declaring import Declare, Group
from kiosk.cli.arguments.members import as_json
from kiosk.language import _


def register(command: Declare, group: Group) -> None:
    command(
        "config",
        "settings.show_config",
        _("the config file in use and the settings it gives"),
        as_json,
    )
