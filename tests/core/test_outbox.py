"""The outbox and its delivery, with a real local web hook behind Apprise: notices arrive
once each, in order per receiver, survive a new process, wait out a receiver that is
down, and are dropped, and said to be, when their moment has passed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.config import Config
from kiosk.notices import delivery
from kiosk.notices.delivery import SENDING_LOCK, deliver, retry_after
from kiosk.notices.delivery import start_in_background as start_delivery  # before tests patch it
from kiosk.notices.outbox import Outbox, failing, new_notice
from kiosk.notices.sending import send
from kiosk.storage.files import FolderLock
from kiosk.storage.store import Store
from tests.conftest import FakeClock
from tests.receivers import unreachable_url, web_hook


def waiting_on(clock: FakeClock) -> Callable[[float], None]:
    """Waits as the delivery asks, by moving the test clock."""

    def wait(seconds: float) -> None:
        clock.advance(minutes=seconds / 60)

    return wait


def test_a_queued_notice_is_on_disk_for_the_next_process(tmp_path: Path, clock: FakeClock) -> None:
    # Given a notice queued by one process
    Outbox(Store.open(tmp_path / "data")).queue(
        [new_notice("ntfy://ntfy.sh/our-hosts", "Hello", "Ana's guest Sam", clock())]
    )
    # When another process opens the folder, then it finds the notice as queued
    (found,) = Outbox(Store.open(tmp_path / "data")).waiting()
    assert (found.receiver, found.title, found.body, found.tries) == (
        "ntfy://ntfy.sh/our-hosts",
        "Hello",
        "Ana's guest Sam",
        0,
    )
    assert found.queued == clock()


def test_each_notice_arrives_once_in_order_with_its_id(tmp_path: Path, clock: FakeClock) -> None:
    store = Store.open(tmp_path / "data")
    with web_hook() as hook:
        notices = [new_notice(hook.url, f"Title {n}", f"Body {n}", clock()) for n in range(3)]
        Outbox(store).queue(notices)

        done = deliver(store, clock, send, waiting_on(clock))

    assert done is not None and len(done.sent) == 3
    assert [a.message for a in hook.arrived] == ["Body 0", "Body 1", "Body 2"]
    assert [a.idempotency_key for a in hook.arrived] == [n.id for n in notices]
    assert Outbox(store).waiting() == []


def test_a_receiver_down_for_a_while_gets_everything_once_in_order(
    tmp_path: Path, clock: FakeClock
) -> None:
    store = Store.open(tmp_path / "data")
    with web_hook() as hook:
        hook.up = False
        Outbox(store).queue(new_notice(hook.url, "T", f"Body {n}", clock()) for n in range(3))
        waits: list[float] = []

        def wait(seconds: float) -> None:
            waits.append(seconds)
            clock.advance(minutes=seconds / 60)
            hook.up = sum(waits) >= 10 + 20 + 40  # back for the fourth try

        done = deliver(store, clock, send, wait)

    assert done is not None
    assert [a.message for a in hook.arrived] == ["Body 0", "Body 1", "Body 2"]
    # Only the first was tried while it was down: the others waited behind it, the
    # tries spaced out by 10, 20 and 40 seconds, looked at again every 2 meanwhile.
    assert hook.refused == 3
    assert sum(waits) == 10 + 20 + 40
    assert max(waits) == 2
    assert Outbox(store).waiting() == []


def test_a_failing_receiver_holds_up_no_other(tmp_path: Path, clock: FakeClock) -> None:
    store = Store.open(tmp_path / "data")
    dead = unreachable_url()
    with web_hook() as hook:
        Outbox(store).queue(
            [
                new_notice(dead, "T", "lost for now", clock()),
                new_notice(hook.url, "T", "hi", clock()),
            ]
        )
        done = deliver(store, clock, send, waiting_on(clock), stay=timedelta(minutes=1))

    assert done is not None and [a.message for a in hook.arrived] == ["hi"]
    (left,) = Outbox(store).waiting()
    assert left.receiver == dead and left.tries >= 1 and left.last_error
    assert left.next_try is not None and left.next_try > clock()
    (warning,) = failing(Outbox(store).waiting())
    assert "json channel" in warning and "kiosk outbox" in warning


def test_a_notice_whose_moment_passed_is_dropped_and_remembered(
    tmp_path: Path, clock: FakeClock
) -> None:
    store = Store.open(tmp_path / "data")
    with web_hook() as hook:
        Outbox(store).queue(
            [
                new_notice(hook.url, "Open now", "stale", clock(), clock() + timedelta(hours=1)),
                new_notice(hook.url, "Later", "fresh", clock()),
            ]
        )
        clock.advance(hours=2)  # the kiosk was offline
        done = deliver(store, clock, send, waiting_on(clock))

    assert done is not None
    assert [a.message for a in hook.arrived] == ["fresh"]
    assert [n.body for n in done.dropped] == ["stale"]
    # Remembered as dropped, by its title, and no longer by what it said of anyone
    (remembered,) = Outbox(store).dropped()
    assert (remembered.title, remembered.body) == ("Open now", "Not sent: its moment had passed.")


def test_a_second_delivery_leaves_the_work_to_the_one_under_way(
    tmp_path: Path, clock: FakeClock
) -> None:
    store = Store.open(tmp_path / "data")
    with web_hook() as hook:
        Outbox(store).queue([new_notice(hook.url, "T", "once", clock())])
        with FolderLock(store.root / SENDING_LOCK).held():  # another process sends
            assert deliver(store, clock, send, waiting_on(clock)) is None
        assert hook.arrived == []


def test_the_retries_back_off_to_ten_minutes() -> None:
    assert [retry_after(n).total_seconds() for n in (1, 2, 3, 7, 20)] == [10, 20, 40, 600, 600]


def test_a_notice_queued_while_a_delivery_waits_is_sent_at_its_next_look(
    tmp_path: Path, clock: FakeClock
) -> None:
    store = Store.open(tmp_path / "data")
    Outbox(store).queue([new_notice(unreachable_url(), "T", "stuck", clock())])
    with web_hook() as hook:
        waited: list[float] = []

        def wait(seconds: float) -> None:
            if not waited:  # while it waits to retry the stuck one, news comes
                Outbox(store).queue([new_notice(hook.url, "T", "news", clock())])
            waited.append(seconds)
            clock.advance(minutes=seconds / 60)

        deliver(store, clock, send, wait, stay=timedelta(seconds=15))

    assert [a.message for a in hook.arrived] == ["news"]
    assert waited[0] == 2  # not the 10 seconds the stuck one waits


def test_a_delivery_is_started_only_when_none_is_under_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(tmp_path / "data")
    started: list[list[str]] = []
    monkeypatch.setattr(delivery, "start_command", lambda arguments, *_: started.append(arguments))
    with FolderLock(store.root / SENDING_LOCK).held():  # one is sending
        start_delivery(Config(data_dir=store.root))
    assert started == []
    start_delivery(Config(data_dir=store.root))
    assert started == [["outbox", "--deliver"]]


def test_a_delivery_asked_for_within_a_change_starts_once_its_notices_are_on_disk(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(tmp_path / "data")
    found_at_start: list[int] = []

    def started(arguments: list[str], data_dir: Path, *_: object) -> None:
        # What a delivery process starting now would find
        found_at_start.append(len(Outbox(Store.open(data_dir)).waiting()))

    monkeypatch.setattr(delivery, "start_command", started)
    monkeypatch.setattr(delivery, "start_in_background", start_delivery)
    # Given a change that queues a notice and asks for its delivery before it is made
    with store.all_or_nothing():
        Outbox(store).queue([new_notice(unreachable_url(), "T", "news", clock())])
        start_delivery(Config(data_dir=store.root))
        # Then no delivery starts while the notice is not yet on disk
        assert found_at_start == []
    # And one starts once the change is made, and finds the notice
    assert found_at_start == [1]
