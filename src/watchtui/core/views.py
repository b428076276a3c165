"""What the shows list shows: order, filters and each show's standing, as of a day.

Kept out of the screen so it is tested without Textual, and fast enough for
10,000 shows: shows are immutable, so a show's standing is computed once per
show object and reused until the show changes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from operator import itemgetter

from watchtui.core.filters import ShowFilter
from watchtui.core.model import Season, Show, Status
from watchtui.core.search import Rank, matching, ranked, search_text
from watchtui.core.state import SeasonState, is_returning, next_season

__all__ = [
    "ShowFilter",
    "ShowIndex",
    "Standing",
    "StandingCache",
    "highlight_counts",
    "returning_first",
    "standing_of",
]


@dataclass(frozen=True, slots=True)
class Standing:
    """A show's next season and its state: what the list says beside the title."""

    season: Season | None
    state: SeasonState | None
    returning: bool = False
    """Completed, yet a new season came or is coming (`state.is_returning`)."""

    @property
    def highlighted(self) -> bool:
        """Next season hinted, or the hint went stale: the shows watchtui exists for."""
        return self.state in (SeasonState.HINTED, SeasonState.OVERDUE)


def standing_of(show: Show, today: date) -> Standing:
    """A show's standing as of a day, worked out afresh."""
    found = next_season(show, today)
    returning = is_returning(show, today)
    return Standing(*found, returning) if found else Standing(None, None, returning)


def highlight_counts(shows: Sequence[Show], today: date) -> tuple[int, int]:
    """How many shows have their next season hinted, and how many overdue.

    Reads nothing but its arguments (shows are immutable), so it may run on
    another thread while the screen's thread changes the watchlist and its cache.
    """
    states = [standing_of(show, today).state for show in shows]
    return states.count(SeasonState.HINTED), states.count(SeasonState.OVERDUE)


class StandingCache:
    """Each show's standing as of one day, computed once per show object.

    Not thread-safe: used on one thread only (the screen's).
    """

    def __init__(self, today: date) -> None:
        self.today = today
        self._known: dict[int, tuple[Show, Standing]] = {}

    def get(self, show: Show) -> Standing:
        known = self._known.get(id(show))
        if known is not None and known[0] is show:
            return known[1]
        standing = standing_of(show, self.today)
        self._known[id(show)] = (show, standing)
        return standing

    def forget(self, show: Show) -> None:
        """Drop the entry of a show that left the watchlist (a change replaced it)."""
        self._known.pop(id(show), None)  # `show` is alive, so no other object has its id

    def forget_missing(self, shows: Iterable[Show]) -> None:
        """Drop entries for shows no longer in the watchlist."""
        keep = {id(show) for show in shows}
        self._known = {k: v for k, v in self._known.items() if k in keep}

    def matches(self, show: Show, which: ShowFilter) -> bool:
        """Whether the filter keeps the show, its next season taken from the cache."""
        state = self.get(show).state if which.uses_next_season else None
        return which.keeps(show, self.today, state)


class ShowIndex:
    """The watchlist sorted by title, with the text a search looks in made once per show.

    Built once; a change then moves one entry (a binary search and a list insert,
    microseconds at 10,000 shows) rather than sorting the watchlist again, and
    filtering while the user types is a single pass with no case folding.
    """

    def __init__(self, shows: Iterable[Show]) -> None:
        entries = sorted(((_folded(show), show) for show in shows), key=itemgetter(0))
        self._keys = [key for key, _ in entries]
        self._shows = [show for _, show in entries]
        self._texts: list[str] | None = None  # made on the first search

    def __len__(self) -> int:
        return len(self._shows)

    @property
    def shows(self) -> list[Show]:
        """Every show, in the order the screen lists them."""
        return list(self._shows)

    def update(self, before: Show | None, after: Show | None) -> None:
        """Take in a change: `before` leaves the index (if given), `after` joins it."""
        if before is not None:
            key = _folded(before)
            low, high = bisect_left(self._keys, key), bisect_right(self._keys, key)
            at = next((n for n in range(low, high) if self._shows[n] is before), None)
            if at is None:
                raise ValueError(f"{before.title!r} is not in the index")
            del self._keys[at], self._shows[at]
            if self._texts is not None:
                del self._texts[at]
        if after is not None:
            key = _folded(after)
            at = bisect_right(self._keys, key)
            self._keys.insert(at, key)
            self._shows.insert(at, after)
            if self._texts is not None:
                self._texts.insert(at, search_text(after))

    def _search_texts(self) -> list[str]:
        if self._texts is None:
            self._texts = [search_text(show) for show in self._shows]
        return self._texts

    def ranked(self, query: str) -> list[tuple[Rank, Show]]:
        """The shows matching the query (`watchtui.core.search`), best match first."""
        return ranked(query, zip(self._search_texts(), self._shows, strict=True))

    def select(self, which: ShowFilter, query: str, standings: StandingCache) -> list[Show]:
        """The shows that match the query and pass the filter: the best matches first,
        each rank (and the whole list, with no query) in title order. With no query,
        returning shows (completed, with a new season) come first, in title order."""
        if not query.strip():
            shows: list[Show] = returning_first(self._shows, standings)
        else:
            shows = matching(query, zip(self._search_texts(), self._shows, strict=True))
        if which is ShowFilter.ALL:
            return shows
        return [show for show in shows if standings.matches(show, which)]


def returning_first(shows: Sequence[Show], standings: StandingCache) -> list[Show]:
    """The shows with the returning ones moved to the top, each part in its order.

    Only completed shows can be returning, so only their standings are looked up:
    a pass over 10,000 shows costs a status comparison each.
    """
    returning = [
        show for show in shows if show.status is Status.COMPLETED and standings.get(show).returning
    ]
    if not returning:
        return list(shows)
    back = {id(show) for show in returning}
    return returning + [show for show in shows if id(show) not in back]


def _folded(show: Show) -> str:
    """What the index sorts by: both titles, case folded."""
    return f"{show.title}\n{show.original_title}".casefold()
