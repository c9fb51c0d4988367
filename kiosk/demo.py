"""Demo communities: a friendly one to try the kiosk, large synthetic ones for benchmarks."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from kiosk.config import DEFAULT_TOPICS
from kiosk.errors import Refused, StorageError
from kiosk.models import Member, ShoutOut, Status, Visit
from kiosk.storage import AtomicJSONStorage, explain
from kiosk.store import LEGACY_FILE, Store

DEMO_MEMBERS = (
    ("Zoë Martin", ("3D printing", "design")),
    ("María José Pérez", ("languages", "gardening")),
    ("Björn Andersson", ("woodworking", "coffee")),
    ("Chloé Dubois", ("design", "startups")),
    ("Ngozi Okafor", ("Python", "music")),
    ("Hiroshi Tanaka", ("electronics", "3D printing")),
    ("Aisha Rahman", ("startups", "Python")),
    ("Mateus Gonçalves", ("music", "coffee")),
    ("Priya Natarajan", ("Python", "data")),
    ("Jürgen Weiß", ("woodworking", "electronics")),
    ("Siobhán O'Connor", ("languages", "writing")),
    ("Dmitri Volkov", ("chess", "Python")),
    ("Léa Fontaine", ("design", "photography")),
    ("Kwame Mensah", ("startups", "music")),
    ("Elif Yılmaz", ("gardening", "coffee")),
    ("Tomás Ruiz", ("electronics", "cycling")),
    ("Anneke de Vries", ("photography", "writing")),
    ("Mei Lin Chen", ("3D printing", "data")),
    ("Oluwaseun Adeyemi", ("Python", "startups")),
    ("Inês Castro", ("languages", "design")),
    ("Rafał Nowak", ("woodworking", "cycling")),
    ("Fatima Zahra Benali", ("writing", "coffee")),
    ("Jonas Berg", ("music", "electronics")),
    ("Camille Laurent", ("gardening", "photography")),
    ("Pedro Álvarez", ("cycling", "startups")),
    ("Saanvi Iyer", ("data", "chess")),
    ("Liam O'Brien", ("coffee", "woodworking")),
    ("Noa Ben-David", ("design", "languages")),
    ("Åsa Lindqvist", ("gardening", "music")),
    ("Kofi Boateng", ("electronics", "Python")),
)
# (member index, minutes ago, status)
DEMO_PRESENT: tuple[tuple[int, int, Status], ...] = (
    (1, 150, "open"),
    (4, 95, "heads-down"),
    (9, 60, "open"),
    (12, 35, "open"),
    (20, 12, "open"),
    (28, 4, "heads-down"),
)
DEMO_SHOUTOUTS = (
    (5, 0, "Thanks for fixing the jammed printer nozzle before my deadline!"),
    (13, None, "Pizza and demos on Friday at 18:00, everyone welcome."),
    (2, 9, "Your dovetail jig saved my weekend. Drinks on me."),
    (18, 4, "Loved pairing on the scraper. Same time next week?"),
    (7, None, "Someone left a lovely sourdough in the kitchen. Whoever you are: hero."),
)

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


def _write(path: Path, table: str, docs: list[dict[str, Any]]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StorageError(explain(error, path)) from error
    AtomicJSONStorage(path).write({table: {str(i): doc for i, doc in enumerate(docs, 1)}})


def seed_demo(root: Path, now: datetime) -> int:
    """Fill an empty data folder with a small, friendly community; returns the member count."""
    _require_empty(root)
    members = [
        Member(f"m{index:02d}demo", name, now - timedelta(days=30 + 11 * index), topics)
        for index, (name, topics) in enumerate(DEMO_MEMBERS)
    ]
    visits = [
        Visit(
            f"vdemo{index}",
            members[who].id,
            now - timedelta(minutes=ago),
            status,
            members[who].topics,
        )
        for index, (who, ago, status) in enumerate(DEMO_PRESENT)
    ]
    shoutouts = [
        ShoutOut(
            f"sdemo{index}",
            members[who].id,
            message,
            now - timedelta(hours=5 * index + 1),
            None if to is None else members[to].id,
        )
        for index, (who, to, message) in enumerate(DEMO_SHOUTOUTS)
    ]
    _write_community(root, members, visits, shoutouts, [])
    return len(members)


def seed_synthetic(
    root: Path,
    now: datetime,
    members: int,
    history_days: int,
    visits: int | None = None,
    seed: int = 7,
) -> tuple[int, int]:
    """Fill an empty data folder with a generated community and its past visits.

    Returns (members, past visits). Without `visits`, each member comes about one day in nine.
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
    past: list[Visit] = []
    days = max(history_days, 1) if members else 0
    for number in range(total if members and history_days else 0):
        day = now.replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(
            days=1 + number % days
        )
        since = day + timedelta(minutes=rng.randint(7 * 60, 18 * 60))
        member = people[rng.randrange(members)]
        past.append(
            Visit(
                f"v{number:08x}",
                member.id,
                since,
                rng.choice(("open", "heads-down")),
                member.topics,
                since + timedelta(minutes=rng.randint(20, 480)),
            )
        )
    here = rng.sample(people, min(members // 20, 40))
    present = [
        Visit(f"vnow{i}", m.id, now - timedelta(minutes=rng.randint(1, 300)), "open", m.topics)
        for i, m in enumerate(here)
    ]
    _write_community(root, people, present, [], past)
    return members, len(past)


def _write_community(
    root: Path,
    members: list[Member],
    present: list[Visit],
    shoutouts: list[ShoutOut],
    past: list[Visit],
) -> None:
    store = Store(root)
    _write(store.members.path, "members", [m.to_doc() for m in members])
    _write(store.presence.path, "visits", [v.to_doc() for v in present])
    _write(store.shoutouts.path, "shoutouts", [s.to_doc() for s in shoutouts])
    by_day: dict[Any, list[dict[str, Any]]] = {}
    for visit in past:
        by_day.setdefault(visit.history_day, []).append(visit.to_doc())
    for day, docs in by_day.items():
        _write(store.history_file(day).path, "visits", docs)


def write_schema_1(root: Path, members: list[Member], visits: list[Visit]) -> Path:
    """Write data as the first kiosk did: one plain TinyDB file (for migration and benchmarks)."""
    root.mkdir(parents=True, exist_ok=True)
    path = root / LEGACY_FILE
    with TinyDB(path) as db:
        db.table("members").insert_multiple(m.to_doc() for m in members)
        db.table("visits").insert_multiple(v.to_doc() for v in visits)
    return path
