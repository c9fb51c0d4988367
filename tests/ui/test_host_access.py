"""The host console opens with the host PIN, keeps to the kiosk's wait for wrong PINs
(the same wait quitting keeps to), ends by itself when the kiosk is left idle, and tells
the host what to put right in the setup."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from kiosk.access.hosts import DEMO_PIN_WARNING
from kiosk.access.pin import hash_pin
from kiosk.notices.outbox import Outbox, new_notice
from kiosk.storage.store import Store
from screens.confirmation import CheckedInScreen
from screens.home import HomeScreen
from screens.host.console import ConsoleScreen
from screens.host.member_card import MemberCard
from screens.pin import PinScreen
from screens.private import ForHosts
from tests.conftest import FakeClock
from tests.receivers import unreachable_url
from tests.ui.conftest import MakeApp
from tests.ui.driving import (
    PIN,
    let_time_pass,
    scan_badges,
    settle,
    showing,
    shown,
    stored,
    toasts,
    type_text,
)
from tests.ui.hosting import open_console


async def try_pin(pilot: Pilot[None], pin: str) -> None:
    await type_text(pilot, pin)
    await pilot.press("enter")
    await settle(pilot)


async def test_the_host_key_asks_for_the_pin_and_the_right_one_opens_the_console(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f9")
        await settle(pilot)
        assert isinstance(app.screen, PinScreen)
        assert "Host PIN to open the host console" in shown(pilot)
        await try_pin(pilot, PIN)
        assert isinstance(app.screen, ConsoleScreen)


async def test_a_wrong_pin_keeps_the_console_shut(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f9")
        await try_pin(pilot, "0000")
        assert isinstance(app.screen, PinScreen)
        assert "That PIN is not right. Try again." in shown(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_wrong_pins_for_the_console_make_quitting_wait_too(
    make_app: MakeApp, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # Given three wrong PINs at the console's prompt: the next try waits 2 seconds
        await pilot.press("f9")
        for _ in range(3):
            await try_pin(pilot, "0000")
        assert "Wait 2 seconds, then try again." in shown(pilot)
        # When the host gives up and asks to quit instead
        await pilot.press("escape")
        await pilot.press("ctrl+q")
        await settle(pilot)
        # Then quitting keeps to the same wait, even for the right PIN
        assert "Wait 2 seconds, then try again." in shown(pilot)
        await try_pin(pilot, PIN)
        assert app.is_running
        # And once it is over, the right PIN quits
        clock.now += timedelta(seconds=2)
        assert isinstance(app.screen, PinScreen)
        app.screen.show_wait()
        await try_pin(pilot, PIN)
    assert app.return_code == 0


async def test_a_wait_that_cannot_be_kept_is_told_at_the_prompt(
    make_app: MakeApp, demo_data: Path
) -> None:
    # Given a data folder where the wait cannot be written (a folder stands in its place)
    (demo_data / "host-access.json").mkdir()
    (demo_data / "host-access.json" / "in-the-way").write_text("")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f9")
        await settle(pilot)
        # Then the host is made to wait all the same, and told why it will not last
        assert "Wait" in shown(pilot)
        assert "Not saved" in shown(pilot)
        assert "the wait for wrong PINs lasts only until the kiosk restarts" in shown(pilot)


async def test_the_host_session_ends_when_the_kiosk_is_left_idle(make_app: MakeApp) -> None:
    app = make_app(idle_timeout=60)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_console(pilot, "f3")
        await type_text(pilot, "zoe")
        await let_time_pass(pilot, 59)
        assert isinstance(app.screen, ConsoleScreen)
        await let_time_pass(pilot, 1)
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#search", Input).value == ""
        # The console needs the PIN again
        await pilot.press("f9")
        await settle(pilot)
        assert isinstance(app.screen, PinScreen)


async def test_a_badge_scanned_at_the_door_closes_the_console_before_it_checks_anyone_in(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    zoe = stored(demo_data, clock).member("m00demo")
    app = make_app(idle_timeout=60)
    async with app.run_test(size=(100, 30)) as pilot:
        # Given the console open at a member's card, everyone here listed behind it
        await open_console(pilot, "f3")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MemberCard)
        # When Zoë scans her badge at the door
        await scan_badges(pilot, zoe.badge)
        # Then no host screen is left, and she is welcomed as at home
        assert showing(app.screen, CheckedInScreen)
        assert not [s for s in app.screen_stack if isinstance(s, ForHosts)]
        assert stored(demo_data, clock).visit_of(zoe.id) is not None
        # And a host who comes back needs the PIN again
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("f9")
        await settle(pilot)
        assert isinstance(app.screen, PinScreen)


async def test_members_scanning_badges_never_keep_the_console_open(make_app: MakeApp) -> None:
    app = make_app(idle_timeout=60)
    async with app.run_test(size=(100, 30)) as pilot:
        # Given the console open, and a badge nobody has scanned now and then
        await open_console(pilot)
        for _ in range(3):
            await let_time_pass(pilot, 30)
            await scan_badges(pilot, "0000000000")
            # Then the console is shut at the first scan and stays shut
            assert not [s for s in app.screen_stack if isinstance(s, ForHosts)]


async def test_leaving_the_console_ends_the_session(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_console(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_the_host_key_is_offered_at_home_only(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2")
        await pilot.press("f9")
        await settle(pilot)
        assert not isinstance(app.screen, PinScreen)


# -- what the host is told about the setup ------------------------------------------


async def test_the_demo_pin_on_real_data_is_told_on_the_console_only(
    make_app: MakeApp,
    demo_data: Path,
    clock: FakeClock,
) -> None:
    # Given a real member among the demo ones, and the published demo PIN
    stored(demo_data, clock).add_member("Ada Real")
    demo_pin = hash_pin("1234", salt="tests")
    app = make_app(host_pin_hash=demo_pin)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(pilot)
        # Then no toast says it on the public screens, for all to read
        assert toasts(pilot) == []
        # And the console says it for as long as it is so
        await pilot.press("f9")
        await try_pin(pilot, "1234")
        assert isinstance(app.screen, ConsoleScreen)
        assert DEMO_PIN_WARNING in shown(pilot).replace("\n", " ")


async def test_the_untouched_demo_is_not_warned_about(make_app: MakeApp) -> None:
    app = make_app(host_pin_hash=hash_pin("1234", salt="tests"))
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(pilot)
        assert toasts(pilot) == []


async def test_a_config_others_can_read_is_told(make_app: MakeApp, tmp_path: Path) -> None:
    config_file = tmp_path / "kiosk.toml"
    config_file.write_text("")
    config_file.chmod(0o644)
    app = make_app(source=config_file)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(pilot)
        assert toasts(pilot) == []
        await pilot.press("f9")
        await try_pin(pilot, PIN)
        assert f"chmod 600 {config_file}" in shown(pilot).replace("\n", " ")


async def test_a_private_config_is_not_warned_about(make_app: MakeApp, tmp_path: Path) -> None:
    config_file = tmp_path / "kiosk.toml"
    config_file.write_text("")
    config_file.chmod(0o600)
    app = make_app(source=config_file)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(pilot)
        assert toasts(pilot) == []


async def test_a_failing_channel_is_told_on_the_console_only(
    make_app: MakeApp, demo_data: Path, clock: FakeClock
) -> None:
    # Given news of a guest that its channel refused once (a receiver nobody answers at)
    store = Store.open(demo_data)
    notice = new_notice(unreachable_url(), "A guest has arrived", "Sam has arrived.", clock())
    Outbox(store).queue([notice])
    Outbox(store).failed(notice, "Connection refused.", clock() + timedelta(minutes=1))
    app = make_app()
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(pilot)
        # Then the public screens say nothing of it
        assert toasts(pilot) == []
        assert "not getting through" not in shown(pilot)
        # And the host console names the channel's kind, why it fails, and where to look
        await open_console(pilot)
        said = " ".join(shown(pilot).split())
        assert (
            "Notices to a json channel are not getting through (tried 1 time: Connection "
            "refused). `kiosk outbox` says more."
        ) in said
