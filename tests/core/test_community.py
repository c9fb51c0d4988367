"""The community: members, who is here, and shout-outs, as the kiosk and CLI use them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.community.community import Community
from kiosk.errors import Refused
from kiosk.storage.store import Store
from kiosk.timekeeping.opening import read_hours
from tests.conftest import START, FakeClock

# -- members -------------------------------------------------------------------


def test_a_new_member_is_stored_cleaned_and_can_be_read_back(community: Community) -> None:
    # When a member registers with untidy text
    zoe = community.add_member("  Zoë\tMartin\x07 ", ("design", " design ", "3D printing"))
    # Then what is kept is clean, and survives reopening the data folder
    assert (zoe.name, zoe.topics, zoe.joined, zoe.on_board) == (
        "Zoë Martin",
        ("design", "3D printing"),
        START,
        True,
    )
    reopened = Community(Store.open(community.store.root), community.clock)
    assert reopened.members() == [zoe]


def test_members_are_listed_by_name_ignoring_accents_and_case(community: Community) -> None:
    for name in ("zack", "Émile", "Ada", "Zoë"):
        community.add_member(name)
    assert [m.name for m in community.members()] == ["Ada", "Émile", "zack", "Zoë"]


def test_a_name_that_is_too_long_is_refused_and_nothing_is_stored(community: Community) -> None:
    with pytest.raises(Refused, match="too long for a name: 81 characters, and at most 80"):
        community.add_member("a" * 81)
    assert community.members() == []


def test_find_by_id_or_by_exact_name(community: Community) -> None:
    zoe = community.add_member("Zoë Martin")
    assert community.find(zoe.id) == zoe
    assert community.find("zoe   MARTIN") == zoe


def test_find_refuses_a_name_two_members_share_and_lists_their_ids(
    community: Community,
) -> None:
    first = community.add_member("Sam Kim")
    second = community.add_member("Sam Kim")
    with pytest.raises(Refused) as refused:
        community.find("Sam Kim")
    message = str(refused.value)
    assert message.startswith("2 members are called 'Sam Kim' (ids ")
    assert first.id in message and second.id in message
    assert message.endswith("please use an id.")


def test_find_refuses_a_part_of_a_name_and_names_who_was_meant(community: Community) -> None:
    zoe = community.add_member("Zoë Martin")
    with pytest.raises(Refused) as refused:
        community.find("zoe")
    assert str(refused.value) == (
        f"No member has the id or the name 'zoe'. Did you mean Zoë Martin ({zoe.id})?"
    )


def test_find_suggests_nobody_when_nobody_is_near(community: Community) -> None:
    community.add_member("Zoë Martin")
    with pytest.raises(Refused, match=r"^No member has the id or the name 'Quentin'\.$"):
        community.find("Quentin")


def test_find_refuses_a_reference_that_is_one_members_id_and_anothers_name(
    community: Community,
) -> None:
    # Given a member whose name is, by accident or on purpose, another member's id
    zoe = community.add_member("Zoë Martin")
    impostor = community.add_member(zoe.id)

    # When that text is given as MEMBER, then it is refused, naming both
    with pytest.raises(Refused) as refused:
        community.find(zoe.id)
    message = str(refused.value)
    assert f"'{zoe.id}' is the id of Zoë Martin and the name of {impostor.id}" in message
    # And each one can still be reached without doubt
    assert community.find(impostor.id) == impostor


def test_find_repeats_only_the_start_of_a_very_long_reference(community: Community) -> None:
    with pytest.raises(Refused) as refused:
        community.find("x" * 10_000_000)
    assert len(str(refused.value)) < 200


def test_search_finds_members_as_they_are_typed(community: Community) -> None:
    zoe = community.add_member("Zoë Martin")
    community.add_member("Björn Andersson")
    assert community.search("zoe m") == [zoe]
    assert community.search("martni") == [zoe]


def test_similar_names_warn_of_a_likely_second_registration(community: Community) -> None:
    zoe = community.add_member("Zoë Martin")
    assert community.similar_names("Zoe Martin") == [zoe]
    assert community.similar_names("Zoe Smith") == []


LOOKALIKES = [
    "Ada\u061c Lovelace",  # an Arabic letter mark
    "Ada Love\u00adlace",  # a soft hyphen
    "Ada\u200d Lovelace",  # a joiner outside any emoji
    "Ada Lovelace\u2063",  # an invisible separator
    "Ada Lovelace\U000e0041",  # a tag character
    "Ada\u3164Lovelace",  # a Hangul filler
    "Ada Lov\u180eelace",  # a Mongolian vowel separator
    "Ada Lo\u034fvelace",  # a combining grapheme joiner
    "\u0410da Lovel\u0430ce",  # Cyrillic letters drawn like Latin ones
]


@pytest.mark.parametrize("lookalike", LOOKALIKES)
def test_a_name_that_only_looks_like_another_is_warned_of(
    community: Community, lookalike: str
) -> None:
    ada = community.add_member("Ada Lovelace")
    assert community.similar_names(lookalike) == [ada]


def test_a_name_of_nothing_visible_is_blank(community: Community) -> None:
    for invisible in ("\u180e", "\u3164", "\u200d\u2063", "\U000e0041"):
        with pytest.raises(Refused, match="Please enter a name"):
            community.add_member(invisible)


# -- checking in -----------------------------------------------------------------


def test_check_in_uses_the_members_usual_topics_by_default(community: Community) -> None:
    # Given a member who usually talks about design
    zoe = community.add_member("Zoë Martin", ("design",))
    # When she checks in without choosing topics
    visit = community.check_in(zoe.id)
    # Then she is here, open to chat, with her usual topics, from now
    assert (visit.member_id, visit.status, visit.topics, visit.since) == (
        zoe.id,
        "open",
        ("design",),
        START,
    )
    assert visit.open
    assert community.visit_of(zoe.id) == visit


def test_check_in_with_todays_own_status_and_topics(community: Community) -> None:
    zoe = community.add_member("Zoë Martin", ("design",))
    visit = community.check_in(zoe.id, "heads-down", ("Python", "python", ""))
    assert (visit.status, visit.topics) == ("heads-down", ("Python",))


def test_check_in_with_no_topics_today(community: Community) -> None:
    zoe = community.add_member("Zoë Martin", ("design",))
    assert community.check_in(zoe.id, topics=()).topics == ()


def test_checking_in_twice_is_refused_saying_since_when(
    community: Community, clock: FakeClock
) -> None:
    zoe = community.add_member("Zoë Martin")
    first = community.check_in(zoe.id)
    clock.advance(minutes=20)
    with pytest.raises(Refused, match=r"^Zoë Martin is already checked in, since 09:00\.$"):
        community.check_in(zoe.id)
    assert community.visit_of(zoe.id) == first


def test_an_unknown_member_cannot_check_in(community: Community) -> None:
    with pytest.raises(Refused, match=r"^There is no member with the id 'm000000'\.$"):
        community.check_in("m000000")


def test_an_unknown_status_is_refused_naming_the_known_ones(community: Community) -> None:
    zoe = community.add_member("Zoë Martin")
    with pytest.raises(
        Refused, match=r"^The status 'busy' is unknown; use open, heads-down or incognito\.$"
    ):
        community.check_in(zoe.id, "busy")  # type: ignore[arg-type]
    assert community.visit_of(zoe.id) is None


def test_check_in_is_refused_politely_when_the_space_is_full(
    community: Community, clock: FakeClock
) -> None:
    # Given a space for two, with two people in it
    small = Community(community.store, clock=clock, capacity=2)
    ada, bob, cy = (small.add_member(name) for name in ("Ada", "Bob", "Cy"))
    small.check_in(ada.id)
    small.check_in(bob.id)
    # When a third comes
    with pytest.raises(Refused, match=r"The space is full \(2 people\)\. Please check with a host"):
        small.check_in(cy.id)
    # Then they may come in once someone leaves
    small.check_out(ada.id)
    assert small.check_in(cy.id).member_id == cy.id


def test_hidden_members_count_towards_capacity(community: Community, clock: FakeClock) -> None:
    small = Community(community.store, clock=clock, capacity=1)
    hidden = small.add_member("Ann Onymous", on_board=False)
    small.check_in(hidden.id)
    with pytest.raises(Refused, match="The space is full"):
        small.check_in(small.add_member("Bob").id)


# -- checking out ----------------------------------------------------------------


def test_check_out_closes_the_visit_and_keeps_it_in_the_days_history(
    community: Community, clock: FakeClock
) -> None:
    # Given Zoë checked in at nine
    zoe = community.add_member("Zoë Martin", ("design",))
    visit = community.check_in(zoe.id)
    # When she leaves two hours and five minutes later
    clock.advance(hours=2, minutes=5)
    closed = community.check_out(zoe.id)
    # Then the visit is closed with its length, she is gone, and the day's history has it
    assert closed.until is not None
    assert closed.until - closed.since == timedelta(hours=2, minutes=5)
    assert (closed.id, closed.topics, closed.open) == (visit.id, ("design",), False)
    assert community.visit_of(zoe.id) is None
    assert community.here_count() == 0
    assert list(community.past_visits(START.date(), START.date())) == [closed]


def test_check_out_without_check_in_is_refused(community: Community) -> None:
    zoe = community.add_member("Zoë Martin")
    with pytest.raises(Refused, match=r"^Zoë Martin is not checked in\.$"):
        community.check_out(zoe.id)


def test_a_member_can_come_back_the_same_day(community: Community, clock: FakeClock) -> None:
    zoe = community.add_member("Zoë Martin")
    community.check_in(zoe.id)
    clock.advance(hours=1)
    morning = community.check_out(zoe.id)
    clock.advance(hours=3)
    community.check_in(zoe.id)
    clock.advance(hours=1)
    afternoon = community.check_out(zoe.id)
    assert list(community.past_visits(START.date(), START.date())) == [morning, afternoon]


def come_and_go(community: Community, member_id: str) -> None:
    """A visit, checked out at once, then filed into the history."""
    community.check_in(member_id)
    community.check_out(member_id)
    community.file_visits()


def test_two_visits_begun_at_the_same_moment_are_both_counted(
    community: Community, clock: FakeClock
) -> None:
    # Given Zoë's visit filed, and another begun at the same moment (the clock stood still)
    zoe = community.add_member("Zoë Martin")
    come_and_go(community, zoe.id)
    come_and_go(community, zoe.id)
    # Then both count, here and for another process
    assert community.member(zoe.id).visits == 2
    assert Community(Store.open(community.store.root), clock).member(zoe.id).visits == 2


def test_a_visit_after_the_clock_was_set_back_is_counted(
    community: Community, clock: FakeClock
) -> None:
    # Given Zoë's visit at 10:00 filed, then the clock set back an hour, and another visit
    zoe = community.add_member("Zoë Martin")
    clock.advance(hours=1)
    come_and_go(community, zoe.id)
    clock.advance(hours=-1)
    come_and_go(community, zoe.id)
    # Then both count, and her last visit stays the later one
    counted = Community(Store.open(community.store.root), clock).member(zoe.id)
    assert counted.visits == 2
    assert counted.last_visit == START + timedelta(hours=1)


def test_past_visits_are_kept_by_the_day_they_began(community: Community, clock: FakeClock) -> None:
    # Given a visit that runs past midnight
    night_owl = community.add_member("Night Owl")
    clock.advance(hours=14)  # 23:00
    community.check_in(night_owl.id)
    clock.advance(hours=2)  # 01:00 the next day
    visit = community.check_out(night_owl.id)
    # Then it belongs to the day it began
    next_day = START.date() + timedelta(days=1)
    assert list(community.past_visits(START.date(), START.date())) == [visit]
    assert list(community.past_visits(next_day, next_day)) == []


# -- who is here -------------------------------------------------------------------


def test_present_lists_newest_arrivals_first(community: Community, clock: FakeClock) -> None:
    for name in ("Ada", "Bob", "Cy"):
        community.check_in(community.add_member(name).id)
        clock.advance(minutes=10)
    assert [p.member.name for p in community.present()] == ["Cy", "Bob", "Ada"]
    assert [p.visit.since for p in community.present()] == [
        START + timedelta(minutes=20),
        START + timedelta(minutes=10),
        START,
    ]


def test_present_hides_members_who_chose_not_to_be_on_the_board(
    community: Community,
) -> None:
    # Given one member on the board and one who asked not to be
    ada = community.add_member("Ada")
    hidden = community.add_member("Ann Onymous", on_board=False)
    # When both are here
    community.check_in(ada.id)
    community.check_in(hidden.id)
    # Then the board shows one, and the host's count says two
    assert [p.member for p in community.present()] == [ada]
    assert community.here_count() == 2


def test_nobody_is_here_in_a_new_community(community: Community) -> None:
    assert community.present() == []
    assert community.here_count() == 0


def test_another_process_sees_a_check_in_after_refresh(
    community: Community, clock: FakeClock
) -> None:
    # Given the kiosk and a second process (say the CLI) on the same data folder
    zoe = community.add_member("Zoë Martin")
    other = Community(Store.open(community.store.root), clock=clock)
    # When the other one checks Zoë in
    other.check_in(zoe.id)
    # Then the kiosk sees it once it refreshes
    assert community.refresh() is True
    assert [p.member for p in community.present()] == [zoe]
    assert community.refresh() is False


# -- shout-outs ----------------------------------------------------------------


def test_shoutouts_come_newest_first(community: Community, clock: FakeClock) -> None:
    ada = community.add_member("Ada")
    for message in ("first", "second", "third"):
        community.post_shoutout(ada.id, None, message)
        clock.advance(minutes=1)
    assert [s.text for s in community.shoutouts()] == ["third", "second", "first"]
    assert [s.text for s in community.shoutouts(limit=2)] == ["third", "second"]


def test_a_shoutout_to_one_member_or_to_everyone(community: Community) -> None:
    ada, bob = community.add_member("Ada"), community.add_member("Bob")
    thanks = community.post_shoutout(ada.id, bob.id, "Thanks for the\nsoldering tips!")
    party = community.post_shoutout(bob.id, None, "Pizza at six")
    assert (thanks.from_id, thanks.to_id, thanks.text, thanks.created) == (
        ada.id,
        bob.id,
        "Thanks for the soldering tips!",
        START,
    )
    assert party.to_id is None
    assert community.name_of(thanks.to_id) == "Bob"
    assert community.name_of(party.to_id) == "everyone"


def test_a_shoutout_to_an_unknown_member_is_refused(community: Community) -> None:
    ada = community.add_member("Ada")
    with pytest.raises(Refused, match="There is no member with the id 'nobody'"):
        community.post_shoutout(ada.id, "nobody", "Hello")
    assert community.shoutouts() == []


def test_a_shoutout_from_an_unknown_member_is_refused(community: Community) -> None:
    with pytest.raises(Refused, match="There is no member with the id 'nobody'"):
        community.post_shoutout("nobody", None, "Hello")


def test_a_blank_or_too_long_shoutout_is_refused(community: Community) -> None:
    ada = community.add_member("Ada")
    with pytest.raises(Refused, match="Please enter a shout-out"):
        community.post_shoutout(ada.id, None, " \n ")
    with pytest.raises(Refused, match="281 characters, and at most 280 fit"):
        community.post_shoutout(ada.id, None, "x" * 281)
    assert community.post_shoutout(ada.id, None, "x" * 280).text == "x" * 280


def test_a_shoutout_outlives_its_author_as_a_former_member(community: Community) -> None:
    assert community.name_of("m-gone") == "a former member"


def test_the_demo_community_is_ready_to_show(demo_data: Path, clock: FakeClock) -> None:
    # Given the demo data seeded at the clock's now
    demo = Community(Store.open(demo_data), clock=clock)
    # Then it has members, people here and shout-outs to show
    assert len(demo.members()) == 30
    # Eight members here and a guest, all shown but the guest
    assert demo.here_count() == 9
    assert len(demo.present()) == 8
    assert demo.present()[0].visit.since == START - timedelta(minutes=4)
    assert len(demo.shoutouts()) == 5
    # A newcomer, someone on her tenth visit, profiles that suggest people to meet, and
    # answers to the question of the week
    everyone = [person.here for group in demo.gathering().groups for person in group.people]
    assert any(here.newcomer for here in everyone)
    assert any(
        here.milestone and here.milestone.welcome.startswith("10th") for here in everyone
    ) or any(here.milestone and "10th" in here.milestone.badge for here in everyone)
    zoe = demo.find("Zoë Martin")
    demo.check_in(zoe.id)
    assert len(demo.welcome(zoe.id).suggestions) == 3
    assert demo.question() is not None and len(demo.answers_shown()) == 5
    assert all(len(m.badge) == 10 for m in demo.members())
    assert sum(len(list(demo.past_visits(d, d))) for d in demo.store.history_days()) > 300


@pytest.mark.parametrize(
    "zone",
    [
        "Pacific/Kiritimati",  # UTC+14
        "Pacific/Pago_Pago",  # UTC-11
        "UTC",
        "Europe/London",
        "Australia/Lord_Howe",  # its clocks go back half an hour on 5 April 2026
        "America/Santiago",  # and these an hour, at midnight, the same night
    ],
)
def test_the_visits_of_local_days_are_all_found_in_any_zone(tmp_path: Path, zone: str) -> None:
    # Given a kiosk in `zone`, and a visit begun every 97 minutes over six days, filed
    clock = FakeClock(datetime(2026, 4, 1, 7, tzinfo=UTC))
    community = Community(
        Store.open(tmp_path / "data"), clock, hours=read_hours({"timezone": zone})
    )
    ana = community.add_member("Ana Lima").id
    begun = []
    for _ in range(6 * 24 * 60 // 97):
        begun.append(community.check_in(ana).since)
        clock.advance(minutes=60)
        community.check_out(ana)
        clock.advance(minutes=37)
    community.file_visits()
    # When the visits begun on two local days are asked for
    first, last = date(2026, 4, 4), date(2026, 4, 5)
    found = [visit.since for visit in community.visits_begun(first, last)]
    # Then they are those whose start the zone's own clocks put on those days
    local = ZoneInfo(zone)
    assert found == [since for since in begun if first <= since.astimezone(local).date() <= last]
