"""Every data file is a TinyDB database: TinyDB itself, with its own storage, reads it."""

from __future__ import annotations

from pathlib import Path

from tinydb import TinyDB

from kiosk.community.community import Community
from kiosk.storage.store import Store
from tests.conftest import FakeClock


def test_every_data_file_opens_in_tinydb(demo_data: Path, clock: FakeClock) -> None:
    community = Community(Store.open(demo_data), clock)
    zoe = community.find("Zoë Martin")
    community.check_in(zoe.id)
    community.check_out(zoe.id)
    community.store.presence.compact()
    community.file_visits()
    files = [p for p in community.store.data_files() if p.suffix == ".json"]
    assert any(p.parent.name == "members" for p in files)
    assert any(p.parent.name == "history" for p in files)
    for path in files:
        with TinyDB(path, access_mode="r") as db:
            tables = db.tables() - {"_meta"}
            assert tables, path
            assert all(db.table(name).all() is not None for name in tables)
    names = set()
    for path in files:
        if path.parent.name == "members":
            with TinyDB(path, access_mode="r") as db:
                names |= {doc["name"] for doc in db.table("members").all()}
    assert "Zoë Martin" in names
