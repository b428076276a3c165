"""Marking seasons watched, and counting the episodes watched."""

from __future__ import annotations

from datetime import date

from watchtui.core.edits.finding import check_held
from watchtui.core.edits.seasons import check_finished_day, settled
from watchtui.core.errors import ModelError, Unchanged
from watchtui.core.model import Season, Show, Watchlist, replace
from watchtui.core.state import SeasonState, season_state
from watchtui.core.storage.document import Change

# Watching ------------------------------------------------------------------------


def _watched_in_full(season: Season, today: date) -> bool:
    return season_state(season, today) is SeasonState.WATCHED


def _episodes(count: int) -> str:
    return f"{count} episode{'s' * (count != 1)}"


def _progress(season: Season) -> str:
    if season.episodes is None:
        return f"{_episodes(season.watched)} seen"
    return f"{season.watched} of {season.episodes} episodes seen"


def _marked(show: Show, season: Season, new: Season, word: str) -> Change:
    updated = show.with_season(new, replacing=season)
    return Change(f"mark {season.label} of {show.title} {word}", show, updated)


def mark_watched(
    watchlist: Watchlist, show: Show, season: Season, *, today: date, on: date | None = None
) -> Change:
    """Watched in full: every known episode seen, finished `on` that day (today)."""
    check_held(watchlist, show, season)
    if _watched_in_full(season, today):
        raise Unchanged(f"{season.label} is already watched")
    watched = season.episodes if season.episodes is not None else season.watched
    day = today if on is None else on
    check_finished_day(season, watched, day, today)
    return _marked(show, season, replace(season, finished=day, watched=watched), "watched")


def mark_unwatched(watchlist: Watchlist, show: Show, season: Season, *, today: date) -> Change:
    """Not watched at all, for a season watched in full; a partly watched one is refused,
    so that its progress is never lost by accident."""
    check_held(watchlist, show, season)
    if not _watched_in_full(season, today):
        if season.watched == 0:
            raise Unchanged(f"{season.label} is not marked watched")
        raise ModelError(
            f"{season.label} is only partly watched ({_progress(season)}); "
            "set its watched episodes to 0 to clear them"
        )
    return _marked(show, season, replace(season, finished=None, watched=0), "unwatched")


def toggle_watched(watchlist: Watchlist, show: Show, season: Season, *, today: date) -> Change:
    """`w` on the screen: a season watched in full is unmarked; any other, partly
    watched or not, is marked watched."""
    if _watched_in_full(season, today):
        return mark_unwatched(watchlist, show, season, today=today)
    return mark_watched(watchlist, show, season, today=today)


def set_watched_episodes(
    watchlist: Watchlist,
    show: Show,
    season: Season,
    count: int,
    *,
    today: date,
    on: date | None = None,
) -> Change:
    """`count` episodes seen; seeing the last one finishes the season, `on` that day
    (today); a day given for a season left with episodes to see is refused."""
    check_held(watchlist, show, season)
    if count < 0:
        raise ModelError("episodes watched must be 0 or more")
    if season.episodes is not None and count > season.episodes:
        raise ModelError(
            f"{season.label} has {_episodes(season.episodes)}, so {count} cannot be watched"
        )
    draft = replace(season, watched=count, finished=season.finished if on is None else on)
    new = settled(season, draft, today, None)
    if new == season:
        raise Unchanged(f"{season.label} already has {_episodes(count)} watched")
    updated = show.with_season(new, replacing=season)
    description = f"{season.label} of {show.title} episodes {season.watched}→{new.watched}"
    return Change(description, show, updated)


def step_watched_episodes(
    watchlist: Watchlist, show: Show, season: Season, step: int, *, today: date
) -> Change:
    """`+` / `-` on the screen: `step` episodes more (or fewer) seen."""
    count = season.watched + step
    if step > 0 and season.episodes is not None and count > season.episodes:
        raise Unchanged(f"{season.label}: no more episodes")
    if count < 0:
        raise Unchanged(f"{season.label}: no episode watched")
    return set_watched_episodes(watchlist, show, season, count, today=today)
