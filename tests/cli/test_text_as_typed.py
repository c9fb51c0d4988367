"""Text from people comes back exactly as typed, cleaned of control characters, within limits."""

from __future__ import annotations

import pytest

from tests.cli.running import Kiosk


def test_a_name_that_looks_like_markup_comes_back_with_its_brackets(kiosk: Kiosk) -> None:
    # Given a member whose name looks like Rich markup
    bob = kiosk.add_member("[bold]Bob[/]")
    kiosk("checkin", bob)
    posted = kiosk("shoutout", "--from", bob, "[red]Hi[/] :wave: <b>all</b>").out.strip()
    # Then every listing shows it as typed
    assert kiosk("members", "list").out.endswith("  [bold]Bob[/]\n")
    assert kiosk("members", "list", "--json").json()[0]["name"] == "[bold]Bob[/]"
    assert kiosk("present").out.startswith("[bold]Bob[/]  since 09:00")
    assert kiosk("present", "--json").json()[0]["name"] == "[bold]Bob[/]"
    assert kiosk("shoutouts").out == (
        f"2026-11-26 09:00  {posted}  [bold]Bob[/] → everyone: [red]Hi[/] :wave: <b>all</b>\n"
    )
    assert kiosk("shoutouts", "--json").json()[0]["text"] == "[red]Hi[/] :wave: <b>all</b>"


def test_a_member_with_a_markup_name_is_found_by_it(kiosk: Kiosk) -> None:
    kiosk.add_member("[bold]Bob[/]")
    assert kiosk("checkin", "[bold]Bob[/]").out.startswith("Checked in [bold]Bob[/] at")


def test_control_characters_are_dropped_as_text_comes_in(kiosk: Kiosk) -> None:
    # Given text with a terminal escape, a bell and a line break
    bob = kiosk.add_member("Bob\x1b[2J\x07 Smith")
    kiosk("shoutout", "--from", bob, "Thanks\nfor\x00 everything\x07")
    # Then they are gone from what was stored
    assert kiosk("members", "list", "--json").json()[0]["name"] == "Bob[2J Smith"
    assert kiosk("shoutouts", "--json").json()[0]["text"] == "Thanks for everything"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("members", "add", "a" * 81),
            "kiosk: That is too long for a name: 81 characters, and at most 80 fit. "
            "Please shorten it.\n",
        ),
        (
            ("shoutout", "--from", "Ada", "x" * 281),
            "kiosk: That is too long for a shout-out: 281 characters, and at most 280 fit. "
            "Please shorten it.\n",
        ),
    ],
)
def test_over_long_text_is_explained_without_a_traceback(
    kiosk: Kiosk, args: tuple[str, ...], message: str
) -> None:
    kiosk.add_member("Ada")
    refused = kiosk(*args)
    assert (refused.code, refused.out, refused.err) == (1, "", message)


def test_text_at_the_limits_is_accepted(kiosk: Kiosk) -> None:
    long_name = kiosk.add_member("a" * 80)
    assert kiosk("shoutout", "--from", long_name, "x" * 280).code == 0
