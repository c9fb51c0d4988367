"""The space's chat ([chat] in the config): when the space opens and closes, who is in,
shout-outs their authors chose to post there; and the hosts' daily digest ([notify]).

A chat is read by people who are not in the room, so it hears no more than the board
shows: members by name only when the board names them, others counted, nobody here
incognito even counted, and a shout-out only once public screens show it. Timed news
(the space opening, who is in at noon, the digest) is queued once, by whichever process
sees it first (`Outbox.queue_news`), and dropped rather than sent once its moment passed;
a shout-out hidden before its notice went is not sent either.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

from kiosk.community.community import Community
from kiosk.community.milestones import newcomer_today
from kiosk.config import Config
from kiosk.exchange.spaceapi import space_open
from kiosk.language import _, speaking_meanwhile
from kiosk.models.conversation import ShoutOut
from kiosk.models.notices import Notice
from kiosk.notices import delivery
from kiosk.notices.outbox import News, Outbox, new_notice
from kiosk.text import fold
from kiosk.timekeeping.dates import day_words
from kiosk.timekeeping.hours import clock_time
from kiosk.timekeeping.opening import at, current_day, local_day, midnight_after

WHOS_IN_MOMENT = timedelta(hours=1)
"""How long after its time a scheduled "who's in" may still go out: a kiosk started at
five says nothing of noon."""
SHOUTOUT_MOMENT = timedelta(days=1)
"""After this, a shout-out waiting for the chat is old news: dropped rather than sent."""
DIGEST_MOMENT = timedelta(days=1)
"""After this, a day's digest waiting for the hosts' channel is dropped."""


def queue_chat_news(community: Community, config: Config) -> list[Notice]:
    """Queue what the chat and the hosts' channel are due now (the space opened or
    closed, a "who's in" or the digest at its time), each once; the notices queued.
    Within a change at the door (`Community.writing`), they are written in its line;
    the caller starts their delivery (`delivery.start_in_background`) once it is made."""
    return Outbox(community.store).queue_news(_news(community, config), community.clock())


def _news(community: Community, config: Config) -> Iterator[News]:
    now, zone, chat = community.clock(), config.zone, config.chat
    today = current_day(now, zone)
    # Each piece of news is worked out only if not told already: the kiosk asks every second.
    told = Outbox(community.store).told()
    is_open = space_open(config, community) if chat.url else False
    state, known = ("yes" if is_open else "no"), told.get("open")
    if chat.url and chat.opening and (known is None or known.state != state):
        # A kiosk first started while the space is closed has nothing to announce.
        quiet = known is None and not is_open
        yield News("open", state, () if quiet else (_opening(config, now, is_open),))
    for time_of_day in chat.whos_in:
        moment = at(today, time_of_day, zone)
        subject = f"whos-in {today} {time_of_day:%H:%M}"
        if subject not in told and moment <= now < moment + WHOS_IN_MOMENT:
            # While the space is closed there is nobody to tell of, now or later today.
            notices = (whos_in(community, config),) if is_open else ()
            yield News(subject, "told", notices)
    subject = f"digest {today}"
    digest_at = config.hosts_digest
    due = digest_at is not None and at(today, digest_at, zone) <= now
    if config.notify_hosts and due and subject not in told:
        yield News(subject, "told", (digest(community, config, today),))


def _opening(config: Config, now: datetime, is_open: bool) -> Notice:
    """The news that the space opened, or closed, at `now`: true for the rest of the day."""
    space, zone = config.space_name, config.zone
    with speaking_meanwhile(config.language):
        when = clock_time(now, zone)
        if is_open:
            title = _("{space} is open").format(space=space)
            body = _("{space} is open, since {time}.").format(space=space, time=when)
        else:
            title = _("{space} is closed").format(space=space)
            body = _("{space} closed at {time}.").format(space=space, time=when)
    return new_notice(
        config.chat.url, title, body, now, midnight_after(current_day(now, zone), zone)
    )


def whos_in(community: Community, config: Config) -> Notice:
    """Who is in now, for the chat, as the board shows it: members it names by name, and
    how many people in all the public may count (guests and members off the board)."""
    now = community.clock()
    count = community.public_count()
    names = sorted((p.member.name for p in community.present()), key=lambda n: (fold(n), n))
    with speaking_meanwhile(config.language):
        lines = [_("People here now: {count}.").format(count=count)]
        if names:
            lines.append(_("On the board: {names}.").format(names=", ".join(names)))
        title = _("Who is in at {space}").format(space=config.space_name)
    return new_notice(config.chat.url, title, " ".join(lines), now, now + WHOS_IN_MOMENT)


def digest(community: Community, config: Config, day: date) -> Notice:
    """The hosts' digest of local `day`: its visits, newcomers and shout-outs, as counts
    (the hosts' channel is a chat too: it names nobody, and counts nobody who came
    incognito)."""
    zone, now = config.zone, community.clock()
    visits = [v for v in community.visits_begun(day, day) if v.public]
    members = {v.member_id for v in visits if not v.guest and v.member_id}
    guests = sum(1 for v in visits if v.guest)
    newcomers = set()
    for visit in visits:
        member = community.member_or_none(visit.member_id) if visit.member_id else None
        if member is not None and newcomer_today(member, visit, visit.since, zone):
            newcomers.add(member.id)
    shoutouts = sum(1 for s in community.shoutouts() if local_day(s.created, zone) == day)
    with speaking_meanwhile(config.language):
        body = " ".join(
            (
                _("Visits: {count}.").format(count=len(visits)),
                _("Members who came: {count}.").format(count=len(members)),
                _("Guests: {count}.").format(count=guests),
                _("Newcomers: {count}.").format(count=len(newcomers)),
                _("Shout-outs: {count}.").format(count=shoutouts),
            )
        )
        # Translators: the title of the hosts' digest of a day: the space's name and the day.
        title = _("{space}, {day}").format(space=config.space_name, day=day_words(day))
    return new_notice(config.notify_hosts, title, body, now, now + DIGEST_MOMENT)


def post_shoutout(
    community: Community,
    config: Config,
    author_id: str,
    to_id: str | None,
    message: str,
    to_chat: bool,
) -> ShoutOut:
    """Leave a shout-out (see `Community.post_shoutout`) and, `to_chat`, post it to the
    space's chat too, in one change: both or neither. A shout-out written while its
    author is here unseen is not posted: the chat would tell that they are here."""
    with community.writing():
        shoutout = community.post_shoutout(author_id, to_id, message)
        posted = to_chat and offers_chat(config) and community.shown_publicly(shoutout)
        if posted:
            Outbox(community.store).queue([_shoutout_notice(community, config, shoutout)])
    if posted:
        delivery.start_in_background(config)
    return shoutout


def offers_chat(config: Config) -> bool:
    """Whether whoever writes a shout-out is offered to post it to the space's chat."""
    return bool(config.chat.url) and config.chat.shoutouts


def _shoutout_notice(community: Community, config: Config, shoutout: ShoutOut) -> Notice:
    with speaking_meanwhile(config.language):
        author, to = community.shoutout_names(shoutout)
        title = _("A shout-out at {space}").format(space=config.space_name)
        body = _("From {author} to {to}: {text}").format(author=author, to=to, text=shoutout.text)
    return new_notice(
        config.chat.url,
        title,
        body,
        shoutout.created,
        shoutout.created + SHOUTOUT_MOMENT,
        shoutout.id,
    )
