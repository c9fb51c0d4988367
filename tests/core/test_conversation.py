"""Shout-outs hosts can hide, shout-outs for you, and the question of the week."""

from __future__ import annotations

import pytest

from kiosk.community.community import Community
from kiosk.errors import Refused
from kiosk.storage.store import Store
from kiosk.timekeeping import hours
from tests.conftest import FakeClock


def test_a_hidden_shout_out_leaves_public_screens_in_every_process_until_restored(
    community: Community,
) -> None:
    ana = community.add_member("Ana Lima")
    posted = community.post_shoutout(ana.id, None, "Thanks all!")
    board = Community(Store.open(community.store.root), community.clock)
    assert [s.id for s in board.shoutouts()] == [posted.id]
    community.hide_shoutout(posted.id)
    assert board.refresh()
    assert board.shoutouts() == []
    assert [s.id for s in board.all_shoutouts()] == [posted.id]
    community.hide_shoutout(posted.id, hidden=False)
    board.refresh()
    assert [s.id for s in board.shoutouts()] == [posted.id]


def test_a_shout_out_written_here_incognito_waits_for_its_author_to_leave(
    community: Community, clock: FakeClock
) -> None:
    # Given Ana here incognito, who thanks Bo
    ana = community.add_member("Ana Lima")
    bo = community.add_member("Bo Berg")
    community.check_in(ana.id, "incognito")
    thanks = community.post_shoutout(ana.id, bo.id, "Thanks for the solder!")
    # Then no public screen shows it while she is here, not even Bo's welcome
    assert thanks.quiet
    assert community.shoutouts() == []
    community.check_in(bo.id)
    assert community.welcome(bo.id).shoutouts == []
    # And once she has left, it is there, said to be of today, never "just now"
    clock.advance(hours=1)
    community.check_out(ana.id)
    assert [s.id for s in community.shoutouts()] == [thanks.id]
    assert hours.posted(thanks.created, clock.now, community.zone, thanks.quiet) == "today"
    # Even when she comes back, it stays, as it was written on a visit before
    community.check_in(ana.id, "incognito")
    assert [s.id for s in community.shoutouts()] == [thanks.id]


def test_a_shout_out_written_off_the_board_waits_too_and_names_no_one(
    community: Community,
) -> None:
    olga = community.add_member("Olga Kern", on_board=False)
    community.check_in(olga.id)
    posted = community.post_shoutout(olga.id, None, "Soup in the kitchen")
    assert posted.quiet and community.shoutouts() == []
    community.check_out(olga.id)
    assert community.public_name(posted.from_id, "someone") == "a member"


def test_a_quiet_shout_out_takes_its_place_by_its_day_alone_not_between_its_neighbours(
    community: Community, clock: FakeClock
) -> None:
    # Given shout-outs to Dee: yesterday's, Bo's at 09:00, Ana's at 10:00 while she was
    # here incognito, and Cy's at 11:00
    ana, bo, cy, dee = (
        community.add_member(name) for name in ("Ana Lima", "Bo Berg", "Cy Wu", "Dee Ray")
    )
    clock.advance(days=1)
    yesterday = community.post_shoutout(cy.id, dee.id, "Yesterday's")
    clock.advance(days=1)
    community.check_in(ana.id, "incognito")
    nine = community.post_shoutout(bo.id, dee.id, "At nine")
    clock.advance(hours=1)
    ten = community.post_shoutout(ana.id, dee.id, "At ten, unseen")
    clock.advance(hours=1)
    eleven = community.post_shoutout(cy.id, dee.id, "At eleven")
    # When she has left
    community.check_out(ana.id)
    # Then hers is listed after its day's others, never between nine and eleven, which
    # would tell when she was here; hosts see the true order
    public = [eleven.id, nine.id, ten.id, yesterday.id]
    assert [s.id for s in community.shoutouts()] == public
    assert [s.id for s in community.all_shoutouts()] == [eleven.id, ten.id, nine.id, yesterday.id]
    # And Dee's welcome lists them as the wall does
    clock.advance(minutes=1)
    community.check_in(dee.id)
    assert [s.id for s in community.welcome(dee.id).shoutouts] == public


def test_an_answer_given_here_incognito_waits_for_her_to_leave_and_tells_only_its_day(
    community: Community, clock: FakeClock
) -> None:
    # Given the question of the week, answered by Bo at 09:00 and Cy at 11:00, and by
    # Ana at 10:00 right after checking in incognito
    community.ask("What are you making this week?")
    ana, bo, cy = (community.add_member(name) for name in ("Ana Lima", "Bo Berg", "Cy Wu"))
    community.answer(bo.id, "A shelf")
    clock.advance(hours=1)
    community.check_in(ana.id, "incognito")
    given = community.answer(ana.id, "A secret garden")
    clock.advance(hours=1)
    community.answer(cy.id, "A kite")
    # Then no board shows hers while she is here, which would say she just came
    assert given.quiet
    assert [a.text for a in community.answers_shown()] == ["A kite", "A shelf"]
    # And once she has left, it is there, after the day's others, by its day alone
    community.check_out(ana.id)
    shown = community.answers_shown()
    assert [a.text for a in shown] == ["A kite", "A shelf", "A secret garden"]
    assert shown[-1].quiet
    # While an answer given in plain sight is on the board at once
    community.check_in(bo.id)
    community.answer(bo.id, "A bigger shelf")
    assert community.answers_shown()[0].text == "A bigger shelf"


def test_a_shout_out_written_by_a_member_on_the_board_is_as_ever(community: Community) -> None:
    ana = community.add_member("Ana Lima")
    community.check_in(ana.id)
    posted = community.post_shoutout(ana.id, None, "Cake!")
    assert not posted.quiet
    assert community.shoutouts() == [posted]


def test_hiding_an_unknown_shout_out_is_refused(community: Community) -> None:
    with pytest.raises(Refused, match="There is no shout-out with the id 'nope'"):
        community.hide_shoutout("nope")


def test_shout_outs_for_you_since_your_last_visit_are_on_your_welcome(
    community: Community, clock: FakeClock
) -> None:
    # Given a shout-out to Ana before her last visit (her welcome then showed it), one
    # during it, and more since: to her, to everyone, and one a host hid
    ana = community.add_member("Ana Lima")
    bo = community.add_member("Bo Berg")
    before = community.post_shoutout(bo.id, ana.id, "Welcome aboard!")
    clock.advance(minutes=1)
    community.check_in(ana.id)
    clock.advance(minutes=30)
    during = community.post_shoutout(bo.id, ana.id, "Great talk today")
    community.check_out(ana.id)
    clock.advance(days=1)
    later = community.post_shoutout(bo.id, ana.id, "Thanks for the help!")
    community.post_shoutout(bo.id, None, "To everyone")
    hidden = community.post_shoutout(bo.id, ana.id, "Hidden by a host")
    community.hide_shoutout(hidden.id)

    # When she checks in again, her welcome holds those to her since her last check-in
    clock.advance(minutes=1)
    community.check_in(ana.id)
    assert [s.id for s in community.welcome(ana.id).shoutouts] == [later.id, during.id]
    assert before.id not in [s.id for s in community.welcome(ana.id).shoutouts]


def test_the_question_of_the_week_is_answered_once_a_member_and_cleared(
    community: Community, clock: FakeClock
) -> None:
    ana = community.add_member("Ana Lima")
    community.check_in(ana.id)
    with pytest.raises(Refused, match="There is no question of the week"):
        community.answer(ana.id, "Climbing")
    asked = community.ask("What are you making this week?")
    community.answer(ana.id, "A synth")
    clock.advance(minutes=5)
    community.answer(ana.id, "A  modular\tsynth")
    fresh = Community(Store.open(community.store.root), community.clock)
    assert fresh.question() == asked
    assert [(a.member_id, a.text) for a in fresh.answers()] == [(ana.id, "A modular synth")]
    assert [a.text for a in fresh.answers_shown()] == ["A modular synth"]
    # A new question lets the old answers go; clearing leaves no question
    community.ask("Best tool you own?")
    assert community.answers() == []
    community.clear_question()
    assert Community(Store.open(community.store.root), community.clock).question() is None


def test_a_first_visit_and_the_tenth_are_celebrated_on_the_welcome(
    community: Community, clock: FakeClock
) -> None:
    ana = community.add_member("Ana Lima")
    community.check_in(ana.id)
    milestone = community.welcome(ana.id).milestone
    assert milestone is not None and milestone.kind == "first-visit"
    for _ in range(8):
        community.check_out(ana.id)
        clock.advance(days=1)
        community.check_in(ana.id)
    community.file_visits()
    community.check_out(ana.id)
    clock.advance(days=1)
    community.check_in(ana.id)
    milestone = community.welcome(ana.id).milestone
    assert milestone is not None and "10th" in milestone.welcome
