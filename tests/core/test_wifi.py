"""The Wi-Fi QR text and the [wifi] and [links] sections of the config."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.badges.wifi import WifiNetwork, wifi_payload
from kiosk.config import load_config
from kiosk.errors import UsageError
from tests.core.test_config import EXAMPLE, config_file

# -- the QR text ---------------------------------------------------------------------


def test_a_wpa_network_gives_type_name_and_password() -> None:
    network = WifiNetwork("Makerspace Guests", "solder-and-coffee")
    assert wifi_payload(network) == "WIFI:T:WPA;S:Makerspace Guests;P:solder-and-coffee;;"


def test_an_open_network_has_no_password() -> None:
    network = WifiNetwork("Cafe", security="nopass")
    assert wifi_payload(network) == "WIFI:T:nopass;S:Cafe;;"


def test_a_hidden_wep_network_says_it_is_hidden() -> None:
    network = WifiNetwork("Attic", "abcde", "WEP", hidden=True)
    assert wifi_payload(network) == "WIFI:T:WEP;S:Attic;P:abcde;H:true;;"


def test_the_characters_the_format_uses_are_escaped_with_a_backslash() -> None:
    network = WifiNetwork('a;b,c:d"e\\f', 'p;q,r:s"t\\u')
    assert wifi_payload(network) == r"WIFI:T:WPA;S:a\;b\,c\:d\"e\\f;P:p\;q\,r\:s\"t\\u;;"


def test_other_characters_are_kept_as_they_are() -> None:
    network = WifiNetwork("Café Ñandú 🙂", "pass word=1&2")
    assert wifi_payload(network) == "WIFI:T:WPA;S:Café Ñandú 🙂;P:pass word=1&2;;"


# -- the config sections ---------------------------------------------------------------


def test_the_example_config_offers_its_demo_network_and_link() -> None:
    config = load_config(EXAMPLE)
    assert config.wifi == WifiNetwork("Makerspace North Guests", "solder-and-coffee", "WPA")
    assert config.community_url == "https://example.org/makerspace-north"


def test_without_the_sections_no_network_and_no_link_are_offered(tmp_path: Path) -> None:
    config = load_config(config_file(tmp_path, 'space_name = "North"'))
    assert config.wifi is None
    assert config.community_url == ""


def test_every_wifi_key_is_read(tmp_path: Path) -> None:
    path = config_file(
        tmp_path,
        """
        [wifi]
        ssid = "Attic"
        password = "0123456789"
        security = "wep"
        hidden = true
        """,
    )
    assert load_config(path).wifi == WifiNetwork("Attic", "0123456789", "WEP", hidden=True)


def test_security_is_wpa_unless_said(tmp_path: Path) -> None:
    path = config_file(tmp_path, '[wifi]\nssid = "North"\npassword = "12345678"\n')
    assert load_config(path).wifi == WifiNetwork("North", "12345678", "WPA", hidden=False)


def test_an_open_network_needs_no_password(tmp_path: Path) -> None:
    path = config_file(tmp_path, '[wifi]\nssid = "Cafe"\nsecurity = "nopass"\n')
    assert load_config(path).wifi == WifiNetwork("Cafe", "", "nopass")


def test_the_sections_may_come_in_any_order_after_the_keys(tmp_path: Path) -> None:
    path = config_file(
        tmp_path,
        'capacity = 9\n[links]\ncommunity_url = "http://x.example"\n'
        '[wifi]\nssid = "N"\nsecurity = "nopass"\n',
    )
    config = load_config(path)
    assert (config.capacity, config.community_url) == (9, "http://x.example")
    assert config.wifi == WifiNetwork("N", "", "nopass")


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('wifi = "North"', "'wifi' should be a section [wifi] with the keys ssid, password,"),
        ("[wifi]\npassword = 'solder-and-coffee'", "the section [wifi] needs 'ssid'"),
        ("[wifi]\nssid = ''\nsecurity = 'nopass'", "'wifi.ssid' should be the network's name"),
        ("[wifi]\nssid = 'N'\nsecurity = 'nopass'\nchannel = 6", "unknown key 'wifi.channel'"),
        ("[wifi]\nssid = 42\nsecurity = 'nopass'", "'wifi.ssid' should be the network's name"),
        (f"[wifi]\nssid = '{'é' * 17}'\nsecurity = 'nopass'", "1 to 32 bytes"),
        ("[wifi]\nssid = 'N'\nsecurity = 'WPA2'\npassword = 'x' ", "'wifi.security' should be"),
        ("[wifi]\nssid = 'N'", "the section [wifi] needs 'password' for a WPA network"),
        ("[wifi]\nssid = 'N'\npassword = 'short'", "'wifi.password' should be 8 to 63 char"),
        ("[wifi]\nssid = 'N'\npassword = 'crème brûlée'", "without accents"),
        ("[wifi]\nssid = 'N'\nsecurity = 'WEP'\npassword = 'sixsix'", "5 or 13 characters"),
        ("[wifi]\nssid = 'N'\nsecurity = 'nopass'\npassword = 'x'", "left out for an open"),
        ("[wifi]\nssid = 'N'\nsecurity = 'nopass'\nhidden = 'no'", "'wifi.hidden' should be"),
        ("[links]\ncommunity_url = 'example.org'", "'links.community_url' should be a web"),
        ("[links]\ncommunity_url = 'ftp://example.org'", "'links.community_url' should be"),
        ("[links]\ncommunity_url = 'https://'", "'links.community_url' should be"),
        ("[links]\ncommunity_url = 'https://a b.org'", "'links.community_url' should be"),
        (f"[links]\ncommunity_url = 'https://{'x' * 80}.org'", "at most 80 characters"),
        ("[links]\nchat = 'https://example.org'", "unknown key 'links.chat'"),
    ],
)
def test_a_mistake_in_a_section_names_the_file_and_the_key(
    tmp_path: Path, toml: str, expected: str
) -> None:
    path = config_file(tmp_path, toml)
    with pytest.raises(UsageError) as error:
        load_config(path)
    assert str(error.value).startswith(f"Config file {path}: ")
    assert expected in str(error.value)


def test_a_wrong_password_is_not_repeated_in_the_message(tmp_path: Path) -> None:
    path = config_file(tmp_path, "[wifi]\nssid = 'N'\npassword = 'secret!'")
    with pytest.raises(UsageError) as error:
        load_config(path)
    assert "secret!" not in str(error.value)
    assert "it has 7" in str(error.value)


def test_an_unknown_key_names_the_sections_too(tmp_path: Path) -> None:
    path = config_file(tmp_path, "wi_fi = 1")
    with pytest.raises(
        UsageError,
        match=r"sections: \[wifi\], \[links\], \[notify\], \[events\], \[chat\], \[spaceapi\]\.",
    ):
        load_config(path)
