"""Home offers the space's Wi-Fi and its chat as QR codes a phone reads: in their own column
on a big screen, and on a small one in place of the people when F6 asks for them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Label

from kiosk.badges.wifi import WifiNetwork, wifi_payload
from kiosk.config import load_config
from screens.app import KioskApp
from screens.home import HomeScreen
from screens.join_codes import JoinCode
from screens.qr import QRCode
from tests.core.test_config import EXAMPLE
from tests.qr_reading import needs_zbarimg, read_qr_text
from tests.ui.conftest import MakeApp, SnapCompare
from tests.ui.driving import let_time_pass, settle, shown, type_text
from tests.ui.test_qr import picture

EXAMPLE_CONFIG = load_config(EXAMPLE)
WIFI_PAYLOAD = "WIFI:T:WPA;S:Makerspace North Guests;P:solder-and-coffee;;"
"""The example config's [wifi], written out by hand from the format phones read."""
CHAT = "https://example.org/makerspace-north"

SIZES = [
    pytest.param((80, 24), id="80x24"),
    pytest.param((100, 30), id="100x30"),
    pytest.param((160, 48), id="160x48"),
]


def with_codes(make_app: MakeApp, **settings: Any) -> KioskApp:
    """The kiosk with the example config's Wi-Fi and chat link."""
    return make_app(wifi=EXAMPLE_CONFIG.wifi, community_url=CHAT, **settings)


def codes_on_screen(app: KioskApp) -> dict[str, str]:
    """Each code in view on home, by its label."""
    return {
        str(code.query_one(Label).render()): code.code.data
        for code in app.screen.query(JoinCode)
        if code.display and app.screen.query_one("#codes").display
    }


def whole_and_on_top(app: KioskApp, widget: QRCode) -> bool:
    """The widget is drawn whole inside the screen, and nothing covers its corners."""
    region = widget.region
    screen = app.screen.region
    if not region or not screen.contains_region(region):
        return False
    corners = [
        (region.x, region.y),
        (region.right - 1, region.y),
        (region.x, region.bottom - 1),
        (region.right - 1, region.bottom - 1),
    ]
    return all(app.screen.get_widget_at(x, y)[0] is widget for x, y in corners)


@needs_zbarimg
async def test_the_wifi_code_on_a_small_home_reads_back_as_the_network(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = with_codes(make_app)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Wi-Fi: Makerspace North Guests, and our chat: F6 shows the codes." in shown(pilot)
        await pilot.press("f6")
        await settle(pilot)
        code = app.screen.query_one("#wifi-code", QRCode)
        assert whole_and_on_top(app, code)
        image = picture(code, app.screen.styles.background, tmp_path / "home.png")
        assert read_qr_text(image) == WIFI_PAYLOAD


@needs_zbarimg
async def test_both_codes_on_a_big_home_read_back(make_app: MakeApp, tmp_path: Path) -> None:
    app = with_codes(make_app)
    async with app.run_test(size=(160, 48)):
        assert codes_on_screen(app) == {
            "Join the Wi-Fi: Makerspace North Guests": WIFI_PAYLOAD,
            "Our chat": CHAT,
        }
        for name, payload in (("wifi", WIFI_PAYLOAD), ("chat", CHAT)):
            code = app.screen.query_one(f"#{name}-code", QRCode)
            assert whole_and_on_top(app, code)
            image = picture(code, app.screen.styles.background, tmp_path / f"{name}.png")
            assert read_qr_text(image) == payload


@needs_zbarimg
async def test_a_long_passphrase_and_link_still_fit_whole_and_read_back(
    make_app: MakeApp, tmp_path: Path
) -> None:
    # 78 and 80 characters: both codes need version 5 at level M, 37 modules a side and a
    # margin of 2 around.
    network = WifiNetwork("Makerspace North 5GHz", "a-much-longer-passphrase-for-our-guests")
    link = "https://chat.example.org/makerspace-north/channels/welcome-and-introductions-206"
    payloads = {"wifi": wifi_payload(network), "chat": link}
    assert (len(payloads["wifi"]), len(link)) == (78, 80)
    for size in ((80, 24), (160, 48)):
        app = make_app(wifi=network, community_url=link)
        async with app.run_test(size=size) as pilot:
            await pilot.press("f6")
            names = ["wifi"] if size == (80, 24) else ["wifi", "chat"]
            for name in names:
                code = app.screen.query_one(f"#{name}-code", QRCode)
                assert code.size == (37 + 4, (37 + 4 + 1) // 2)
                assert whole_and_on_top(app, code)
                image = picture(code, app.screen.styles.background, tmp_path / f"{name}.png")
                assert read_qr_text(image) == payloads[name]


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_a_small_home_shows_the_people_until_f6_then_each_code_in_turn(
    make_app: MakeApp, size: tuple[int, int]
) -> None:
    app = with_codes(make_app)
    async with app.run_test(size=size) as pilot:
        assert "Wi-Fi: Makerspace North Guests, and our chat: F6 shows the codes." in shown(pilot)
        assert codes_on_screen(app) == {}
        assert app.screen.query_one("#here").display
        # F6: the Wi-Fi code takes the column; the chat's would not fit under it whole
        await pilot.press("f6")
        await settle(pilot)
        assert codes_on_screen(app) == {"Join the Wi-Fi: Makerspace North Guests": WIFI_PAYLOAD}
        assert not app.screen.query_one("#side").display
        assert footer_says(app, "f6") == "Next code"
        # F6 again: the chat's code, whole, in its place
        await pilot.press("f6")
        await settle(pilot)
        assert codes_on_screen(app) == {"Our chat": CHAT}
        assert whole_and_on_top(app, app.screen.query_one("#chat-code", QRCode))
        assert footer_says(app, "f6") == "Hide codes"
        # and once more: the people again, and the next F6 starts from the Wi-Fi
        await pilot.press("f6")
        assert codes_on_screen(app) == {}
        assert app.screen.query_one("#here").display
        await pilot.press("f6")
        await settle(pilot)
        assert list(codes_on_screen(app)) == ["Join the Wi-Fi: Makerspace North Guests"]


def footer_says(app: KioskApp, key: str) -> str:
    """What the footer calls the command on `key` now."""
    active = app.screen.active_bindings[key]
    assert active.enabled
    return active.binding.description


@needs_zbarimg
async def test_the_chat_code_on_a_small_home_reads_back_as_the_link(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = with_codes(make_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6", "f6")
        await settle(pilot)
        code = app.screen.query_one("#chat-code", QRCode)
        assert whole_and_on_top(app, code)
        image = picture(code, app.screen.styles.background, tmp_path / "chat.png")
        assert read_qr_text(image) == CHAT


async def test_typing_while_the_codes_show_still_searches(make_app: MakeApp) -> None:
    app = with_codes(make_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        await type_text(pilot, "zoe")
        assert "Zoë Martin" in shown(pilot)
        assert codes_on_screen(app) != {}


async def test_an_idle_kiosk_puts_the_people_back(make_app: MakeApp) -> None:
    app = with_codes(make_app, idle_timeout=60)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        await let_time_pass(pilot, 60)
        assert isinstance(app.screen, HomeScreen)
        assert codes_on_screen(app) == {}
        assert app.screen.query_one("#here").display


async def test_a_big_home_has_no_f6_and_no_hint(make_app: MakeApp) -> None:
    app = with_codes(make_app)
    async with app.run_test(size=(160, 48)) as pilot:
        assert "F6" not in shown(pilot)
        bindings = {b.binding.key for b in app.screen.active_bindings.values() if b.enabled}
        assert "f6" not in bindings


async def test_without_a_wifi_or_link_home_has_no_codes(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        assert not app.screen.query("#codes")
        assert "F6" not in shown(pilot)


async def test_a_link_alone_is_offered_as_the_chat(make_app: MakeApp) -> None:
    app = make_app(community_url=CHAT)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Our chat online: F6 shows the code to join." in shown(pilot)
        await pilot.press("f6")
        assert codes_on_screen(app) == {"Our chat": CHAT}


@pytest.mark.parametrize("size", SIZES)
def test_home_with_the_codes(
    snap_compare: SnapCompare, make_app: MakeApp, size: tuple[int, int]
) -> None:
    """Home with the example's Wi-Fi and chat: a small screen names the network and offers
    F6; a big one shows both codes in a column of their own."""
    assert snap_compare(with_codes(make_app), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_home_showing_the_codes(
    snap_compare: SnapCompare, make_app: MakeApp, size: tuple[int, int]
) -> None:
    """Home after F6: on a small screen the codes that fit take the people's place."""

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("f6")
        await settle(pilot)

    assert snap_compare(with_codes(make_app), run_before=run_before, terminal_size=size)
