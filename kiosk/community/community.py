"""The community the kiosk serves: the one object screens and the CLI talk to.

It is the community's state (kiosk.community.state: what is kept in memory and how it
follows the data folder) and holds six parts, a module of this package each, that carry
out its verbs: members and their profiles (membership), who is here (attendance), guests
invited ahead (invitations), the community's events (events), what members say to each
other (conversation), and deleting and merging records (erasure).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar

from kiosk.community.attendance import Attendance
from kiosk.community.conversation import Conversation
from kiosk.community.erasure import Erasure
from kiosk.community.events import Events
from kiosk.community.invitations import Invitations
from kiosk.community.membership import Membership
from kiosk.community.state import Clock, CommunityState, utc_now
from kiosk.config import Config
from kiosk.storage.store import Store
from kiosk.timekeeping.opening import NO_HOURS, OpeningHours

__all__ = ["Clock", "Community", "utc_now"]

Part = TypeVar("Part")
Params = ParamSpec("Params")
Result = TypeVar("Result")


class HandedTo(Generic[Part, Params, Result]):
    """A verb of the community that one of its parts carries out: `community.verb(...)`
    is `community.<part>.verb(...)`, typed as the part's own."""

    def __init__(self, part: str, verb: Callable[Concatenate[Part, Params], Result]) -> None:
        self.part = part
        self.verb = verb.__name__

    def __get__(self, community: Community, owner: type[Community]) -> Callable[Params, Result]:
        handed: Callable[Params, Result] = getattr(getattr(community, self.part), self.verb)
        return handed


class Community(CommunityState):
    """Members, who is here, shout-outs and the question of the week.

    Who owns what. The community is the shared state (its fields are documented in
    CommunityState): what is kept in memory of members, who is here, shout-outs and the
    question. Its parts own only what they work out themselves (attendance, the last
    gathering) and read and change the shared state through its public fields and
    `writing()`; no part reaches into another's.

    Threads. In the kiosk:
    - the UI thread only reads: `find`, `search`, `by_badge`, `member`, `present`,
      `similar_names`, `shoutouts`, `answers_shown`, `gathering`, counts and names. It
      takes no lock: each shared field it reads is replaced whole, never changed in
      place, so it iterates a snapshot.
    - workers (`App.store_call`, the refresh timer, the background search index) make
      every change (`check_in`, `add_member`, `post_shoutout`, ...), `refresh`,
      `load_everyone`, `prepare_search` and `file_when_due`; each holds `lock` (one at a
      time) while it replaces shared fields.
    - a command line or a browser's process is one thread, and may call anything.
    """

    def __init__(
        self,
        store: Store,
        clock: Clock,
        capacity: int = 0,
        on_change: Callable[[Any], None] | None = None,
        hours: OpeningHours = NO_HOURS,
        event_feeds: tuple[str, ...] = (),
    ) -> None:
        super().__init__(store, clock, capacity, on_change, hours)
        self.membership = Membership(self)
        self.attendance = Attendance(self)
        self.conversation = Conversation(self)
        self.erasure = Erasure(self, self.attendance)
        self.invitations = Invitations(self, self.attendance)
        self.events = Events(self, self.attendance, event_feeds)

    @classmethod
    def open(
        cls,
        config: Config,
        clock: Clock,
        create: bool = True,
        on_change: Callable[[Community], None] | None = None,
    ) -> Community:
        """Open the community in the config's data folder, refusing damaged data."""
        store = Store.open(config.data_dir, create)
        return cls(store, clock, config.capacity, on_change, config.hours, config.event_feeds)

    # -- members and their profiles -----------------------------------------------
    members = HandedTo("membership", Membership.members)
    members_by_id = HandedTo("membership", Membership.members_by_id)
    similar_names = HandedTo("membership", Membership.similar_names)
    similar_at_door = HandedTo("membership", Membership.similar_at_door)
    namesakes = HandedTo("membership", Membership.namesakes)
    add_member = HandedTo("membership", Membership.add_member)
    edit_member = HandedTo("membership", Membership.edit_member)
    set_active = HandedTo("membership", Membership.set_active)
    new_badge = HandedTo("membership", Membership.new_badge)
    give_missing_badges = HandedTo("membership", Membership.give_missing_badges)
    set_pin = HandedTo("membership", Membership.set_pin)
    pin_opens = HandedTo("membership", Membership.pin_opens)
    topic_index = HandedTo("membership", Membership.topic_index)
    merge_topics = HandedTo("membership", Membership.merge_topics)
    plan_member_import = HandedTo("membership", Membership.plan_member_import)
    import_members = HandedTo("membership", Membership.import_members)

    # -- who is here ----------------------------------------------------------------
    closing_due = HandedTo("attendance", Attendance.closing_due)
    visits_over = HandedTo("attendance", Attendance.visits_over)
    visit_of = HandedTo("attendance", Attendance.visit_of)
    check_in = HandedTo("attendance", Attendance.check_in)
    check_in_at_door = HandedTo("attendance", Attendance.check_in_at_door)
    update_visit = HandedTo("attendance", Attendance.update_visit)
    sign_in_guest = HandedTo("attendance", Attendance.sign_in_guest)
    guests_of = HandedTo("attendance", Attendance.guests_of)
    check_out = HandedTo("attendance", Attendance.check_out)
    check_out_visit = HandedTo("attendance", Attendance.check_out_visit)
    day_end = HandedTo("attendance", Attendance.day_end)
    close_day = HandedTo("attendance", Attendance.close_day)
    check_out_everyone = HandedTo("attendance", Attendance.check_out_everyone)
    file_when_due = HandedTo("attendance", Attendance.file_when_due)
    file_visits = HandedTo("attendance", Attendance.file_visits)
    visits_so_far = HandedTo("attendance", Attendance.visits_so_far)
    past_visits = HandedTo("attendance", Attendance.past_visits)
    visits_begun = HandedTo("attendance", Attendance.visits_begun)
    here_count = HandedTo("attendance", Attendance.here_count)
    public_count = HandedTo("attendance", Attendance.public_count)
    unnamed_here = HandedTo("attendance", Attendance.unnamed_here)
    guests_here = HandedTo("attendance", Attendance.guests_here)
    supervisors_here = HandedTo("attendance", Attendance.supervisors_here)
    keyholder_here = HandedTo("attendance", Attendance.keyholder_here)
    left_without_keyholder = HandedTo("attendance", Attendance.left_without_keyholder)
    present_for_hosts = HandedTo("attendance", Attendance.present_for_hosts)
    gathering = HandedTo("attendance", Attendance.gathering)
    guests_shown = HandedTo("attendance", Attendance.guests_shown)
    welcome = HandedTo("attendance", Attendance.welcome)

    # -- guests invited ahead --------------------------------------------------------
    invite = HandedTo("invitations", Invitations.invite)
    coming_invitations = HandedTo("invitations", Invitations.coming)
    coming_invitations_of = HandedTo("invitations", Invitations.coming_of)
    cancel_invitation = HandedTo("invitations", Invitations.cancel)
    admit_invited = HandedTo("invitations", Invitations.admit)

    # -- events ----------------------------------------------------------------------
    add_event = HandedTo("events", Events.add_event)
    remove_event = HandedTo("events", Events.remove_event)
    hosted_events = HandedTo("events", Events.hosted_events)
    coming_events = HandedTo("events", Events.coming)
    events_today = HandedTo("events", Events.shown_today)
    event_on_now = HandedTo("events", Events.on_now)
    here_for_event = HandedTo("events", Events.here_for)
    event_reasons = HandedTo("events", Events.reasons)

    # -- shout-outs and the question of the week ----------------------------------
    shoutouts = HandedTo("conversation", Conversation.shoutouts)
    all_shoutouts = HandedTo("conversation", Conversation.all_shoutouts)
    post_shoutout = HandedTo("conversation", Conversation.post_shoutout)
    hide_shoutout = HandedTo("conversation", Conversation.hide_shoutout)
    question = HandedTo("conversation", Conversation.question)
    answers = HandedTo("conversation", Conversation.answers)
    ask = HandedTo("conversation", Conversation.ask)
    clear_question = HandedTo("conversation", Conversation.clear_question)
    answer = HandedTo("conversation", Conversation.answer)
    hide_answer = HandedTo("conversation", Conversation.hide_answer)
    answers_shown = HandedTo("conversation", Conversation.answers_shown)

    # -- deleting and merging -------------------------------------------------------
    delete_member = HandedTo("erasure", Erasure.delete_member)
    merge_members = HandedTo("erasure", Erasure.merge_members)
