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

- A new claim never erases an old one: when the window, confidence or source
  change, the current claim moves into the season's earlier claims (docs/claims.md).
- `noted` (when a window was last said) is set to the date given, else to today
  when the window, confidence or source change; a season left with no window and
  no source, and no earlier claim, has nothing to note.
- `finished` follows the episode counts when they change: with the number of
  episodes known, a season is finished when all are watched (keeping the day it
  was first finished) and not before; with it unknown, only marking it watched
  finishes it, and lowering the count unfinishes it. A season marked watched
  before its episode count was known stays watched in full when the count is given.
  A finished day may be given instead of today (never a day after today, and only
  for a season watched in full); clearing it unfinishes a season whose number of
  episodes is unknown, and re-dates one with every episode watched to today.
- Marking watched never loses progress: toggling a partly watched season marks
  the rest watched; only a season watched in full is marked unwatched.
"""

from __future__ import annotations

from watchtui.core.edits.cast import add_cast_note, delete_cast_note, edit_cast_note
from watchtui.core.edits.finding import find_cast_note, find_season, find_show
from watchtui.core.edits.seasons import (
    add_season,
    claimed,
    delete_season,
    edit_season,
    set_window_claim,
)
from watchtui.core.edits.shows import add_show, delete_show, edit_show, fill_ids
from watchtui.core.edits.watching import (
    mark_unwatched,
    mark_watched,
    set_watched_episodes,
    step_watched_episodes,
    toggle_watched,
)
from watchtui.core.errors import Unchanged

__all__ = [
    "Unchanged",
    "add_cast_note",
    "add_season",
    "add_show",
    "claimed",
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
