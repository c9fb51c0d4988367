"""The SQLite one-shot a whole `kiosk` command is compared with: a Python process that
opens the community's SQLite database, does one command's job and exits.

    python tests/benchmarks/sqlite_one_shot.py DATABASE checkin MEMBER
    python tests/benchmarks/sqlite_one_shot.py DATABASE checkout MEMBER
    python tests/benchmarks/sqlite_one_shot.py DATABASE present

Run as a script, so it loads what such a program would and nothing of the kiosk or the
benchmarks: the same transactions, checks and flushes as `SqliteVisits` in baselines.py
(WAL, synchronous=FULL), and the same words a person reads.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import sys
from datetime import UTC, datetime

HERE = "SELECT id FROM visits WHERE member = ? AND until IS NULL"


def main(database: str, job: str, *member: str) -> int:
    db = sqlite3.connect(database, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    now = datetime.now(UTC).isoformat()
    if job == "present":
        rows = db.execute(
            "SELECT members.doc, visits.since, visits.status, visits.topics FROM visits "
            "JOIN members ON members.id = visits.member WHERE visits.until IS NULL"
        )
        here = [
            {**json.loads(doc), "since": since, "status": status, "topics": json.loads(topics)}
            for doc, since, status, topics in rows
        ]
        print(json.dumps(here, ensure_ascii=False, indent=2))
        return 0
    (member_id,) = member
    db.execute("BEGIN IMMEDIATE")
    row = db.execute("SELECT doc FROM members WHERE id = ?", (member_id,)).fetchone()
    if row is None:
        db.execute("ROLLBACK")
        print(f"No member {member_id}.", file=sys.stderr)
        return 1
    found = db.execute(HERE, (member_id,)).fetchone()
    name = json.loads(row[0])["name"]
    if job == "checkin" and found is None:
        topics = json.dumps(json.loads(row[0])["topics"])
        visit = ("v" + secrets.token_hex(6), member_id, now, topics)
        db.execute("INSERT INTO visits VALUES (?, ?, ?, NULL, 'open', ?)", visit)
        said = f"Checked in {name}."
    elif job == "checkout" and found is not None:
        db.execute("UPDATE visits SET until = ? WHERE id = ?", (now, found[0]))
        said = f"Checked out {name}."
    else:
        db.execute("ROLLBACK")
        print(f"{name} cannot be {job}ed now.", file=sys.stderr)
        return 1
    db.execute("COMMIT")
    print(said)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
