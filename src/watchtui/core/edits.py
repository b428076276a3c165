"""The edits a person can make to a watchlist, each written once.

Every edit is a function from the watchlist (with the show, season or cast note
it is about, the values given, and today) to a `Change` that a Document applies,
saves and can undo. The screen and the command line both call these, so "mark
watched", "noted" or a taken title mean the same wherever the edit is made.

An edit that is refused raises `ModelError` with the reason in the user's words.
An edit that would change nothing raises `Unchanged`, a ModelError too, so that a
caller may say so gently rather than as an error.

A *draft* is a record holding what the person typed (a form's fields, a
command's options). The edit takes from it only those fields and works out the
rest: outer spaces are dropped, a window that means "no window" ("TBA") is
stored empty, and the dates the file keeps follow these rules:

- `noted` (when a window was last said) is set to the date given, else to today
  when the window, confidence or source change; a season left with no window and
  no source has nothing to note.
- `finished` follows the episode counts when they change: with the number of
  episodes known, a season is finished when all are watched (keeping the day it
  was first finished) and not before; with it unknown, only marking it watched
  finishes it, and lowering the count unfinishes it. A season marked watched
  before its episode count was known stays watched in full when the count is given.
- Marking watched never loses progress: toggling a partly watched season marks
  the rest watched; only a season watched in full is marked unwatched.
"""

from __future__ import annotations

from datetime import date

from watchtui.core import model
from watchtui.core.errors import ModelError, Unchanged, WindowError
from watchtui.core.model import CastNote, Confidence, Season, Show, Watchlist, replace, title_key
from watchtui.core.state import SeasonState, season_state
from watchtui.core.storage.document import Change
from watchtui.core.windows import parse_window

__all__ = [
    "Unchanged",
    "add_cast_note",
    "add_season",
    "add_show",
    "delete_cast_note",
    "delete_season",
    "delete_show",
    "edit_cast_note",
    "edit_season",
    "edit_show",
    "fill_ids",
    "find_cast_note",
    "find_season",
    "find_show",
    "mark_unwatched",
    "mark_watched",
    "set_watched_episodes",
    "set_window_claim",
    "step_watched_episodes",
    "toggle_watched",
]


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


def _held(
    watchlist: Watchlist, show: Show, season: Season | None = None, note: CastNote | None = None
) -> None:
    """Refuse an edit of a show, season or note that is not (or no longer) this very one."""
    watchlist.index(show)  # ModelError if this very show is not in the watchlist
    if season is not None and not any(held is season for held in show.seasons):
        raise ModelError(f'"{show.title}" has no such {season.label.lower()}')
    if note is not None and not any(held is note for held in show.cast):
        raise ModelError(f'"{show.title}" has no cast note for {note.name}')


# Shows ---------------------------------------------------------------------------


def _show_fields(draft: Show) -> dict[str, object]:
    return {
        "title": draft.title.strip(),
        "original_title": draft.original_title.strip(),
        "network": draft.network.strip(),
        "status": draft.status,
        "notes": draft.notes.strip(),
    }


def add_show(watchlist: Watchlist, draft: Show, *, today: date) -> Change:
    """Add a show; it is dated today unless the draft says when it was added."""
    show = replace(draft, **_show_fields(draft), added=draft.added or today)
    watchlist.check_title(show.title)
    return Change(f"add {show.title}", None, show)


def edit_show(watchlist: Watchlist, show: Show, draft: Show) -> Change:
    """Change a show's title, original title, network, status and notes."""
    _held(watchlist, show)
    watchlist.check_title(draft.title, ignoring=show)
    new = replace(show, **_show_fields(draft))
    if new == show:
        raise Unchanged(f"{show.title} unchanged")
    return Change(f"edit {show.title}", show, new)


def fill_ids(watchlist: Watchlist, show: Show, ids: model.Ids) -> Change:
    """Give a show the ids it lacks in other databases; the ids it has are kept."""
    _held(watchlist, show)
    names = ("imdb", "tvdb", "tmdb", "tvmaze", "trakt", "mal")
    missing = {n: getattr(ids, n) for n in names if getattr(show.ids, n) is None}
    new = replace(show, ids=replace(show.ids, **missing))
    if new == show:
        raise Unchanged(f"{show.title} has these ids already")
    return Change(f"add ids to {show.title}", show, new)


def delete_show(watchlist: Watchlist, show: Show) -> Change:
    _held(watchlist, show)
    return Change(f"delete {show.title}", show, None)


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


def _settled(before: Season, after: Season, today: date, noted: date | None) -> Season:
    """`before` with the fields a person types taken from the draft `after`, and its
    finished and noted dates worked out (the rules in this module's docstring).
    Text that did not change is kept as it was written."""
    claim = _claim(after)
    if claim == _said_claim(before):
        window, source = before.window, before.source
        noted = before.noted if noted is None else noted
    else:
        window, _, source = claim
        if noted is None:
            noted = today if window or source else None
    watched, finished = after.watched, before.finished
    if (after.episodes, after.watched) != (before.episodes, before.watched):
        if (
            before.finished is not None
            and before.episodes is None
            and after.episodes is not None
            and after.watched == before.watched
        ):
            watched = after.episodes  # watched in full before the count was known
        if after.episodes:
            finished = (before.finished or today) if watched >= after.episodes else None
        elif watched < before.watched:
            finished = None
    return replace(
        before,
        number=after.number,
        title=before.title if after.title == before.title else after.title.strip(),
        episodes=after.episodes,
        confidence=after.confidence,
        window=window,
        source=source,
        noted=noted,
        watched=watched,
        finished=finished,
    )


def add_season(
    watchlist: Watchlist, show: Show, draft: Season, *, today: date, noted: date | None = None
) -> Change:
    """Add a season with the draft's number, title, episodes, watched count and window.

    `noted` dates the window; by default a season added with a window or a source
    is noted today.
    """
    _held(watchlist, show)
    season = _settled(Season(draft.number), draft, today, noted)
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
    _held(watchlist, show, season)
    new = _settled(season, draft, today, noted)
    if new == season:
        raise Unchanged(f"{season.label} unchanged")
    updated = show.with_season(new, replacing=season)
    return Change(f"edit {season.label} of {show.title}", show, updated)


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

    Only what is given changes: confirming a window keeps its source unless a new
    one is given, which replaces it.
    """
    draft = replace(
        season,
        window=season.window if window is None else window,
        confidence=season.confidence if confidence is None else confidence,
        source=season.source if source is None else source,
    )
    return edit_season(watchlist, show, season, draft, today=today, noted=noted)


def delete_season(watchlist: Watchlist, show: Show, season: Season) -> Change:
    _held(watchlist, show, season)
    updated = show.without_season(season)
    return Change(f"delete {season.label} of {show.title}", show, updated)


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


def mark_watched(watchlist: Watchlist, show: Show, season: Season, *, today: date) -> Change:
    """Watched in full: finished today, every known episode seen."""
    _held(watchlist, show, season)
    if _watched_in_full(season, today):
        raise Unchanged(f"{season.label} is already watched")
    watched = season.episodes if season.episodes is not None else season.watched
    return _marked(show, season, replace(season, finished=today, watched=watched), "watched")


def mark_unwatched(watchlist: Watchlist, show: Show, season: Season, *, today: date) -> Change:
    """Not watched at all, for a season watched in full; a partly watched one is refused,
    so that its progress is never lost by accident."""
    _held(watchlist, show, season)
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
    watchlist: Watchlist, show: Show, season: Season, count: int, *, today: date
) -> Change:
    """`count` episodes seen; seeing the last one finishes the season."""
    _held(watchlist, show, season)
    if count < 0:
        raise ModelError("episodes watched must be 0 or more")
    if season.episodes is not None and count > season.episodes:
        raise ModelError(
            f"{season.label} has {_episodes(season.episodes)}, so {count} cannot be watched"
        )
    new = _settled(season, replace(season, watched=count), today, None)
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


# Cast notes ----------------------------------------------------------------------


def _note_fields(draft: CastNote) -> dict[str, str]:
    return {"name": draft.name.strip(), "role": draft.role.strip(), "note": draft.note.strip()}


def _check_name(show: Show, name: str, ignoring: CastNote | None = None) -> None:
    if not name.strip():
        raise ModelError("a cast note needs a name")
    other = find_cast_note(show, name)
    if other is not None and other is not ignoring:
        raise ModelError(f'"{show.title}" already has a cast note for {other.name}')


def add_cast_note(watchlist: Watchlist, show: Show, draft: CastNote) -> Change:
    """Add a cast note; one name has one note per show (the command line finds notes
    by name)."""
    _held(watchlist, show)
    note = replace(draft, **_note_fields(draft))
    _check_name(show, note.name)
    return Change(f"add cast note {note.name} to {show.title}", show, show.with_cast(note))


def edit_cast_note(watchlist: Watchlist, show: Show, note: CastNote, draft: CastNote) -> Change:
    _held(watchlist, show, note=note)
    _check_name(show, draft.name, ignoring=note)
    new = replace(note, **_note_fields(draft))
    if new == note:
        raise Unchanged(f"cast note for {note.name} unchanged")
    updated = show.with_cast(new, replacing=note)
    return Change(f"edit cast note {note.name} of {show.title}", show, updated)


def delete_cast_note(watchlist: Watchlist, show: Show, note: CastNote) -> Change:
    _held(watchlist, show, note=note)
    updated = show.without_cast(note)
    return Change(f"delete cast note {note.name} of {show.title}", show, updated)
