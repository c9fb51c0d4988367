"""A member deletes their data, and nothing that names them stays in the live files; two
records of one person are merged into one."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.community.community import Community
from kiosk.errors import Refused
from kiosk.models.inductions import Induction
from kiosk.safety.inductions import Inductions
from kiosk.storage.store import Store
from kiosk.text import topic_key
from tests.conftest import FakeClock


def live_text(root: Path) -> str:
    """Every live data file's text (backups age out on their own)."""
    return "\n".join(
        path.read_text()
        for path in root.rglob("*.json")
        if "backups" not in path.relative_to(root).parts
    )


@pytest.fixture
def ada(community: Community, clock: FakeClock) -> str:
    """Ada, with a profile, three visits (one with a guest), shout-outs both ways, an
    answer to the question of the week, an induction on the loom (she may induct on it
    too) and Grace invited for tomorrow; she is here now."""
    member = community.add_member(
        "Ada Lovelace", ("engines",), intro="Notes on the Analytical Engine"
    )
    bo = community.add_member("Bo Berg")
    community.check_in(bo.id)
    community.ask("What are you making?")
    for _ in range(3):
        community.check_in(member.id, topics=("looms",))
        community.sign_in_guest(member.id, "Charles")
        clock.advance(hours=2)
        community.check_out(member.id)
        clock.advance(days=1)
    community.file_visits()
    community.check_in(member.id)
    community.post_shoutout(member.id, None, "Thanks, everyone!")
    community.post_shoutout(bo.id, member.id, "Your notes helped me")
    community.answer(member.id, "A difference engine")
    inductions = Inductions(community.store)
    inductions.add(Induction(member.id, "Jacquard loom", bo.id, clock()))
    inductions.set_inductor(member.id, "Jacquard loom", True)
    community.invite(member.id, "Grace Hopper", clock().date() + timedelta(days=1))
    return member.id


@pytest.mark.parametrize("their_shoutouts", ["remove", "anonymous"])
def test_a_deleted_member_leaves_nothing_that_names_them(
    community: Community, ada: str, clock: FakeClock, their_shoutouts: str
) -> None:
    before = community.member(ada)
    day_counts = {
        day: len(list(community.past_visits(day, day))) for day in community.store.history_days()
    }

    community.delete_member(ada, their_shoutouts)  # type: ignore[arg-type]

    root = community.store.root
    text = live_text(root)
    traces = (ada, "Ada Lovelace", "Analytical Engine", before.badge, "looms", "difference")
    for trace in (*traces, "Grace Hopper"):
        assert trace not in text, trace
    fresh = Community(Store.open(root), clock)
    with pytest.raises(Refused):
        fresh.member(ada)
    # Her visits stay as anonymous counts: as many as before on each day, and today's
    today = clock().date()
    day_counts[today] = day_counts.get(today, 0) + 1
    assert {
        day: len(list(fresh.past_visits(day, day))) for day in fresh.store.history_days()
    } == day_counts
    kept = [s.text for s in fresh.shoutouts()]
    assert "Your notes helped me" not in kept
    assert ("Thanks, everyone!" in kept) == (their_shoutouts == "anonymous")
    assert all(s.from_id != ada for s in fresh.all_shoutouts())


def test_two_records_of_one_person_become_one(
    community: Community, ada: str, clock: FakeClock
) -> None:
    other = community.add_member("Ada King", ("poetry",))
    community.check_in(other.id)
    clock.advance(hours=1)
    community.check_out(other.id)
    community.file_visits()
    community.post_shoutout(community.find("Bo Berg").id, other.id, "Lovely poem")

    inductions = Inductions(community.store)
    inductions.add(Induction(other.id, "Sewing machine", other.id, clock()))
    inductions.set_inductor(other.id, "jacquard loom", True)
    community.invite(other.id, "Percy Shelley", clock().date())

    merged = community.merge_members(ada, other.id)

    fresh = Community(Store.open(community.store.root), community.clock)
    assert fresh.member(ada) == merged
    assert merged.topics == ("engines", "poetry")
    assert fresh.visits_so_far(merged) == 5  # three, one of the other record, and today
    with pytest.raises(Refused):
        fresh.member(other.id)
    # What the other record was given or made is hers now, once for each tool
    after = Inductions(fresh.store)
    assert {(i.member_id, i.tool) for i in after.inductions()} == {
        (ada, "Jacquard loom"),
        (ada, "Sewing machine"),
    }
    assert [(i.member_id, topic_key(i.tool)) for i in after.inductors()] == [
        (ada, topic_key("Jacquard loom"))
    ]
    assert {i.member_id for i in fresh.store.invitations()} == {ada}
    assert other.id not in live_text(fresh.store.root)
    assert fresh.by_badge(other.badge) is None
    assert [s.to_id for s in fresh.shoutouts() if s.text == "Lovely poem"] == [ada]
    assert other.id not in live_text(community.store.root)


def test_a_kiosk_that_knows_everyone_follows_a_deletion_and_its_own_next_look(
    community: Community, ada: str
) -> None:
    # Given a kiosk that has read everyone (as it does once its first screen is up)
    community.load_everyone()
    community.refresh()

    # When a member's data is deleted there, and it next looks at the data folder
    community.delete_member(ada)
    community.refresh()

    # Then she is gone from it, and from a search
    assert all(member.id != ada for member in community.members())
    assert community.search("ada") == []
