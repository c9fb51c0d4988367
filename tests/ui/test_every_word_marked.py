"""Every word the kiosk shows is marked for translation.

The check builds a pseudo-language from the template `kiosk/locale/kiosk.pot`, in which
each message is its English with every letter accented ("Who's here" reads "Ŵĥó'š ĥéŕé"),
and puts it in English's place. It then walks the demo community through each main
screen and reads the whole terminal: a word still in plain ASCII letters must be the
data's own (a member's name, what someone wrote, the space's name), a key's name, or a
date or time Babel wrote. Anything else was shown without going through the catalogs,
or is missing from the template (`make messages` gathers it).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest
from babel import Locale
from babel.dates import format_timedelta
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from textual.pilot import Pilot

from kiosk import language
from kiosk.badges.codes import spaced_badge_code
from tests.conftest import FakeClock
from tests.ui.conftest import MakeApp
from tests.ui.driving import PIN, everyone_here, keys_go_quiet, settle, stored, type_text
from tests.ui.hosting import open_console
from tests.ui.test_host_safety import open_inductions
from tests.ui.test_invite_from_profile import (
    fill_in,
    invite_from_profile,
    open_invite,
    open_zoes_profile,
)
from tests.ui.test_profile import tap

TEMPLATE = Path(language.__file__).parent / "locale" / "kiosk.pot"

PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
ACCENTED = "àƀçđéƒĝĥíĵķĺɱñóƥʠŕšŧúʋŵẋýžÀƁÇĐÉƑĜĤÍĴĶĹṀÑÓƤɊŔŠŦÚƲŴẊÝŽ"
ACCENT = str.maketrans(PLAIN, ACCENTED)
# Placeholders and markup stay as written: the code fills the one, Textual reads the other.
KEPT = re.compile(r"\{[^{}]*\}|\[[^\[\]]*\]|\$\w+")

TYPED = {"mar", "xqzv", "martn", "Sam", "Guest"}
"""What the journeys type: a person's words, shown back as they typed them."""
GLYPHS = {"X"}
"""Marks that happen to be letters: a ticked box."""
CONFIG_KEYS = {"agreements"}
"""The config's own words, named as a host types them in the file ("[[agreements]]")."""
KEYS = re.compile(r"\^[a-z]\b|\b(?:esc|space|tab|[Ff]\d{1,2}|PgDn|PgUp)\b")
"""Keys as the footer and the keys screen name them (F2, esc, ^s): the keyboard's words."""


def accented(message: str) -> str:
    """`message` with its letters accented, its placeholders and markup as they are."""
    kept = [match.span() for match in KEPT.finditer(message)]
    out, at = [], 0
    for start, end in kept:
        out += [message[at:start].translate(ACCENT), message[start:end]]
        at = end
    return "".join([*out, message[at:].translate(ACCENT)])


@pytest.fixture
def pseudo_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """English replaced by the accented pseudo-language, built from the template."""
    with TEMPLATE.open("rb") as template:
        messages = read_po(template)
    catalog = Catalog(locale="en", domain=language.DOMAIN)
    for message in messages:
        if not message.id:
            continue
        if isinstance(message.id, str):
            catalog.add(message.id, accented(message.id))
        else:  # singular and plural
            catalog.add(message.id, tuple(accented(form) for form in message.id))
    folder = tmp_path / "pseudo"
    compiled = folder / "en" / "LC_MESSAGES" / f"{language.DOMAIN}.mo"
    compiled.parent.mkdir(parents=True)
    with compiled.open("wb") as mo:
        write_mo(mo, catalog)
    monkeypatch.setattr(language, "CATALOGS", folder)
    yield


def data_words(folder: Path) -> set[str]:
    """Every word of every text in the data folder: names, topics, what members wrote."""
    words: set[str] = set()

    def gather(value: object) -> None:
        if isinstance(value, str):
            # A badge code is shown in two halves (7G4KQ-9ZX2M).
            words.update(re.findall(r"[A-Za-z]+", f"{value} {spaced_badge_code(value)}"))
        elif isinstance(value, dict):
            for inner in value.values():
                gather(inner)
        elif isinstance(value, list):
            for inner in value:
                gather(inner)

    decoder = json.JSONDecoder()
    for file in folder.rglob("*.json"):
        # A file holds one document, or one a line where the kiosk appends to it.
        text, at = file.read_text(encoding="utf-8"), 0
        while at < len(text.rstrip()):
            document, at = decoder.raw_decode(text, at)
            gather(document)
            at += len(text[at:]) - len(text[at:].lstrip())
    return words


def babel_words() -> set[str]:
    """The words of days, months and spans of time as Babel writes them in English."""
    english = Locale.parse("en_GB")
    names = [
        *english.days["format"]["wide"].values(),
        *english.days["format"]["abbreviated"].values(),
        *english.months["format"]["wide"].values(),
        *english.months["format"]["abbreviated"].values(),
    ]
    for unit in ("second", "minute", "hour", "day", "week", "month", "year"):
        for seconds in (-1, 1, -2, 2):
            span = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}.get(unit, 86400 * 40)
            names.append(format_timedelta(seconds * span, add_direction=True, locale=english))
            names.append(format_timedelta(seconds * span, locale=english))
    return {word for name in names for word in re.findall(r"[A-Za-z]+", name)}


def terminal_text(svg: str) -> str:
    """The text of a screenshot, piece by piece as Textual drew it."""
    pieces = re.findall(r"<text [^>]*>([^<]*)</text>", svg)
    return "\n".join(html.unescape(piece).replace("\xa0", " ") for piece in pieces)


Journey = Callable[[Pilot[None]], Awaitable[None]]


def pressing(*keys: str) -> Journey:
    async def journey(pilot: Pilot[None]) -> None:
        await pilot.press(*keys)
        await keys_go_quiet(pilot)
        await settle(pilot)

    return journey


def host(tab: str = "", *keys: str) -> Journey:
    async def journey(pilot: Pilot[None]) -> None:
        await open_console(pilot, tab)
        await pilot.press(*keys)
        await settle(pilot)

    return journey


async def checked_in_with_everyone_here(pilot: Pilot[None]) -> None:
    await type_text(pilot, "kofi")
    await pilot.press("enter", "enter")
    await settle(pilot)


async def guest_invited(pilot: Pilot[None]) -> None:
    await open_invite(pilot)
    await fill_in(pilot, "Sam Guest", "tomorrow")


async def guest_cancel_asked(pilot: Pilot[None]) -> None:
    """Zoë, back on her profile, taps Cancel… beside the guest she invited."""
    await open_zoes_profile(pilot)
    await invite_from_profile(pilot, "Sam Guest", "tomorrow")
    await tap(pilot, ".cancel-guest")
    await settle(pilot)


async def guest_cancelled(pilot: Pilot[None]) -> None:
    """Zoë invites Sam for tomorrow and again for today, then cancels today's: the one
    left is listed, and she is told."""
    await open_zoes_profile(pilot)
    await invite_from_profile(pilot, "Sam Guest", "tomorrow")
    await invite_from_profile(pilot, "Sam Guest", "today")
    await tap(pilot, ".cancel-guest")
    await pilot.press("enter")
    await settle(pilot)
    pilot.app.screen.query_one("#my-guests").scroll_visible(animate=False, immediate=True)
    await settle(pilot)


async def inductions_of_zoe(pilot: Pilot[None]) -> None:
    await open_inductions(pilot, "zoe")


async def host_pin_asked(pilot: Pilot[None]) -> None:
    await pilot.press("f9")
    await settle(pilot)
    await type_text(pilot, PIN[:2])


JOURNEYS = {
    "home": pressing(),
    "home while typing": pressing(*"mar"),
    "home with nobody found": pressing(*"xqzv"),
    "keys of home": pressing("f1"),
    "QR codes": pressing("f6"),
    "member who is out": pressing(*"kofi", "enter"),
    "member who is here": pressing(*"maria", "space", *"jose", "enter"),
    "welcome": checked_in_with_everyone_here,
    "checked out": pressing(*"maria", "space", *"jose", "enter", "enter"),
    "board": pressing("f2"),
    "shout-outs": pressing("f3"),
    "register": pressing("f4", *"zoe", "space", *"martn"),
    "composer": pressing(*"zoe", "enter", "ctrl+s"),
    "guest": pressing(*"zoe", "enter", "ctrl+g"),
    "profile": pressing(*"zoe", "enter", "f6"),
    "invite": open_invite,
    "guest invited": guest_invited,
    "guest's cancelling asked": guest_cancel_asked,
    "guest cancelled": guest_cancelled,
    "host PIN": host_pin_asked,
    "host: who is here": host(),
    "host: members": host("f3"),
    "host: a member's card": host("f3", "enter"),
    "host: shout-outs": host("f4"),
    "host: question": host("f5"),
    "host: stats": host("f6"),
    "host: roll call": host("f7"),
    "host: events": host("", "ctrl+e"),
    "host: agreements": host("f8"),
    "host: a member's inductions": inductions_of_zoe,
}


@pytest.mark.parametrize("journey", JOURNEYS.values(), ids=JOURNEYS.keys())
async def test_no_word_is_shown_unmarked(
    pseudo_english: None,
    make_app: MakeApp,
    demo_data: Path,
    clock: FakeClock,
    journey: Journey,
) -> None:
    # Given the demo community with everyone here (Kofi just gone), in the pseudo-language
    everyone_here(demo_data, clock)
    stored(demo_data, clock).check_out("m29demo")
    # Each language is offered by its own name, the same in every language.
    names = {
        word
        for code in language.LANGUAGES
        for word in re.findall(r"[A-Za-z]+", language.own_name(code))
    }
    known = babel_words() | names | TYPED | GLYPHS | CONFIG_KEYS | {"Makerspace", "North"}
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        # When a person goes to the screen
        await settle(pilot)
        await journey(pilot)
        text = terminal_text(app.export_screenshot())

    # Then every word on it is accented, or is the data's own (what the journey stored
    # too, like an invitation's code), a key's or Babel's
    known |= data_words(demo_data)
    unmarked = sorted(set(re.findall(r"[A-Za-z]+", KEYS.sub("", text))) - known)
    assert not unmarked, f"Shown without a translation mark: {unmarked}\n{text}"
