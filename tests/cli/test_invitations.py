"""`kiosk invite`, `kiosk invitations` and `kiosk invitations cancel`: a host invites a
member's guest for a day, with a card whose QR code a scanner reads, lists the invitations
to come and cancels one; the guest is sent their code on the channel given."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.community.community import Community
from kiosk.config import Config
from kiosk.errors import Refused
from kiosk.notices.delivery import deliver
from kiosk.notices.sending import send
from kiosk.storage.store import Store
from tests.cli.running import Kiosk
from tests.conftest import FakeClock
from tests.qr_reading import drawn_svg, needs_zbarimg, read_qr_codes
from tests.receivers import web_hook


def invited_code(said: str) -> str:
    """The code `kiosk invite` said, as printed: 'ABCDEF-GHJKMN'."""
    return said.split("Their code: ")[1].split()[0]


def test_a_host_invites_a_guest_and_lists_the_invitations_to_come(kiosk: Kiosk) -> None:
    # Given Ana, a member
    ana = kiosk.add_member("Ana Lima")
    # When a host invites two guests of hers, the later first
    later = kiosk("invite", "Bo Guest", "--of", "Ana Lima", "--on", "2026-12-01")
    sooner = kiosk("invite", "Cy Guest", "--of", ana, "--on", "tomorrow")
    # Then each is said with its day and code
    assert later.code == 0, later.err
    assert later.out.startswith(
        "Invited Bo Guest, guest of Ana Lima, for Tuesday, 1 December 2026. Their code: "
    )
    assert "for Friday, 27 November 2026" in sooner.out
    # And they are listed soonest first, as text and as JSON
    listed = kiosk("invitations")
    assert listed.out.splitlines() == [
        "2 invitations to come, soonest first:",
        f"  Friday, 27 November 2026  {invited_code(sooner.out)}  Cy Guest, guest of Ana Lima",
        f"  Tuesday, 1 December 2026  {invited_code(later.out)}  Bo Guest, guest of Ana Lima",
    ]
    assert kiosk("invitations", "--json").json()[0] == {
        "code": invited_code(sooner.out).replace("-", ""),
        "guest": "Cy Guest",
        "member": ana,
        "member_name": "Ana Lima",
        "day": "2026-11-27",
    }


def test_a_cancelled_invitation_is_no_longer_listed_and_cannot_be_cancelled_twice(
    kiosk: Kiosk,
) -> None:
    kiosk.add_member("Ana Lima")
    code = invited_code(kiosk("invite", "Bo", "--of", "Ana Lima", "--on", "friday").out)
    cancelled = kiosk("invitations", "cancel", code.lower())
    assert cancelled.code == 0, cancelled.err
    assert cancelled.out == (
        "Cancelled the invitation of Bo for Friday, 27 November 2026: it lets nobody in.\n"
    )
    assert kiosk("invitations").out.startswith("No invitations are waiting")
    again = kiosk("invitations", "cancel", code)
    assert (again.code, again.err) == (1, f"kiosk: The invitation {code} was cancelled already.\n")
    unknown = kiosk("invitations", "cancel", "0000-0000-0000")
    assert unknown.err == (
        "kiosk: This invitation is not known here. Please check the code, or ask a host.\n"
    )


def test_a_day_gone_by_or_unreadable_is_refused_politely(kiosk: Kiosk) -> None:
    kiosk.add_member("Ana Lima")
    past = kiosk("invite", "Bo", "--of", "Ana Lima", "--on", "yesterday")
    assert past.code != 0
    assert past.err == (
        "kiosk: Wednesday, 25 November 2026 has passed; please invite your guest for today "
        "or a day to come.\n"
    )
    unreadable = kiosk("invite", "Bo", "--of", "Ana Lima", "--on", "someday")
    assert "“someday” is not a day I can read" in unreadable.err
    assert kiosk("invitations", "--json").json() == []


def test_an_invitation_used_once_cannot_be_used_twice(
    kiosk: Kiosk, tmp_path: Path, clock: FakeClock
) -> None:
    # Given an invitation for today, used at the door
    kiosk.add_member("Ana Lima")
    code = invited_code(kiosk("invite", "Bo", "--of", "Ana Lima", "--on", "today").out)
    door = Community(Store.open(tmp_path / "kiosk-data"), clock)
    door.admit_invited(code)
    # Then it is no longer to come, cannot be cancelled, and is refused at the door again
    assert kiosk("invitations", "--json").json() == []
    assert "was used already" in kiosk("invitations", "cancel", code).err
    with pytest.raises(Refused, match="used already"):
        door.admit_invited(code)


@needs_zbarimg
def test_the_invitation_card_carries_its_code_in_a_qr_code_a_scanner_reads(
    kiosk: Kiosk, tmp_path: Path
) -> None:
    kiosk.add_member("Ana Lima")
    made = kiosk("invite", "Bo Guest", "--of", "Ana Lima", "--on", "today", "--out", "cards")
    assert made.code == 0, made.err
    code = invited_code(made.out).replace("-", "")
    cards = tmp_path / "cards"
    assert sorted(p.name for p in cards.iterdir()) == [
        f"invitation-{code}.png",
        f"invitation-{code}.svg",
    ]
    assert read_qr_codes(cards / f"invitation-{code}.png") == [code]
    assert read_qr_codes(drawn_svg(cards / f"invitation-{code}.svg")) == [code]
    # Written for its owner alone, as badges are: the code lets someone in
    assert (cards / f"invitation-{code}.png").stat().st_mode & 0o077 == 0


def test_the_guest_is_sent_their_code_on_the_channel_given(
    kiosk: Kiosk, tmp_path: Path, clock: FakeClock, deliveries_started: list[Config]
) -> None:
    kiosk.add_member("Ana Lima")
    with web_hook() as hook:
        made = kiosk("invite", "Bo", "--of", "Ana Lima", "--on", "friday", "--notify", hook.url)
        assert made.code == 0, made.err
        assert len(deliveries_started) == 1
        deliver(Store.open(tmp_path / "kiosk-data"), clock, send, lambda seconds: None)
    [arrived] = hook.arrived
    assert arrived.title == "You are invited to Our Space"
    assert arrived.message == (
        "Ana Lima invites you to Our Space on Friday, 27 November 2026. At the kiosk by the "
        f"door, scan the invitation's QR code or type its code: {invited_code(made.out)}. "
        "It works once, on that day."
    )


def test_a_guest_reads_their_invitation_in_the_language_of_the_member_who_invites(
    kiosk: Kiosk, every_word_marked: str, tmp_path: Path, clock: FakeClock
) -> None:
    # Given a kiosk set to German (whose catalog gives each marked sentence back between
    # ⟦ and ⟧), Ana, who chose English at the door, and Bo, who never chose
    Path("kiosk.toml").write_text('language = "de"\n')
    ana, bo = kiosk.add_member("Ana Lima"), kiosk.add_member("Bo Berg")
    Community(Store.open(tmp_path / "kiosk-data"), clock).edit_member(ana, language="en")
    with web_hook() as hook:
        # When a host at an English terminal invites a guest of each
        for member, guest in ((ana, "Cy"), (bo, "Di")):
            made = kiosk("invite", guest, "--of", member, "--on", "friday", "--notify", hook.url)
            assert made.code == 0, made.err
        deliver(Store.open(tmp_path / "kiosk-data"), clock, send, lambda seconds: None)
    # Then Ana's guest reads English, her language, and Bo's the kiosk's German
    titles = sorted(arrived.title for arrived in hook.arrived)
    assert titles == ["You are invited to Our Space", "⟦You are invited to Our Space⟧"]
    german = next(arrived for arrived in hook.arrived if arrived.title.startswith("⟦"))
    assert german.message.startswith("⟦Bo Berg invites you to Our Space on ")
