"""Edits of a season and of the claims about its release window."""

from __future__ import annotations

from datetime import date

from watchtui.core.edits.finding import check_held
from watchtui.core.errors import ModelError, Unchanged, WindowError
from watchtui.core.model import Confidence, Season, Show, Watchlist, replace
from watchtui.core.storage.document import Change
from watchtui.core.windows import parse_window

# Seasons -------------------------------------------------------------------------


def _window(text: str) -> str:
    """A window as stored: outer spaces dropped, "TBA" and the like stored empty."""
    window = text.strip()
    try:
        return window if parse_window(window) is not None else ""
    except WindowError as error:
        raise ModelError(str(error)) from error


def _claim(season: Season) -> tuple[str, Confidence, str]:
    """What was said about a season's release, in the form two claims compare."""
    return _window(season.window), season.confidence, season.source.strip()


def _said_claim(season: Season) -> tuple[str, Confidence, str]:
    """The claim of a season already in the watchlist (its window was checked when read)."""
    try:
        return _claim(season)
    except ModelError:
        return season.window.strip(), season.confidence, season.source.strip()


def check_finished_day(season: Season, watched: int, day: date, today: date) -> None:
    """Refuse a finished day after today, or for a season with episodes still to see."""
    if day > today:
        raise ModelError(f"the finished day {day.isoformat()} is after today")
    if season.episodes and watched < season.episodes:
        raise ModelError(
            f"{season.label} has {watched} of {season.episodes} episodes watched: "
            "only a season watched in full has a finished day"
        )


def _finished(before: Season, after: Season, watched: int, today: date) -> date | None:
    """The day `after` (with `watched` episodes seen) was finished, by the rules of
    this package's docstring: from the counts, or the day the draft gives anew."""
    finished = before.finished
    if (after.episodes, after.watched) != (before.episodes, before.watched):
        if after.episodes:
            finished = (before.finished or today) if watched >= after.episodes else None
        elif watched < before.watched:
            finished = None
    if after.finished == before.finished:
        return finished
    if after.finished is None:  # cleared: today if the counts say finished
        return today if after.episodes and finished is not None else None
    check_finished_day(after, watched, after.finished, today)
    return after.finished


def settled(before: Season, after: Season, today: date, noted: date | None) -> Season:
    """`before` with the fields a person types taken from the draft `after`, and its
    finished and noted dates worked out (the rules in this module's docstring).
    Text that did not change is kept as it was written."""
    claim = _claim(after)
    if claim == _said_claim(before):
        said = replace(before, noted=before.noted if noted is None else noted)
    else:
        window, confidence, source = claim
        kept = bool(before.claims)  # the current claim goes into the earlier ones
        if noted is None:
            noted = today if window or source or kept else None
        new = replace(before.claim, window=window, confidence=confidence, source=source)
        said = before.with_claim(replace(new, noted=noted))
    watched = after.watched
    if (
        before.finished is not None
        and before.episodes is None
        and after.episodes is not None
        and after.watched == before.watched
    ):
        watched = after.episodes  # watched in full before the count was known
    return replace(
        said,
        number=after.number,
        title=before.title if after.title == before.title else after.title.strip(),
        episodes=after.episodes,
        watched=watched,
        finished=_finished(before, after, watched, today),
    )


def add_season(
    watchlist: Watchlist, show: Show, draft: Season, *, today: date, noted: date | None = None
) -> Change:
    """Add a season with the draft's number, title, episodes, watched count and window.

    `noted` dates the window; by default a season added with a window or a source
    is noted today.
    """
    check_held(watchlist, show)
    season = settled(Season(draft.number), draft, today, noted)
    return Change(f"add {season.label} to {show.title}", show, show.with_season(season))


def edit_season(
    watchlist: Watchlist,
    show: Show,
    season: Season,
    draft: Season,
    *,
    today: date,
    noted: date | None = None,
) -> Change:
    """Change a season to the draft's number, title, episodes, watched count and window.

    Its finished and noted dates follow (this module's docstring); `noted` gives
    the day the window was said, when it is not today.
    """
    check_held(watchlist, show, season)
    new = settled(season, draft, today, noted)
    if new == season:
        raise Unchanged(f"{season.label} unchanged")
    updated = show.with_season(new, replacing=season)
    return Change(f"edit {season.label} of {show.title}", show, updated)


def claimed(
    season: Season,
    *,
    window: str | None = None,
    confidence: Confidence | None = None,
    source: str | None = None,
) -> Season:
    """A draft of `season` saying what is given anew: the window and confidence not
    given stay the current claim's. The source not given stays only while the window
    and confidence do: a source is never credited with a claim it did not make."""
    new_window = season.window if window is None else window
    new_confidence = season.confidence if confidence is None else confidence
    if source is None:
        same = (_window(new_window), new_confidence) == _said_claim(season)[:2]
        source = season.source if same else ""
    return replace(season, window=new_window, confidence=new_confidence, source=source)


def set_window_claim(
    watchlist: Watchlist,
    show: Show,
    season: Season,
    *,
    today: date,
    window: str | None = None,
    confidence: Confidence | None = None,
    source: str | None = None,
    noted: date | None = None,
) -> Change:
    """Say anew when a season comes out: the window, how sure it is, who said it, when.

    What is given makes a new claim (see `claimed`); the current one is kept among
    the earlier claims, so confirming a hint never overwrites it. `noted` alone
    re-dates the current claim.
    """
    draft = claimed(season, window=window, confidence=confidence, source=source)
    return edit_season(watchlist, show, season, draft, today=today, noted=noted)


def delete_season(watchlist: Watchlist, show: Show, season: Season) -> Change:
    check_held(watchlist, show, season)
    updated = show.without_season(season)
    return Change(f"delete {season.label} of {show.title}", show, updated)
