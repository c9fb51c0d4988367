"""A guest signed in at the kiosk is news for the member who signed them in and for the
hosts: queued at once, delivered in the background, and the kiosk keeps an eye on the
outbox, starting deliveries while notices wait and warning the host of a failing channel."""

from __future__ import annotations

from pathlib import Path

from kiosk.config import Config
from kiosk.notices.delivery import deliver
from kiosk.notices.outbox import Outbox, new_notice
from kiosk.notices.sending import send
from kiosk.storage.store import Store
from screens.app import DELIVERY_EVERY
from tests.conftest import FakeClock
from tests.receivers import unreachable_url, web_hook
from tests.ui.conftest import MakeApp
from tests.ui.driving import let_time_pass, settle, stored, type_text
from tests.ui.test_guests import open_maria


async def test_a_guest_signed_in_at_the_kiosk_reaches_the_member_and_the_hosts(
    make_app: MakeApp, demo_data: Path, clock: FakeClock, deliveries_started: list[Config]
) -> None:
    with web_hook() as hook:
        stored(demo_data, clock).edit_member("m01demo", notify=hook.url + "?member")
        app = make_app(notify_hosts=hook.url)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_maria(pilot)
            await pilot.press("ctrl+g")
            await type_text(pilot, "Tomás Ruiz")
            await pilot.press("enter")
            await settle(pilot)
            # Queued, and its delivery started, by the time she is told her guest is in
            assert len(deliveries_started) == 1
            assert len(Outbox(Store.open(demo_data)).waiting()) == 2

        deliver(Store.open(demo_data), clock, send, lambda seconds: None)

    said = "María José Pérez's guest Tomás Ruiz has arrived at Makerspace North."
    assert [a.message for a in hook.arrived] == [said, said]


async def test_the_kiosk_starts_a_delivery_while_notices_wait_and_names_a_failing_channel(
    make_app: MakeApp, demo_data: Path, clock: FakeClock, deliveries_started: list[Config]
) -> None:
    # Given a notice that has failed once already
    outbox = Outbox(Store.open(demo_data))
    (notice,) = [new_notice(unreachable_url(), "T", "B", clock())]
    outbox.queue([notice])
    outbox.failed(notice, "Connection refused.", clock())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await let_time_pass(pilot, DELIVERY_EVERY)
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert deliveries_started, "no delivery was started"
        (warning,) = [w for w in app.host_warnings.now if "getting through" in w]
        assert "json channel" in warning and "(tried 1 time: Connection refused)" in warning
