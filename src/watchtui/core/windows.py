"""Release windows: the text a person wrote ("late 2024") and the range it means.

Every form is read by the small grammar below, written dates included ("March
14, 2025", "14 Mar 2025", "Sept 3rd 2025"): a general date parser would also
read the fuzzy forms, silently ("late 2024" as 2024-06-15, "Q3 2025" as
2025-03-15), and costs more to import than the whole grammar.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache

from watchtui.core.errors import ACCEPTED_FORMS, WindowError

__all__ = [
    "ACCEPTED_FORMS",
    "Precision",
    "WindowError",
    "WindowRange",
    "parse_window",
]


class Precision(StrEnum):
    """How wide a window is, from a single day to a whole year."""

    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    THIRD = "third"  # early / mid / late
    SEASON = "season"  # winter / spring / summer / fall
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class WindowRange:
    """The days a window covers, both ends included."""

    start: date
    end: date
    precision: Precision

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def describe(self) -> str:
        """The range in words, for previews: "1 Sep – 31 Dec 2025"."""
        if self.precision is Precision.DAY:
            return f"{self.start.day} {self.start:%b %Y}"
        if self.start.year == self.end.year:
            return f"{self.start.day} {self.start:%b} – {self.end.day} {self.end:%b %Y}"
        return f"{self.start.day} {self.start:%b %Y} – {self.end.day} {self.end:%b %Y}"


_NO_WINDOW = {"", "tba", "tbd", "tbc", "?"}
FIRST_YEAR, LAST_YEAR = 1900, 2200
"""The years a window may name: before television, or far beyond any plan, is a typo
(and year 9999's last day has no day after it for a calendar's end)."""

_YEAR = r"(?P<year>\d{4})"
# "Q3 2025", "q3-2025" or "2025-Q3"; likewise halves.
_QUARTER = re.compile(
    r"^q(?P<n>[1-4])[\s\-/]*(?P<year>\d{4})$|^(?P<y2>\d{4})[\s\-/]*q(?P<n2>[1-4])$", re.ASCII
)
_HALF = re.compile(
    r"^h(?P<n>[12])[\s\-/]*(?P<year>\d{4})$|^(?P<y2>\d{4})[\s\-/]*h(?P<n2>[12])$", re.ASCII
)
_THIRD = re.compile(rf"^(?P<part>early|mid|late)[\s\-]*{_YEAR}$", re.ASCII)
_SEASON = re.compile(rf"^(?P<season>winter|spring|summer|fall|autumn)[\s\-]*{_YEAR}$", re.ASCII)
_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", re.ASCII)
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$", re.ASCII)
_BARE_YEAR = re.compile(rf"^{_YEAR}$", re.ASCII)

_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
# Month names in English whatever the locale, in full, in three letters, and "sept".
_MONTH_WORDS = (
    {name: n for n, name in enumerate(_MONTH_NAMES, 1)}
    | {name[:3]: n for n, name in enumerate(_MONTH_NAMES, 1)}
    | {"sept": 9}
)
_WRITTEN_TOKEN = re.compile(r"[a-z]+|\d+(?:st|nd|rd|th)?|[,.]", re.ASCII)

_THIRDS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_SEASONS = {
    "winter": (1, 3),
    "spring": (4, 6),
    "summer": (7, 9),
    "fall": (10, 12),
    "autumn": (10, 12),
}


def _check_year(text: str, year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise WindowError(text, f"the year must be between {FIRST_YEAR} and {LAST_YEAR}")


def _ordinal(day: int) -> str:
    """The suffix a day number takes when written out: 1st, 2nd, 3rd, 4th, 11th, 21st."""
    if 10 <= day % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _months(year: int, first: int, last: int, precision: Precision, text: str) -> WindowRange:
    _check_year(text, year)
    return WindowRange(
        date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1]), precision
    )


def _day(text: str, year: int, month: int, day: int) -> WindowRange:
    _check_year(text, year)
    try:
        return WindowRange(date(year, month, day), date(year, month, day), Precision.DAY)
    except ValueError as error:
        raise WindowError(text, str(error)) from None


def _written(text: str, folded: str) -> WindowRange:
    """Day and month forms with a month name, in any order: "March 14, 2025", "14 mar 2025"."""
    tokens = _WRITTEN_TOKEN.findall(folded)
    if "".join(tokens) != re.sub(r"[\s\-]+", "", folded):
        raise WindowError(text)
    words = [t for t in tokens if t.isalpha()]
    numbered = [t for t in tokens if t[0].isdigit()]
    numbers = [re.sub(r"\D", "", t) for t in numbered]
    for index in range(1, len(tokens) - 1):  # "March 2025.5": a year then more, not a day
        if tokens[index] in ",." and tokens[index - 1].isdigit() and len(tokens[index - 1]) > 2:
            raise WindowError(text, f"{tokens[index - 1]}{tokens[index]} is followed by more")
    for token, number in zip(numbered, numbers, strict=True):
        suffix = token[len(number) :]
        if suffix and (len(number) > 2 or suffix != _ordinal(int(number))):
            raise WindowError(text, f"{token!r} is not a day or a year")
    if len(words) != 1 or words[0] not in _MONTH_WORDS:
        raise WindowError(text)
    years = [n for n in numbers if len(n) == 4]
    days = [n for n in numbers if len(n) <= 2]
    if len(years) != 1 or len(days) > 1 or len(years) + len(days) != len(numbers):
        raise WindowError(
            text, "a written date needs a month name, a four-digit year and at most one day"
        )
    year, month = int(years[0]), _MONTH_WORDS[words[0]]
    if days:
        return _day(text, year, month, int(days[0]))
    return _months(year, month, month, Precision.MONTH, text)


@lru_cache(maxsize=8192)
def parse_window(text: str) -> WindowRange | None:
    """The range a window's text means, or None for "no window" (TBA, TBD, empty).

    Case and surrounding or repeated spaces do not matter. Raises WindowError for
    anything else, with a message that lists the accepted forms.
    """
    try:
        return _parse(text)
    except WindowError:
        raise
    except ValueError as error:  # a date that cannot exist, such as the year 0
        raise WindowError(text, str(error)) from None


def _parse(text: str) -> WindowRange | None:
    folded = " ".join(text.split()).lower()
    if folded in _NO_WINDOW:
        return None
    if match := _BARE_YEAR.match(folded):
        return _months(int(match["year"]), 1, 12, Precision.YEAR, text)
    if match := _ISO_DAY.match(folded):
        return _day(text, int(match[1]), int(match[2]), int(match[3]))
    if match := _ISO_MONTH.match(folded):
        month = int(match[2])
        if not 1 <= month <= 12:
            raise WindowError(text, f"there is no month {month}")
        return _months(int(match[1]), month, month, Precision.MONTH, text)
    if match := _QUARTER.match(folded):
        quarter, year = int(match["n"] or match["n2"]), int(match["year"] or match["y2"])
        return _months(year, quarter * 3 - 2, quarter * 3, Precision.QUARTER, text)
    if match := _HALF.match(folded):
        half, year = int(match["n"] or match["n2"]), int(match["year"] or match["y2"])
        return _months(year, half * 6 - 5, half * 6, Precision.HALF, text)
    if match := _THIRD.match(folded):
        first, last = _THIRDS[match["part"]]
        return _months(int(match["year"]), first, last, Precision.THIRD, text)
    if match := _SEASON.match(folded):
        first, last = _SEASONS[match["season"]]
        return _months(int(match["year"]), first, last, Precision.SEASON, text)
    if re.search(r"[a-z]", folded):
        return _written(text, folded)
    raise WindowError(text)
