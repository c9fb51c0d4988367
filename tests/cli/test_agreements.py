"""`kiosk agreements`: the house's agreements and who has not accepted them, the record of
acceptances as CSV; `kiosk checkin` by a host notes what is not accepted; and doctor names
a damaged record of acceptances."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from pathlib import Path

from kiosk.models.agreements import Acceptance
from kiosk.safety.agreements import accepting, read_agreements
from kiosk.storage.store import Store
from tests.cli.conftest import HOSTS_CONFIG
from tests.cli.running import Kiosk
from tests.conftest import FakeClock

DATA = Path("kiosk-data")
RULES = """
agreements_contact = "Sam at the desk"

[[agreements]]
title = "House rules"
file = "rules.txt"
version = 2

[[agreements]]
title = "Laser waiver"
file = "waiver.txt"
version = "2026-03"
"""


def two_agreements() -> None:
    Path("rules.txt").write_text("Be kind.\nTidy up.\n")
    Path("waiver.txt").write_text("=cmd|' /C calc'!A0 at your own risk.\n")
    HOSTS_CONFIG.write_text(RULES)


def accept(member_id: str, titles: set[str], clock: FakeClock) -> None:
    """The member accepts the agreements titled so, as the kiosk records it."""
    agreements = read_agreements(HOSTS_CONFIG.resolve(), _tables())
    chosen = [a for a in agreements if a.title in titles]
    Store.open(DATA).add_acceptances(accepting(member_id, chosen, clock()))


def _tables() -> list[dict[str, object]]:
    tables: list[dict[str, object]] = tomllib.loads(RULES)["agreements"]
    return tables


def test_the_listing_names_who_has_not_accepted_each_current_version(
    kiosk: Kiosk, clock: FakeClock
) -> None:
    # Given two agreements, Ada who accepted both, Bo the rules alone, and Cy nothing
    two_agreements()
    ada, bo = kiosk.add_member("Ada Lovelace"), kiosk.add_member("Bo Berg")
    kiosk.add_member("Cy Young")
    paused = kiosk.add_member("Dee Paused")
    assert kiosk("members", "deactivate", paused).code == 0
    accept(ada, {"House rules", "Laser waiver"}, clock)
    accept(bo, {"House rules"}, clock)
    # When a host lists them
    listed = kiosk("agreements")
    # Then each is named with its version, and the active members missing it
    assert (listed.code, listed.err) == (0, "")
    assert listed.out.splitlines() == [
        "House rules, version 2 (rules.txt)",
        "  Not accepted yet by 1 active member:",
        "    Cy Young",
        "Laser waiver, version 2026-03 (waiver.txt)",
        "  Not accepted yet by 2 active members:",
        "    Bo Berg",
        "    Cy Young",
    ]


def test_an_older_version_accepted_does_not_count(kiosk: Kiosk, clock: FakeClock) -> None:
    two_agreements()
    ada = kiosk.add_member("Ada Lovelace")
    # Given Ada accepted the house rules' version 1, and they are at version 2 now
    Store.open(DATA).add_acceptances([Acceptance(ada, "House rules", "1", clock())])
    # Then she is listed as not having accepted it
    assert "    Ada Lovelace" in kiosk("agreements").out.split("Laser waiver")[0]


def test_the_record_is_written_as_guarded_csv_for_the_owner_alone(
    kiosk: Kiosk, clock: FakeClock
) -> None:
    two_agreements()
    ada = kiosk.add_member("=Ada")
    accept(ada, {"House rules", "Laser waiver"}, clock)
    written = kiosk("agreements", "--out", "acceptances.csv")
    assert (written.code, written.err) == (0, "")
    assert written.out == "Wrote 2 acceptances of the house's agreements to acceptances.csv.\n"
    out = Path("acceptances.csv")
    assert out.stat().st_mode & 0o777 == 0o600
    rows = list(csv.reader(io.StringIO(out.read_text())))
    at = clock().isoformat(timespec="seconds")
    assert rows == [
        ["member", "agreement", "version", "accepted"],
        ["'=Ada", "House rules", "2", at],
        ["'=Ada", "Laser waiver", "2026-03", at],
    ]


def test_a_host_checks_in_a_member_all_the_same_and_hears_what_is_missing(
    kiosk: Kiosk, clock: FakeClock
) -> None:
    two_agreements()
    bo = kiosk.add_member("Bo Berg")
    accept(bo, {"House rules"}, clock)
    checked = kiosk("checkin", "Bo Berg")
    assert checked.code == 0
    assert checked.out.startswith("Checked in Bo Berg")
    assert "Bo Berg has not accepted 'Laser waiver' (version 2026-03)" in checked.err
    assert "House rules" not in checked.err
    assert kiosk("present", "--json").json()[0]["name"] == "Bo Berg"


def test_a_missing_agreement_file_is_named_by_the_config(kiosk: Kiosk) -> None:
    HOSTS_CONFIG.write_text(RULES)
    refused = kiosk("agreements")
    assert refused.code != 0
    assert "the agreement 'House rules': its file" in refused.err
    assert "does not exist" in refused.err


def test_doctor_names_a_damaged_record_of_acceptances(kiosk: Kiosk, clock: FakeClock) -> None:
    two_agreements()
    ada = kiosk.add_member("Ada Lovelace")
    accept(ada, {"House rules"}, clock)
    path = DATA / "agreements.json"
    data = json.loads(path.read_text())
    data["acceptances"]["1"]["version"] = 2  # a number, where text is kept
    path.write_text(json.dumps(data))
    checked = kiosk("doctor")
    assert checked.code != 0
    assert f"{path} is damaged" in checked.out
    assert "version should be text, not a number" in checked.out
