"""Opening hours: whether the space is open, when it closes today, when it next opens, and
which closing time ends a visit that was never checked out.

Hours are read from the `[hours]` table of the config file (see `read_hours`). Each
`[[hours.open]]` is an opening: a recurrence rule (RFC 5545 RRULE, as python-dateutil reads
it) naming the days it begins on, a local time it opens, and a local time it closes or how
long it lasts. A closing time at or before the opening time is on the next day, so
"18:00" to "02:00" is one evening. Times are wall-clock times in the hours' time zone, so an
opening from 09:00 to 18:00 is nine hours on most days, and still 09:00 to 18:00 on the days
the clocks change. A local time the clocks skip (02:30 on the last Sunday of March in
Europe) is read as if the clocks had not yet changed, which is the moment they jump; a local
time that happens twice is its first occurrence.

An opening belongs to the day it begins on: the openings of a day close at that day's
closing time, which may be after midnight. A day listed in `closed` has no openings.
"""

from __future__ import annotations

import re
import time as time_module
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from kiosk.language import _

if TYPE_CHECKING:
    from dateutil.rrule import rrule

RULE_START = date(2000, 1, 1)
"""Where a rule counts from unless its opening names `starting`."""
LONGEST = timedelta(hours=24)
"""The longest one opening may last."""
_LOOK_AHEAD_DAYS = 2 * 366
"""How far `next_opening` looks before saying the space never opens again."""


@dataclass(slots=True, frozen=True)
class Opening:
    """One `[[hours.open]]`: the days in `rule`, from `opens` until `closes` or for `length`."""

    rule: str
    """The recurrence rule without its "RRULE:" prefix, like "FREQ=WEEKLY;BYDAY=MO,TU"."""
    opens: time
    closes: time | None = None
    """Local closing time; at or before `opens` means the next day (00:00 is midnight)."""
    length: timedelta | None = None
    """How long the opening lasts, when it is given instead of a closing time."""
    starting: date = RULE_START
    """The day the rule counts from: it matters for INTERVAL, COUNT and weekly rules
    without BYDAY."""

    def begins_on(self, day: date) -> bool:
        return day in _rule_days(self.rule, self.starting, day.year)


@dataclass(slots=True, frozen=True)
class OpeningHours:
    """When the space is open. With no openings, the kiosk has no hours and never closes."""

    openings: tuple[Opening, ...] = ()
    closed: tuple[tuple[date, date], ...] = ()
    """Whole days closed whatever the rules say, as (first, last) days, both included."""
    timezone: str = ""
    """A time zone name like "Europe/Berlin"; empty for the machine's local time."""

    @property
    def is_set(self) -> bool:
        return bool(self.openings)

    @property
    def zone(self) -> tzinfo:
        """The time zone the hours are in: the kiosk's one zone (see Config.timezone)."""
        return time_zone(self.timezone)

    def closes_all_day(self, day: date) -> bool:
        return any(first <= day <= last for first, last in self.closed)


NO_HOURS = OpeningHours()
"""No opening hours: the space is always open and never closes by itself."""


@dataclass(slots=True, frozen=True)
class Span:
    """One opening on one day, from `opens` until `closes` (both in UTC)."""

    day: date
    """The local day the opening begins on, which its closing time belongs to."""
    opens: datetime
    closes: datetime

    def holds(self, moment: datetime) -> bool:
        return self.opens <= moment < self.closes


# -- answers ------------------------------------------------------------------------


def time_zone(name: str) -> tzinfo:
    """The zone of every time the kiosk shows or writes: the one named (checked by
    `read_timezone`), or the machine's own when the name is empty."""
    if not name:
        return _local_zone(time_module.tzname)
    # Late, as the machine's zone below: a process loads only the kind of zone it uses.
    # ZoneInfo keeps each zone it has read, so a name is read once.
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)


@lru_cache(maxsize=4)
def _local_zone(names: tuple[str, str]) -> tzinfo:
    """The machine's local zone, made once for each setting of it (tests change it)."""
    from dateutil import tz  # late: a kiosk with its zone named never needs it

    return tz.tzlocal()


DAYS_REMEMBERED = 20_000
_days: dict[tuple[datetime, int], tuple[tzinfo, date]] = {}
"""Days worked out before, by moment and zone: the board asks for the day of everyone here
on each change, and applying a zone's rules is slow. The zone is kept beside its day, so
the key's id cannot come to mean another zone."""


def local_day(moment: datetime, zone: tzinfo) -> date:
    """The date of `moment`, one the data holds (when a visit began, when a member
    joined), in `zone`, the kiosk's one zone; remembered (`_days`). The clock's readings
    go to `current_day`."""
    key = (moment, id(zone))
    known = _days.get(key)
    if known is not None and known[0] is zone:
        return known[1]
    if len(_days) >= DAYS_REMEMBERED:
        _days.clear()
    day = moment.astimezone(zone).date()
    _days[key] = (zone, day)
    return day


def current_day(now: datetime, zone: tzinfo) -> date:
    """The date in `zone` at `now`, a reading of the clock: as `local_day`, without being
    remembered, since each reading is asked about only while it is now. Remembered, the
    clock's readings filled the cache of days on a board running for hours."""
    return now.astimezone(zone).date()


def local_time(moment: datetime, zone: tzinfo) -> datetime:
    """`moment` as the clocks in `zone`, the kiosk's one zone, show it."""
    return moment.astimezone(zone)


def at(day: date, clock: time, zone: tzinfo) -> datetime:
    """The moment (in UTC) when the clocks in `zone` show `clock` on `day`."""
    return datetime.combine(day, clock, tzinfo=zone).astimezone(UTC)


def midnight_after(day: date, zone: tzinfo) -> datetime:
    """Local midnight at the end of `day`, in UTC (a day is 23 or 25 hours when the
    clocks change)."""
    return at(day + timedelta(days=1), time(0), zone)


def spans_beginning(hours: OpeningHours, day: date) -> list[Span]:
    """The openings that begin on local `day`, earliest first."""
    if hours.closes_all_day(day):
        return []
    zone = hours.zone
    spans = []
    for opening in hours.openings:
        if not opening.begins_on(day):
            continue
        opens = at(day, opening.opens, zone)
        if opening.length is not None:
            closes = opens + opening.length
        else:
            assert opening.closes is not None
            next_day = opening.closes <= opening.opens
            closes = at(day + timedelta(days=next_day), opening.closes, zone)
        if closes > opens:
            spans.append(Span(day, opens, closes))
    return sorted(spans, key=lambda span: (span.opens, span.closes))


def is_open(hours: OpeningHours, now: datetime) -> bool:
    """Whether the space is open at `now`; always, when no hours are set."""
    return not hours.is_set or open_span(hours, now) is not None


def open_span(hours: OpeningHours, now: datetime) -> Span | None:
    """The opening the space is in at `now`; of two that overlap, the one begun on the
    later day, which closes later."""
    today = current_day(now, hours.zone)
    inside = [
        span
        for day in (today - timedelta(days=1), today)
        for span in spans_beginning(hours, day)
        if span.holds(now)
    ]
    return max(inside, key=lambda span: (span.day, span.closes), default=None)


def day_closing(hours: OpeningHours, day: date) -> datetime | None:
    """When the last opening begun on local `day` closes; None when none begins then."""
    return max((span.closes for span in spans_beginning(hours, day)), default=None)


def closing_today(hours: OpeningHours, now: datetime) -> datetime | None:
    """Today's closing time, which may have passed: the closing of the day whose opening
    the space is in at `now` (after midnight, the evening before), else of now's local
    day. None when the space does not open today or no hours are set."""
    span = open_span(hours, now)
    day = span.day if span is not None else current_day(now, hours.zone)
    return day_closing(hours, day)


def next_opening(hours: OpeningHours, now: datetime) -> datetime | None:
    """When the space next opens after being closed, after `now`; None when no hours
    are set or the rules open it no more."""
    first_day = current_day(now, hours.zone)
    for offset in range(_LOOK_AHEAD_DAYS + 1):
        for span in spans_beginning(hours, first_day + timedelta(days=offset)):
            # An opening that continues another one is no opening of the doors.
            just_before = span.opens - timedelta(microseconds=1)
            if span.opens > now and open_span(hours, just_before) is None:
                return span.opens
    return None


# -- reading the [hours] table --------------------------------------------------------

_HOURS_KEYS = ("timezone", "closed", "open")
_OPENING_KEYS = ("rule", "from", "to", "for", "starting")
_FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
_CLOCK = re.compile(r"([01]\d|2[0-4]):([0-5]\d)")
_LENGTH = re.compile(r"(?:(\d{1,2})h)?\s*(?:(\d{1,4})m(?:in)?)?")


def read_hours(table: dict[str, Any]) -> OpeningHours:
    """Read the `[hours]` table; a problem raises ValueError naming the key and what it
    should be, in the words of the config file's other errors."""
    for key in table:
        if key not in _HOURS_KEYS:
            raise ValueError(
                _("unknown key 'hours.{key}'. Known keys in [hours]: {keys}").format(
                    key=key, keys=", ".join(_HOURS_KEYS)
                )
            )
    timezone = read_timezone(table.get("timezone", ""), "hours.timezone")
    closed = _closed_days(table.get("closed", []))
    openings = table.get("open", [])
    if not isinstance(openings, list) or not all(isinstance(o, dict) for o in openings):
        raise ValueError(
            _(
                "'hours.open' should be tables written [[hours.open]], each with a rule, "
                "a 'from' time and a 'to' time or a 'for' length, not {value}"
            ).format(value=repr(openings))
        )
    return OpeningHours(
        openings=tuple(_opening(o, _nth(number)) for number, o in enumerate(openings, 1)),
        closed=closed,
        timezone=timezone,
    )


def _nth(number: int) -> str:
    # Translators: which opening of the config file's [hours] a sentence is about.
    return _("[[hours.open]] number {number}").format(number=number)


def _should_be(key: str, expected: str, value: Any) -> str:
    # Translators: a setting of the config file ('hours.closed', 'from' of [[hours.open]]
    # number 1), what it should be, and what the file gives instead.
    return _("{key} should be {expected}, not {value}").format(
        key=key, expected=expected, value=repr(value)
    )


def read_timezone(value: Any, key: str) -> str:
    """A time zone name from the config's `key`; ValueError when no zone has it."""
    expected = _('a time zone name like "Europe/Berlin", or empty for the machine\'s own')
    if not isinstance(value, str):
        raise ValueError(_should_be(f"'{key}'", expected, value))
    if value:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # late, as in time_zone

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                _(
                    "'{key}' should be {expected}, not {value}: no time zone of that name "
                    "is known (names are like Region/City)"
                ).format(key=key, expected=expected, value=repr(value))
            ) from None
    return value


def _closed_days(values: Any) -> tuple[tuple[date, date], ...]:
    expected = _(
        'a list of days like ["2026-12-25"], or of first/last days like ["2026-12-24/2027-01-01"]'
    )
    if not isinstance(values, list):
        raise ValueError(_should_be("'hours.closed'", expected, values))
    closed = []
    for value in values:
        try:
            first, last = _day_range(value)
        except ValueError:
            raise ValueError(_should_be("'hours.closed'", expected, value)) from None
        closed.append((first, last))
    return tuple(closed)


def _day_range(value: Any) -> tuple[date, date]:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value, value
    if not isinstance(value, str):
        raise ValueError
    first, _slash, last = value.partition("/")
    days = (_iso_day(first), _iso_day(last or first))
    if days[1] < days[0]:
        raise ValueError
    return days


def _iso_day(value: str) -> date:
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", value.strip()):
        raise ValueError
    return date.fromisoformat(value.strip())


def _opening(table: dict[str, Any], where: str) -> Opening:
    for key in table:
        if key not in _OPENING_KEYS:
            raise ValueError(
                _("unknown key '{key}' in {where}. Known keys: {keys}").format(
                    key=key, where=where, keys=", ".join(_OPENING_KEYS)
                )
            )
    if "rule" not in table or "from" not in table:
        missing = "rule" if "rule" not in table else "from"
        raise ValueError(_("{where} needs a '{key}'").format(where=where, key=missing))
    if ("to" in table) == ("for" in table):
        raise ValueError(
            _("{where} needs either a 'to' time or a 'for' length, one of them").format(where=where)
        )
    starting = _starting(table.get("starting", RULE_START), where)
    rule = _rule(table["rule"], where, starting)
    opens = _clock(table["from"], _("'from' of {where}").format(where=where), midnight_ok=False)
    if "for" in table:
        return Opening(rule, opens, length=_length(table["for"], where), starting=starting)
    closes = _clock(table["to"], _("'to' of {where}").format(where=where), midnight_ok=True)
    if closes == opens and table["to"] != "24:00":
        raise ValueError(
            _(
                "'to' of {where} is the same time as 'from'; for an opening of a whole day "
                'write for = "24h"'
            ).format(where=where)
        )
    return Opening(rule, opens, closes=closes, starting=starting)


def _rule(value: Any, where: str, starting: date) -> str:
    key = _("'rule' of {where}").format(where=where)
    expected = _(
        'a recurrence rule naming days, like "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" '
        'or "FREQ=MONTHLY;BYDAY=1SA"'
    )
    if not isinstance(value, str):
        raise ValueError(_should_be(key, expected, value))
    rule = value.strip().removeprefix("RRULE:").strip()
    parts = dict(part.upper().partition("=")[::2] for part in rule.split(";"))
    if "\n" in rule or ":" in rule:
        problem = _("it should be one rule, without DTSTART (use 'starting')")
    elif {"BYHOUR", "BYMINUTE", "BYSECOND"} & parts.keys():
        problem = _("the time of day goes in 'from' and 'to', not in the rule")
    elif parts.get("FREQ", "").strip() not in _FREQUENCIES:
        problem = _("FREQ should be one of {frequencies}").format(
            frequencies=", ".join(_FREQUENCIES)
        )
    elif parts.get("UNTIL", "").strip().endswith("Z"):
        problem = _("UNTIL should be a local day like 20261231, without Z")
    else:
        try:
            _rule_days(rule, starting, starting.year)
            return rule
        except (ValueError, TypeError) as error:
            problem = str(error)
    raise ValueError(f"{_should_be(key, expected, value)}: {problem}")


def _starting(value: Any, where: str) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    try:
        return _iso_day(value)
    except (ValueError, AttributeError):
        raise ValueError(
            _should_be(
                _("'starting' of {where}").format(where=where),
                _('a day like "2026-01-05"'),
                value,
            )
        ) from None


def read_time_of_day(value: Any, key: str) -> time:
    """A time of day as a config file gives it, "18:00"; ValueError naming `key` if not."""
    return _clock(value, key, midnight_ok=False)


def _clock(value: Any, key: str, midnight_ok: bool) -> time:
    if isinstance(value, time) and not value.second and not value.microsecond:
        return value
    latest = '"24:00"' if midnight_ok else '"23:59"'
    expected = _('a time of day from "00:00" to {latest}, like "18:00"').format(latest=latest)
    match = _CLOCK.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None or (match[1] == "24" and (not midnight_ok or match[2] != "00")):
        raise ValueError(_should_be(key, expected, value))
    return time(int(match[1]) % 24, int(match[2]))


def _length(value: Any, where: str) -> timedelta:
    expected = _('a length of at most 24 hours like "8h", "8h30m" or "90m"')
    match = _LENGTH.fullmatch(value.strip()) if isinstance(value, str) else None
    length = (
        timedelta(hours=int(match[1] or 0), minutes=int(match[2] or 0)) if match else timedelta(0)
    )
    if not timedelta(0) < length <= LONGEST:
        raise ValueError(_should_be(_("'for' of {where}").format(where=where), expected, value))
    return length


@lru_cache(maxsize=64)
def _recurrence(rule: str, starting: date) -> rrule:
    from dateutil.rrule import rrule, rrulestr  # late: only opening hours are rules

    recurrence = rrulestr(rule, dtstart=datetime.combine(starting, time(0)), cache=True)
    if not isinstance(recurrence, rrule):
        raise ValueError(_("it should be a single rule"))
    return recurrence


@lru_cache(maxsize=256)
def _rule_days(rule: str, starting: date, year: int) -> frozenset[date]:
    """The days of `year` the rule names; a year at a time, since a rule is counted from
    its start and days are asked for one by one."""
    first, last = datetime(year, 1, 1), datetime(year, 12, 31)
    return frozenset(m.date() for m in _recurrence(rule, starting).between(first, last, True))
