"""Whatever people type is stored cleaned, read back the same, or refused in a sentence.

Every text field goes through the store and through the command line: names, topics and
shout-outs. Any Unicode, nothing at all, far too much, markup and control characters:
either the cleaned text round-trips through the disk, or the answer is `Refused` with a
message a person can read. Nothing else may come out.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.cli.main import main
from kiosk.community.community import Community
from kiosk.errors import Refused
from kiosk.storage.store import Store
from kiosk.text import NAME_LIMIT, SHOUTOUT_LIMIT, TOPIC_LIMIT, TOPICS_LIMIT, clean, fold
from tests.conftest import FakeClock

MARKUP = ("[bold]x[/]", "[red]Zoë[/red]", "[link=https://x.org]hi[/link]", "[/]", "<b>hi</b>")
ESCAPES = ("\x1b[31mred\x1b[0m", "\x1b]8;;https://x.org\x07link", "a\rb", "\u202eevil\u202c")

typed = st.one_of(
    st.text(),
    st.text(st.characters(categories=("Cc", "Cf", "Zs", "Zl", "Zp", "Mn"))),
    st.sampled_from(MARKUP + ESCAPES),
    st.builds(str.__add__, st.sampled_from(MARKUP + ESCAPES), st.text(max_size=10)),
    # Far too long, and just around the limits
    st.builds(str.__mul__, st.text(min_size=1, max_size=4), st.integers(10, 150)),
)
many_topics = st.lists(typed, max_size=TOPICS_LIMIT + 3)

SENTENCE = re.compile(r"[A-Z].*[.?!]", re.DOTALL)


def cleaned_topics(values: list[str]) -> tuple[str, ...]:
    """Topics as they should be kept: cleaned, blanks and repeats (ignoring case) left out."""
    kept: dict[str, str] = {}
    for value in map(clean, values):
        # Topics are one when they fold alike, so one that folds to nothing is no topic.
        key = " ".join(fold(value).split())
        if key:
            kept.setdefault(key, value)
    return tuple(kept.values())


def acceptable(name: str, topics: tuple[str, ...]) -> bool:
    return (
        0 < len(clean(name)) <= NAME_LIMIT
        and all(len(topic) <= TOPIC_LIMIT for topic in topics)
        and len(topics) <= TOPICS_LIMIT
    )


@contextmanager
def data_folder() -> Iterator[Path]:
    """A fresh data folder for one example (hypothesis reuses a test's tmp_path)."""
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


def assert_sentence(refusal: Refused) -> None:
    assert SENTENCE.fullmatch(str(refusal)), f"not a clear sentence: {refusal!r}"


@settings(max_examples=80, deadline=None)
@given(name=typed, topics=many_topics)
def test_a_new_member_is_stored_cleaned_or_refused(name: str, topics: list[str]) -> None:
    with data_folder() as root:
        clock = FakeClock()
        # Given an empty community
        community = Community(Store.open(root), clock)

        # When someone registers with whatever they typed
        try:
            member = community.add_member(name, tuple(topics))
        except Refused as refusal:
            # Then either it is refused, in a sentence, for a real reason, and nothing is kept
            assert_sentence(refusal)
            assert not acceptable(name, cleaned_topics(topics))
            assert Community(Store.open(root), clock).members() == []
            return

        # Or it is stored cleaned, and a fresh reader finds exactly that on disk
        assert acceptable(name, cleaned_topics(topics))
        assert member.name == clean(name)
        assert member.topics == cleaned_topics(topics)
        assert Community(Store.open(root), clock).members() == [member]


@settings(max_examples=60, deadline=None)
@given(topics=many_topics)
def test_todays_topics_at_check_in_are_stored_cleaned_or_refused(topics: list[str]) -> None:
    with data_folder() as root:
        clock = FakeClock()
        # Given a member
        community = Community(Store.open(root), clock)
        zoe = community.add_member("Zoë Martin")

        # When she checks in with whatever she typed as today's topics
        try:
            visit = community.check_in(zoe.id, topics=tuple(topics))
        except Refused as refusal:
            assert_sentence(refusal)
            assert not acceptable(zoe.name, cleaned_topics(topics))
            assert Community(Store.open(root), clock).visit_of(zoe.id) is None
            return

        # Then they are kept cleaned, on disk too
        assert visit.topics == cleaned_topics(topics)
        assert Community(Store.open(root), clock).visit_of(zoe.id) == visit


@settings(max_examples=80, deadline=None)
@given(message=typed)
def test_a_shout_out_is_stored_cleaned_or_refused(message: str) -> None:
    with data_folder() as root:
        clock = FakeClock()
        # Given a member
        community = Community(Store.open(root), clock)
        zoe = community.add_member("Zoë Martin")

        # When she leaves a shout-out saying anything at all
        try:
            posted = community.post_shoutout(zoe.id, None, message)
        except Refused as refusal:
            assert_sentence(refusal)
            assert not 0 < len(clean(message)) <= SHOUTOUT_LIMIT
            assert Community(Store.open(root), clock).shoutouts() == []
            return

        # Then it is kept cleaned, on disk too
        assert posted.text == clean(message)
        assert Community(Store.open(root), clock).shoutouts() == [posted]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run `kiosk ARGV` in this process: exit code, stdout, stderr."""
    capsys.readouterr()
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "kiosk.toml"  # the host's, every setting as it comes
        config.write_text("")
        code = main(["--config", str(config), *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    if code == 0:
        assert err == ""
    else:
        assert code == 1
        assert err.startswith("kiosk: ")
        assert SENTENCE.fullmatch(err.removeprefix("kiosk: ").strip()), err
    return code, out, err


@settings(
    max_examples=60,
    deadline=None,
    # capsys is read and emptied at the start of every example
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(name=typed, topic=typed, message=typed)
def test_the_command_line_stores_any_text_cleaned_or_refuses_it(
    capsys: pytest.CaptureFixture[str], name: str, topic: str, message: str
) -> None:
    with data_folder() as root:
        data = str(root)

        # When a host registers a member with whatever was typed
        # ("--" and "--topic=": a name or topic may begin with "-")
        code, out, _ = run(capsys, "--data", data, "members", "add", f"--topic={topic}", "--", name)

        # Then the member is refused in a sentence, or listed with cleaned text
        if code:
            assert not acceptable(name, cleaned_topics([topic]))
            return
        member_id = out.strip()
        _, listing, _ = run(capsys, "--data", data, "members", "list", "--json")
        [listed] = json.loads(listing)
        assert (listed["id"], listed["name"]) == (member_id, clean(name))
        assert tuple(listed["topics"]) == cleaned_topics([topic])

        # When the member checks in with today's topic, the board shows it cleaned
        code, _, _ = run(capsys, "--data", data, "checkin", member_id, f"--topic={topic}")
        assert code == 0
        _, board, _ = run(capsys, "--data", data, "present", "--json")
        assert [tuple(p["topics"]) for p in json.loads(board)] == [cleaned_topics([topic])]

        # When the member leaves a shout-out, the wall shows it cleaned, or it is refused
        code, _, _ = run(capsys, "--data", data, "shoutout", "--from", member_id, "--", message)
        _, wall, _ = run(capsys, "--data", data, "shoutouts", "--json")
        expected = [clean(message)] if code == 0 else []
        assert [s["text"] for s in json.loads(wall)] == expected
        assert (code == 0) == (0 < len(clean(message)) <= SHOUTOUT_LIMIT)
