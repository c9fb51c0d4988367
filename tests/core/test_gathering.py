"""The board's gathering: who is here, grouped by what they are open to chatting about,
with mentors marked, newcomers flagged, open requests and guests."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.community.community import Community
from kiosk.community.gathering import Gathering, Here, gather
from kiosk.exchange.wall import wall_view
from kiosk.models import Member, Presence, Status, Visit
from kiosk.storage.store import Store
from kiosk.timekeeping import opening
from tests.conftest import FakeClock

NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)
MORNING = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
LONG_AGO = datetime(2024, 6, 1, tzinfo=UTC)


def here(
    name: str,
    topics: tuple[str, ...] = (),
    status: Status = "open",
    guest: str = "",
    host: str = "",
    **profile: Any,
) -> Presence:
    """A member here since this morning; with `guest`, the guest `host` signed in."""
    profile.setdefault("visits", 4)
    member = Member((host or name).lower(), host or name, LONG_AGO, **profile)
    visit = Visit(f"v-{name}", member.id, MORNING, status, topics, guest=guest)
    return Presence(member, visit)


def board(gathering: Gathering) -> list[str]:
    """The gathering as a line a topic, "*" after a mentor in it, "(new)" after a newcomer."""

    def shown(person: Here, mentor: bool = False) -> str:
        return person.member.name + ("*" if mentor else "") + (" (new)" if person.newcomer else "")

    return [
        f"{group.topic}: " + ", ".join(shown(p.here, p.mentor) for p in group.people)
        for group in gathering.groups
    ]


def names(people: tuple[Here, ...]) -> list[str]:
    return [person.member.name for person in people]


# -- groups by topic -------------------------------------------------------------


def test_members_are_grouped_by_topic_however_it_is_spelled() -> None:
    gathering = gather(
        [
            here("Ana", ("climbing", "Rust")),
            here("Ben", ("Climbing", "chess")),
            here("Cy", ("rust", "ale")),
            here("Dee", ("rust",)),
            here("Eli", ("climbing",)),
        ],
        NOW,
        UTC,
    )
    # largest group first, then by topic; each topic as most members spell it
    assert board(gathering) == [
        "climbing: Ana, Ben, Eli",
        "rust: Ana, Cy, Dee",
        "ale: Cy",
        "chess: Ben",
    ]


def test_groups_of_one_size_come_by_topic_ignoring_case_and_accents() -> None:
    gathering = gather(
        [here("Ana", ("Zumba",)), here("Ben", ("échecs",)), here("Cy", ("bread",))], NOW, UTC
    )
    assert board(gathering) == ["bread: Cy", "échecs: Ben", "Zumba: Ana"]


def test_people_in_a_group_come_by_name_whoever_checked_in_first() -> None:
    present = [here("Zoë", ("go",)), here("Ábel", ("go",)), here("bo", ("go",))]
    assert board(gather(present, NOW, UTC)) == ["go: Ábel, bo, Zoë"]
    assert board(gather(present[::-1], NOW, UTC)) == ["go: Ábel, bo, Zoë"]


def test_mentors_in_a_topic_are_marked_in_its_group_only() -> None:
    gathering = gather(
        [here("Ana", ("rust", "chess"), mentor=("Rust",)), here("Ben", ("rust",))], NOW, UTC
    )
    assert board(gathering) == ["rust: Ana*, Ben", "chess: Ana"]


def test_a_mentor_field_kept_for_hosts_marks_nobody() -> None:
    ana = here("Ana", ("rust",), mentor=("Rust",), hosts_only=frozenset({"mentor"}))
    assert board(gather([ana], NOW, UTC)) == ["rust: Ana"]


def test_newcomers_are_flagged() -> None:
    gathering = gather([here("Ana", ("rust",), visits=1), here("Ben", ("rust",))], NOW, UTC)
    assert board(gathering) == ["rust: Ana (new), Ben"]


def test_other_milestones_of_today_come_with_each_member() -> None:
    gathering = gather([here("Ana", ("rust",), visits=10)], NOW, UTC)
    (ana,) = gathering.groups[0].people
    assert ana.here.milestone is not None and ana.here.milestone.badge == "10th visit"


# -- who is shown how ---------------------------------------------------------


def test_heads_down_incognito_and_off_board_members() -> None:
    gathering = gather(
        [
            here("Ana", ("rust",)),
            here("Ben", ("rust",), status="heads-down"),
            here("Cy", ("rust",), status="incognito"),
            here("Dee", ("rust",), on_board=False),
            here("Eve", ("rust",), status="heads-down", on_board=False),
        ],
        NOW,
        UTC,
    )
    assert board(gathering) == ["rust: Ana"]
    assert names(gathering.heads_down) == ["Ben"]
    assert names(gathering.without_topics) == []


def test_members_open_to_chat_without_a_shown_topic_are_listed_apart() -> None:
    gathering = gather(
        [
            here("Ana", ()),
            here("Ben", ("rust",), hosts_only=frozenset({"topics"})),
            here("Cy", ("rust",)),
        ],
        NOW,
        UTC,
    )
    assert board(gathering) == ["rust: Cy"]
    assert names(gathering.without_topics) == ["Ana", "Ben"]


def test_nobody_here() -> None:
    assert gather([], NOW, UTC) == Gathering((), (), (), (), ())


# -- could use a hand with ---------------------------------------------------------


def test_open_requests_of_members_open_to_chat() -> None:
    gathering = gather(
        [
            here("Ana", looking_for=("sourdough", "taxes")),
            here("Ben", looking_for=("Rust",), hosts_only=frozenset({"looking_for"})),
            here("Cy", looking_for=("Rust",), status="heads-down"),
            here("Dee", looking_for=("Rust",), status="incognito"),
            here("Eve", looking_for=("Rust",), on_board=False),
            here("Fay", ("chess",)),
        ],
        NOW,
        UTC,
    )
    assert [(h.here.member.name, h.topics) for h in gathering.hands_wanted] == [
        ("Ana", ("sourdough", "taxes"))
    ]


# -- guests ----------------------------------------------------------------------


def test_guests_are_shown_as_their_host_was_told_and_only_when_the_host_is_shown() -> None:
    gathering = gather(
        [
            here("Ana"),
            here("Kim", guest="Kim", host="Ana"),
            here("Fay", status="incognito"),
            here("Lu", guest="Lu", host="Fay"),  # naming Fay would show she is here
            here("Mo", guest="Mo", host="Gus"),  # Gus is not here
            here("Ned", guest="Ned", host="Ana", status="incognito"),
        ],
        NOW,
        UTC,
    )
    # never by their own name: as "guest of" the host's first name, or "a guest"
    assert [g.shown_as for g in gathering.guests] == ["a guest", "a guest", "guest of Ana"]
    # a guest is not counted as the member who signed them in
    assert names(gathering.without_topics) == ["Ana"]


def on_the_board(community: Community) -> list[str]:
    """Everyone the community's gathering shows, by name, "(new)" after a newcomer."""
    gathering = community.gathering()
    people = [
        *(person.here for group in gathering.groups for person in group.people),
        *gathering.without_topics,
        *gathering.heads_down,
    ]
    return sorted({here.member.name + (" (new)" if here.newcomer else "") for here in people})


def test_the_gathering_follows_each_change_made_here_or_elsewhere_and_the_turn_of_the_day(
    community: Community, clock: FakeClock, tmp_path: Path
) -> None:
    # Given a kiosk's community with everyone read, and another process on the same folder
    other = Community(Store.open(tmp_path / "data"), clock=clock)
    ana = community.add_member("Ana Silva")
    community.load_everyone()
    community.check_in(ana.id)
    assert on_the_board(community) == ["Ana Silva (new)"]
    # Asked again with nothing changed, it is the same
    assert community.gathering() is community.gathering()

    # When another process checks someone in, the next reread shows them
    ben = other.add_member("Ben Okafor")
    other.check_in(ben.id)
    community.refresh()
    assert on_the_board(community) == ["Ana Silva (new)", "Ben Okafor (new)"]

    # A change of name made elsewhere, and a change of status made here, show too
    other.edit_member(ben.id, name="Benjamin Okafor")
    community.refresh()
    community.update_visit(ana.id, "heads-down", ())
    assert on_the_board(community) == ["Ana Silva (new)", "Benjamin Okafor (new)"]
    assert [here.member.name for here in community.gathering().heads_down] == ["Ana Silva"]

    # At midnight (no opening hours are set) the day's visits end, and the board empties
    clock.advance(days=1)
    assert on_the_board(community) == []


def test_a_board_looking_all_day_remembers_the_days_of_visits_not_of_its_looks(
    demo_data: Path, clock: FakeClock
) -> None:
    # Given the demo community and a wall board that has looked once
    community = Community(Store.open(demo_data), clock)
    absent = [m.id for m in community.store.members.everyone() if community.visit_of(m.id) is None]
    wall_view(community)
    remembered = len(opening._days)
    # When someone comes or goes every few minutes, and the board looks every minute
    for change, member_id in enumerate(absent[:20] * 2):
        if change < 20:
            community.check_in(member_id, "open")
        else:
            community.check_out(member_id)
        for _ in range(3):
            clock.advance(minutes=1)
            wall_view(community)
    # Then it remembers at most the days those who came joined and began their visit on,
    # never a reading of its clock
    assert len(opening._days) - remembered <= 2 * 20
