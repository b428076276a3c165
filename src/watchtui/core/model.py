"""The watchlist: shows, their seasons and cast notes.

Shows, seasons and cast notes are immutable: a change makes a new object with
`replace`. That makes undo a matter of keeping the old object, and lets the
store reuse the text of every show that did not change when it saves.

These classes are the schema: every reader and writer (the TOML file, JSON, CSV,
imports) takes the keys, types and defaults from them (see core/schema.py), so a
new field is declared here once. They are msgspec Structs because a file of
10,000 shows is decoded into them about twice as fast as into dataclasses.
Field constraints here (`Meta`) are checked on decode; `__post_init__` checks
what spans fields.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, TypeVar

import msgspec
from msgspec.structs import replace as _replace

from watchtui.core.errors import ModelError
from watchtui.core.windows import WindowRange, parse_window

__all__ = [
    "CastNote",
    "Claim",
    "Confidence",
    "Count",
    "Ids",
    "ModelError",
    "Season",
    "Show",
    "Status",
    "Watchlist",
    "replace",
    "title_key",
]


_R = TypeVar("_R")


def replace(record: _R, **changes: Any) -> _R:
    """A copy of a show, season or cast note with some fields changed.

    The one way to change a record: callers never depend on how records are declared.
    """
    return _replace(record, **changes)  # type: ignore[type-var]


class Status(StrEnum):
    """Where the user stands with a show (the categories of MyAnimeList and Simkl)."""

    WATCHING = "watching"
    PLANNED = "planned"
    PAUSED = "paused"
    COMPLETED = "completed"
    DROPPED = "dropped"


class Confidence(StrEnum):
    """How sure a release window is."""

    CONFIRMED = "confirmed"  # the network or studio announced it
    HINTED = "hinted"  # indirect but real: an agency schedule, an interview, a trade report
    RUMORED = "rumored"  # unsourced speculation


def title_key(title: str) -> str:
    """The form in which two titles are the same show: case, outer spaces and Unicode
    normalisation ignored ("Pokémon" typed with a combining accent is "Pokémon")."""
    key = title.strip().casefold()
    return key if key.isascii() else unicodedata.normalize("NFC", key)


Extra = dict[str, Any]

MAX_COUNT = 2**31 - 1
"""The largest count or id a file may hold: other tools read them as 32-bit numbers."""

Count = Annotated[int, msgspec.Meta(ge=0, le=MAX_COUNT)]
"""A whole number 0 or more: a season number, an episode count, an id."""

Rating = Annotated[int, msgspec.Meta(ge=1, le=10)]
"""The user's own rating of a show: a whole number 1 to 10."""

EXTRA = "$extra"
"""The key under which decoders hand a record the keys the schema does not know.

No key a person can write in TOML or JSON decodes to it unnoticed: the decoders
move every unknown key, this one included, into a fresh table under it.
"""


class _Record(msgspec.Struct, frozen=True, gc=False):
    """Base of the records: immutable, and untracked by the cycle collector (they hold
    no cycles), which keeps 100,000 of them cheap to hold."""


class Ids(_Record, frozen=True):
    """The show's ids in other databases; all optional."""

    imdb: str | None = None
    tvdb: Count | None = None
    tmdb: Count | None = None
    tvmaze: Count | None = None
    trakt: Count | None = None
    mal: Count | None = None
    extra: Extra = msgspec.field(default_factory=dict, name=EXTRA)

    def __bool__(self) -> bool:
        return self != NO_IDS


NO_IDS = Ids()


class Claim(_Record, frozen=True):
    """One thing said about when a season comes out: the window as it was said, how
    sure it is, who said it and the day it was noted.

    A season's current claim is held in its own fields (`window`, `confidence`,
    `source`, `noted`); the claims it replaced are kept, oldest first, in
    `Season.earlier`. See docs/claims.md.
    """

    window: str = ""
    confidence: Confidence = Confidence.CONFIRMED
    source: str = ""
    noted: date | None = None
    extra: Extra = msgspec.field(default_factory=dict, name=EXTRA)

    @property
    def range(self) -> WindowRange | None:
        """The dates the window means (derived, never stored)."""
        return parse_window(self.window)

    @property
    def says_something(self) -> bool:
        """A window, a source, a date or a doubt: a claim, not an empty season's defaults."""
        return bool(
            self.window.strip()
            or self.source.strip()
            or self.noted is not None
            or self.confidence is not Confidence.CONFIRMED
        )


class Season(_Record, frozen=True):
    number: Count
    title: str = ""
    episodes: Count | None = None
    watched: Count = 0
    finished: date | None = None
    window: str = ""
    confidence: Confidence = Confidence.CONFIRMED
    source: str = ""
    noted: date | None = None
    extra: Extra = msgspec.field(default_factory=dict, name=EXTRA)
    earlier: tuple[Claim, ...] = ()
    """The claims the current one replaced, oldest first: a new claim never erases one."""

    def __post_init__(self) -> None:
        if self.number < 0:
            raise ModelError(f"season number must be 0 or more, not {self.number}")
        counts = (("number", self.number), ("episodes", self.episodes), ("watched", self.watched))
        for name, count in counts:
            if count is not None and count > MAX_COUNT:
                raise ModelError(f"season {name} must be at most {MAX_COUNT}, not {count}")
        if self.episodes is not None and self.episodes < 0:
            raise ModelError(f"season {self.number}: episodes must be 0 or more")
        if self.watched < 0:
            raise ModelError(f"season {self.number}: watched episodes must be 0 or more")
        if self.episodes is not None and self.watched > self.episodes:
            raise ModelError(
                f"season {self.number}: {self.watched} episodes watched "
                f"but the season has {self.episodes}"
            )

    @property
    def range(self) -> WindowRange | None:
        """The dates the window means (derived, never stored)."""
        return parse_window(self.window)

    @property
    def label(self) -> str:
        return "Specials" if self.number == 0 else f"Season {self.number}"

    @property
    def claim(self) -> Claim:
        """The current claim: what was last said about the release window."""
        return Claim(self.window, self.confidence, self.source, self.noted)

    @property
    def claims(self) -> tuple[Claim, ...]:
        """Every claim, oldest first, the current one last; none for a season about
        which nothing was ever said."""
        current = self.claim
        if not self.earlier and not current.says_something:
            return ()
        return (*self.earlier, current)

    def with_claim(self, claim: Claim) -> Season:
        """This season with `claim` as its current claim, the current one kept as the
        latest earlier claim (if it said anything)."""
        earlier = (*self.earlier, self.claim) if self.claims else ()
        return _replace(
            self,
            window=claim.window,
            confidence=claim.confidence,
            source=claim.source,
            noted=claim.noted,
            earlier=earlier,
        )


class CastNote(_Record, frozen=True):
    name: str
    role: str = ""
    note: str = ""
    extra: Extra = msgspec.field(default_factory=dict, name=EXTRA)

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ModelError("a cast note needs a name")


class Show(_Record, frozen=True):
    title: str
    original_title: str = ""
    network: str = ""
    status: Status = Status.WATCHING
    notes: str = ""
    added: date | None = None
    rating: Rating | None = None
    rated: date | None = None
    extra: Extra = msgspec.field(default_factory=dict, name=EXTRA)
    ids: Ids = NO_IDS
    seasons: tuple[Season, ...] = msgspec.field(default=(), name="season")
    cast: tuple[CastNote, ...] = ()

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise ModelError("a show needs a title")
        if self.rating is not None and not 1 <= self.rating <= 10:
            raise ModelError(f"{self.title}: rating must be 1 to 10, not {self.rating}")
        numbers = [season.number for season in self.seasons]
        if len(numbers) != len(set(numbers)):
            duplicate = next(n for n in numbers if numbers.count(n) > 1)
            raise ModelError(f"{self.title}: season {duplicate} is listed twice")

    @property
    def key(self) -> str:
        return title_key(self.title)

    def season(self, number: int) -> Season | None:
        return next((s for s in self.seasons if s.number == number), None)

    def next_season_number(self) -> int:
        return max((s.number for s in self.seasons), default=0) + 1

    def with_season(self, season: Season, replacing: Season | None = None) -> Show:
        """This show with `season` added, or put in the place of `replacing`."""
        others = [s for s in self.seasons if s is not replacing]
        if any(s.number == season.number for s in others):
            raise ModelError(f"{self.title} already has season {season.number}")
        return _replace(self, seasons=tuple(sorted([*others, season], key=lambda s: s.number)))

    def without_season(self, season: Season) -> Show:
        return _replace(self, seasons=tuple(s for s in self.seasons if s is not season))

    def with_cast(self, note: CastNote, replacing: CastNote | None = None) -> Show:
        if replacing is None:
            return _replace(self, cast=(*self.cast, note))
        return _replace(self, cast=tuple(note if c is replacing else c for c in self.cast))

    def without_cast(self, note: CastNote) -> Show:
        return _replace(self, cast=tuple(c for c in self.cast if c is not note))


@dataclass(slots=True)
class Watchlist:
    """The shows in the order of the file, and any top-level keys we do not know."""

    shows: list[Show] = field(default_factory=list)
    extra: Extra = field(default_factory=dict)

    def find(self, title: str) -> Show | None:
        key = title_key(title)
        return next((show for show in self.shows if show.key == key), None)

    def index(self, show: Show) -> int:
        """The position of this very show object."""
        for position, candidate in enumerate(self.shows):
            if candidate is show:
                return position
        raise ModelError(f"{show.title} is not in the watchlist")

    def check_title(self, title: str, ignoring: Show | None = None) -> None:
        """Refuse a title that is empty or that another show already has."""
        if not title.strip():
            raise ModelError("a show needs a title")
        key = title_key(title)
        for show in self.shows:
            if show.key == key and show is not ignoring:
                raise ModelError(f'there is already a show named "{show.title}"')

    def add(self, show: Show, position: int | None = None) -> None:
        self.check_title(show.title)
        self.shows.insert(len(self.shows) if position is None else position, show)

    def replace(self, old: Show, new: Show) -> None:
        self.check_title(new.title, ignoring=old)
        self.shows[self.index(old)] = new

    def remove(self, show: Show) -> int:
        position = self.index(show)
        del self.shows[position]
        return position
