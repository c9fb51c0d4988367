"""Notices: what the kiosk tells the world outside the door (a member that their guest
has arrived, the hosts' channel), through Apprise, one URL per chat, push or e-mail service.

A notice is queued in the outbox (`outbox.py`, tables of presence.json beside the visits,
written in the same journal line as the change at the door it tells of), and sent by one
delivery process at a time (`delivery.py`, `kiosk outbox --deliver`, started in the
background), so nobody at the door waits for the network. `sending.py` speaks to Apprise
and keeps names as plain text; `arrivals.py` says who is told when a guest is signed in.

May import the core (models, text, storage, community, config); never the command line,
and the storage never imports it.
"""
