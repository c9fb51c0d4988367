"""Telling a badge scanner from a person: scanners type fast and end with Enter; people never
type nine keys that fast, so what a person types always reaches the input, in order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kiosk.badges.codes import could_begin_door_code, is_door_code
from kiosk.badges.scanning import REPEAT_WINDOW, Outcome, Scan, ScanRecognizer, typed

SCANNER = 0.005
"""Seconds between a USB scanner's keys."""
PERSON = 0.15
"""Seconds between a person's keys."""
CHARACTERS = {"enter": "\r", "tab": "\t", "ctrl+j": "\n", "left": None, "escape": "\x1b"}


def badge_keyboard() -> Keyboard:
    """A keyboard whose recognizer knows what a badge code looks like, as the kiosk's does."""
    return Keyboard(ScanRecognizer(may_begin=could_begin_door_code, is_code=is_door_code))


class Keyboard:
    """Keys pressed at moments the test chooses, through a recognizer, into an input that
    keeps what it was given; a timer calls `expire` at each deadline, as the kiosk's does."""

    def __init__(self, recognizer: ScanRecognizer[str] | None = None) -> None:
        self.recognizer: ScanRecognizer[str] = recognizer or ScanRecognizer()
        self.now = 1000.0
        self.input: list[str] = []
        self.scans: list[Scan] = []
        self.deadline: float | None = None

    def type(self, keys: list[str] | str, every: float) -> None:
        """Press `keys` (characters, or key names such as 'enter') `every` seconds apart."""
        for key in keys:
            self.wait(every)
            self.follow(self.recognizer.press(key, CHARACTERS.get(key, key), self.now))

    def wait(self, seconds: float) -> None:
        """Let time pass, with the timer firing if a deadline falls inside it."""
        end = self.now + seconds
        if self.deadline is not None and self.deadline <= end:
            self.now = self.deadline
            self.follow(self.recognizer.expire(self.now))
        self.now = end

    def pause(self) -> None:
        self.wait(2 * PERSON)

    def follow(self, outcome: Outcome[str]) -> None:
        self.input += outcome.release
        if outcome.scan is not None:
            self.scans.append(outcome.scan)
        self.deadline = outcome.deadline

    @property
    def typed(self) -> str:
        return "".join(key if len(key) == 1 else f"<{key}>" for key in self.input)


def test_a_scanner_burst_ending_in_enter_is_a_scan_and_types_nothing() -> None:
    keyboard = Keyboard()
    keyboard.type([*"7G4KQ9ZX2M", "enter"], every=SCANNER)
    assert keyboard.scans == [Scan("7G4KQ9ZX2M", repeat=False)]
    keyboard.pause()
    assert keyboard.typed == ""


def test_scanners_that_end_with_tab_or_a_line_feed_are_heard_too() -> None:
    keyboard = Keyboard()
    keyboard.type([*"7G4KQ9ZX2M", "tab"], every=SCANNER)
    keyboard.pause()
    keyboard.type([*"ABCDEFGH", "ctrl+j"], every=SCANNER)
    assert [scan.code for scan in keyboard.scans] == ["7G4KQ9ZX2M", "ABCDEFGH"]
    assert keyboard.typed == ""


def test_a_person_typing_reaches_the_input_in_order_and_is_never_a_scan() -> None:
    keyboard = Keyboard()
    keyboard.type([*"Margarethe Lindqvist", "enter"], every=PERSON)
    keyboard.pause()
    assert keyboard.typed == "Margarethe Lindqvist<enter>"
    assert keyboard.scans == []


def test_each_key_a_person_types_shows_at_the_next_deadline_not_at_the_next_key() -> None:
    keyboard = Keyboard()
    keyboard.type("Ana", every=PERSON)
    assert keyboard.typed == "An"  # the last one is held a moment
    assert keyboard.deadline is not None
    keyboard.wait(0.04)
    assert keyboard.typed == "Ana"


@given(
    st.lists(st.floats(min_value=0.045, max_value=2.0), min_size=9, max_size=30),
    st.sampled_from(["enter", "tab", "ctrl+j"]),
)
def test_keys_never_quicker_than_a_person_are_never_a_scan(gaps: list[float], end: str) -> None:
    keyboard = Keyboard()
    keys = [*"ABCDEFGHJKMNPQRSTVWXYZ0123456789"[: len(gaps) - 1], end]
    for key, gap in zip(keys, gaps, strict=True):
        keyboard.type([key], every=gap)
    keyboard.pause()
    assert keyboard.scans == []
    assert keyboard.input == keys


def test_a_quick_typist_s_rolls_between_pauses_are_not_a_scan() -> None:
    keyboard = Keyboard()
    for word in ("the", "quick", "brown", "foxes", "jumped"):
        keyboard.type(word, every=0.02)
        keyboard.type(" ", every=0.09)
    keyboard.type(["enter"], every=0.02)
    keyboard.pause()
    assert keyboard.scans == []
    assert keyboard.typed == "the quick brown foxes jumped <enter>"


def test_a_quick_burst_too_short_for_a_badge_reaches_the_input_with_its_enter() -> None:
    keyboard = Keyboard()
    keyboard.type([*"1234567", "enter"], every=SCANNER)
    assert keyboard.scans == []
    assert keyboard.typed == "1234567<enter>"


def test_a_quick_burst_that_stops_without_an_end_key_is_released_at_its_deadline() -> None:
    keyboard = Keyboard()
    keyboard.type("7G4KQ9ZX2M", every=SCANNER)
    assert keyboard.typed == ""  # held back: it may still turn out to be a scan
    keyboard.pause()
    assert keyboard.typed == "7G4KQ9ZX2M"
    assert keyboard.scans == []


def test_a_key_that_types_nothing_lets_the_held_keys_through_before_it() -> None:
    keyboard = Keyboard()
    keyboard.type([*"abc", "left", "d", "escape"], every=SCANNER)
    assert keyboard.typed == "abc<left>d<escape>"


def test_the_same_badge_within_three_seconds_is_a_repeat() -> None:
    keyboard = Keyboard()
    keyboard.type([*"7G4KQ9ZX2M", "enter"], every=SCANNER)
    keyboard.wait(2.5)
    keyboard.type([*"7G4KQ9ZX2M", "enter"], every=SCANNER)
    keyboard.wait(3.5)
    keyboard.type([*"7G4KQ9ZX2M", "enter"], every=SCANNER)
    assert [scan.repeat for scan in keyboard.scans] == [False, True, False]


def test_a_badge_left_under_the_scanner_is_taken_once_however_long_it_stays() -> None:
    keyboard = Keyboard()
    for _ in range(5):
        keyboard.type([*"7G4KQ9ZX2M", "enter"], every=SCANNER)
        keyboard.wait(1.5)
    assert [scan.repeat for scan in keyboard.scans] == [False, True, True, True, True]


def test_two_different_badges_back_to_back_are_two_scans() -> None:
    keyboard = Keyboard()
    keyboard.type([*"7G4KQ9ZX2M", "enter", *"0123456789", "enter"], every=SCANNER)
    assert keyboard.scans == [Scan("7G4KQ9ZX2M", False), Scan("0123456789", False)]
    keyboard.pause()
    assert keyboard.typed == ""


def test_a_long_quick_burst_is_a_paste_or_a_held_key_and_goes_through() -> None:
    keyboard = Keyboard()
    keyboard.type([*"x" * 100, "enter"], every=SCANNER)
    keyboard.pause()
    assert keyboard.scans == []
    assert keyboard.typed == "x" * 100 + "<enter>"


def test_typing_after_a_scan_reaches_the_input() -> None:
    keyboard = Keyboard()
    keyboard.type([*"7G4KQ9ZX2M", "enter"], every=SCANNER)
    keyboard.type("hi", every=PERSON)
    keyboard.pause()
    assert keyboard.typed == "hi"
    assert len(keyboard.scans) == 1


def test_the_end_keys_type_their_character_even_when_sent_without_one() -> None:
    assert [typed(key, None) for key in ("enter", "tab", "ctrl+j")] == ["\r", "\t", "\n"]
    assert typed("enter", "\r") == "\r"
    assert typed("a", "a") == "a"
    assert typed("left", None) is None


# -- told what a badge code looks like -----------------------------------------------------


def test_a_badge_is_a_scan_with_each_end_key_a_scanner_may_send() -> None:
    keyboard = badge_keyboard()
    for end in ("enter", "tab", "ctrl+j"):
        keyboard.type([*"7G4KQ9ZX2M", end], every=SCANNER)
        keyboard.wait(REPEAT_WINDOW + 1)
    assert keyboard.scans == [Scan("7G4KQ9ZX2M", repeat=False)] * 3
    assert keyboard.typed == ""


def test_a_quick_word_of_code_letters_with_an_enter_is_no_badge_and_reaches_the_input() -> None:
    keyboard = badge_keyboard()
    keyboard.type([*"Margareth", "enter", *"ABCDEFGH", "ctrl+j"], every=SCANNER)
    assert keyboard.scans == []
    assert keyboard.typed == "Margareth<enter>ABCDEFGH<ctrl+j>"


def test_a_key_no_badge_has_lets_the_burst_through_at_once() -> None:
    keyboard = badge_keyboard()
    keyboard.type("zoe m", every=SCANNER)
    assert keyboard.typed == "zoe "  # the space: no badge has one
    keyboard.type("ü", every=SCANNER)
    assert keyboard.typed == "zoe mü"
    assert keyboard.deadline is None


def test_a_thirteenth_code_character_is_no_code_and_goes_through() -> None:
    # Twelve could still be an invitation's code; thirteen are no code the door takes.
    keyboard = badge_keyboard()
    keyboard.type("7G4KQ9ZX2M7HB", every=SCANNER)
    assert keyboard.typed == "7G4KQ9ZX2M7HB"
    assert keyboard.deadline is None


def test_a_badge_right_after_a_quick_word_is_still_heard() -> None:
    keyboard = badge_keyboard()
    keyboard.type([*"hi ", *"7g4kq-9zx2m", "enter"], every=SCANNER)
    assert keyboard.typed == "hi "
    assert keyboard.scans == [Scan("7g4kq-9zx2m", repeat=False)]
