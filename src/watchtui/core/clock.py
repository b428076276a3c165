"""Today's date, which WATCHTUI_TODAY=YYYY-MM-DD overrides everywhere."""

from __future__ import annotations

import os
from datetime import date

from watchtui.core.errors import TodayError
from watchtui.core.windows import FIRST_YEAR, LAST_YEAR

__all__ = ["TodayError", "today", "typed_day"]


def today() -> date:
    value = os.environ.get("WATCHTUI_TODAY", "").strip()
    if not value:
        return date.today()
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise TodayError(f"WATCHTUI_TODAY must be a date like 2025-03-14, not {value!r}") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise TodayError(
            f"WATCHTUI_TODAY must be a date between {FIRST_YEAR} and {LAST_YEAR}, not {value!r}"
        )
    return day


def typed_day(text: str) -> date | None:
    """A day as a person types it, 2025-03-14 (outer spaces ignored); None for
    nothing typed. ValueError, in the person's words, for anything else (also
    the compact 20250314 that `date.fromisoformat` would take)."""
    value = text.strip()
    if not value:
        return None
    try:
        if not (value.isascii() and len(value) == 10):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"not a date like 2025-03-14: {value!r}") from None
