"""Edits of a show: add, change, fill in its ids, delete."""

from __future__ import annotations

from datetime import date

from watchtui.core import model
from watchtui.core.edits.finding import check_held
from watchtui.core.errors import Unchanged
from watchtui.core.model import Show, Watchlist, replace
from watchtui.core.storage.document import Change

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
    check_held(watchlist, show)
    watchlist.check_title(draft.title, ignoring=show)
    new = replace(show, **_show_fields(draft))
    if new == show:
        raise Unchanged(f"{show.title} unchanged")
    return Change(f"edit {show.title}", show, new)


def fill_ids(watchlist: Watchlist, show: Show, ids: model.Ids) -> Change:
    """Give a show the ids it lacks in other databases; the ids it has are kept."""
    check_held(watchlist, show)
    names = ("imdb", "tvdb", "tmdb", "tvmaze", "trakt", "mal")
    missing = {n: getattr(ids, n) for n in names if getattr(show.ids, n) is None}
    new = replace(show, ids=replace(show.ids, **missing))
    if new == show:
        raise Unchanged(f"{show.title} has these ids already")
    return Change(f"add ids to {show.title}", show, new)


def delete_show(watchlist: Watchlist, show: Show) -> Change:
    check_held(watchlist, show)
    return Change(f"delete {show.title}", show, None)
