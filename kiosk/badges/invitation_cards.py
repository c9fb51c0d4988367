"""An invitation as a card to print or send: the guest's name, the day it is for, and the
invitation's code as a QR code and in letters, as PNG and SVG."""

from __future__ import annotations

from pathlib import Path

from kiosk.badges import svg
from kiosk.badges.layout import badge_layout
from kiosk.models.invitations import Invitation
from kiosk.storage.files import make_folder, write_atomically
from kiosk.timekeeping.dates import MONTHS, WEEKDAYS


def write_invitation_card(invitation: Invitation, space_name: str, folder: Path) -> list[Path]:
    """Write `invitation-<code>.png` and `.svg` into `folder` (made if missing), laid out
    as a badge is; the paths written.

    The code lets a guest in, so the files are written as badges are: for their owner
    alone, whole, and never through a link planted at their names.
    """
    # Late, as for badges: only a command that writes a PNG loads Pillow.
    from kiosk.badges import png

    # The day is what the guest must not miss: it has the line under their name alone.
    day = invitation.day
    invited = f"{WEEKDAYS[day.weekday()][:3]} {day.day} {MONTHS[day.month - 1][:3]} {day.year}"
    name, code = invitation.guest, invitation.code
    drawings = (
        ("png", png.badge_png(badge_layout(space_name, name, invited, code, png.measure))),
        ("svg", svg.badge_svg(badge_layout(space_name, name, invited, code)).encode()),
    )
    make_folder(folder)
    written = []
    for suffix, drawn in drawings:
        path = folder / f"invitation-{invitation.code}.{suffix}"
        write_atomically(path, drawn)
        written.append(path)
    return written
