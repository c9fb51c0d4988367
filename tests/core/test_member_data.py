"""A member takes all of their data with them, as JSON: profile and choices, visits and
guests, shout-outs both ways, answers, inductions, acceptances and invited guests."""

from __future__ import annotations

import json
from datetime import date

from kiosk.community.community import Community
from kiosk.exchange.member_data import member_data
from kiosk.models.agreements import Acceptance
from kiosk.models.inductions import Induction
from kiosk.output import json_text
from kiosk.safety.inductions import Inductions
from tests.conftest import FakeClock


def test_a_member_s_data_holds_everything_kept_about_her(
    community: Community, clock: FakeClock
) -> None:
    # Given Ada: a profile partly for hosts, two visits (one with a guest, one filed),
    # here now, shout-outs both ways (one from Bo while he was here incognito) and an
    # answer; and Bo, whose own visits are none of hers
    ada = community.add_member("Ada Lovelace", ("engines",), intro="Notes on engines")
    community.edit_member(ada.id, looking_for=("a loom",), hosts_only=("looking_for",))
    community.set_pin(ada.id, "analytical")
    bo = community.add_member("Bo Berg")
    community.ask("What are you making?")
    community.check_in(ada.id, topics=("looms",))
    community.sign_in_guest(ada.id, "Charles")
    clock.advance(hours=2)
    community.check_out(ada.id)
    community.file_visits()
    clock.advance(days=1)
    community.check_in(bo.id, "incognito")
    community.post_shoutout(bo.id, ada.id, "Your notes helped me")
    community.check_out(bo.id)
    community.check_in(ada.id)
    community.post_shoutout(ada.id, None, "Thanks, everyone!")
    community.answer(ada.id, "A difference engine")
    # When she takes her data
    data = json.loads(json_text(member_data(community, ada.id)))
    # Then it is all there, and nobody else's
    profile = data["profile"]
    assert (profile["name"], profile["intro"], profile["looking_for"]) == (
        "Ada Lovelace",
        "Notes on engines",
        ["a loom"],
    )
    assert profile["kept_for_hosts"] == ["looking_for"]
    assert (profile["on_board"], profile["named_online"], profile["has_a_pin"]) == (
        True,
        False,
        True,
    )
    assert "pin" not in json.dumps(profile).replace("has_a_pin", "")
    visits = [
        (v["since"][:16], v["until"], v.get("guest", ""), v["topics"]) for v in data["visits"]
    ]
    assert sorted(visits) == [
        ("2026-11-26T09:00", "2026-11-26T11:00:00+00:00", "", ["looms"]),
        ("2026-11-26T09:00", "2026-11-26T11:00:00+00:00", "Charles", []),
        ("2026-11-27T11:00", None, "", ["engines"]),
    ]
    assert [s["text"] for s in data["shoutouts_written"]] == ["Thanks, everyone!"]
    [received] = data["shoutouts_received"]
    # Bo was here unseen when he wrote it: its day, not its time
    assert (received["from"], received["created"]) == ("Bo Berg", "2026-11-27")
    assert data["answers"] == [
        {
            "question": "What are you making?",
            "answer": "A difference engine",
            "given": "2026-11-27T11:00:00+00:00",
        }
    ]


def test_her_data_holds_her_inductions_acceptances_keys_and_invited_guests(
    community: Community, clock: FakeClock
) -> None:
    ada = community.add_member("Ada Lovelace")
    bo = community.add_member("Bo Berg")
    community.edit_member(ada.id, keyholder=True)
    inductions = Inductions(community.store)
    inductions.add(Induction(ada.id, "Jacquard loom", bo.id, clock(), date(2027, 6, 30)))
    inductions.add(Induction(bo.id, "Lathe", ada.id, clock()))
    inductions.set_inductor(ada.id, "Lathe", True)
    community.store.add_acceptances([Acceptance(ada.id, "House rules", "2", clock())])
    community.invite(ada.id, "Grace Hopper", date(2026, 11, 27))
    community.invite(bo.id, "Percy Shelley", date(2026, 11, 27))

    data = json.loads(json_text(member_data(community, ada.id)))

    assert data["profile"]["keyholder"] is True
    assert data["inductions"] == [
        {
            "tool": "Jacquard loom",
            "by": "Bo Berg",
            "on": "2026-11-26T09:00:00+00:00",
            "expires": "2027-06-30",
        }
    ]
    assert data["may_induct_on"] == ["Lathe"]
    assert data["agreements_accepted"] == [
        {"agreement": "House rules", "version": "2", "accepted": "2026-11-26T09:00:00+00:00"}
    ]
    assert data["guests_invited"] == [
        {"guest": "Grace Hopper", "day": "2026-11-27", "cancelled": False}
    ]
