"""A watchlist file opened for changes: every change saved at once, and undoable.

The screen and the command line both change the watchlist through a Document,
so both follow the same rules: the same validation, the same atomic save, the
same conflict check.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from watchtui.core.errors import ConflictError, ModelError, WatchlistFileError
from watchtui.core.model import Extra, Show, Watchlist
from watchtui.core.storage.atomic import (
    Fingerprint,
    backed_up_today,
    backup_paths,
    fingerprint,
    read,
    write_atomic,
)
from watchtui.core.storage.merge3 import Merged, merge_extra, merge_shows
from watchtui.core.storage.reader import decode, parse_watchlist
from watchtui.core.storage.writer import ShowTextCache, split_show_blocks

__all__ = [
    "Change",
    "ConflictError",
    "Document",
    "Snapshot",
    "Step",
    "collector_paused",
    "untouched",
]

UNDO_DEPTH = 100
"""Undo steps kept (an import of any size is one)."""


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a watchlist is built.

    Building 100,000 objects would set the collector off again and again, each
    time walking everything built so far: at 10,000 shows that doubles the time
    to read the file. Nothing built here forms a cycle. Nested uses are fine:
    only the outermost turns the collector back on.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass(frozen=True, slots=True)
class Change:
    """One show replaced, added (before is None) or deleted (after is None)."""

    description: str
    before: Show | None
    after: Show | None
    position: int = -1  # where an added show goes (-1: the end) or a deleted one was

    def inverse(self) -> Change:
        return Change(f"undo {self.description}", self.after, self.before, self.position)


@dataclass(frozen=True, slots=True)
class Step:
    """What one undo takes back and one redo makes again: one change, or the changes
    of one import, in the order they were made."""

    description: str
    changes: tuple[Change, ...]

    @property
    def shows(self) -> set[str]:
        """The title keys of the shows it touches."""
        return {
            show.key
            for change in self.changes
            for show in (change.before, change.after)
            if show is not None
        }


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
        self.history: list[Step] = []
        self._backed_up = False
        self.backups_daily = False
        """Back up at the first save of the day rather than of this run (the command
        line: each command is a run, and ten would push out this morning's file)."""
        self._as_read: tuple[str, tuple[Show, ...]] | None = None
        """The file's text and shows as read, until the first write seeds the text cache."""
        self._write_lock = threading.Lock()
        self.base: tuple[Show, ...] = tuple(watchlist.shows)
        """The shows as last read or written: what a merge takes as the common ancestor."""
        self.base_extra: Extra = dict(watchlist.extra)

    @classmethod
    def open(cls, path: Path) -> Document:
        """Read the file (a missing one is an empty watchlist); WatchlistFileError if bad,
        or if the file is missing but its backups are there: it was deleted, and an
        empty watchlist saved in its place would push the backups out one by one."""
        data, found = read(path)
        if data is None:
            backups = [backup for backup in backup_paths(path) if backup.exists()]
            if backups:
                raise WatchlistFileError(
                    path,
                    f"is missing, but its backup {backups[0].name} is there; restore it "
                    f"(copy {backups[0].name} to {path.name}), or move the backups away "
                    "to start a new watchlist",
                )
            return cls(path, Watchlist(), None)
        with collector_paused():
            text = decode(data, path)
            watchlist = parse_watchlist(text, path)
        document = cls(path, watchlist, found)
        document._as_read = (text, tuple(watchlist.shows))
        return document

    def _seed_cache(self) -> None:
        """Give the text cache each show's block as the person wrote it, comments and all,
        so a save rewrites only what changed. Done at the first write, not at start."""
        as_read, self._as_read = self._as_read, None
        if as_read is None:
            return
        text, shows = as_read
        blocks = split_show_blocks(text)
        if blocks is not None and len(blocks) == len(shows):
            self.cache.seed(list(shows), blocks)

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

    def apply(self, change: Change) -> Change:
        """Apply a change and remember it for undo, without saving; ModelError changes nothing."""
        return self.apply_all(change.description, [change]).changes[0]

    def apply_all(self, description: str, changes: Sequence[Change]) -> Step:
        """Apply changes as one undo step, without saving. ModelError from any of them
        takes back those before it: all are made, or none."""
        applied: list[Change] = []
        try:
            for change in changes:
                applied.append(self._apply(change))
        except ModelError:
            for change in reversed(applied):
                self._apply(change.inverse())
            raise
        step = Step(description, tuple(applied))
        self.history.append(step)
        del self.history[:-UNDO_DEPTH]
        return step

    def commit(self, change: Change) -> Change:
        """Apply a change, remember it for undo and save at once."""
        applied = self.apply(change)
        self.save()
        return applied

    def take_back(self) -> Step | None:
        """Undo the last step in memory, without saving; the step undone, or None."""
        if not self.history:
            return None
        last = self.history.pop()
        for change in reversed(last.changes):
            self._apply(change.inverse())
        return last

    def undo(self) -> Step | None:
        """Take back the last step and save; the step undone, or None."""
        last = self.take_back()
        if last is not None:
            self.save()
        return last

    # The file ------------------------------------------------------------

    def text(self) -> str:
        with self._write_lock:
            self._seed_cache()
            return self.cache.render(self.watchlist.shows, self.watchlist.extra)

    def snapshot(self, *, force: bool = False) -> Snapshot:
        """The watchlist as it is now, to be written. Cheap (a tuple of the shows):
        the text is made by `write`, on whichever thread writes."""
        return Snapshot(tuple(self.watchlist.shows), dict(self.watchlist.extra), force)

    def write(self, snapshot: Snapshot) -> None:
        """Write a snapshot atomically; ConflictError if the file changed on disk.

        Safe to call from a background thread: writes of one document never overlap,
        and the text cache is only used under the same lock.
        """
        with self._write_lock:
            self._seed_cache()
            text = self.cache.render(snapshot.shows, snapshot.extra)
            expected = fingerprint(self.path) if snapshot.force else self.expected
            if not self._backed_up and self.backups_daily and backed_up_today(self.path):
                self._backed_up = True
            # A forced save writes over another program's change: keep that version as
            # .bak1 even if this run has made its backup already.
            self.expected = write_atomic(
                self.path, text, expected, backup=snapshot.force or not self._backed_up
            )
            self._backed_up = True
            self.base, self.base_extra = snapshot.shows, snapshot.extra

    def save(self, *, force: bool = False) -> None:
        """Write the file atomically now; ConflictError if it changed on disk (unless force)."""
        self.write(self.snapshot(force=force))

    def reload(self) -> None:
        """Read the file again, dropping what was not saved and the undo history;
        WatchlistFileError if it cannot be read or is gone (an empty watchlist in
        its place would lose everything on screen)."""
        if not self.path.exists():
            raise WatchlistFileError(
                self.path, "is no longer there; your watchlist stays on screen, unsaved"
            )
        fresh = Document.open(self.path)
        self.watchlist, self.expected, self.cache = fresh.watchlist, fresh.expected, fresh.cache
        self.base, self.base_extra = fresh.base, fresh.base_extra
        self._as_read = fresh._as_read
        self.history.clear()

    def changed_on_disk(self) -> bool:
        """Whether the file looks changed since it was last read or written: a cheap
        look at its size, time and place on disk (a save still checks the bytes)."""
        try:
            info = self.path.stat()
        except OSError:
            return self.expected is not None
        if self.expected is None:
            return True
        seen = (info.st_ino, info.st_size, info.st_mtime_ns)
        return seen != (self.expected.inode, self.expected.size, self.expected.mtime_ns)

    def merge_from_disk(self) -> Merged:
        """Merge the file on disk into the watchlist in memory, three ways (the file as
        last read or written being the common ancestor), without saving.

        With conflicts, nothing changes and they are returned. Otherwise the watchlist
        becomes the merged one, the next save expects the file as just read, and undo
        keeps the changes made after the last one to a show the other side changed
        (older ones would undo onto a show that is no longer there). ConflictError if
        the file is gone; WatchlistFileError if it cannot be read.
        """
        data, found = read(self.path)
        if data is None:
            raise ConflictError(self.path, "was deleted or moved away")
        with collector_paused():
            text = decode(data, self.path)
            theirs = parse_watchlist(text, self.path)
        with self._write_lock:
            merged = merge_shows(self.base, self.watchlist.shows, theirs.shows)
            extra, clashes = merge_extra(self.base_extra, self.watchlist.extra, theirs.extra)
            merged.conflicts.extend(clashes)
            if merged.conflicts:
                return merged
            self._seed_cache()
            blocks = split_show_blocks(text)
            if blocks is not None and len(blocks) == len(theirs.shows):
                self.cache.seed(list(theirs.shows), blocks)  # their comments kept too
            self.watchlist.shows[:] = merged.shows
            self.watchlist.extra = extra
            self.expected = found
            self.base, self.base_extra = tuple(theirs.shows), dict(theirs.extra)
            self.history[:] = untouched(self.history, merged.taken)
        return merged

    def save_merging(self) -> Merged | None:
        """Save; if the file changed on disk, merge its changes in first and save the
        result. The merge (None if none was needed); ConflictError naming the first
        conflict when both sides changed the same thing."""
        try:
            self.save()
        except ConflictError:
            merged = self.merge_from_disk()
            if merged.conflicts:
                first = merged.conflicts[0]
                more = len(merged.conflicts) - 1
                raise ConflictError(
                    self.path,
                    f"was changed elsewhere in the same place ({first}"
                    + (f", and {more} more" if more else "")
                    + ")",
                ) from None
            self.save()
            return merged
        return None


def untouched(steps: list[Step], taken: set[str]) -> list[Step]:
    """The steps after the last one to a show whose title key is in `taken`."""
    for index in range(len(steps) - 1, -1, -1):
        if steps[index].shows & taken:
            return steps[index + 1 :]
    return list(steps)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The watchlist at one moment, to be written: its shows (immutable) and top keys."""

    shows: tuple[Show, ...]
    extra: Extra
    force: bool = False
