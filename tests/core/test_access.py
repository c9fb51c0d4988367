"""The host PIN's wait: earned by wrong PINs, kept in the data folder, never skipped."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import subprocess
import sys
import threading
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from kiosk.access.hosts import ACCESS_FILE, LONGEST_WAIT, HostAccess, uses_demo_pin
from kiosk.community.community import Community
from kiosk.config import Config, load_config
from kiosk.storage.store import Store
from tests.conftest import FakeClock

PIN = "246813"
# A quick hash, so that many tries cost the tests nothing (the kiosk's own take 0.1 s).
QUICK_HASH = (
    "scrypt$16$1$1$tests$"
    + hashlib.scrypt(PIN.encode(), salt=b"tests", n=16, r=1, p=1, dklen=32).hex()
)


def seconds(wait: timedelta) -> float:
    return wait.total_seconds()


def later(clock: FakeClock, seconds: float) -> None:
    clock.now += timedelta(seconds=seconds)


@pytest.fixture
def access(tmp_path: Path, clock: FakeClock) -> HostAccess:
    return HostAccess(tmp_path, QUICK_HASH, clock)


def wrong_tries(access: HostAccess, clock: FakeClock, count: int) -> list[float]:
    """Type `count` wrong PINs, each as soon as allowed; the waits they earned."""
    waits = []
    for _ in range(count):
        later(clock, seconds(access.wait()))
        verdict = access.try_pin("000000")
        assert verdict.outcome == "wrong"
        waits.append(seconds(verdict.wait))
    return waits


def test_two_wrong_pins_are_free_then_each_wait_doubles_up_to_a_minute(
    access: HostAccess, clock: FakeClock
) -> None:
    assert wrong_tries(access, clock, 9) == [0, 0, 2, 4, 8, 16, 32, 60, 60]


def test_the_right_pin_during_the_wait_is_not_even_checked(
    access: HostAccess, clock: FakeClock
) -> None:
    # Given six wrong PINs: 16 seconds to wait
    wrong_tries(access, clock, 6)
    # When the right PIN is typed 15 seconds later
    later(clock, 15)
    verdict = access.try_pin(PIN)
    # Then it is too soon, by one second, and the wait is not made longer by it
    assert (verdict.outcome, seconds(verdict.wait)) == ("too soon", 1)
    assert seconds(access.wait()) == 1
    # And once the wait is over, the right PIN lets the host out
    later(clock, 1)
    assert access.try_pin(PIN).outcome == "right"


def test_the_right_pin_starts_the_count_again(access: HostAccess, clock: FakeClock) -> None:
    wrong_tries(access, clock, 4)
    later(clock, 60)
    assert access.try_pin(PIN).outcome == "right"
    assert wrong_tries(access, clock, 3) == [0, 0, 2]


def test_tries_typed_at_once_are_checked_one_at_a_time(
    access: HostAccess, clock: FakeClock
) -> None:
    # Given two wrong PINs already
    wrong_tries(access, clock, 2)
    # When eight guesses arrive at the same moment, the right PIN among them
    guesses = ["000001", "000002", "000003", PIN, "000004", "000005", "000006", "000007"]
    outcomes: dict[str, str] = {}
    threads = [
        threading.Thread(target=lambda g=g: outcomes.update({g: access.try_pin(g).outcome}))
        for g in guesses
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Then one was checked (the third wrong one, or the right PIN), and the rest came too soon
    checked = [g for g, outcome in outcomes.items() if outcome != "too soon"]
    assert len(checked) == 1
    assert outcomes[checked[0]] == ("right" if checked[0] == PIN else "wrong")


# -- kept in the data folder -----------------------------------------------------


def test_the_wait_outlives_the_kiosk(tmp_path: Path, access: HostAccess, clock: FakeClock) -> None:
    # Given six wrong PINs, and the kiosk restarted 5 seconds later
    wrong_tries(access, clock, 6)
    later(clock, 5)
    restarted = HostAccess(tmp_path, QUICK_HASH, clock)
    # Then the new kiosk still makes the host wait the 11 seconds left
    assert seconds(restarted.wait()) == 11
    assert restarted.try_pin(PIN).outcome == "too soon"
    # And the next wrong try after it waits twice as long again
    later(clock, 11)
    assert seconds(restarted.try_pin("000000").wait) == 32


def test_the_file_says_how_many_wrong_tries_and_when(
    tmp_path: Path, access: HostAccess, clock: FakeClock
) -> None:
    wrong_tries(access, clock, 3)
    kept = json.loads((tmp_path / ACCESS_FILE).read_text())
    assert kept == {"wrong_tries": 3, "last_wrong_try": "2026-11-26T09:00:00+00:00"}


def test_without_a_file_there_is_no_wait(tmp_path: Path, access: HostAccess) -> None:
    assert access.wait() == timedelta(0)
    assert access.try_pin(PIN).outcome == "right"
    assert not (tmp_path / ACCESS_FILE).exists()


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{",
        b"\xff\xfe",
        b"[]",
        b'"wrong_tries"',
        b"{}",
        b'{"wrong_tries": 0}',
        b'{"wrong_tries": -1, "last_wrong_try": null}',
        b'{"wrong_tries": true, "last_wrong_try": null}',
        b'{"wrong_tries": 2.5, "last_wrong_try": null}',
        b'{"wrong_tries": 0, "last_wrong_try": "yesterday"}',
        b'{"wrong_tries": 0, "last_wrong_try": 12}',
        b'{"wrong_tries": 0, "last_wrong_try": "2026-11-26T09:00:00"}',
    ],
)
def test_a_damaged_file_means_the_longest_wait(
    tmp_path: Path, clock: FakeClock, damage: bytes
) -> None:
    # Given a file someone spoiled, hoping to be rid of the wait
    (tmp_path / ACCESS_FILE).write_bytes(damage)
    access = HostAccess(tmp_path, QUICK_HASH, clock)
    # Then even the right PIN has to wait the longest wait
    assert access.wait() == LONGEST_WAIT
    assert access.try_pin(PIN).outcome == "too soon"
    # And the file is whole again, so a restart keeps to the same wait
    later(clock, 30)
    assert seconds(HostAccess(tmp_path, QUICK_HASH, clock).wait()) == 30
    later(clock, 30)
    assert access.try_pin(PIN).outcome == "right"


def test_a_file_that_cannot_be_read_means_the_longest_wait(
    tmp_path: Path, clock: FakeClock
) -> None:
    (tmp_path / ACCESS_FILE).mkdir()
    assert HostAccess(tmp_path, QUICK_HASH, clock).wait() == LONGEST_WAIT


PIN_AT_THE_PROMPT = """
import sys
from datetime import UTC, datetime
from pathlib import Path
from kiosk.access.hosts import HostAccess
access = HostAccess(Path(sys.argv[1]), sys.argv[2], lambda: datetime(2026, 11, 26, 9, tzinfo=UTC))
print(access.try_pin(sys.argv[3]).outcome)
"""


def test_a_fifo_in_place_of_the_file_never_holds_up_the_pin_prompt(tmp_path: Path) -> None:
    # Given a FIFO planted where the wait is kept: reading it would wait for a writer
    os.mkfifo(tmp_path / ACCESS_FILE)

    # When the host types the right PIN (in a process of its own, so a hang would show)
    typed = subprocess.run(
        [sys.executable, "-c", PIN_AT_THE_PROMPT, str(tmp_path), QUICK_HASH, PIN],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )

    # Then it is answered at once, with the longest wait, kept in a file made whole again
    assert (typed.returncode, typed.stdout, typed.stderr) == (0, "too soon\n", "")
    kept = json.loads((tmp_path / ACCESS_FILE).read_bytes())
    assert kept == {"wrong_tries": 8, "last_wrong_try": "2026-11-26T09:00:00+00:00"}


def test_a_disk_that_refuses_the_file_still_keeps_the_wait(
    tmp_path: Path, clock: FakeClock
) -> None:
    # Given a kiosk whose data folder cannot be written (here: it is gone)
    access = HostAccess(tmp_path / "gone", QUICK_HASH, clock)
    # When wrong PINs are typed, the waits hold all the same, and the host can be told why
    assert wrong_tries(access, clock, 4) == [0, 0, 2, 4]
    assert access.try_pin(PIN).outcome == "too soon"
    assert access.problem is not None
    assert "Nothing was changed" in access.problem


# -- several kiosks on one data folder ------------------------------------------------

KIOSKS = 8
fork = multiprocessing.get_context("fork")


def test_two_kiosks_on_one_folder_count_their_wrong_pins_together(
    tmp_path: Path, clock: FakeClock
) -> None:
    # Given two kiosks on one data folder (two browsers, say)
    kiosks = [HostAccess(tmp_path, QUICK_HASH, clock) for _ in range(2)]
    # When wrong PINs are typed at one and then the other
    waits = []
    for n in range(6):
        access = kiosks[n % 2]
        later(clock, seconds(access.wait()))
        waits.append(seconds(access.try_pin("000000").wait))
    # Then the waits grow as at one kiosk, and each kiosk keeps to the latest
    assert waits == [0, 0, 2, 4, 8, 16]
    assert [seconds(k.wait()) for k in kiosks] == [16, 16]


def guess_once(folder: Path, start: Any, report: Path, clock: FakeClock) -> None:
    """One kiosk process: a wrong PIN, at the same moment as the others."""
    access = HostAccess(folder, QUICK_HASH, clock)
    start.wait()
    report.write_text(access.try_pin("000000").outcome)


def test_kiosks_guessing_at_once_in_processes_of_their_own_get_one_guess_between_them(
    tmp_path: Path, clock: FakeClock
) -> None:
    # Given two wrong PINs already: the next is the last before a wait
    wrong_tries(HostAccess(tmp_path, QUICK_HASH, clock), clock, 2)
    # When eight kiosk processes each guess at the same moment
    start = fork.Barrier(KIOSKS)
    reports = [tmp_path / f"kiosk-{n}.txt" for n in range(KIOSKS)]
    kiosks = [
        fork.Process(target=guess_once, args=(tmp_path, start, report, clock)) for report in reports
    ]
    for kiosk in kiosks:
        kiosk.start()
    for kiosk in kiosks:
        kiosk.join(timeout=60)
    # Then one guess was checked, and seven had to wait, as at a single kiosk
    outcomes = sorted(report.read_text() for report in reports)
    assert outcomes == ["too soon"] * 7 + ["wrong"]
    kept = json.loads((tmp_path / ACCESS_FILE).read_text())
    assert kept["wrong_tries"] == 3


# -- time ------------------------------------------------------------------------


def test_wrong_tries_an_hour_old_are_forgotten(access: HostAccess, clock: FakeClock) -> None:
    wrong_tries(access, clock, 7)
    later(clock, 60 * 60)
    assert wrong_tries(access, clock, 3) == [0, 0, 2]


def test_a_clock_set_back_does_not_make_the_wait_longer(
    tmp_path: Path, access: HostAccess, clock: FakeClock
) -> None:
    # Given six wrong PINs (16 seconds to wait), then the clock is set back a day
    wrong_tries(access, clock, 6)
    clock.advance(days=-1)
    # Then the wait counts from now: 16 seconds, not a day and 16 seconds
    assert seconds(access.wait()) == 16
    later(clock, 16)
    assert access.try_pin(PIN).outcome == "right"


# -- the demo PIN ----------------------------------------------------------------

EXAMPLE = load_config(Path(__file__).parents[2] / "config.example.toml")


def with_data(data: Path, pin_hash: str = EXAMPLE.host_pin_hash) -> Config:
    return replace(EXAMPLE, data_dir=data, host_pin_hash=pin_hash)


def test_the_demo_pin_on_the_untouched_demo_is_fine(demo_data: Path) -> None:
    assert not uses_demo_pin(with_data(demo_data))


def test_the_demo_pin_is_told_once_a_real_member_joins_the_demo(
    demo_data: Path, clock: FakeClock
) -> None:
    Community(Store.open(demo_data), clock).add_member("Ada Lovelace")
    assert uses_demo_pin(with_data(demo_data))


@pytest.mark.parametrize("folder", ["empty", "missing", "damaged"])
def test_the_demo_pin_is_told_on_any_other_data_folder(tmp_path: Path, folder: str) -> None:
    data = tmp_path / "data"
    if folder != "missing":
        data.mkdir()
    if folder == "damaged":
        (data / "members.json").write_text("{")
    assert uses_demo_pin(with_data(data))


def test_the_demo_pin_hashed_by_an_earlier_kiosk_is_told_too(tmp_path: Path) -> None:
    earlier = (
        "pbkdf2_sha256$1000$c0ffee$" + hashlib.pbkdf2_hmac("sha256", b"1234", b"c0ffee", 1000).hex()
    )
    assert uses_demo_pin(with_data(tmp_path, earlier))


@pytest.mark.parametrize("pin_hash", ["", QUICK_HASH])
def test_another_pin_or_none_is_not_the_demo_pin(tmp_path: Path, pin_hash: str) -> None:
    assert not uses_demo_pin(with_data(tmp_path, pin_hash))
