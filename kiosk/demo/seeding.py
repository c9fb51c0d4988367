"""Demo communities: a friendly one to try the kiosk, large synthetic ones for benchmarks."""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from kiosk.badges.codes import ALPHABET, LENGTH
from kiosk.config import DEFAULT_TOPICS
from kiosk.demo.friendly import (
    DEMO_ANSWERS,
    DEMO_EVENTS,
    DEMO_FRIDAY_EVENT,
    DEMO_INDUCTIONS,
    DEMO_INDUCTORS,
    DEMO_MEMBERS,
    DEMO_PRESENT,
    DEMO_PROFILES,
    DEMO_QUESTION,
    DEMO_SHOUTOUTS,
    GUEST,
    HISTORY_WEEKS,
    KEYHOLDERS,
    NEWCOMER,
    NOT_ON_BOARD,
    TENTH_VISIT,
)
from kiosk.errors import Refused
from kiosk.models import PUBLIC_STATUSES, Member, Visit, history_day
from kiosk.models.conversation import Answer, Question, ShoutOut
from kiosk.models.events import HostedEvent
from kiosk.models.inductions import Induction
from kiosk.progress import Progress
from kiosk.safety.inductions import Inductions
from kiosk.storage.files import encode, make_folder, write_atomically
from kiosk.storage.migration import SCHEMA_1_FILE
from kiosk.storage.store import Store
from kiosk.timekeeping.opening import at, local_day

FRIDAY = 4

FIRST_NAMES = (
    "Zoë",
    "María",
    "Björn",
    "Chloé",
    "Ngozi",
    "Hiroshi",
    "Aisha",
    "Mateus",
    "Priya",
    "Jürgen",
    "Siobhán",
    "Dmitri",
    "Léa",
    "Kwame",
    "Elif",
    "Tomás",
    "Anneke",
    "Mei",
    "Inês",
    "Rafał",
    "Fatima",
    "Jonas",
    "Camille",
    "Pedro",
    "Saanvi",
    "Liam",
    "Noa",
    "Åsa",
    "Kofi",
    "Sam",
    "Alex",
    "Yusuf",
    "Olga",
    "Nils",
    "Ana",
    "Ravi",
)
LAST_NAMES = (
    "Martin",
    "Pérez",
    "Andersson",
    "Dubois",
    "Okafor",
    "Tanaka",
    "Rahman",
    "Gonçalves",
    "Natarajan",
    "Weiß",
    "O'Connor",
    "Volkov",
    "Fontaine",
    "Mensah",
    "Yılmaz",
    "Ruiz",
    "de Vries",
    "Chen",
    "Adeyemi",
    "Castro",
    "Nowak",
    "Benali",
    "Berg",
    "Laurent",
    "Álvarez",
    "Iyer",
    "O'Brien",
    "Ben-David",
    "Lindqvist",
    "Boateng",
    "Smith",
    "Kim",
)
TOPICS = (*DEFAULT_TOPICS, "data", "writing", "photography", "cycling", "chess")


def _require_empty(root: Path) -> None:
    if root.exists() and not root.is_dir():
        raise Refused(f"{root} is a file; demo data only goes into an empty data folder.")
    if root.exists() and any(root.iterdir()):
        raise Refused(f"{root} is not empty; demo data only goes into an empty data folder.")


def _write(path: Path, table: str, docs: Iterable[dict[str, Any]]) -> None:
    make_folder(path.parent)
    write_atomically(path, encode({table: {str(i): doc for i, doc in enumerate(docs, 1)}}))


def seed_demo(root: Path, now: datetime) -> int:
    """Fill an empty data folder with a small, friendly community; returns the member count.

    Everything is made from a fixed seed, so the demo looks the same each time.
    """
    _require_empty(root)
    rng = random.Random(2026)
    members = [
        _demo_member(index, name, topics, now, rng)
        for index, (name, topics) in enumerate(DEMO_MEMBERS)
    ]
    history, counts = _demo_history(members, now, rng)
    members = [
        replace(m, visits=counts[m.id][0], last_visit=counts[m.id][1]) if m.id in counts else m
        for m in members
    ]
    here = [
        Visit(
            f"vdemo{n}", members[who].id, now - timedelta(minutes=ago), status, members[who].topics
        )
        for n, (who, ago, status) in enumerate(DEMO_PRESENT)
    ]
    host, ago, guest = GUEST
    here.append(Visit("vdemoguest", members[host].id, now - timedelta(minutes=ago), guest=guest))
    shoutouts = [
        ShoutOut(
            f"sdemo{n}",
            members[who].id,
            message,
            now - timedelta(hours=5 * n + 1),
            None if to is None else members[to].id,
        )
        for n, (who, to, message) in enumerate(DEMO_SHOUTOUTS)
    ]
    asked = Question("qdemo", DEMO_QUESTION, now - timedelta(days=2))
    answers = [
        Answer(asked.id, members[who].id, answer, now - timedelta(hours=3 * n + 2))
        for n, (who, answer) in enumerate(DEMO_ANSWERS)
    ]
    store = Store.open(root)
    store.members.write_all(members)
    for day, visits in history.items():
        _write(store.history.folder / f"{day.isoformat()}.json", "visits", visits)
    _write(store.presence.path, "visits", [v.to_doc() for v in here])
    _write(store.shoutouts_file.path, "shoutouts", [s.to_doc() for s in shoutouts])
    store.set_question(asked)
    store.put_answers(answers)
    _seed_inductions(store, members, now)
    return len(members)


def seed_demo_events(root: Path, now: datetime, zone: tzinfo) -> int:
    """Give the demo community a week of events from the day of `now` in `zone` (the
    kiosk's), so that it always has events today; returns how many."""
    store = Store.open(root, create=False)
    today = local_day(now, zone)
    friday = today + timedelta(days=(FRIDAY - today.weekday()) % 7)
    planned = [
        (today + timedelta(days=days), clock, minutes, title, host, topic, repeat)
        for days, clock, minutes, title, host, topic, repeat in DEMO_EVENTS
    ]
    planned.append((friday, *DEMO_FRIDAY_EVENT))
    for n, (day, clock, minutes, title, host, topic, repeat) in enumerate(planned):
        starts = at(day, time.fromisoformat(clock), zone).astimezone(zone)
        store.put_hosted_event(
            HostedEvent(
                f"edemo{n}",
                title,
                starts,
                timedelta(minutes=minutes),
                now,
                repeat=repeat,
                host_id=f"m{host:02d}demo",
                topic=topic,
            )
        )
    return len(planned)


def _seed_inductions(store: Store, members: list[Member], now: datetime) -> None:
    inductions = Inductions(store)
    for who, tool in DEMO_INDUCTORS:
        inductions.set_inductor(members[who].id, tool, True)
    for who, tool, by, ago, expires_in in DEMO_INDUCTIONS:
        at = now - timedelta(days=ago)
        expires = None if expires_in is None else (now + timedelta(days=expires_in)).date()
        inductions.add(Induction(members[who].id, tool, members[by].id, at, expires))


def _demo_member(
    index: int, name: str, topics: tuple[str, ...], now: datetime, rng: random.Random
) -> Member:
    profile = DEMO_PROFILES.get(index, ("", "", (), (), (), (), ()))
    pronouns, intro, ask_me_about, looking_for, learning, mentor, hosts_only = profile
    return Member(
        f"m{index:02d}demo",
        name,
        now if index == NEWCOMER else now - timedelta(days=30 + 11 * index),
        topics,
        on_board=index not in NOT_ON_BOARD,
        keyholder=index in KEYHOLDERS,
        pronouns=pronouns,
        intro=intro,
        ask_me_about=ask_me_about,
        looking_for=looking_for,
        learning=learning,
        mentor=mentor,
        hosts_only=frozenset(hosts_only),  # type: ignore[arg-type]
        badge="".join(rng.choice(ALPHABET) for _ in range(LENGTH)),
    )


def _demo_history(
    members: list[Member], now: datetime, rng: random.Random
) -> tuple[dict[date, list[dict[str, Any]]], dict[str, list[Any]]]:
    """Eight weeks of visits, busier on weekdays; the member here on her tenth visit has
    come nine times before, and the newcomer never."""
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    tenth = members[TENTH_VISIT]
    regulars = [m for m in members if m.id not in (tenth.id, members[NEWCOMER].id)]
    her_days = set(rng.sample(range(1, HISTORY_WEEKS * 7), 9))
    history: dict[date, list[dict[str, Any]]] = {}
    counts: dict[str, list[Any]] = {}
    for back in range(HISTORY_WEEKS * 7, 0, -1):
        day = midnight - timedelta(days=back)
        busy = (6, 12) if day.weekday() < 5 else (2, 5)
        who = [m for m in rng.sample(regulars, rng.randint(*busy)) if m.joined < day]
        if back in her_days:
            who.append(tenth)
        for number, member in enumerate(who):
            since = day + timedelta(minutes=rng.randint(8 * 60, 19 * 60))
            visit = Visit(
                f"v{day:%m%d}{number:02d}demo",
                member.id,
                since,
                rng.choice(PUBLIC_STATUSES),
                member.topics,
                since + timedelta(minutes=rng.randint(30, 300)),
            )
            history.setdefault(visit.history_day, []).append(visit.to_doc())
            count = counts.setdefault(member.id, [0, since])
            count[0] += 1
            count[1] = max(count[1], since)
    return history, counts


def seed_synthetic(
    root: Path,
    now: datetime,
    members: int,
    history_days: int,
    visits: int | None = None,
    seed: int = 7,
    progress: Progress | None = None,
) -> tuple[int, int]:
    """Fill an empty data folder with a generated community and its past visits.

    Returns (members, past visits). Without `visits`, each member comes about one day in
    nine. History is written a day at a time, so memory does not grow with it; `progress`
    hears of each day written.
    """
    _require_empty(root)
    rng = random.Random(seed)
    people = [
        Member(
            f"m{index:06x}",
            f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            now - timedelta(days=history_days + rng.randint(0, 400)),
            tuple(rng.sample(TOPICS, rng.randint(0, 3))),
            on_board=rng.random() > 0.1,
        )
        for index in range(members)
    ]
    total = round(members * history_days / 9) if visits is None else visits
    if not members or not history_days:
        total = 0
    store = Store.open(root)
    counts: dict[int, list[Any]] = {}
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    number = 0
    for back in range(history_days, 0, -1):
        day = midnight - timedelta(days=back)
        todays = total // history_days + (1 if history_days - back < total % history_days else 0)
        past = []
        for _ in range(todays):
            since = day + timedelta(minutes=rng.randint(7 * 60, 18 * 60))
            who = rng.randrange(members)
            member = people[who]
            past.append(
                Visit(
                    f"v{number:08x}",
                    member.id,
                    since,
                    rng.choice(PUBLIC_STATUSES),
                    member.topics,
                    since + timedelta(minutes=rng.randint(20, 480)),
                ).to_doc()
            )
            count = counts.setdefault(who, [0, since])
            count[0] += 1
            count[1] = max(count[1], since)
            number += 1
        if past:
            _write(store.history.folder / f"{history_day(day).isoformat()}.json", "visits", past)
        if progress is not None:
            progress(history_days - back + 1, history_days)
    people = [
        replace(m, visits=counts[i][0], last_visit=counts[i][1]) if i in counts else m
        for i, m in enumerate(people)
    ]
    store.members.write_all(people)
    here = rng.sample(people, min(members // 20, 40))
    present = [
        Visit(f"vnow{i}", m.id, now - timedelta(minutes=rng.randint(1, 300)), "open", m.topics)
        for i, m in enumerate(here)
    ]
    _write(store.presence.path, "visits", [v.to_doc() for v in present])
    _write(store.shoutouts_file.path, "shoutouts", [])
    return members, number


def write_schema_1(root: Path, members: list[Member], visits: list[Visit]) -> Path:
    """Write data as the first kiosk did: one plain TinyDB file (for migration and benchmarks)."""
    root.mkdir(parents=True, exist_ok=True)
    path = root / SCHEMA_1_FILE
    with TinyDB(path) as db:
        db.table("members").insert_multiple(m.to_doc() for m in members)
        db.table("visits").insert_multiple(v.to_doc() for v in visits)
    return path
