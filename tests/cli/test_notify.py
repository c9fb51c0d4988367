"""Notifications from the command line: a member's channel kept for hosts, the news of a
guest's arrival queued and delivered to real local receivers, `kiosk outbox` and
`kiosk notify test`."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.config import Config
from kiosk.notices.delivery import deliver
from kiosk.notices.sending import send
from kiosk.storage.store import Store
from tests.cli.conftest import HOSTS_CONFIG
from tests.cli.running import Kiosk, delivered, spoil_notice
from tests.conftest import FakeClock
from tests.receivers import WebHook, mail_server, unreachable_url, web_hook


@pytest.fixture
def hook() -> Iterator[WebHook]:
    with web_hook() as served:
        yield served


def test_a_member_is_told_that_their_guest_arrived(
    kiosk: Kiosk,
    hook: WebHook,
    tmp_path: Path,
    clock: FakeClock,
    deliveries_started: list[Config],
) -> None:
    # Given Ana, who keeps a channel, is here
    ana = kiosk.add_member("Ana Lopez")
    assert kiosk("members", "edit", ana, "--notify", hook.url).code == 0
    kiosk("checkin", ana)
    # When she signs in her guest
    signed = kiosk("guest", "--of", ana, "Sam")
    assert signed.code == 0, signed.err
    # Then the news waits in the outbox and its delivery was started at once
    assert len(deliveries_started) == 1
    (waiting,) = kiosk("outbox", "--json").json()["waiting"]
    assert waiting["title"] == "A guest has arrived at Our Space"
    assert "127.0.0.1" in waiting["receiver"]
    # And once delivered, it arrived as written
    delivered(tmp_path / "kiosk-data", clock)
    assert [a.message for a in hook.arrived] == ["Ana Lopez's guest Sam has arrived at Our Space."]
    assert kiosk("outbox").out == "Nothing waits to be sent.\n"


def test_the_hosts_channel_hears_of_members_the_board_names_only(
    kiosk: Kiosk, hook: WebHook, tmp_path: Path, clock: FakeClock
) -> None:
    HOSTS_CONFIG.write_text(f'[notify]\nhosts = "{hook.url}"\n')
    ana, bo = kiosk.add_member("Ana Lopez"), kiosk.add_member("Bo Berg")
    kiosk("checkin", ana)
    kiosk("checkin", bo, "--status", "incognito")
    kiosk("guest", "--of", ana, "Sam")
    kiosk("guest", "--of", bo, "Kim")  # Bo is here unseen: nothing of him leaves the machine
    # And `kiosk config` tells that the hosts' channel is set, not its address
    assert kiosk("config", "--json").json()["settings"]["notify"] == {"hosts": "(set, not shown)"}
    delivered(tmp_path / "kiosk-data", clock)
    assert [a.message for a in hook.arrived] == ["Ana Lopez's guest Sam has arrived at Our Space."]


def test_a_hostile_name_pings_nobody_and_renders_nothing(
    kiosk: Kiosk, hook: WebHook, tmp_path: Path, clock: FakeClock
) -> None:
    ana = kiosk.add_member("Ana Lopez")
    kiosk("members", "edit", ana, "--notify", hook.url)
    kiosk("checkin", ana)
    kiosk("guest", "--of", ana, "@everyone <!channel> @room **bold** <b>x</b>")
    delivered(tmp_path / "kiosk-data", clock)
    (arrived,) = hook.arrived
    # Each mention is broken by a zero-width space; the rest is the text as typed.
    for mention in ("@everyone", "<!channel>", "@room", "<b>"):
        assert mention not in arrived.message
    assert arrived.message.replace("\u200b", "") == (
        "Ana Lopez's guest @everyone <!channel> @room **bold** <b>x</b> has arrived at Our Space."
    )


def test_the_channel_is_kept_for_hosts_and_the_member_alone(kiosk: Kiosk, tmp_path: Path) -> None:
    secret = "ntfy://ntfy.sh/ana-private-topic-7f3a"
    ana = kiosk.add_member("Ana Lopez")
    kiosk("members", "edit", ana, "--notify", secret)
    kiosk("checkin", ana)
    public = [
        kiosk("members", "list"),
        kiosk("members", "list", "--json"),
        kiosk("members", "show", ana, "--json"),
        kiosk("present"),
        kiosk("present", "--json"),
        kiosk("spaceapi"),
        kiosk("config", "--json"),
    ]
    assert all(secret not in result.out for result in public)
    assert kiosk("members", "export", str(tmp_path / "members.csv")).code == 0
    assert secret not in (tmp_path / "members.csv").read_text()
    # Her own data holds it: it is hers.
    own = kiosk("members", "data", ana, "--out", str(tmp_path / "ana.json"))
    assert own.code == 0, own.err
    assert secret in (tmp_path / "ana.json").read_text()
    # And a host sees that she has one, its secret part hidden.
    shown = kiosk("members", "show", ana).out
    assert "told of their guests at: ntfy" in shown


def test_notify_can_be_cleared_and_is_refused_when_it_is_no_url(kiosk: Kiosk) -> None:
    ana = kiosk.add_member("Ana Lopez")
    refused = kiosk("members", "edit", ana, "--notify", "not a url")
    assert refused.code == 1
    assert "not a notification channel" in refused.err
    assert kiosk("members", "edit", ana, "--notify", "ntfy://ntfy.sh/ana").code == 0
    assert kiosk("members", "edit", ana, "--notify", "").code == 0
    assert "told of their guests" not in kiosk("members", "show", ana).out


def test_no_channel_queues_nothing(kiosk: Kiosk, deliveries_started: list[Config]) -> None:
    ana = kiosk.add_member("Ana Lopez")
    kiosk("checkin", ana)
    assert kiosk("guest", "--of", ana, "Sam").code == 0
    assert deliveries_started == []
    assert kiosk("outbox", "--json").json() == {"waiting": [], "dropped": []}


def test_notify_test_says_whether_the_service_took_it(kiosk: Kiosk, hook: WebHook) -> None:
    took = kiosk("notify", "test", hook.url)
    assert took.code == 0 and took.out.startswith("Sent: json://127.0.0.1")
    assert [a.title for a in hook.arrived] == ["Test from Our Space"]
    dead = kiosk("notify", "test", unreachable_url())
    assert dead.code == 1 and dead.err.startswith("kiosk: Not sent to json://127.0.0.1")
    unknown = kiosk("notify", "test", "nosuchservice://x")
    assert unknown.code == 1 and "No service is known by this address" in unknown.err


def test_outbox_says_why_a_notice_waits(kiosk: Kiosk, tmp_path: Path, clock: FakeClock) -> None:
    ana = kiosk.add_member("Ana Lopez")
    dead = unreachable_url()
    kiosk("members", "edit", ana, "--notify", dead)
    kiosk("checkin", ana)
    kiosk("guest", "--of", ana, "Sam")
    store = Store.open(tmp_path / "kiosk-data")
    deliver(store, clock, send, lambda seconds: None, stay=timedelta(0))
    listed = kiosk("outbox").out
    assert listed.startswith("1 notice waiting to be sent, in order:\n")
    assert "tried 1 time; next try 2026-11-26 09:00" in listed
    # The network stays down all afternoon: the news is stale, dropped, and said to be
    clock.advance(hours=5)
    deliver(store, clock, send, lambda seconds: None, stay=timedelta(0))
    assert kiosk("outbox").out == (
        "Nothing waits to be sent.\n"
        "1 notice dropped, not sent:\n"
        f"  queued 2026-11-26 09:00  to {dead}: A guest has arrived at Our Space "
        "(its moment had passed: until 2026-11-26 13:00)\n"
    )


def test_a_hosts_channel_that_is_no_url_is_named_in_the_config(kiosk: Kiosk) -> None:
    HOSTS_CONFIG.write_text('[notify]\nhosts = "our chat"\n')
    said = kiosk("present")
    assert said.code == 2
    assert "'notify.hosts'" in said.err and "not a notification channel" in said.err


@pytest.mark.parametrize("heading", ["## Notifications", "## The space's chat"])
def test_every_example_channel_in_the_readme_is_one_apprise_knows(heading: str) -> None:
    import re

    import apprise

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split(heading, 1)[1].split("\n## ", 1)[0]
    examples = re.findall(r"^\| [^|]+ \| `([a-z]+://[^`]+)` \|$", section, re.MULTILINE)
    assert len(examples) == 5
    assert [url for url in examples if apprise.Apprise.instantiate(url) is None] == []


def test_a_damaged_outbox_is_named_and_repaired_by_doctor(kiosk: Kiosk, tmp_path: Path) -> None:
    ana = kiosk.add_member("Ana Lopez")
    kiosk("members", "edit", ana, "--notify", "ntfy://ntfy.sh/ana")
    kiosk("checkin", ana)
    kiosk("guest", "--of", ana, "Sam")
    kiosk("guest", "--of", ana, "Kim")
    # A hand edit spoils the news of Sam, in the journal line that signed him in
    spoil_notice(tmp_path / "kiosk-data", "outbox", "Sam", "receiver", 123)

    listed = kiosk("outbox")
    assert listed.code == 2
    assert "presence.json is damaged: a record in its outbox" in listed.err
    # The door goes on all the same
    assert kiosk("present").out.count("guest of Ana") == 2
    assert kiosk("doctor").code == 1
    assert kiosk("doctor", "--restore").code == 0
    (left,) = kiosk("outbox", "--json").json()["waiting"]
    assert "Kim" in left["body"]
    # Only the notice that could not be read went: Sam is still signed in
    assert kiosk("present").out.count("guest of Ana") == 2


def test_a_member_is_told_by_e_mail(kiosk: Kiosk, tmp_path: Path, clock: FakeClock) -> None:
    with mail_server() as mail:
        ana = kiosk.add_member("Ana Lopez")
        kiosk("members", "edit", ana, "--notify", mail.url("ana@example.org"))
        kiosk("checkin", ana)
        kiosk("guest", "--of", ana, "Sam <sam@evil.example>")
        delivered(tmp_path / "kiosk-data", clock)
    ((to, message),) = mail.arrived
    assert to == ["ana@example.org"]
    assert message["Subject"] == "A guest has arrived at Our Space"
    body = message.get_content().replace("\u200b", "")
    assert body.strip() == "Ana Lopez's guest Sam <sam@evil.example> has arrived at Our Space."


def test_outbox_deliver_sends_what_waits_and_says_what_it_did(kiosk: Kiosk, hook: WebHook) -> None:
    ana = kiosk.add_member("Ana Lopez")
    kiosk("members", "edit", ana, "--notify", hook.url)
    kiosk("checkin", ana)
    kiosk("guest", "--of", ana, "Sam")
    done = kiosk("outbox", "--deliver")
    assert (done.code, done.err) == (0, "")
    assert done.out == (
        "Sent 1 notice; 0 attempts failed; 0 dropped, no longer due; 0 still waiting.\n"
    )
    assert len(hook.arrived) == 1
