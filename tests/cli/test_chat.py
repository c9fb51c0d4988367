"""The space's chat from the command line, delivered to a real local web hook: the space
opening and closing, who is in, shout-outs posted there, the hosts' digest, and what
never reaches a chat."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.conftest import HOSTS_CONFIG
from tests.cli.running import Kiosk, delivered, spoil_notice
from tests.conftest import FakeClock
from tests.receivers import WebHook, web_hook

ZWSP = "\u200b"


@pytest.fixture
def chat() -> Iterator[WebHook]:
    """The space's chat: a local web hook the config names under [chat]."""
    with web_hook() as served:
        HOSTS_CONFIG.write_text(f'space_name = "Makerspace North"\n[chat]\nurl = "{served.url}"\n')
        yield served


def test_the_chat_hears_when_the_space_opens_and_closes(
    kiosk: Kiosk, chat: WebHook, tmp_path: Path, clock: FakeClock
) -> None:
    # Given a space without opening hours, open while anyone is here
    ana, bo = kiosk.add_member("Ana Lopez"), kiosk.add_member("Bo Berg")
    # When Ana comes at 09:00, Bo at 09:30, and both leave by 17:00
    kiosk("checkin", ana)
    clock.advance(minutes=30)
    kiosk("checkin", bo)
    clock.advance(hours=7)
    kiosk("checkout", ana)
    clock.advance(minutes=30)
    kiosk("checkout", bo)
    delivered(tmp_path / "kiosk-data", clock)
    # Then the chat heard once that it opened, and once that it closed, naming nobody
    assert [(a.title, a.message) for a in chat.arrived] == [
        ("Makerspace North is open", "Makerspace North is open, since 09:00."),
        ("Makerspace North is closed", "Makerspace North closed at 17:00."),
    ]


def test_a_member_here_incognito_opens_nothing(
    kiosk: Kiosk, chat: WebHook, tmp_path: Path, clock: FakeClock
) -> None:
    ana = kiosk.add_member("Ana Lopez")
    kiosk("checkin", ana, "--status", "incognito")
    delivered(tmp_path / "kiosk-data", clock)
    # Her being here is for hosts alone: to the chat the space is still closed.
    assert chat.arrived == []
    assert kiosk("outbox", "--json").json()["waiting"] == []


def test_whos_in_names_only_whom_the_board_names(
    kiosk: Kiosk, chat: WebHook, tmp_path: Path, clock: FakeClock
) -> None:
    # Given Ana on the board, Bo off it, Cy incognito, and Ana's guest
    ana = kiosk.add_member("Ana Lopez")
    bo = kiosk.add_member("Bo Berg")
    kiosk("members", "edit", bo, "--on-board", "no")
    cy = kiosk.add_member("Cy Dunn")
    kiosk("checkin", ana)
    kiosk("checkin", bo)
    kiosk("checkin", cy, "--status", "incognito")
    kiosk("guest", "--of", ana, "Sam Guest")
    # When a host asks the chat to be told who is in
    asked = kiosk("notify", "whos-in")
    assert asked.code == 0, asked.err
    delivered(tmp_path / "kiosk-data", clock)
    # Then it hears Ana by name, and counts Bo and the guest but never Cy
    whos_in = chat.arrived[-1]
    assert whos_in.title == "Who is in at Makerspace North"
    assert whos_in.message == "People here now: 3. On the board: Ana Lopez."


def test_whos_in_without_a_chat_says_how_to_set_one(kiosk: Kiosk) -> None:
    said = kiosk("notify", "whos-in")
    assert said.code == 2
    assert "No chat is set up" in said.err and "[chat]" in said.err


def test_a_hostile_name_and_shoutout_ping_nobody_and_render_nothing(
    kiosk: Kiosk, chat: WebHook, tmp_path: Path, clock: FakeClock
) -> None:
    # Given a member whose name is a mention, here, writing markup to another
    hostile = kiosk.add_member("@everyone <!channel>")
    ana = kiosk.add_member("Ana Lopez")
    kiosk("checkin", hostile)
    text = "@room **bold** <b>loud</b> [link](https://example.org) <!here>"
    posted = kiosk("shoutout", "--from", hostile, "--to", ana, "--chat", text)
    assert posted.code == 0, posted.err
    kiosk("notify", "whos-in")
    delivered(tmp_path / "kiosk-data", clock)
    # Then every message reads as written, with each mention broken
    _opened, shoutout, whos_in = chat.arrived
    assert shoutout.title == "A shout-out at Makerspace North"
    for message in (shoutout.message, whos_in.message):
        for mention in ("@everyone", "<!channel>", "@room", "<b>", "<!here>"):
            assert mention not in message
    assert shoutout.message.replace(ZWSP, "") == f"From @everyone <!channel> to Ana Lopez: {text}"
    assert whos_in.message.replace(ZWSP, "").endswith("On the board: @everyone <!channel>.")


def test_a_shoutout_goes_to_the_chat_only_when_its_author_asks(
    kiosk: Kiosk, chat: WebHook, tmp_path: Path, clock: FakeClock
) -> None:
    ana = kiosk.add_member("Ana Lopez")
    kiosk("shoutout", "--from", ana, "Pizza at six")
    kiosk("shoutout", "--from", ana, "--chat", "Board games tonight")
    delivered(tmp_path / "kiosk-data", clock)
    assert [a.message for a in chat.arrived] == ["From Ana Lopez to everyone: Board games tonight"]


def test_a_shoutout_hidden_before_its_notice_went_never_reaches_the_chat(
    kiosk: Kiosk, chat: WebHook, tmp_path: Path, clock: FakeClock
) -> None:
    # Given two shout-outs for the chat, waiting while it cannot be reached
    ana = kiosk.add_member("Ana Lopez")
    regret = kiosk("shoutout", "--from", ana, "--chat", "Bo broke the laser").out.split()[-1]
    kiosk("shoutout", "--from", ana, "--chat", "Board games tonight")
    # When a host hides the first before the delivery comes round
    assert kiosk("hide-shoutout", regret).code == 0
    delivered(tmp_path / "kiosk-data", clock)
    # Then the chat hears only the other, and the outbox says why the first was not sent
    assert [a.message for a in chat.arrived] == ["From Ana Lopez to everyone: Board games tonight"]
    listed = kiosk("outbox").out
    assert "1 notice dropped, not sent:" in listed
    assert "A shout-out at Makerspace North (its shout-out was hidden)" in listed
    assert "laser" not in listed


def test_a_shoutout_written_unseen_stays_off_the_chat(
    kiosk: Kiosk, chat: WebHook, tmp_path: Path, clock: FakeClock
) -> None:
    # Given Ana here incognito: the wall shows what she writes only once she has left
    ana = kiosk.add_member("Ana Lopez")
    kiosk("checkin", ana, "--status", "incognito")
    # When she asks for her shout-out to go to the chat too
    posted = kiosk("shoutout", "--from", ana, "--chat", "Thanks for the coffee")
    # Then it is on the wall, in time, but the chat never hears it: it would tell she is here
    assert posted.code == 0
    delivered(tmp_path / "kiosk-data", clock)
    assert chat.arrived == []


def test_shoutouts_to_the_chat_are_refused_where_none_is_set(kiosk: Kiosk) -> None:
    ana = kiosk.add_member("Ana Lopez")
    said = kiosk("shoutout", "--from", ana, "--chat", "Hello")
    assert said.code == 2 and "[chat]" in said.err
    # And nothing was posted on the wall either
    assert kiosk("shoutouts").out == "No shout-outs yet.\n"


def test_an_open_now_from_yesterday_is_dropped_not_sent(
    kiosk: Kiosk, tmp_path: Path, clock: FakeClock
) -> None:
    # Given a chat whose service is down all day
    with web_hook() as down:
        down.up = False
        HOSTS_CONFIG.write_text(f'[chat]\nurl = "{down.url}"\n')
        ana = kiosk.add_member("Ana Lopez")
        kiosk("checkin", ana)
        # When it is back the next morning
        clock.advance(days=1)
        down.up = True
        delivered(tmp_path / "kiosk-data", clock)
        # Then yesterday's "open" is dropped and said to be, not sent
        assert down.arrived == []
        dropped = kiosk("outbox", "--json").json()["dropped"]
        assert [d["title"] for d in dropped] == ["Our Space is open"]


def test_the_hosts_digest_counts_the_day_and_names_nobody(
    kiosk: Kiosk, tmp_path: Path, clock: FakeClock
) -> None:
    with web_hook() as hosts:
        HOSTS_CONFIG.write_text(f'[notify]\nhosts = "{hosts.url}"\n')
        # Given a day: Ana twice, Bo once with a guest, Cy incognito, one shout-out
        ana, bo, cy = (kiosk.add_member(n) for n in ("Ana Lopez", "Bo Berg", "Cy Dunn"))
        for member in (ana, bo):
            kiosk("checkin", member)
        kiosk("checkin", cy, "--status", "incognito")
        kiosk("guest", "--of", bo, "Sam Guest")
        kiosk("checkout", ana)
        kiosk("checkin", ana)
        kiosk("shoutout", "--from", ana, "Thanks all")
        # When a host asks for today's digest
        asked = kiosk("notify", "digest")
        assert asked.code == 0, asked.err
        delivered(tmp_path / "kiosk-data", clock)
        # Then the hosts' channel hears the day in figures, Cy's visit not among them
        # (after the news of Bo's guest, which the hosts' channel hears as it comes)
        arrived = hosts.arrived[-1]
        assert arrived.title == "Our Space, Thursday, 26 November 2026"
        assert arrived.message == (
            "Visits: 4. Members who came: 2. Guests: 1. Newcomers: 2. Shout-outs: 1."
        )
        for name in ("Ana", "Bo", "Cy", "Sam"):
            assert name not in arrived.message


def test_a_chat_setting_that_is_wrong_is_named(kiosk: Kiosk) -> None:
    HOSTS_CONFIG.write_text('[chat]\nurl = "ntfy://ntfy.sh/ours"\nwhos_in = ["noon"]\n')
    said = kiosk("present")
    assert said.code == 2
    assert "'chat.whos_in'" in said.err and '"18:00"' in said.err
    HOSTS_CONFIG.write_text('[chat]\nurl = "our chat"\n')
    said = kiosk("present")
    assert said.code == 2 and "'chat.url'" in said.err
    HOSTS_CONFIG.write_text('[notify]\ndigest = "25:00"\n')
    assert "'notify.digest'" in kiosk("present").err


def test_config_shows_the_chat_set_not_its_address(kiosk: Kiosk) -> None:
    secret = "discord://4174216298/JHMHI8qBe7bk2ZwO5U711o3dV_js"
    HOSTS_CONFIG.write_text(f'[chat]\nurl = "{secret}"\nwhos_in = ["18:00", "12:30"]\n')
    shown = kiosk("config", "--json").json()["settings"]["chat"]
    assert shown == {
        "url": "(set, not shown)",
        "opening": True,
        "whos_in": ["12:30", "18:00"],
        "shoutouts": True,
    }


def test_a_damaged_outbox_never_stops_the_door(kiosk: Kiosk, chat: WebHook, tmp_path: Path) -> None:
    # Given what the outbox told the chat spoiled by a hand edit
    ana = kiosk.add_member("Ana Lopez")
    kiosk("checkin", ana)
    spoil_notice(tmp_path / "kiosk-data", "news", "open", "at", 5)
    # When Ana checks out, which closes the space
    left = kiosk("checkout", ana)
    # Then she is checked out all the same, and the host reads why the chat was not told
    assert left.code == 0 and left.out.startswith("Checked out Ana Lopez")
    assert left.err.startswith("kiosk: warning: the chat was not told: ")
    assert "presence.json is damaged: a record in its news" in left.err
    assert kiosk("present").out == "Nobody is here right now.\n"


def test_the_chat_hears_the_kiosks_language_whatever_the_terminal_speaks(
    kiosk: Kiosk,
    chat: WebHook,
    every_word_marked: str,
    tmp_path: Path,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Given a kiosk set to speak English, and a host at a German terminal (whose catalog
    # gives each marked sentence back between ⟦ and ⟧)
    ana = kiosk.add_member("Ana Lopez")
    kiosk("checkin", ana)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    # When the host asks the chat to be told who is in
    asked = kiosk("notify", "whos-in")
    delivered(tmp_path / "kiosk-data", clock)
    # Then the host is answered in German, and the chat hears English, as always
    assert asked.out.startswith("⟦Queued for the chat: ")
    assert [a.title for a in chat.arrived] == [
        "Makerspace North is open",
        "Who is in at Makerspace North",
    ]
    assert chat.arrived[-1].message == "People here now: 1. On the board: Ana Lopez."
    # And once the kiosk is set to German, the chat hears German from an English terminal
    HOSTS_CONFIG.write_text(HOSTS_CONFIG.read_text().replace("[chat]", 'language = "de"\n[chat]'))
    monkeypatch.delenv("LANG")
    asked = kiosk("notify", "whos-in")
    delivered(tmp_path / "kiosk-data", clock)
    assert asked.out.startswith("Queued for the chat: ")
    assert chat.arrived[-1].title == "⟦Who is in at Makerspace North⟧"
    assert chat.arrived[-1].message == "⟦People here now: 1.⟧ ⟦On the board: Ana Lopez.⟧"
