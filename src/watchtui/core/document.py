"""A watchlist file opened for changes: every change saved at once, and undoable.

The screen and the command line both change the watchlist through a Document,
so both follow the same rules: the same validation, the same atomic save, the
same conflict check.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from watchtui.core.codec import ShowTextCache, dump_watchlist, split_show_blocks
from watchtui.core.model import Show, Watchlist
from watchtui.core.store import ConflictError, Fingerprint, load, write_atomic

__all__ = ["Change", "ConflictError", "Document"]

UNDO_DEPTH = 100


@dataclass(frozen=True, slots=True)
class Change:
    """One show replaced, added (before is None) or deleted (after is None)."""

    description: str
    before: Show | None
    after: Show | None
    position: int = -1  # where an added show goes (-1: the end) or a deleted one was

    def inverse(self) -> Change:
        return Change(f"undo {self.description}", self.after, self.before, self.position)


class Document:
    def __init__(
        self,
        path: Path,
        watchlist: Watchlist,
        expected: Fingerprint | None,
        cache: ShowTextCache | None = None,
    ) -> None:
        self.path = path
        self.watchlist = watchlist
        self.expected = expected
        self.cache = cache or ShowTextCache()
        self.history: list[Change] = []
        self._backed_up = False

    @classmethod
    def open(cls, path: Path) -> Document:
        loaded = load(path)
        cache = ShowTextCache()
        if loaded.text:
            blocks = split_show_blocks(loaded.text)
            if blocks is not None and len(blocks) == len(loaded.watchlist.shows):
                cache.seed(loaded.watchlist.shows, blocks)
        return cls(path, loaded.watchlist, loaded.fingerprint, cache)

    # Changes -------------------------------------------------------------

    def _apply(self, change: Change) -> Change:
        """Apply to the watchlist; return the change with the position it took."""
        shows = self.watchlist
        if change.before is None and change.after is not None:
            position = len(shows.shows) if change.position < 0 else change.position
            shows.add(change.after, position)
            return Change(change.description, None, change.after, position)
        if change.after is None and change.before is not None:
            position = shows.remove(change.before)
            return Change(change.description, change.before, None, position)
        if change.before is not None and change.after is not None:
            shows.replace(change.before, change.after)
            return Change(
                change.description, change.before, change.after, shows.index(change.after)
            )
        raise ValueError("a change needs a show before or after it")

    def commit(self, change: Change) -> Change:
        """Apply a change, remember it for undo and save. ModelError leaves all as it was."""
        applied = self._apply(change)
        self.history.append(applied)
        del self.history[:-UNDO_DEPTH]
        self.save()
        return applied

    def undo(self) -> Change | None:
        """Take back the last change and save; the change undone, or None."""
        if not self.history:
            return None
        last = self.history.pop()
        self._apply(last.inverse())
        self.save()
        return last

    # The file ------------------------------------------------------------

    def text(self) -> str:
        return dump_watchlist(self.watchlist, self.cache)

    def save(self, *, force: bool = False) -> None:
        """Write the file atomically; ConflictError if it changed on disk (unless force)."""
        from watchtui.core.store import fingerprint

        expected = fingerprint(self.path) if force else self.expected
        self.expected = write_atomic(self.path, self.text(), expected, backup=not self._backed_up)
        self._backed_up = True

    def reload(self) -> None:
        """Read the file again, dropping what was not saved and the undo history."""
        fresh = Document.open(self.path)
        self.watchlist, self.expected, self.cache = fresh.watchlist, fresh.expected, fresh.cache
        self.history.clear()
