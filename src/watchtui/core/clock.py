"""Today's date, which WATCHTUI_TODAY=YYYY-MM-DD overrides everywhere."""

from __future__ import annotations

import os
from datetime import date

from watchtui.core.errors import TodayError

__all__ = ["TodayError", "today"]


def today() -> date:
    value = os.environ.get("WATCHTUI_TODAY", "").strip()
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise TodayError(f"WATCHTUI_TODAY must be a date like 2025-03-14, not {value!r}") from None
