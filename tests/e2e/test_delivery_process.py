"""The outbox delivered by real processes, as on the kiosk's machine: a guest signed in
by `kiosk guest` reaches the member from the background process it starts, and a
delivery killed with SIGKILL while notices wait loses none of them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path

from kiosk.errors import Busy
from kiosk.notices.delivery import SENDING_LOCK, deliver
from kiosk.notices.outbox import Outbox, new_notice
from kiosk.notices.sending import send
from kiosk.storage.files import FolderLock
from kiosk.storage.store import Store
from tests.conftest import FakeClock
from tests.receivers import until, web_hook


def kiosk_command(config: Path, *arguments: str) -> list[str]:
    return [sys.executable, "-m", "kiosk.cli.main", "--config", str(config), *arguments]


def run(config: Path, *arguments: str) -> str:
    done = subprocess.run(
        kiosk_command(config, *arguments), capture_output=True, text=True, check=True
    )
    return done.stdout


def sending_is_over(data: Path) -> bool:
    """Whether no process holds the outbox's sending lock any more."""
    try:
        with FolderLock(data / SENDING_LOCK, timeout=0).held():
            return True
    except Busy:
        return False


def test_a_guest_signed_in_reaches_the_member_from_the_background(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('space_name = "Makerspace North"\ndata_dir = "data"\n')
    with web_hook() as hook:
        ana = run(config, "members", "add", "Ana Lopez").strip()
        run(config, "members", "edit", ana, "--notify", hook.url)
        run(config, "checkin", ana)
        run(config, "guest", "Sam", "--of", ana)  # returns without waiting for the network

        until(lambda: len(hook.arrived) == 1, "the guest's news arriving")
        until(lambda: sending_is_over(tmp_path / "data"), "the delivery process ending")
    assert hook.arrived[0].message == "Ana Lopez's guest Sam has arrived at Makerspace North."
    assert "Nothing waits to be sent." in run(config, "outbox")


def test_a_delivery_killed_while_notices_wait_loses_none(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('data_dir = "data"\n')
    store = Store.open(tmp_path / "data")
    with web_hook() as hook:
        now = datetime.now(UTC)
        notices = [new_notice(hook.url, "T", f"Body {n}", now) for n in range(3)]
        Outbox(store).queue(notices)
        hook.hold = threading.Event()
        sender = subprocess.Popen(
            kiosk_command(config, "outbox", "--deliver"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        until(lambda: hook.held == 1, "the first notice reaching the receiver")
        # Killed while the service holds the first notice, before it could be marked sent
        os.kill(sender.pid, signal.SIGKILL)
        sender.wait()
        hook.hold.set()
        hook.hold = None

        deliver(Store.open(tmp_path / "data"), FakeClock(now), send, lambda seconds: None)

    keys = [a.idempotency_key for a in hook.arrived]
    # None lost, each in order; the first may come twice (the README says so), and its
    # id tells the receiver so.
    assert list(dict.fromkeys(keys)) == [n.id for n in notices]
    assert len(keys) in (3, 4)
    assert Outbox(store).waiting() == []
