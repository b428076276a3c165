"""Dates from TVmaze, made useful here (python-dateutil does the calendar work).

- `local_day`: an episode's airstamp (`2022-02-18T03:00:00+00:00`) as the day it
  is in the user's time zone, for a season TVmaze lists with no premiere date;
- `projected_end`: the day a weekly season's last episode airs, from its
  premiere and episode count, when TVmaze has no end date;
- `relative`: a day said against today: "in 3 weeks", "2 months overdue".
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from dateutil import parser as dateparser
from dateutil import tz
from dateutil.relativedelta import relativedelta
from dateutil.rrule import WEEKLY, rrule

__all__ = ["local_day", "projected_end", "relative"]


def local_day(airstamp: str | None, zone: tzinfo | None = None) -> date | None:
    """The day an airstamp falls on in `zone` (default: the user's local time zone)."""
    if not airstamp:
        return None
    try:
        moment = dateparser.isoparse(airstamp.strip())
    except (ValueError, OverflowError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz.UTC)
    return moment.astimezone(zone if zone is not None else tz.tzlocal()).date()


def projected_end(premiere: date, episodes: int) -> date:
    """The day the last of `episodes` weekly episodes airs, the first on `premiere`."""
    if episodes <= 1:
        return premiere
    start = datetime(premiere.year, premiere.month, premiere.day)
    last: datetime = rrule(WEEKLY, dtstart=start, count=episodes)[-1]
    return last.date()


def _amount(delta: relativedelta) -> str:
    years, months = delta.years, delta.months
    days = delta.days
    if years:
        return f"{years} year{'s' * (years != 1)}"
    if months:
        return f"{months} month{'s' * (months != 1)}"
    if days >= 7:
        weeks = days // 7
        return f"{weeks} week{'s' * (weeks != 1)}"
    return f"{days} day{'s' * (days != 1)}"


def relative(day: date, today: date, *, overdue: bool = False) -> str:
    """`day` against today in the largest whole unit: "in 3 weeks", "2 months ago",
    "today"; a day past with `overdue` reads "2 months overdue"."""
    if day == today:
        return "today"
    if day > today:
        return f"in {_amount(relativedelta(day, today))}"
    amount = _amount(relativedelta(today, day))
    return f"{amount} overdue" if overdue else f"{amount} ago"
