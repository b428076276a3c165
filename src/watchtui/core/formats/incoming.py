"""What an imported file brings, whatever its format."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from watchtui.core.model import (
    Show,
)


class ImportFormat(StrEnum):
    AUTO = "auto"
    JSON = "json"
    IMDB = "imdb"
    TRAKT = "trakt"


@dataclass(slots=True)
class Incoming:
    """What a file brings: shows to merge, and how many of its items were not series."""

    format: ImportFormat
    shows: list[Show]
    skipped: int = 0
    extra: dict[str, Any] = field(default_factory=dict)  # top-level keys of our own JSON
    # The day added given to new shows the file has no date for (None: leave it unset).
    # Not used for shows already in the watchlist: they were not added today.
    added: date | None = None


def day_of(text: str) -> date | None:
    """The day an export's date or timestamp starts with ("2019-05-01 20:14:33 +0000")."""
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None
