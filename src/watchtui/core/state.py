"""Derived states: what a season is as of a day, and which shows to highlight.

Computed, never stored: the file keeps what people said, the screen shows what
that means today.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from watchtui.core.model import Confidence, Season, Show, Status
from watchtui.core.windows import parse_window

__all__ = [
    "Highlight",
    "SeasonState",
    "highlight",
    "is_returning",
    "next_season",
    "season_state",
    "state_glyph",
]


class SeasonState(StrEnum):
    WATCHED = "watched"
    RELEASED = "released"
    UPCOMING = "upcoming"
    HINTED = "hinted"
    OVERDUE = "overdue"
    TBA = "tba"


def season_state(season: Season, today: date) -> SeasonState:
    """The first state of the ordered list in docs/behaviour.md that applies."""
    if season.finished is not None or (
        season.episodes is not None and season.episodes > 0 and season.watched >= season.episodes
    ):
        return SeasonState.WATCHED
    window = parse_window(season.window)
    confirmed = season.confidence is Confidence.CONFIRMED
    if season.watched > 0:
        return SeasonState.RELEASED
    if window is None:
        # "Confirmed" with no window is a renewal without a date: still to be announced.
        return SeasonState.TBA
    if confirmed:
        out = window.end < today or (window.start == window.end and window.start <= today)
        return SeasonState.RELEASED if out else SeasonState.UPCOMING
    return SeasonState.HINTED if window.end >= today else SeasonState.OVERDUE


def next_season(show: Show, today: date) -> tuple[Season, SeasonState] | None:
    """The lowest-numbered season (specials aside) neither watched nor released."""
    found: tuple[Season, SeasonState] | None = None
    for season in show.seasons:
        if season.number == 0 or (found is not None and season.number > found[0].number):
            continue
        state = season_state(season, today)
        if state not in (SeasonState.WATCHED, SeasonState.RELEASED):
            found = (season, state)
    return found


_RETURNING_STATES = frozenset(
    [SeasonState.RELEASED, SeasonState.UPCOMING, SeasonState.HINTED, SeasonState.OVERDUE]
)


def is_returning(show: Show, today: date) -> bool:
    """A show the user marked completed that has a season (specials aside) not yet
    watched with a window, confirmed, hinted or rumored, or already out: it came back
    after the user finished it. Derived from the seasons; nothing is stored."""
    if show.status is not Status.COMPLETED:
        return False
    return any(
        season.number != 0 and season_state(season, today) in _RETURNING_STATES
        for season in show.seasons
    )


@dataclass(frozen=True, slots=True)
class Highlight:
    """Why a show stands out in the list: its next season's window and how sure it is."""

    season: Season
    state: SeasonState

    @property
    def glyph(self) -> str:
        return _GLYPHS[self.state]

    @property
    def stale(self) -> bool:
        return self.state is SeasonState.OVERDUE


_GLYPHS = {
    SeasonState.HINTED: "◇",
    SeasonState.OVERDUE: "⚠",
    SeasonState.UPCOMING: "●",
    SeasonState.TBA: "·",
    SeasonState.RELEASED: "▶",
    SeasonState.WATCHED: "✓",
}


def state_glyph(state: SeasonState) -> str:
    return _GLYPHS[state]


def highlight(show: Show, today: date) -> Highlight | None:
    """A highlight for a show whose next season is hinted, or whose hint went stale."""
    found = next_season(show, today)
    if found is None or found[1] not in (SeasonState.HINTED, SeasonState.OVERDUE):
        return None
    return Highlight(*found)
