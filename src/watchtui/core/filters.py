"""Which shows a filter keeps: one vocabulary for `watchtui list --filter`, the screen's
`f` and the command palette.

Each filter has a name, a description and a predicate on a show as of a day.
Most are about a show's next season (the lowest-numbered one neither watched nor
released, see `state.next_season`), `ready` about a season already out, and the
rest about the status the user gave the show.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from watchtui.core.model import Season, Show
from watchtui.core.state import SeasonState, next_season, season_state

__all__ = ["FILTER_CYCLE", "ShowFilter", "ready_season"]


class ShowFilter(StrEnum):
    """The filters, in the order help lists them; `f` on the screen cycles FILTER_CYCLE."""

    ALL = "all"
    HINTED = "hinted"
    OVERDUE = "overdue"
    UPCOMING = "upcoming"
    TBA = "tba"
    READY = "ready"
    WATCHING = "watching"  # one filter for each Status, named as it is
    PLANNED = "planned"
    PAUSED = "paused"
    COMPLETED = "completed"
    DROPPED = "dropped"

    @property
    def description(self) -> str:
        """What a show must be to be kept, in words."""
        return _DESCRIPTIONS.get(self) or f"shows you marked {self.value}"

    @property
    def phrase(self) -> str:
        """The shows it keeps, as a screen says it: "Showing <phrase>."."""
        return _PHRASES.get(self) or f"shows you marked {self.value}"

    @property
    def uses_next_season(self) -> bool:
        """Whether `keeps` needs the state of the show's next season."""
        return self in _BY_NEXT_STATE

    def keeps(self, show: Show, today: date, next_state: SeasonState | None) -> bool:
        """Whether the filter keeps the show; `next_state` is the state of its next season
        (None with none), as `next_season` finds it (read only if `uses_next_season`)."""
        if self is ShowFilter.ALL:
            return True
        states = _BY_NEXT_STATE.get(self)
        if states is not None:
            return next_state in states
        if self is ShowFilter.READY:
            return ready_season(show, today) is not None
        return show.status.value == self.value

    def matches(self, show: Show, today: date) -> bool:
        """Whether the filter keeps the show, its next season worked out here."""
        found = next_season(show, today) if self.uses_next_season else None
        return self.keeps(show, today, found[1] if found else None)

    def season_of(self, show: Show, today: date) -> tuple[Season, SeasonState] | None:
        """The season this filter is about: for `ready` the one out and not yet watched,
        for any other the next season."""
        if self is ShowFilter.READY:
            ready = ready_season(show, today)
            return (ready, SeasonState.RELEASED) if ready is not None else None
        return next_season(show, today)

    def next(self) -> ShowFilter:
        """The filter `f` moves on to (from one outside the cycle: back to all)."""
        if self not in FILTER_CYCLE:
            return ShowFilter.ALL
        return FILTER_CYCLE[(FILTER_CYCLE.index(self) + 1) % len(FILTER_CYCLE)]


FILTER_CYCLE: tuple[ShowFilter, ...] = (
    ShowFilter.ALL,
    ShowFilter.HINTED,
    ShowFilter.UPCOMING,
    ShowFilter.WATCHING,
    ShowFilter.COMPLETED,
)
"""The filters `f` cycles through on the screen, in order."""

_BY_NEXT_STATE: dict[ShowFilter, frozenset[SeasonState | None]] = {
    ShowFilter.HINTED: frozenset({SeasonState.HINTED, SeasonState.OVERDUE}),
    ShowFilter.OVERDUE: frozenset({SeasonState.OVERDUE}),
    ShowFilter.UPCOMING: frozenset({SeasonState.UPCOMING}),
    ShowFilter.TBA: frozenset({SeasonState.TBA}),
}

_PHRASES: dict[ShowFilter, str] = {
    ShowFilter.ALL: "all shows",
    ShowFilter.HINTED: "shows whose next season is hinted or overdue",
    ShowFilter.OVERDUE: "shows whose next season's hint is overdue",
    ShowFilter.UPCOMING: "shows with a confirmed upcoming season",
    ShowFilter.TBA: "shows whose next season has no window",
    ShowFilter.READY: "shows with a season out and not yet watched",
    ShowFilter.WATCHING: "shows you are watching",
    ShowFilter.COMPLETED: "completed shows",
}

_DESCRIPTIONS: dict[ShowFilter, str] = {
    ShowFilter.ALL: "every show",
    ShowFilter.HINTED: "the next season has a hinted or rumored window (overdue ones too)",
    ShowFilter.OVERDUE: "the next season's hint has passed with no confirmation",
    ShowFilter.UPCOMING: "the next season has a confirmed window still ahead",
    ShowFilter.TBA: "the next season has no window yet",
    ShowFilter.READY: "a season is out and not yet watched",
}


def ready_season(show: Show, today: date) -> Season | None:
    """The season to watch now: the lowest-numbered one out and not yet watched, the
    specials only when no numbered season is."""
    ready = [s for s in show.seasons if season_state(s, today) is SeasonState.RELEASED]
    numbered = [s for s in ready if s.number != 0]
    return min(numbered or ready, key=lambda s: s.number, default=None)
