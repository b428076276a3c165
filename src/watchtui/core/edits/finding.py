"""Finding what an edit is about, and refusing an edit of something no longer there."""

from __future__ import annotations

from watchtui.core.errors import ModelError
from watchtui.core.model import CastNote, Season, Show, Watchlist, title_key

# Finding what an edit is about ------------------------------------------------


def find_show(watchlist: Watchlist, title: str) -> Show:
    """The show with this title, ignoring case and outer spaces."""
    show = watchlist.find(title)
    if show is None:
        raise ModelError(f'no show named "{title}"')
    return show


def find_season(show: Show, number: int) -> Season:
    season = show.season(number)
    if season is None:
        label = "specials" if number == 0 else f"season {number}"
        raise ModelError(f'"{show.title}" has no {label}')
    return season


def find_cast_note(show: Show, name: str) -> CastNote | None:
    """The show's cast note for this name, ignoring case and outer spaces."""
    key = title_key(name)
    return next((note for note in show.cast if title_key(note.name) == key), None)


def check_held(
    watchlist: Watchlist, show: Show, season: Season | None = None, note: CastNote | None = None
) -> None:
    """Refuse an edit of a show, season or note that is not (or no longer) this very one."""
    watchlist.index(show)  # ModelError if this very show is not in the watchlist
    if season is not None and not any(held is season for held in show.seasons):
        raise ModelError(f'"{show.title}" has no such {season.label.lower()}')
    if note is not None and not any(held is note for held in show.cast):
        raise ModelError(f'"{show.title}" has no cast note for {note.name}')
