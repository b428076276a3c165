"""What an imported file brings, whatever its format: shows, and what was skipped."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from watchtui.core.model import MAX_COUNT, Season, Show, title_key


class ImportFormat(StrEnum):
    AUTO = "auto"
    JSON = "json"
    IMDB = "imdb"
    TRAKT = "trakt"
    TVTIME = "tvtime"
    YAMTRACK = "yamtrack"
    SERIESGUIDE = "seriesguide"
    TMDB = "tmdb"
    MAL = "mal"


FORMAT_NAMES = {
    ImportFormat.IMDB: "IMDb",
    ImportFormat.TRAKT: "Trakt",
    ImportFormat.TVTIME: "TV Time",
    ImportFormat.YAMTRACK: "Yamtrack",
    ImportFormat.SERIESGUIDE: "SeriesGuide",
    ImportFormat.TMDB: "TMDB",
    ImportFormat.MAL: "MyAnimeList",
    ImportFormat.JSON: "watchtui JSON",
}
"""The formats import reads, by the names their users know."""

KNOWN_FORMATS = ", ".join(FORMAT_NAMES.values())

SEEN = "episodes_seen"
"""The show's key (kept with its unknown keys) for episodes seen that the source
gave without season detail: TV Time's count of episodes seen."""

_PLURALS = {
    "movie": "movies",
    "episode": "episodes",
    "person": "people",
    "list": "lists",
    "game": "games",
    "book": "books",
    "manga": "manga",
    "music video": "music videos",
    "podcast": "podcasts",
    "video": "videos",
    "item": "items",
    "episode of a show not in the watchlist": "episodes of shows not in the watchlist",
    "seen episode without its show": "seen episodes without their show",
    "show neither followed nor seen": "shows neither followed nor seen",
}


def skipped_words(count: int, what: str) -> str:
    """ "1 movie", "3 movies"."""
    return f"{count} {what if count == 1 else _PLURALS.get(what, what + 's')}"


@dataclass(slots=True)
class Entry:
    """One show a file brings."""

    show: Show
    year: int | None = None  # the year it started, when the file says
    merge_only: bool = False  # from a table of episodes: merged into a show, never added


@dataclass(slots=True)
class Incoming:
    """What a file brings: shows to merge, and what it held that is not a series."""

    format: ImportFormat
    entries: list[Entry] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)  # what ("movie") -> how many
    extra: dict[str, Any] = field(default_factory=dict)  # top-level keys of our own JSON
    # The day added given to new shows the file has no date for (None: leave it unset).
    # Not used for shows already in the watchlist: they were not added today.
    added: date | None = None
    formats: list[ImportFormat] = field(default_factory=list)  # each found, in a ZIP

    @property
    def shows(self) -> list[Show]:
        return [entry.show for entry in self.entries]

    def add(self, show: Show, year: int | None = None, merge_only: bool = False) -> None:
        self.entries.append(Entry(show, year, merge_only))

    def skip(self, what: str, count: int = 1) -> None:
        if count:
            self.skipped[what] += count

    def take(self, other: Incoming) -> None:
        """Add what another file of the same export brings."""
        self.entries.extend(other.entries)
        self.skipped.update(other.skipped)
        self.extra.update(other.extra)
        if other.format not in self.formats:
            self.formats.append(other.format)

    @property
    def names(self) -> str:
        return " + ".join(FORMAT_NAMES[f] for f in (self.formats or [self.format]))


def day_of(text: str) -> date | None:
    """The day an export's date or timestamp starts with ("2019-05-01 20:14:33 +0000 UTC")."""
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def whole(text: object) -> int | None:
    """A count or id from a cell or value: "12" or 12; None for anything else."""
    if isinstance(text, bool):
        return None
    if isinstance(text, int):
        value = text
    elif isinstance(text, str) and text.strip().isdigit():
        value = int(text.strip())
    else:
        return None
    return value if 0 <= value <= MAX_COUNT else None


def rating_of(value: object, scale: int = 10) -> int | None:
    """A score as a whole number 1 to 10 (scores of 0, none or nonsense: no rating)."""
    try:
        number = float(value) if isinstance(value, str | int | float) else 0.0
    except ValueError:
        return None
    if not number > 0:
        return None
    return max(1, min(10, round(number * 10 / scale)))


def year_of(text: object) -> int | None:
    if isinstance(text, int) and 1800 < text < 3000:
        return text
    match = re.match(r"\s*(\d{4})", text) if isinstance(text, str) else None
    return int(match[1]) if match and 1800 < int(match[1]) < 3000 else None


def normal_title(title: str) -> str:
    """The form in which two titles are taken for the same show: case, accents' width,
    punctuation and "&" for "and" ignored ("Love, Death & Robots" is "love death and
    robots"). Letters of every script are kept."""
    text = unicodedata.normalize("NFKC", title).casefold().replace("&", " and ")
    words = "".join(ch if ch.isalnum() else " " for ch in text).split()
    return " ".join(words) or title_key(title)


_STAND_IN = re.compile(r"TheTVDB [0-9]+ \(title unknown")


def stand_in_title(tvdb: int) -> str:
    """The title of a show known only by its TheTVDB id, until `refresh` names it."""
    return f"TheTVDB {tvdb} (title unknown: run watchtui refresh)"


def is_stand_in(title: str) -> bool:
    return _STAND_IN.match(title) is not None


Seen = dict[int, dict[int, date | None]]
"""Episodes seen: season number -> episode number -> the day it was (last) seen."""


def seen_episode(seen: Seen, season: int, episode: int, day: date | None) -> None:
    episodes = seen.setdefault(season, {})
    known = episodes.get(episode)
    episodes[episode] = max(known, day) if known and day else known or day


def seasons_from(seen: Seen) -> tuple[Season, ...]:
    """Seasons with their episodes seen. A season seen from its first episode to its
    last with a later season begun is watched: finished the day its last was seen."""
    numbers = sorted(seen)
    records = []
    for number in numbers:
        episodes = seen[number]
        days = [day for day in episodes.values() if day]
        complete = (
            bool(episodes)
            and number > 0
            and sorted(episodes) == list(range(1, len(episodes) + 1))
            and any(later > number and seen[later] for later in numbers)
        )
        finished = max(days) if complete and days else None
        records.append(Season(number=number, watched=len(episodes), finished=finished))
    return tuple(records)
