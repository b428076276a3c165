"""The demo watchlist, its dates moved to any day.

The bundled demo (`watchtui/data/demo.toml`) is a fan's file as it stood on
DEMO_DAY. `watchtui --demo` moves its dates so that today stands where DEMO_DAY
stood: what was hinted for "this year" is hinted for this year, what was out
four months ago came out four months ago. Each date keeps its distance to today
in its own unit: days for a day (and the file's own dates: added, noted,
finished), months for a month window, years for anything wider. On any day the
demo then has a live hint, an overdue one, a confirmed upcoming season and a
season ready to watch (tests check it over many days).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from importlib import resources

from watchtui.core.windows import Precision, parse_window

__all__ = ["DEMO_DAY", "demo_text", "moved"]

DEMO_DAY = date(2024, 6, 1)
"""The day the bundled demo tells of."""

_DAY_KEY = re.compile(r"^(added|noted|finished) = (\d{4}-\d{2}-\d{2})$", re.MULTILINE)
_WINDOW_KEY = re.compile(r'^window = "([^"\n]*)"$', re.MULTILINE)


def demo_text(today: date | None = None) -> str:
    """The demo watchlist's TOML, its dates moved to `today` (as bundled with None)."""
    text = (resources.files("watchtui.data") / "demo.toml").read_text(encoding="utf-8")
    return text if today is None else moved(text, DEMO_DAY, today)


def _months_later(day: date, months: int) -> date:
    month = day.year * 12 + day.month - 1 + months
    return date(month // 12, month % 12 + 1, 1)


def _window_moved(window: str, then: date, now: date) -> str:
    found = parse_window(window)
    if found is None:
        return window
    if found.precision is Precision.DAY:
        return (found.start + (now - then)).isoformat()
    if found.precision is Precision.MONTH:
        months = (now.year - then.year) * 12 + now.month - then.month
        return f"{_months_later(found.start, months):%B %Y}"
    years = now.year - then.year
    return re.sub(r"\d{4}", lambda year: str(int(year.group()) + years), window)


def moved(text: str, then: date, now: date) -> str:
    """A watchlist's TOML (one key per line, as the demo writes them) with its dates
    moved from `then` to `now`."""
    days = timedelta(days=(now - then).days)
    text = _DAY_KEY.sub(
        lambda m: f"{m.group(1)} = {(date.fromisoformat(m.group(2)) + days).isoformat()}", text
    )
    return _WINDOW_KEY.sub(lambda m: f'window = "{_window_moved(m.group(1), then, now)}"', text)
