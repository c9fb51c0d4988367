"""Notices and the door: a member checking in with a guest, then out, costs the same when
five channels and the space's chat are configured and none can be reached as when there
are none. The news is queued in the outbox, in the door's own journal line, and its
delivery started as a process of its own; nobody at the door waits for the network."""

from __future__ import annotations

import time
from datetime import timedelta
from itertools import cycle
from pathlib import Path

from kiosk.cli.commands.running import telling_chat
from kiosk.community.community import Community, utc_now
from kiosk.config import Chat, Config
from kiosk.notices.arrivals import sign_in_guest
from kiosk.notices.delivery import SENDING_LOCK
from kiosk.notices.outbox import Outbox, new_notice
from kiosk.storage.files import FolderLock
from tests.benchmarks.figures import interleaved
from tests.benchmarks.report import Section, versus
from tests.benchmarks.scenes import Scratch
from tests.receivers import unreachable_url

CHANNELS = 5
"""Unreachable channels: four members' and the hosts'."""
BACKLOG = 20
"""Notices already waiting for each unreachable channel, tried and failing."""
ROUNDS = 45
"""A visit is a few flushes of milliseconds, which a busy disk spreads widely: more rounds
than most figures take, for a steadier median (a second or two in all)."""
LIMIT = 1.3
"""The door with unreachable channels and the chat, against none: each change and its
news are one line of presence.journal, one flush, as the change alone is; what remains
is the work of making the notices (a fraction of a millisecond) and the look at whether
a delivery is under way; never a wait for the network, which would be seconds (each
unreachable receiver is given ten to answer)."""


def _community(folder: Path, channels: list[str]) -> tuple[Community, Config, list[str]]:
    """A small community with a member for each channel (or four without any), and the
    hosts' channel last."""
    config = Config(
        data_dir=folder,
        notify_hosts=channels[-1] if channels else "",
        chat=Chat(url=channels[-1] if channels else ""),
    )
    community = Community.open(config, utc_now, create=True)
    ids = []
    for number in range(CHANNELS - 1):
        member = community.add_member(f"Member {number}")
        if channels:
            member = community.edit_member(member.id, notify=channels[number])
        ids.append(member.id)
    return community, config, ids


def _backlog(community: Community, channels: list[str]) -> None:
    now = utc_now()
    outbox = Outbox(community.store)
    for receiver in channels:
        notices = [new_notice(receiver, "Waiting", "Still waiting", now) for _ in range(BACKLOG)]
        outbox.queue(notices)
        for notice in notices:
            outbox.failed(notice, "Connection refused.", now + timedelta(minutes=10))


def measure(scratch: Scratch) -> Section:
    print(f"  a guest at the door, {CHANNELS} unreachable channels against none ...", flush=True)
    channels = [unreachable_url() for _ in range(CHANNELS)]
    quiet, quiet_config, quiet_ids = _community(scratch.folder / "notices-none", [])
    noisy, noisy_config, noisy_ids = _community(scratch.folder / "notices-five", channels)
    _backlog(noisy, channels)
    turns = {"none": cycle(quiet_ids), "five": cycle(noisy_ids)}

    def visit(community: Community, config: Config, name: str) -> dict[str, float]:
        member_id = next(turns[name])
        started = time.perf_counter()
        # As `kiosk checkin`, `guest` and `checkout` do it: the chat hears the space open
        # and close (and nothing is asked of it with none configured).
        with telling_chat(community, config):
            community.check_in(member_id)
        with telling_chat(community, config):
            sign_in_guest(community, member_id, "Sam", config)
        with telling_chat(community, config):
            community.check_out(member_id)
        return {name: time.perf_counter() - started}

    # Held here, as a delivery retrying the unreachable channels holds it: the door
    # then leaves the new notices to it and starts no other.
    with FolderLock(noisy.store.root / SENDING_LOCK, timeout=0).held():
        figures = interleaved(
            [
                lambda: visit(quiet, quiet_config, "none"),
                lambda: visit(noisy, noisy_config, "five"),
            ],
            rounds=ROUNDS,
        )
    queued = len(Outbox(noisy.store).waiting())
    return Section(
        "Notices: a guest at the door",
        [
            versus(
                f"check-in, guest signed in, check-out: {CHANNELS} unreachable channels "
                "and the chat against none",
                figures["five"],
                figures["none"],
                LIMIT,
            ),
        ],
        [
            f"each unreachable channel has {BACKLOG} notices waiting already, tried and "
            "failing, and a delivery is under way (the bench holds its lock, as one "
            "retrying them would); each visit queues 4 more (the guest's news for the "
            "member and the hosts, the space opening and closing for the chat), which "
            f"that delivery picks up; {queued} notices waited in the outbox at the end",
        ],
    )
