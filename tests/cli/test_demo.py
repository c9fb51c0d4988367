"""`kiosk demo`: the friendly demo community, or a synthetic one of any size."""

from __future__ import annotations

from pathlib import Path

from tests.cli.running import Kiosk


def test_demo_seeds_a_friendly_community_into_an_empty_folder(kiosk: Kiosk, tmp_path: Path) -> None:
    seeded = kiosk("demo", "--data", "demo")
    assert (seeded.code, seeded.err) == (0, "")
    assert seeded.out == "Seeded a demo community of 30 members and 6 events in demo.\n"
    assert len(kiosk("members", "list", "--json", "--data", "demo").json()) == 30
    # 8 members on the board, and a guest
    assert len(kiosk("present", "--json", "--data", "demo").json()) == 9
    assert len(kiosk("shoutouts", "--json", "--data", "demo").json()) == 5
    # A week of events, two of them later today (it is Thursday, 09:00), one every day
    # but Sunday, and the pizza its shout-out announces on Friday at 18:00
    events = kiosk("events", "--json", "--data", "demo").json()["events"]
    days = [event["starts"][:10] for event in events]
    assert days[:2] == ["2026-11-26", "2026-11-26"]
    assert set(days) >= {"2026-11-26", "2026-11-27", "2026-11-28", "2026-11-30"}
    pizza = next(event for event in events if event["title"] == "Pizza and demos")
    assert (pizza["starts"], pizza["host"]) == ("2026-11-27T18:00:00+00:00", "Kwame")


def test_demo_refuses_a_folder_that_has_data(kiosk: Kiosk, tmp_path: Path) -> None:
    # Given a data folder with a member in it
    kiosk.add_member("Zoë Martin")
    before = sorted(p.name for p in (tmp_path / "kiosk-data").iterdir())
    # When the demo is asked for there
    refused = kiosk("demo")
    # Then it is refused and nothing changes
    assert (refused.code, refused.out) == (1, "")
    assert refused.err == (
        "kiosk: kiosk-data is not empty; demo data only goes into an empty data folder.\n"
    )
    assert sorted(p.name for p in (tmp_path / "kiosk-data").iterdir()) == before
    assert len(kiosk("members", "list", "--json").json()) == 1


def test_demo_goes_into_an_existing_empty_folder(kiosk: Kiosk, tmp_path: Path) -> None:
    (tmp_path / "kiosk-data").mkdir()
    assert kiosk("demo").code == 0


def test_a_synthetic_community_of_a_given_size(kiosk: Kiosk) -> None:
    seeded = kiosk("demo", "--members", "12", "--history-days", "3")
    assert (seeded.code, seeded.err) == (0, "")
    # One visit a member every nine days: 12 * 3 / 9
    assert seeded.out == "Seeded 12 members and 4 past visits in kiosk-data.\n"
    assert len(kiosk("members", "list", "--json").json()) == 12


def test_a_synthetic_community_with_a_set_number_of_visits(kiosk: Kiosk) -> None:
    seeded = kiosk("demo", "--members", "5", "--history-days", "2", "--visits", "7")
    assert seeded.out == "Seeded 5 members and 7 past visits in kiosk-data.\n"


def test_visits_need_days_of_history_to_go_in(kiosk: Kiosk, tmp_path: Path) -> None:
    for args in (("--visits", "7"), ("--members", "5", "--visits", "7")):
        refused = kiosk("demo", *args)
        assert (refused.code, refused.out) == (2, "")
        assert refused.err == (
            "kiosk: --visits needs --history-days D, the days to spread them over.\n"
        )
    assert not (tmp_path / "kiosk-data").exists()


def test_zero_members_means_zero(kiosk: Kiosk) -> None:
    seeded = kiosk("demo", "--members", "0", "--history-days", "3")
    assert seeded.out == "Seeded 0 members and 0 past visits in kiosk-data.\n"
    assert kiosk("members", "list").out == "No members yet.\n"


def test_history_alone_makes_thirty_members(kiosk: Kiosk) -> None:
    seeded = kiosk("demo", "--history-days", "0")
    assert seeded.out == "Seeded 30 members and 0 past visits in kiosk-data.\n"


def test_sizes_must_be_whole_numbers_from_zero(kiosk: Kiosk) -> None:
    negative = kiosk("demo", "--members", "-3")
    assert negative.code == 2
    assert "argument --members: '-3' is below zero" in negative.err
    words = kiosk("demo", "--history-days", "ten")
    assert words.code == 2
    assert "argument --history-days: 'ten' is not a whole number" in words.err
