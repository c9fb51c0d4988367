"""Old visits fade into counts: past the days a host sets, a visit keeps no member, no
topics and no guest's name, and attendance figures stay as they were."""

from __future__ import annotations

import multiprocessing
import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.community import stats
from kiosk.community.community import Community
from kiosk.community.retention import anonymise_old_visits
from kiosk.storage.store import Store
from tests.conftest import START, FakeClock


def came_daily(community: Community, clock: FakeClock, member_id: str, days: int) -> None:
    """The member comes for two hours each day, with a guest, from START on."""
    for _ in range(days):
        community.check_in(member_id, topics=("looms",))
        community.sign_in_guest(member_id, "Charles Babbage")
        clock.advance(hours=2)
        community.check_out(member_id)
        clock.advance(hours=22)
    community.file_visits()


def test_visits_older_than_the_days_kept_name_nobody_and_still_count(
    community: Community, clock: FakeClock
) -> None:
    # Given Ada and her guest on each of 40 days, the last one yesterday
    ada = community.add_member("Ada Lovelace").id
    came_daily(community, clock, ada, 40)
    days = stats.Period(START.date(), clock.now.date() - timedelta(days=1), UTC)
    visits = list(community.past_visits(days.first, days.last))
    members_before = stats.people_per_day(visits, days, "members")
    guests_before = stats.people_per_day(visits, days, "guests")
    # When visits are kept with their names for 30 days
    anonymise_old_visits(community.store, clock.now, 30)
    # Then each visit of a day before the 30 days names nobody, and the later ones are
    # as they were
    limit = (clock.now - timedelta(days=30)).date()
    after = list(community.past_visits(days.first, days.last))
    assert len(after) == len(visits) == 80
    for visit in after:
        if visit.since.date() < limit:
            assert (visit.member_id, visit.topics) == ("", ())
            assert visit.guest in ("", "a guest")
        else:
            assert visit.member_id == ada
            assert visit.guest in ("", "Charles Babbage")
    # And every day still counts one member and one guest
    assert stats.people_per_day(after, days, "members") == members_before
    assert stats.people_per_day(after, days, "guests") == guests_before
    assert {count for _, count in members_before} == {1}


def test_running_again_changes_nothing_and_no_days_keeps_every_name(
    community: Community, clock: FakeClock
) -> None:
    ada = community.add_member("Ada Lovelace").id
    came_daily(community, clock, ada, 10)
    assert anonymise_old_visits(community.store, clock.now, 0) == 0
    assert anonymise_old_visits(community.store, clock.now, 3) > 0
    assert anonymise_old_visits(community.store, clock.now, 3) == 0
    old = [v for v in community.past_visits(START.date(), clock.now.date()) if v.member_id]
    assert len(old) == 6  # three days of visits (Ada's and her guest's) kept named


def fade_until_killed(root: Path, now: datetime, days: int) -> None:
    anonymise_old_visits(Store.open(root), now, days)


def test_killed_at_any_moment_each_file_is_as_before_or_anonymous_and_a_rerun_ends_it(
    community: Community, clock: FakeClock
) -> None:
    # Given 40 days of visits
    ada = community.add_member("Ada Lovelace").id
    came_daily(community, clock, ada, 40)
    root = community.store.root
    days = (START.date(), clock.now.date())
    counted = len(list(community.past_visits(*days)))
    rng = random.Random(23)
    fork = multiprocessing.get_context("fork")
    for trial in range(20):
        # When a run is killed at a random moment, keeping fewer days each time
        runner = fork.Process(target=fade_until_killed, args=(root, clock.now, 40 - 2 * trial))
        runner.start()
        time.sleep(rng.uniform(0, 0.02))
        runner.kill()
        runner.join()
        # Then every file reads whole, each visit named or anonymous through and through
        visits = list(Community(Store.open(root), clock).past_visits(*days))
        assert len(visits) == counted
        for visit in visits:
            if visit.member_id:
                assert visit.guest == "Charles Babbage" or visit.topics == ("looms",)
            else:
                assert visit.guest in ("", "a guest") and visit.topics == ()
    # And a run to its end leaves nothing older than the days kept named
    anonymise_old_visits(Store.open(root), clock.now, 2)
    limit = (clock.now - timedelta(days=2)).date()
    visits = list(Community(Store.open(root), clock).past_visits(*days))
    assert all(not v.member_id for v in visits if v.since.date() < limit)
    assert len(visits) == counted


def test_a_visit_is_kept_named_for_the_days_set_and_not_a_moment_longer(
    community: Community, clock: FakeClock
) -> None:
    # Given Ada's visit at 18:00 and Bo's at 18:00 and one second, on one day
    ada = community.add_member("Ada Lovelace").id
    bo = community.add_member("Bo Berg").id
    clock.now = START.replace(hour=18)
    community.check_in(ada)
    clock.advance(minutes=1 / 60)
    community.check_in(bo)
    clock.advance(hours=1)
    community.check_out(ada)
    community.check_out(bo)
    community.file_visits()
    # When visits are kept named for 30 days, and the backup runs 30 days and a second
    # after Ada came, when Bo came 30 days ago to the second
    clock.now = START.replace(hour=18) + timedelta(days=30, seconds=1)
    anonymise_old_visits(community.store, clock.now, 30)
    # Then Ada's visit, older than 30 days, names nobody, and Bo's is named still
    named = {v.member_id for v in community.past_visits(START.date(), clock.now.date())}
    assert named == {"", bo}
