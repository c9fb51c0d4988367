"""Members as CSV: exported for hosts, and imported only after every row was checked, so
that a bad file changes nothing and a file imported twice adds nobody twice."""

from __future__ import annotations

import csv
import io
import itertools
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest

from kiosk.exchange.member_sheet import read_sheet
from kiosk.exchange.members_csv import ImportChoices, ImportPlan, plan_import, write_members
from kiosk.models import Member
from kiosk.progress import Progress

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
ANA = Member(
    id="ana",
    name="Ana Lima",
    joined=datetime(2026, 1, 5, 10, 32, tzinfo=UTC),
    topics=("coffee", "Python"),
    pronouns="she/her",
    intro="I fix bikes",
    ask_me_about=("bikes",),
    looking_for=("a lathe", "time"),
    learning=("welding",),
    mentor=("Python",),
    badge="B-100",
    visits=12,
    hosts_only=frozenset({"looking_for", "intro"}),
    named_online=True,
)
BO_1 = Member(id="bo1", name="Bo", joined=datetime(2026, 2, 1, 12, tzinfo=UTC), on_board=False)
BO_2 = Member(id="bo2", name="Bo", joined=datetime(2026, 3, 1, 12, tzinfo=UTC), active=False)
MEMBERS = [ANA, BO_1, BO_2]


def plan(
    content: str,
    members: list[Member] = MEMBERS,
    progress: Progress | None = None,
    **choices: Any,
) -> ImportPlan:
    ids = (f"new{n}" for n in itertools.count(1))
    return plan_import(
        read_sheet(content.encode()),
        members,
        now=NOW,
        zone=UTC,
        new_id=lambda: next(ids),
        choices=ImportChoices(**choices),
        progress=progress,
    )


def exported(members: list[Member]) -> str:
    file = io.StringIO(newline="")
    assert write_members(file, members, UTC) == len(members)
    return file.getvalue()


# -- export -----------------------------------------------------------------------


def test_the_export_has_a_row_for_each_member() -> None:
    rows = list(csv.reader(io.StringIO(exported(MEMBERS), newline="")))
    assert rows == [
        [
            "id", "name", "joined", "topics", "pronouns", "intro", "ask_me_about",
            "looking_for", "learning", "mentor", "on_board", "hosts_only", "named_online",
            "active", "badge", "keyholder",
        ],
        [
            "ana", "Ana Lima", "2026-01-05", "coffee; Python", "she/her", "I fix bikes",
            "bikes", "a lathe; time", "welding", "Python", "yes", "intro; looking_for", "yes",
            "yes", "B-100", "no",
        ],
        ["bo1", "Bo", "2026-02-01", "", "", "", "", "", "", "", "no", "none", "no", "yes", "",
         "no"],
        ["bo2", "Bo", "2026-03-01", "", "", "", "", "", "", "", "yes", "none", "no", "no", "",
         "no"],
    ]  # fmt: skip


def test_an_export_imported_again_changes_nothing() -> None:
    tricky = replace(
        ANA, id="eve", name="=Eve", intro="@home", badge="", topics=("-5 °C",), keyholder=True
    )
    members = [*MEMBERS, tricky]
    text = exported(members)
    assert "'=Eve" in text and "'@home" in text  # shown as text by spreadsheets
    assert plan(text, members) == ImportPlan(unchanged=4, rows=4)


# -- which member a row is ----------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "outcome"),
    [
        ("ana,Ana Lima,", "ana as it is"),
        ("ana,Ana L.,", "update ana"),
        ("zed,Ana Lima,", "add zed"),  # an id of nobody yet: a new member of that id
        (",Ana Lima,", "ana as it is"),  # the one Ana Lima
        (",Ana Lima,2026-01-05", "ana as it is"),
        (",Ana Lima,2026-04-01", "add new1"),  # another Ana Lima, who joined later
        (",ana lima,", "add new1"),  # names match exactly, or not at all
        (",Bo,2026-03-01", "bo2 as it is"),
        (",Bo,", "line 2, column name: 2 members are named Bo; add the id of the one meant"),
        ("bo1,Bo,", "bo1 as it is"),
        (",Cy,", "add new1"),
    ],
)
def test_which_member_a_row_is(row: str, outcome: str) -> None:
    result = plan("id,name,joined\n" + row + "\n")
    # A row naming a member as they are is told by making a change to them.
    changed = plan("id,name,joined,intro\n" + row + ",Hello\n", update=frozenset({"intro"}))
    assert [
        *(f"add {m.id}" for m in result.add),
        *(f"update {m.id}" for m in result.update),
        *(f"{m.id} as it is" for m in changed.update if result.unchanged),
        *map(str, result.problems),
    ] == [outcome]


def test_a_new_member_gets_what_the_row_gives_and_is_kept_off_the_board() -> None:
    result = plan(
        "name,topics,on_board,pronouns,mentor\n"
        "Cy Diaz, knitting ;  chess,,they/them,\n"
        "Dee,,yes,,Rust; Go\n"
    )
    assert result.add == (
        Member(
            id="new1",
            name="Cy Diaz",
            joined=NOW,
            topics=("knitting", "chess"),
            pronouns="they/them",
            on_board=False,
        ),
        Member(id="new2", name="Dee", joined=NOW, mentor=("Rust", "Go"), on_board=True),
    )


def test_every_choice_of_who_sees_what_comes_back_into_a_new_folder() -> None:
    # Given members who keep fields for hosts, or keep off the board, exported
    text = exported(MEMBERS)
    # When the file is imported where none of them is yet
    result = plan(text, [])
    # Then each is as they were, every choice of who sees what with them
    choices = [(m.id, m.on_board, m.hosts_only, m.named_online) for m in MEMBERS]
    assert [(m.id, m.on_board, m.hosts_only, m.named_online) for m in result.add] == choices


@pytest.mark.parametrize(
    ("cell", "kept"),
    [
        ("none", set()),
        ("NONE", set()),
        ("Intro;  looking_for ;", {"intro", "looking_for"}),
        ("", {"intro", "looking_for"}),  # an empty cell leaves the choice as it is
    ],
)
def test_a_hosts_only_cell_lists_fields_or_says_none(cell: str, kept: set[str]) -> None:
    # A host who names the column replaces what Ana chose (she kept intro and looking_for)
    rows = f"id,name,hosts_only\nana,Ana L.,{cell}\n"
    [updated] = (*plan(rows, update=frozenset({"hosts_only"})).update,)
    assert updated.hosts_only == kept


def test_an_import_keeps_what_a_member_chose_to_keep_for_hosts_unless_told() -> None:
    [updated] = (*plan("id,name,hosts_only\nana,Ana L.,none\n").update,)
    assert updated.hosts_only == {"intro", "looking_for"}


def test_an_update_changes_the_fields_given_and_empty_cells_leave_them() -> None:
    result = plan("id,name,topics,badge,active\nana,Ana L.,,,no\n")
    assert result.update == (replace(ANA, name="Ana L.", active=False),)
    assert result.update[0].visits == 12  # what the file does not speak of is kept


def test_what_a_member_chose_is_kept_unless_the_host_names_the_column() -> None:
    # Given a row that would change Ana's own intro, topics and board choice
    content = "id,name,topics,intro,on_board\nana,Ana Lima,tea,Here on Fridays,no\n"

    # Then by default all three stay as she chose them, and the plan says so
    kept = plan(content)
    assert (kept.update, kept.unchanged) == ((), 1)
    assert kept.kept == (("intro", 1), ("on_board", 1), ("topics", 1))

    # And naming a column lets the file replace that one alone
    replaced = plan(content, update=frozenset({"intro"}))
    assert replaced.update == (replace(ANA, intro="Here on Fridays"),)
    assert replaced.kept == (("on_board", 1), ("topics", 1))


def test_importing_the_same_file_twice_adds_nobody_twice() -> None:
    content = "name,joined,topics\nCy,,chess\nDee,2026-06-01,\nAna Lima,,tea\n"
    first = plan(content, update=frozenset({"topics"}))
    assert [m.name for m in first.add] == ["Cy", "Dee"]
    assert first.update == (replace(ANA, topics=("tea",)),)
    # When the plan is applied and the same file imported again
    applied = [*first.update, BO_1, BO_2, *first.add]
    assert plan(content, applied) == ImportPlan(unchanged=3, rows=3)


# -- problems -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "problems"),
    [
        ("name,on_board\nCy,maybe\n", ["line 2, column on_board: 'maybe' is not yes or no"]),
        (
            "name,hosts_only\nCy,email\n",
            ["line 2, column hosts_only: 'email' is not a profile field; hosts_only lists"],
        ),
        ("name,active\nCy,TRUE\nDee,False\n", []),
        (
            "name,joined\nCy,12/01/2026\n",
            ["line 2, column joined: '12/01/2026' could be day/month or month/day"],
        ),
        ("name,joined\nCy,soon\n", ["line 2, column joined: 'soon' is not a day"]),
        ("name,joined\nCy,2026\n", ["line 2, column joined: '2026' is not a day"]),
        ("name,pronouns\n  ,he\n", ["line 2, column name: is empty; every member needs a name"]),
        ("id,name\nthe one,Cy\n", ["line 2, column id: 'the one' is not an id: letters,"]),
        ("name,badge\nCy,B-100\n", ["line 2, column badge: B-100 is already the badge of ana"]),
        ("name,badge\nCy,B-7\nDee,B-7\n", ["line 3, column badge: B-7 is already the badge"]),
        (
            "name,topics\nCy," + ";".join("abcdefghijklm"),
            ["line 2, column topics: That is 13 topics"],
        ),
        (
            "name,topics\nCy," + "x" * 41,
            ["line 2, column topics: The topic “xxxxxxxxxxxxxxxxxxxx…” is 41"],
        ),
        (
            "name,intro\nCy," + "x" * 121,
            ["line 2, column intro: That is too long for an introduction: 121"],
        ),
        ("name\n" + "x" * 81 + "\n", ["line 2, column name: That is too long for a name: 81"]),
        ("name\nCy\nCy\n", ["line 3: this is the same member as line 2"]),
        ("id,name\n,Ana Lima\nana,Ana\n", ["line 3: this is the same member as line 2"]),
        ("name\nCy,extra\n", ["line 2: 1 cell more than the header has columns"]),
        ('name,intro\n"Cy","two\nlines"\nCy,\n', ["line 4: this is the same member as line 2"]),
        ("name,pronouns\n\nCy,he\n\n,x\n", ["line 5, column name: is empty"]),
        (
            "nmae,topics\n",
            ["line 1: the header has no name column (Name, Full name, or First name and"],
        ),
        ("name,Name\n", ["line 1: the header has two columns for name"]),
    ],
    ids=lambda value: str(value)[:40],
)
def test_every_row_is_checked_and_each_problem_named(content: str, problems: list[str]) -> None:
    result = plan(content)
    assert len(result.problems) == len(problems)
    for problem, expected in zip(result.problems, problems, strict=True):
        assert str(problem).startswith(expected)


def test_one_bad_row_stops_the_import_unless_bad_rows_are_skipped() -> None:
    content = "name,on_board\nCy,yes\nDee,perhaps\nEd,no\nAna Lima,no\n"
    refused = plan(content)
    assert (refused.add, refused.update, refused.rows) == ((), (), 4)
    assert [str(p) for p in refused.problems] == [
        "line 3, column on_board: 'perhaps' is not yes or no"
    ]
    skipped = plan(content, skip_bad_rows=True, update=frozenset({"on_board"}))
    assert [m.name for m in skipped.add] == ["Cy", "Ed"]
    assert skipped.update == (replace(ANA, on_board=False),)
    assert skipped.problems == refused.problems
    assert skipped.skipped == 1


def test_a_bad_header_stops_the_import_even_when_skipping() -> None:
    result = plan("nmae,emial\nCy,cy@example.org\n", skip_bad_rows=True)
    assert (result.add, len(result.problems)) == ((), 1)


def test_headers_are_read_as_people_write_them() -> None:
    content = "\ufeffName, On Board ,ask-me-about\nCy,yes,knots\n"
    assert plan(content).add == (
        Member(id="new1", name="Cy", joined=NOW, on_board=True, ask_me_about=("knots",)),
    )


def test_a_day_joined_is_local_midnight_and_a_time_is_kept() -> None:
    result = plan("name,joined\nCy,2026-03-01\nDee,2026-03-02T10:15:00+01:00\n")
    assert [m.joined for m in result.add] == [
        datetime(2026, 3, 1, tzinfo=UTC),
        datetime(2026, 3, 2, 9, 15, tzinfo=UTC),
    ]


def test_progress_is_told_as_rows_are_checked() -> None:
    told: list[tuple[int, int]] = []
    content = "name\n" + "".join(f"Member {n}\n" for n in range(1200))
    result = plan(content, [], progress=lambda done, total: told.append((done, total)))
    assert told == [(500, 1200), (1000, 1200), (1200, 1200)]
    assert len(result.add) == 1200
