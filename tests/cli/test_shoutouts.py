"""`kiosk shoutout` and `kiosk shoutouts`."""

from __future__ import annotations

import re

from tests.cli.running import Kiosk
from tests.conftest import FakeClock


def test_a_shoutout_to_one_member_prints_its_id(kiosk: Kiosk) -> None:
    kiosk.add_member("Ada Lovelace")
    kiosk.add_member("Björn Andersson")
    posted = kiosk("shoutout", "--from", "Ada Lovelace", "--to", "Björn Andersson", "Thanks!")
    assert (posted.code, posted.err) == (0, "")
    assert re.fullmatch(r"s[0-9a-f]{12}\n", posted.out)


def test_the_wall_lists_shoutouts_newest_first(kiosk: Kiosk, clock: FakeClock) -> None:
    # Given a thank-you at nine and a note to everyone at half past
    ada = kiosk.add_member("Ada Lovelace")
    kiosk.add_member("Björn Andersson")
    thanks = kiosk("shoutout", "--from", ada, "--to", "Björn Andersson", "Thanks for the jig!")
    clock.advance(minutes=30)
    pizza = kiosk("shoutout", "--from", ada, "Pizza at six")
    # When the wall is listed
    wall = kiosk("shoutouts")
    # Then the newest comes first, with local time, its id (for hosts), who and to whom
    assert (wall.code, wall.err) == (0, "")
    assert wall.out == (
        f"2026-11-26 09:30  {pizza.out.strip()}  Ada Lovelace → everyone: Pizza at six\n"
        f"2026-11-26 09:00  {thanks.out.strip()}  Ada Lovelace → Björn Andersson: "
        "Thanks for the jig!\n"
    )


def test_the_wall_as_json(kiosk: Kiosk, clock: FakeClock) -> None:
    ada = kiosk.add_member("Ada Lovelace")
    bjorn = kiosk.add_member("Björn Andersson")
    thanks = kiosk("shoutout", "--from", ada, "--to", bjorn, "Thanks!").out.strip()
    clock.advance(minutes=1)
    party = kiosk("shoutout", "--from", bjorn, "Pizza at six").out.strip()
    wall = kiosk("shoutouts", "--json").json()
    assert [{key: s[key] for key in ("id", "from", "to", "text", "created")} for s in wall] == [
        {
            "id": party,
            "from": "Björn Andersson",
            "to": None,
            "text": "Pizza at six",
            "created": "2026-11-26T09:01:00+00:00",
        },
        {
            "id": thanks,
            "from": "Ada Lovelace",
            "to": "Björn Andersson",
            "text": "Thanks!",
            "created": "2026-11-26T09:00:00+00:00",
        },
    ]


def test_an_empty_wall_says_so(no_one_yet: Kiosk) -> None:
    assert no_one_yet("shoutouts").out == "No shout-outs yet.\n"
    assert no_one_yet("shoutouts", "--json").json() == []


def test_a_shoutout_to_an_unknown_member_is_refused(kiosk: Kiosk) -> None:
    kiosk.add_member("Ada Lovelace")
    refused = kiosk("shoutout", "--from", "Ada Lovelace", "--to", "Nobody", "Hi")
    assert (refused.code, refused.out) == (1, "")
    assert refused.err == "kiosk: No member has the id or the name 'Nobody'.\n"
    assert kiosk("shoutouts").out == "No shout-outs yet.\n"


def test_a_shoutout_from_an_unknown_member_is_refused(no_one_yet: Kiosk) -> None:
    refused = no_one_yet("shoutout", "--from", "Nobody", "Hi")
    assert (refused.code, refused.err) == (1, "kiosk: No member has the id or the name 'Nobody'.\n")


def test_a_shoutout_needs_an_author(kiosk: Kiosk) -> None:
    refused = kiosk("shoutout", "Hi")
    assert refused.code == 2
    assert "the following arguments are required: --from" in refused.err


def test_a_blank_shoutout_is_refused(kiosk: Kiosk) -> None:
    ada = kiosk.add_member("Ada Lovelace")
    refused = kiosk("shoutout", "--from", ada, "\n \t")
    assert (refused.code, refused.err) == (1, "kiosk: Please enter a shout-out.\n")


def test_a_shout_out_kept_from_a_deleted_member_is_signed_a_former_member(
    kiosk: Kiosk,
) -> None:
    # Given Ada's thanks to Zoë, kept without her name when Ada deleted her data
    ada, zoe = kiosk.add_member("Ada Lovelace"), kiosk.add_member("Zoë Martin")
    kiosk("shoutout", "--from", ada, "--to", zoe, "Thanks!")
    kiosk("members", "delete", ada, "--yes", "--shoutouts", "anonymous")
    # Then every listing says who wrote it as the screens do, for the public and hosts
    for listing in (("shoutouts",), ("shoutouts", "--all")):
        assert "  a former member → Zoë Martin: Thanks!" in kiosk(*listing).out
        [shoutout] = kiosk(*listing, "--json").json()
        assert (shoutout["from"], shoutout["to"]) == ("a former member", "Zoë Martin")
