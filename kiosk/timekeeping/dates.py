"""Days as a host types them, for exports and figures, read back in a sentence so that the
host sees which day was understood.

What is read (case and extra spaces do not matter):
- a date: "2026-11-23", "23 November", "23 Nov 2026", "November 23, 2026"; a day and month
  without a year is the latest such day, today or before;
- "today", "yesterday";
- a weekday: "monday" or "mon" is the latest Monday, today or before; "last monday" is
  the latest Monday before today;
- "3 days ago", "2 weeks ago", "6 months ago", "1 year ago", "a week ago";
- "this week", "last week" (their Monday), "this month", "last month" (their first day),
  "this year", "last year" (1 January).
Anything else is refused with examples, numbers like 03/04/2026 included, since they are
read one way in one country and another way elsewhere.
"""

from __future__ import annotations

import re
from contextlib import suppress
from datetime import date, timedelta

from kiosk import language
from kiosk.errors import Refused, UsageError
from kiosk.language import _
from kiosk.text import shortened

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
EXAMPLES = (
    "2026-11-23",
    "23 November",
    "today",
    "yesterday",
    "monday",
    "last monday",
    "3 days ago",
    "last week",
    "last month",
)

# Compiled (and kept) by `re` when a day is first read: most commands read none.
_AGO = r"(\d{1,5}|an?|one) (day|week|month|year)s? ago"
_THIS_OR_LAST = r"(this|last) (week|month|year)"
_WEEKDAY = r"(last )?([a-z]{3,9})"
_DAY_MONTH = (
    r"(\d{1,2})(?:st|nd|rd|th)? ([a-z]{3,9})\.?(,? \d{4})?"
    r"|([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?(,? \d{4})?"
)


def read_day(typed: str, today: date) -> date:
    """Read the day in `typed`, taking `today` for the words relative to it. Refused, with
    examples, when unreadable."""
    words = " ".join(typed.lower().replace(",", ", ").split()).rstrip(".")
    if not words:
        raise Refused(_("Please type a day, like {examples}.").format(examples=_examples()))
    try:
        day = _day(words, today)
    except (ValueError, OverflowError):
        day = None
    if day is None:
        raise Refused(
            _("“{typed}” is not a day I can read. Try {examples}.").format(
                typed=shortened(typed, 30), examples=_examples()
            )
        )
    return day


def read_span(first: str, last: str, today: date) -> tuple[date, date]:
    """The days from `first` to `last` as a host typed them (see `read_day`); refused
    when they are the wrong way round."""
    begins, ends = read_day(first, today), read_day(last, today)
    if ends < begins:
        raise UsageError(
            _("The days are the wrong way round: from {first} until {last}.").format(
                first=day_words(begins), last=day_words(ends)
            )
        )
    return begins, ends


def read_coming_day(typed: str, today: date) -> date:
    """Read a day to come in `typed`, as `read_day` does, but a weekday ("friday") or a day
    of a month without a year ("24 December") is the next such day, today included, and
    "tomorrow" is read too. A day that has passed ("yesterday") is read as such."""
    words = " ".join(typed.lower().split()).rstrip(".")
    if words == "tomorrow":
        return today + timedelta(days=1)
    day = read_day(typed, today)
    if day >= today:
        return day
    if (match := re.fullmatch(_WEEKDAY, words)) and not match[1] and _weekday(match[2]) is not None:
        return day + timedelta(days=7)
    if (match := re.fullmatch(_DAY_MONTH, words)) and not (match[3] or match[6]):
        for year in (today.year, today.year + 1):
            with suppress(ValueError):  # 29 February is not in every year
                if (coming := day.replace(year=year)) >= today:
                    return coming
    return day


def day_words(day: date) -> str:
    """A day in words in the language speaking, like "Monday, 23 November 2026" or
    "Montag, 23. November 2026"."""
    return language.day(day)


def coming_day_words(day: date, today: date) -> str:
    """A day to come as a person says it: "today", "tomorrow", "Friday 11 December", or
    with its year once it is in another year than today ("Friday, 8 January 2027")."""
    if day == today:
        return _("today")
    if day == today + timedelta(days=1):
        return _("tomorrow")
    return language.day(day, with_year=day.year != today.year)


def _examples() -> str:
    # Translators: the days a host may type, as examples: "today, friday, … or 2026-12-01".
    return _("{some} or {last}").format(some=", ".join(EXAMPLES[:-1]), last=EXAMPLES[-1])


def _day(words: str, today: date) -> date | None:
    if words == "today":
        return today
    if words == "yesterday":
        return today - timedelta(days=1)
    if re.fullmatch(r"\d{4}-\d\d-\d\d", words):
        return date.fromisoformat(words)
    if match := re.fullmatch(_AGO, words):
        # Late, as in _start_of: only days counted back need python-dateutil, and the
        # modules that import this one to name a day (`day_words`) need none of it.
        from dateutil.relativedelta import relativedelta

        count = 1 if match[1] in ("a", "an", "one") else int(match[1])
        return today - relativedelta(**{f"{match[2]}s": count})  # type: ignore[arg-type]
    if match := re.fullmatch(_THIS_OR_LAST, words):
        return _start_of(match[2], today, back=match[1] == "last")
    if (match := re.fullmatch(_WEEKDAY, words)) and (weekday := _weekday(match[2])) is not None:
        latest = today - timedelta(days=bool(match[1]))
        return latest - timedelta(days=(latest.weekday() - weekday) % 7)
    if match := re.fullmatch(_DAY_MONTH, words):
        day, month, year = match[1] or match[5], match[2] or match[4], match[3] or match[6]
        return _day_and_month(int(day), _month(month), year, today)
    return None


def _start_of(unit: str, today: date, back: bool) -> date:
    from dateutil.relativedelta import MO, relativedelta

    if unit == "week":
        return today + relativedelta(weeks=-int(back), weekday=MO(-1))
    if unit == "month":
        return today.replace(day=1) - relativedelta(months=int(back))
    return date(today.year - int(back), 1, 1)


def _weekday(name: str) -> int | None:
    """The weekday `name` begins, when it is at least three letters of one ("thurs")."""
    return _named(name, WEEKDAYS)


def _month(name: str) -> int:
    month = _named(name, MONTHS)
    if month is None:
        raise ValueError(f"no month is called {name}")
    return month + 1


def _named(name: str, names: tuple[str, ...]) -> int | None:
    return next((n for n, full in enumerate(names) if full.lower().startswith(name)), None)


def _day_and_month(day: int, month: int, year: str | None, today: date) -> date:
    if year:
        return date(int(year.strip(", ")), month, day)
    # The latest such day, today or before; 29 February waits for a leap year.
    for earlier in range(9):
        with suppress(ValueError):
            if (candidate := date(today.year - earlier, month, day)) <= today:
                return candidate
    raise ValueError(f"there is no day {day} in month {month}")
