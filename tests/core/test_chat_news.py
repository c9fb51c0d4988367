"""Timed news for the space's chat and the hosts' channel, as the kiosk asks for it every
second: each piece queued once, at its time, by whichever process sees it first, and
nothing said of a closed space."""

from __future__ import annotations

from dataclasses import replace
from datetime import time
from pathlib import Path
from typing import Any

from kiosk.community.community import Community
from kiosk.config import Chat, Config
from kiosk.notices.chat import queue_chat_news
from kiosk.notices.outbox import TOLD, Outbox
from kiosk.storage.store import Store
from kiosk.timekeeping.opening import read_hours
from tests.conftest import FakeClock

CHAT = "ntfy://ntfy.sh/makerspace-north"
HOSTS = "ntfy://ntfy.sh/makerspace-north-hosts"


def setting(tmp_path: Path, **changes: Any) -> Config:
    base = Config(space_name="Makerspace North", data_dir=tmp_path / "data", chat=Chat(url=CHAT))
    return replace(base, **changes)


def titles(community: Community) -> list[str]:
    return [notice.title for notice in Outbox(community.store).waiting()]


def opened(clock: FakeClock, config: Config) -> Community:
    return Community(Store.open(config.data_dir), clock, hours=config.hours)


def test_whos_in_goes_out_once_at_its_time_while_the_space_is_open(
    tmp_path: Path, clock: FakeClock
) -> None:
    # Given a chat told who is in at noon, and Ana here since 09:00
    config = setting(tmp_path, chat=Chat(url=CHAT, opening=False, whos_in=(time(12),)))
    community = opened(clock, config)
    ana = community.add_member("Ana Lopez")
    community.check_in(ana.id)
    # When the kiosk asks every moment up to a minute before noon, nothing is due
    clock.advance(hours=2, minutes=59)
    assert queue_chat_news(community, config) == []
    # At noon it is, once, however often it is asked
    clock.advance(minutes=1)
    (noon,) = queue_chat_news(community, config)
    assert noon.body == "People here now: 1. On the board: Ana Lopez."
    clock.advance(minutes=10)
    assert queue_chat_news(community, config) == []
    assert titles(community) == ["Who is in at Makerspace North"]


def test_a_kiosk_started_late_says_nothing_of_noon(tmp_path: Path, clock: FakeClock) -> None:
    config = setting(tmp_path, chat=Chat(url=CHAT, opening=False, whos_in=(time(12),)))
    community = opened(clock, config)
    community.check_in(community.add_member("Ana Lopez").id)
    clock.advance(hours=4, minutes=30)  # 13:30: its moment has passed
    assert queue_chat_news(community, config) == []


def test_whos_in_while_closed_stays_unsaid_when_the_space_opens_later(
    tmp_path: Path, clock: FakeClock
) -> None:
    config = setting(tmp_path, chat=Chat(url=CHAT, opening=False, whos_in=(time(12),)))
    community = opened(clock, config)
    clock.advance(hours=3)  # noon, and nobody here
    assert queue_chat_news(community, config) == []
    clock.advance(minutes=20)
    community.check_in(community.add_member("Ana Lopez").id)
    assert queue_chat_news(community, config) == []


def test_opening_hours_open_and_close_the_space_for_the_chat(
    tmp_path: Path, clock: FakeClock
) -> None:
    # Given hours from 10:00 to 18:00, and the kiosk first running at 09:00
    hours = read_hours({"open": [{"rule": "FREQ=DAILY", "from": "10:00", "to": "18:00"}]})
    config = setting(tmp_path, hours=hours)
    community = opened(clock, config)
    # Then a space closed at the first look is not announced as closed
    assert queue_chat_news(community, config) == []
    # And it opens at ten with nobody here yet, and closes at six
    clock.advance(hours=1)
    assert [n.body for n in queue_chat_news(community, config)] == [
        "Makerspace North is open, since 10:00."
    ]
    clock.advance(hours=8)
    assert [n.body for n in queue_chat_news(community, config)] == [
        "Makerspace North closed at 18:00."
    ]


def test_two_processes_queue_the_opening_once(tmp_path: Path, clock: FakeClock) -> None:
    config = setting(tmp_path)
    kiosk, command = opened(clock, config), opened(clock, config)
    kiosk.check_in(kiosk.add_member("Ana Lopez").id)
    command.refresh()
    queued = queue_chat_news(command, config) + queue_chat_news(kiosk, config)
    assert [n.title for n in queued] == ["Makerspace North is open"]
    assert titles(kiosk) == ["Makerspace North is open"]


def test_the_digest_goes_to_the_hosts_once_a_day(tmp_path: Path, clock: FakeClock) -> None:
    config = setting(tmp_path, chat=Chat(), notify_hosts=HOSTS, hosts_digest=time(21))
    community = opened(clock, config)
    community.check_in(community.add_member("Ana Lopez").id)
    assert queue_chat_news(community, config) == []
    clock.advance(hours=12)  # 21:00
    (digest,) = queue_chat_news(community, config)
    assert (digest.receiver, digest.title) == (
        HOSTS,
        "Makerspace North, Thursday, 26 November 2026",
    )
    assert digest.body.startswith("Visits: 1. Members who came: 1. Guests: 0. Newcomers: 1.")
    clock.advance(hours=2)
    assert queue_chat_news(community, config) == []
    # The next evening brings the next day's
    clock.advance(hours=22)
    (following,) = queue_chat_news(community, config)
    assert following.title == "Makerspace North, Friday, 27 November 2026"


def test_what_was_told_is_forgotten_after_a_week(tmp_path: Path, clock: FakeClock) -> None:
    config = setting(tmp_path, chat=Chat(url=CHAT, opening=False, whos_in=(time(12),)))
    community = opened(clock, config)
    clock.advance(hours=3)
    for _ in range(20):
        queue_chat_news(community, config)
        clock.advance(days=1)
    # Twenty noons told, but the outbox keeps only the last week's
    told = community.store.presence.tables()[TOLD]
    assert 7 <= len(told) <= 8
