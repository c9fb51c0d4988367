"""Members, for hosts: found by name, added, edited, paused and resumed, merged with a
second record of the same person, and given a new badge."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, OptionList

from kiosk.badges.codes import spaced_badge_code
from screens.confirm import ConfirmScreen
from screens.host.member_card import MemberCard
from screens.host.merge import MergeScreen
from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp
from tests.ui.driving import settle, shown, stored, type_text
from tests.ui.hosting import open_console


async def open_member(pilot: Pilot[None], typed: str) -> None:
    await open_console(pilot, "f3")
    await type_text(pilot, typed)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, MemberCard)


async def press_button(pilot: Pilot[None], selector: str) -> None:
    await pilot.click(selector)
    await settle(pilot)


def field(pilot: Pilot[None], name: str) -> Input:
    return pilot.app.screen.query_one(f"#field-{name}", Input)


async def test_the_host_adds_a_member_who_gets_a_badge_code(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_console(pilot, "f3")
        # When the host types a name nobody has, and adds them with topics, off the board
        await type_text(pilot, "Tove Jansson")
        assert "Nobody called “Tove Jansson”" in shown(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert field(pilot, "name").value == "Tove Jansson"
        field(pilot, "topics").value = "drawing, islands"
        app.screen.query_one("#on-board", Checkbox).value = False
        await pilot.press("ctrl+s")
        await settle(pilot)
        # Then they are a member, with their badge code shown
        tove = stored(demo_data, clock).find("Tove Jansson")
        assert tove.topics == ("drawing", "islands")
        assert not tove.on_board
        assert tove.badge
        assert f"Added, with the badge code {spaced_badge_code(tove.badge)}." in shown(pilot)


async def test_the_host_edits_a_profile(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_member(pilot, "zoe")
        field(pilot, "intro").value = "Ceramics and coffee."
        field(pilot, "pronouns").value = "she/her"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, MemberCard)
    zoe = stored(demo_data, clock).find("Zoë Martin")
    assert (zoe.intro, zoe.pronouns) == ("Ceramics and coffee.", "she/her")


async def test_the_host_pauses_and_resumes_a_membership(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_member(pilot, "zoe")
        await press_button(pilot, "#pause")
        assert not stored(demo_data, clock).find("Zoë Martin").active
        assert "paused" in shown(pilot)
        # A paused member is still found by the host, and marked
        await pilot.press("escape")
        await pilot.press(*["backspace"] * 3)
        await type_text(pilot, "zoe")
        assert "Zoë Martin  · paused" in shown(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await press_button(pilot, "#pause")
        assert stored(demo_data, clock).find("Zoë Martin").active


async def test_the_host_issues_a_new_badge(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    old = stored(demo_data, clock).find("Zoë Martin").badge
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_member(pilot, "zoe")
        await press_button(pilot, "#new-badge")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        await settle(pilot)
        new = stored(demo_data, clock).find("Zoë Martin").badge
        assert new != old
        assert f"New badge code: {spaced_badge_code(new)}." in shown(pilot)
    assert stored(demo_data, clock).by_badge(old) is None


async def test_the_host_merges_a_second_record_of_one_person(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given Zoë registered a second time, by a name without the diaeresis, and came once
    community = stored(demo_data, clock)
    community.clock = clock
    zoe = community.find("Zoë Martin")
    twin = community.add_member("Zoe Martin", ("kilns",))
    community.check_in(twin.id)
    community.check_out(twin.id)
    community.file_visits()
    visits = community.visits_so_far(zoe) + community.visits_so_far(community.member(twin.id))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_member(pilot, "Zoë Martin")
        # When the host merges the other record into this one
        await press_button(pilot, "#merge")
        assert isinstance(app.screen, MergeScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "Make Zoe Martin (1 visit) part of Zoë Martin?" in shown(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "Zoe Martin is merged into this record." in shown(pilot)
    # Then one record is left, with both records' visits and topics
    after = stored(demo_data, clock)
    merged = after.member(zoe.id)
    assert [m.id for m in after.members() if m.name in ("Zoë Martin", "Zoe Martin")] == [zoe.id]
    assert after.visits_so_far(merged) == visits
    assert "kilns" in merged.topics


def listed(pilot: Pilot[None]) -> list[str]:
    options = pilot.app.screen.query_one("#member-results", OptionList)
    return [str(options.get_option_at_index(i).prompt).split("  ")[0] for i in
            range(options.option_count)]  # fmt: skip


async def test_every_member_is_listed_by_name_before_anything_is_typed(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given the demo's 30 members and 70 more
    community = stored(demo_data, clock)
    for number in range(70):
        community.add_member(f"Visitor {number:02d}")
    everyone = sorted(
        (m.name for m in community.members()),
        key=lambda name: unicodedata.normalize("NFKD", name).encode("ascii", "ignore").lower(),
    )
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        # When the host opens the Members tab
        await open_console(pilot, "f3")
        # Then the first 50 are listed by name (accents aside), and the count says so
        assert listed(pilot) == everyone[:50]
        assert "Members 1–50 of 100, by name · PgDn the next" in shown(pilot)
        # And PgDn and PgUp turn the pages
        await pilot.press("pagedown")
        assert listed(pilot) == everyone[50:]
        assert "Members 51–100 of 100, by name · PgUp the page before" in shown(pilot)
        await pilot.press("pageup")
        assert listed(pilot) == everyone[:50]
        # And Enter opens the one highlighted
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MemberCard)
        assert field(pilot, "name").value == everyone[1]
