"""The arguments of `kiosk config`."""

from __future__ import annotations

from kiosk.cli.arguments.declaring import Declare, Group
from kiosk.cli.arguments.members import as_json


def register(command: Declare, group: Group) -> None:
    command(
        "config",
        "settings.show_config",
        "the config file in use and the settings it gives",
        as_json,
    )
