"""Edits of a cast note."""

from __future__ import annotations

from watchtui.core.edits.finding import check_held, find_cast_note
from watchtui.core.errors import ModelError, Unchanged
from watchtui.core.model import CastNote, Show, Watchlist, replace
from watchtui.core.storage.document import Change

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
    check_held(watchlist, show)
    note = replace(draft, **_note_fields(draft))
    _check_name(show, note.name)
    return Change(f"add cast note {note.name} to {show.title}", show, show.with_cast(note))


def edit_cast_note(watchlist: Watchlist, show: Show, note: CastNote, draft: CastNote) -> Change:
    check_held(watchlist, show, note=note)
    _check_name(show, draft.name, ignoring=note)
    new = replace(note, **_note_fields(draft))
    if new == note:
        raise Unchanged(f"cast note for {note.name} unchanged")
    updated = show.with_cast(new, replacing=note)
    return Change(f"edit cast note {note.name} of {show.title}", show, updated)


def delete_cast_note(watchlist: Watchlist, show: Show, note: CastNote) -> Change:
    check_held(watchlist, show, note=note)
    updated = show.without_cast(note)
    return Change(f"delete cast note {note.name} of {show.title}", show, updated)
