"""What the welcome after check-in says, line by line: people to meet and why, and the
shout-outs waiting for the member. Only what public screens may show of others is used."""

from __future__ import annotations

from datetime import datetime, tzinfo

from textual.content import Content

from kiosk.community.connections import Suggestion
from kiosk.language import _, ngettext
from kiosk.models.conversation import ShoutOut
from kiosk.timekeeping import hours


def suggestion_line(suggestion: Suggestion) -> Content:
    """'Kofi Boateng (he/him)  can help with electronics'."""
    member = suggestion.member
    pronouns = f" ({member.pronouns})" if member.pronouns and member.shows("pronouns") else ""
    return Content.assemble(
        (member.name, "bold"), (pronouns, "dim"), "  ", (suggestion.reason, "$accent")
    )


def suggestion_intro(suggestion: Suggestion) -> Content:
    """Their intro in their own words, when they show it; empty otherwise."""
    member = suggestion.member
    if not (member.intro and member.shows("intro")):
        return Content("")
    # Translators: a member's own words about themselves, in quotation marks.
    return Content.styled(_("“{intro}”").format(intro=member.intro), "dim italic")


def shoutout_for_you(shoutout: ShoutOut, author: str, now: datetime, zone: tzinfo) -> Content:
    """'From Björn', then the words, led by '2 h ago' (which so never stands alone on a
    line, however narrow)."""
    return Content.assemble(
        (_("From {author}").format(author=author), "bold"),
        "\n",
        (hours.posted(shoutout.created, now, zone, shoutout.quiet), "dim"),
        " · ",
        shoutout.text,
    )


def others_here(count: int) -> str:
    """What to say when there is nobody in particular to suggest."""
    if count == 0:
        return _("Nobody else is on the board right now.")
    return ngettext(
        "{count} other person is here: the board (F2 at the start) shows what they are open "
        "to chatting about.",
        "{count} others are here: the board (F2 at the start) shows what they are open to "
        "chatting about.",
        count,
    ).format(count=count)
