"""Search at the door is hard to scrape: a few letters before anyone is listed, at most a
handful listed, and members off the board found only by their whole name; hosts find
everyone."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from itertools import product
from string import ascii_lowercase

from kiosk.community.community import Community
from kiosk.community.matching import DoorSearch, rows_of
from kiosk.demo.seeding import FIRST_NAMES, LAST_NAMES
from kiosk.models import Member

JOINED = datetime(2026, 1, 5, tzinfo=UTC)


def community_of(count: int, off_board_every: int) -> list[Member]:
    """`count` members with made-up names, every `off_board_every`th off the board."""
    rng = random.Random(23)
    return [
        Member(
            f"m{n:06x}",
            f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            JOINED,
            on_board=n % off_board_every != 0,
        )
        for n in range(count)
    ]


def scraped(search: DoorSearch, queries: list[str]) -> set[str]:
    """Everyone the door lists for any of `queries`."""
    return {member_id for query in queries for member_id in search.at_door(query)}


def test_no_one_or_two_letter_query_lists_anyone() -> None:
    # Given 200 members, and all 702 queries of one or two letters a scraper would type
    members = community_of(200, off_board_every=9)
    search = DoorSearch(rows_of(members))
    queries = [*ascii_lowercase, *("".join(pair) for pair in product(ascii_lowercase, repeat=2))]
    assert len(queries) == 702
    # Then the door lists nobody at all
    assert scraped(search, queries) == set()


def test_no_query_of_three_letters_finds_a_member_off_the_board() -> None:
    members = community_of(200, off_board_every=9)
    off_board = {m.id for m in members if not m.on_board}
    queries = ["".join(three) for three in product(ascii_lowercase, repeat=3)]
    found = scraped(DoorSearch(rows_of(members)), queries)
    # Members on the board are found by their first letters, as a regular finds herself
    assert found
    assert found.isdisjoint(off_board)


def test_a_few_dozen_name_starts_list_most_members_on_the_board_and_none_off_it() -> None:
    # Given 200 members, and a scraper who types the first three letters of common first
    # and last names: a few dozen queries
    members = community_of(200, off_board_every=9)
    on_board = {m.id for m in members if m.on_board}
    queries = sorted({name[:3].lower() for name in (*FIRST_NAMES, *LAST_NAMES)})
    assert len(queries) < 100
    found = scraped(DoorSearch(rows_of(members)), queries)
    # Then they list nearly everyone on the board (whom the board shows whenever they are
    # here), as the README says, and nobody off it
    assert len(found) >= 0.9 * len(on_board)
    assert found <= on_board


def test_a_member_off_the_board_is_found_by_their_whole_name_only() -> None:
    saanvi = Member("m000001", "Saanvi Iyer", JOINED, on_board=False)
    search = DoorSearch(rows_of([saanvi, Member("m000002", "Saanvi Rao", JOINED)]))
    for part in ("saa", "saanvi", "saanvi i", "iyer", "saanvi iye", "saanvi iyre"):
        assert saanvi.id not in search.at_door(part), part
    for whole in ("saanvi iyer", "  SAANVI   IYER ", "Saanví Iyer"):
        assert search.at_door(whole) == [saanvi.id], whole


def test_a_short_whole_name_is_found_by_its_few_letters() -> None:
    li = Member("m000001", "Li", JOINED)
    search = DoorSearch(rows_of([li, Member("m000002", "Lio Brand", JOINED)]))
    assert search.at_door("li") == [li.id]
    assert search.at_door("l") == []


def test_the_door_lists_at_most_five() -> None:
    sams = [Member(f"m{n:06x}", f"Sam {n:02d}", JOINED) for n in range(12)]
    search = DoorSearch(rows_of(sams))
    assert len(search.at_door("sam")) == 5
    assert len(search.at_door("sam", limit=8)) == 5
    assert [m.name for m in sams if m.id in search.at_door("sam 1")] == ["Sam 10", "Sam 11"]


def test_hosts_find_everyone_by_any_part_of_a_name(community: Community) -> None:
    # Given a member who keeps off the board
    olga = community.add_member("Olga Kern", on_board=False)
    community.add_member("Olivia Kern")
    # Then the door lists her only for her whole name, and a host for two letters
    assert [m.name for m in community.search("ol")] == []
    assert [m.name for m in community.search("olg")] == ["Olivia Kern"]  # one typo away
    assert [m.name for m in community.search("olga kern")] == ["Olga Kern"]
    assert community.search_for_hosts("ol", 8) == [olga, community.find("Olivia Kern")]


def test_a_member_who_leaves_the_board_is_no_longer_listed_by_part_of_her_name(
    community: Community,
) -> None:
    olga = community.add_member("Olga Kern")
    assert community.search("olg") == [olga]
    community.edit_member(olga.id, on_board=False)
    assert community.search("olg") == []
