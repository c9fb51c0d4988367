"""A member accepts each of the house's agreements before their check-in goes through: by
name, by badge, and when registering; declining leaves them out, and says whom to ask."""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import Input, Label

from kiosk.safety.agreements import Agreement
from screens.agreement import AgreementScreen
from screens.confirmation import CheckedInScreen
from screens.home import HomeScreen
from screens.member import MemberScreen
from screens.register import RegisterScreen
from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp, SnapCompare
from tests.ui.driving import scan_badges, settle, showing, shown, stored, toasts, type_text
from tests.ui.test_scan_checkin import ZOE, badge
from tests.ui.test_snapshots import pressing

RULES_TEXT = "\n".join(f"{n}. Rule number {n} of the house." for n in range(1, 41))
"""Forty lines: more than an 80x24 screen shows at once."""


def house_rules(folder: Path, version: str = "1") -> Agreement:
    path = folder / "house-rules.txt"
    path.write_text(RULES_TEXT)
    return Agreement("House rules", version, RULES_TEXT, path)


def accepted(data: Path, clock: FakeClock) -> list[tuple[str, str, str]]:
    """Who accepted what, as stored."""
    return [(a.member_id, a.agreement, a.version) for a in stored(data, clock).store.acceptances()]


async def zoe_checks_in_by_name(pilot: Pilot[None]) -> None:
    await type_text(pilot, "zoe martin")
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def test_a_member_reads_and_accepts_the_house_rules_before_checking_in(
    make_app: MakeApp, demo_data: Path, clock: FakeClock, tmp_path: Path
) -> None:
    # Given house rules Zoë has never accepted
    app = make_app(agreements=(house_rules(tmp_path),))
    async with app.run_test(size=(80, 24)) as pilot:
        # When she checks in by name
        await zoe_checks_in_by_name(pilot)
        # Then she reads the rules first, not checked in yet
        assert showing(app.screen, AgreementScreen)
        assert "House rules" in shown(pilot)
        assert "1. Rule number 1 of the house." in shown(pilot)
        assert stored(demo_data, clock).visit_of(ZOE) is None
        # and the rules run past the screen, to be scrolled to their end
        text = app.screen.query_one("#agreement-text", VerticalScroll)
        assert text.max_scroll_y > 0
        await pilot.press("end")
        await settle(pilot)
        assert text.scroll_y == text.max_scroll_y
        # When she agrees
        await pilot.click("#agree")
        await settle(pilot)
        # Then she is checked in, and her acceptance of version 1 is kept, at the time
        assert showing(app.screen, CheckedInScreen)
        assert stored(demo_data, clock).visit_of(ZOE) is not None
        assert accepted(demo_data, clock) == [(ZOE, "House rules", "1")]
        assert stored(demo_data, clock).store.acceptances()[0].accepted == clock()


async def test_declining_is_the_default_and_says_whom_to_ask(
    make_app: MakeApp, demo_data: Path, clock: FakeClock, tmp_path: Path
) -> None:
    app = make_app(agreements=(house_rules(tmp_path),), agreements_contact="Sam at the desk")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        # Given Zoë reading the rules
        await zoe_checks_in_by_name(pilot)
        assert showing(app.screen, AgreementScreen)
        # When she presses Escape
        await pilot.press("escape")
        await settle(pilot)
        # Then she is not checked in, and told so, and whom to ask
        assert not showing(app.screen, AgreementScreen)
        assert stored(demo_data, clock).visit_of(ZOE) is None
        assert accepted(demo_data, clock) == []
        said = " ".join(toasts(pilot))
        assert "You are not checked in" in said
        assert "Sam at the desk" in said


async def test_a_new_version_is_asked_again_and_an_accepted_one_is_not(
    make_app: MakeApp, demo_data: Path, clock: FakeClock, tmp_path: Path
) -> None:
    # Given Zoë accepted version 1 and has been checked out since
    app = make_app(agreements=(house_rules(tmp_path, "1"),))
    async with app.run_test(size=(80, 24)) as pilot:
        await zoe_checks_in_by_name(pilot)
        await pilot.click("#agree")
        await settle(pilot)
    stored(demo_data, clock).check_out(ZOE)
    clock.advance(hours=1)
    # When she checks in again with version 1 still current
    app = make_app(agreements=(house_rules(tmp_path, "1"),))
    async with app.run_test(size=(80, 24)) as pilot:
        await zoe_checks_in_by_name(pilot)
        # Then she is not asked
        assert showing(app.screen, CheckedInScreen)
    stored(demo_data, clock).check_out(ZOE)
    clock.advance(hours=1)
    # When the rules change to version 2
    app = make_app(agreements=(house_rules(tmp_path, "2"),))
    async with app.run_test(size=(80, 24)) as pilot:
        await zoe_checks_in_by_name(pilot)
        # Then she is asked again, and her acceptance of both is kept
        assert showing(app.screen, AgreementScreen)
        assert "version 2" in shown(pilot)
        await pilot.click("#agree")
        await settle(pilot)
        assert showing(app.screen, CheckedInScreen)
    assert accepted(demo_data, clock) == [
        (ZOE, "House rules", "1"),
        (ZOE, "House rules", "2"),
    ]


async def test_a_badge_scan_opens_the_agreement_instead_of_checking_in(
    make_app: MakeApp, demo_data: Path, clock: FakeClock, tmp_path: Path
) -> None:
    app = make_app(agreements=(house_rules(tmp_path),))
    async with app.run_test(size=(80, 24)) as pilot:
        # When Zoë scans her badge with the rules not accepted
        await scan_badges(pilot, badge(demo_data, ZOE))
        await settle(pilot)
        # Then the rules open, and she is not checked in yet
        assert showing(app.screen, AgreementScreen)
        assert stored(demo_data, clock).visit_of(ZOE) is None
        # When she agrees, she is welcomed and checked in
        await pilot.click("#agree")
        await settle(pilot)
        assert showing(app.screen, CheckedInScreen)
        assert stored(demo_data, clock).visit_of(ZOE) is not None
        assert accepted(demo_data, clock) == [(ZOE, "House rules", "1")]


async def test_a_badge_scan_declined_leaves_the_member_out(
    make_app: MakeApp, demo_data: Path, clock: FakeClock, tmp_path: Path
) -> None:
    app = make_app(agreements=(house_rules(tmp_path),))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await scan_badges(pilot, badge(demo_data, ZOE))
        await settle(pilot)
        await pilot.click("#decline")
        await settle(pilot)
        assert showing(app.screen, HomeScreen)
        assert stored(demo_data, clock).visit_of(ZOE) is None
        assert "You are not checked in" in " ".join(toasts(pilot))


async def newcomer_registers(pilot: Pilot[None]) -> None:
    await pilot.press("f4")
    await settle(pilot)
    await type_text(pilot, "Noor Haddad")
    assert showing(pilot.app.screen, RegisterScreen)
    await pilot.click("#register")
    await settle(pilot)


async def test_a_newcomer_accepts_the_rules_when_registering(
    make_app: MakeApp, demo_data: Path, clock: FakeClock, tmp_path: Path
) -> None:
    app = make_app(agreements=(house_rules(tmp_path),))
    async with app.run_test(size=(100, 30)) as pilot:
        await newcomer_registers(pilot)
        assert showing(app.screen, AgreementScreen)
        await pilot.click("#agree")
        await settle(pilot)
        assert showing(app.screen, MemberScreen)
        noor = app.screen.member
        assert accepted(demo_data, clock) == [(noor.id, "House rules", "1")]
        # and checking in then asks nothing more
        await pilot.press("enter")
        await settle(pilot)
        assert showing(app.screen, CheckedInScreen)
        assert stored(demo_data, clock).visit_of(noor.id) is not None


async def test_a_newcomer_who_declines_is_not_registered(
    make_app: MakeApp, demo_data: Path, clock: FakeClock, tmp_path: Path
) -> None:
    app = make_app(agreements=(house_rules(tmp_path),))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await newcomer_registers(pilot)
        await pilot.press("escape")
        await settle(pilot)
        # The form stays as they filled it, and nobody new is stored
        assert showing(app.screen, RegisterScreen)
        assert all(m.name != "Noor Haddad" for m in stored(demo_data, clock).members())
        assert "not checked in" in " ".join(toasts(pilot))


def test_the_agreement_screen_at_80x24(snap_compare: SnapCompare, make_app: MakeApp) -> None:
    """Zoë reading the house rules shipped with the example config, at a small terminal."""
    shipped = Path(__file__).parents[2] / "house-rules.txt"
    rules = Agreement("House rules", "1", shipped.read_text().strip(), shipped)
    assert snap_compare(
        make_app(agreements=(rules,)),
        run_before=pressing(*"zoe martin", "enter", "enter"),
        terminal_size=(80, 24),
    )


async def test_a_scan_with_an_agreement_due_keeps_what_someone_was_typing(
    make_app: MakeApp, demo_data: Path, clock: FakeClock, tmp_path: Path
) -> None:
    app = make_app(agreements=(house_rules(tmp_path),))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        # Given a newcomer typing their name on the registration form
        await pilot.press("f4")
        await settle(pilot)
        await type_text(pilot, "Noor")
        # When Zoë, with the rules not accepted, scans her badge
        await scan_badges(pilot, badge(demo_data, ZOE))
        await settle(pilot)
        # Then the form stays as it was, and Zoë is told to scan again, not checked in
        assert showing(app.screen, RegisterScreen)
        assert app.screen.query_one("#name", Input).value == "Noor"
        assert stored(demo_data, clock).visit_of(ZOE) is None
        assert "Scan again once this screen is done" in " ".join(toasts(pilot))


async def test_a_member_at_the_keys_agrees_with_the_key_the_hint_names(
    make_app: MakeApp, demo_data: Path, clock: FakeClock, tmp_path: Path
) -> None:
    # Given house rules Zoë has never accepted, shown as she checks in
    app = make_app(agreements=(house_rules(tmp_path),))
    async with app.run_test(size=(80, 24)) as pilot:
        await zoe_checks_in_by_name(pilot)
        assert showing(app.screen, AgreementScreen)
        # Then the hint names the key that agrees
        hint = str(app.screen.query_one("#agreement-hint", Label).render())
        assert hint.endswith("f2 or a tap on “I agree” agrees."), hint
        # When she presses it
        await pilot.press("f2")
        await settle(pilot)
        # Then she is checked in, her acceptance kept
        assert showing(app.screen, CheckedInScreen)
        assert accepted(demo_data, clock) == [(ZOE, "House rules", "1")]
