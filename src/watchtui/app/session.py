"""The watchlist being edited on screen: its document, undo and redo, saving, and
what the shows list is looking at. Textual-free, so tests drive it directly.

Every edit is made by the rules of `watchtui.core.edits`, and every change goes
through `change` (or `undo` / `redo`): it is applied to the Document and handed
to the Saver, which writes it on its own thread, so a save never holds the
screen. The Saver reports each write to `report`, from that
thread: the screen hops back to its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from watchtui.core import edits
from watchtui.core.model import CastNote, Season, Show, Watchlist
from watchtui.core.state import SeasonState
from watchtui.core.storage.document import Change, Document, Step, untouched
from watchtui.core.storage.merge3 import Merged
from watchtui.core.storage.saver import Saver
from watchtui.core.views import ShowFilter, ShowIndex, StandingCache

__all__ = ["Report", "Session"]

Report = Callable[[BaseException | None, int], None]
"""Called after each write, from the writer thread, with the error (None: saved) and
the report's number (1, 2, ...: later reports say what is on disk now)."""

Counts = tuple[int, int]
"""Shows whose next season is hinted, and overdue."""


class Session:
    def __init__(self, document: Document, today: date, report: Report) -> None:
        self.document = document
        self.today = today
        # Every write on the writer thread, however small the file: fsync can take
        # long on a busy disk, and the screen must not wait for it.
        self.reports = 0
        """Reports made so far (counted on the writer thread)."""
        self._report = report
        self.saver = Saver(document, self._reported, background_from=0)
        self.redo_stack: list[Step] = []
        """Steps undone, the last undone last; a new change clears it."""
        self.selected: Show | None = None
        """The show under the cursor in the shows list."""
        self.standings = StandingCache(today)
        self.index = ShowIndex(document.watchlist.shows)
        self.counts: Counts | None = None
        """Highlighted shows, once first counted (off the screen's thread)."""

    def _reported(self, error: BaseException | None, _background: bool) -> None:
        self.reports += 1
        self._report(error, self.reports)

    @property
    def path(self) -> Path:
        return self.document.path

    @property
    def shows(self) -> list[Show]:
        return self.document.watchlist.shows

    def visible(self, which: ShowFilter, query: str) -> list[Show]:
        """The shows the list shows for a filter and a title query, in title order."""
        return self.index.select(which, query, self.standings)

    # Changes ---------------------------------------------------------------

    def change(self, change: Change) -> Change:
        """Apply a change and save it; ModelError (nothing changed) if the rules refuse it."""
        return self.change_all(change.description, [change]).changes[0]

    def change_all(self, description: str, changes: Sequence[Change]) -> Step:
        """Apply changes as one undo step (an import) and save them; ModelError, and
        nothing changed, if the rules refuse any."""
        step = self.document.apply_all(description, changes)
        self.redo_stack.clear()
        for change in step.changes:
            self._took(change)
        return step

    def undo(self) -> Step | None:
        """Take back the last step and save; the step as it was made, or None."""
        last = self.document.take_back()
        if last is None:
            return None
        self.redo_stack.append(last)
        for change in reversed(last.changes):
            self._took(change.inverse())
        return last

    def redo(self) -> Step | None:
        """Make again the last step undone and save; that step, or None."""
        if not self.redo_stack:
            return None
        last = self.redo_stack.pop()
        step = self.document.apply_all(last.description, last.changes)
        for change in step.changes:
            self._took(change)
        return step

    def _took(self, change: Change) -> None:
        """Bring the index and the counts up to date with one change, and save."""
        self.index.update(change.before, change.after)
        if self.counts is not None:
            hinted, overdue = self.counts
            for show, sign in ((change.before, -1), (change.after, 1)):
                if show is not None:
                    state = self.standings.get(show).state
                    hinted += sign * (state is SeasonState.HINTED)
                    overdue += sign * (state is SeasonState.OVERDUE)
            self.counts = (hinted, overdue)
        if change.before is not None:
            self.standings.forget(change.before)
        self.saver.submit()

    # Edits, each by the rules of `watchtui.core.edits` ------------------------
    # Each applies and saves the edit and returns it; ModelError if the rules
    # refuse it, `edits.Unchanged` if it would change nothing.

    @property
    def watchlist(self) -> Watchlist:
        return self.document.watchlist

    def add_show(self, draft: Show) -> Change:
        return self.change(edits.add_show(self.watchlist, draft, today=self.today))

    def edit_show(self, show: Show, draft: Show) -> Change:
        return self.change(edits.edit_show(self.watchlist, show, draft))

    def add_season(self, show: Show, draft: Season) -> Change:
        return self.change(edits.add_season(self.watchlist, show, draft, today=self.today))

    def edit_season(self, show: Show, season: Season, draft: Season) -> Change:
        change = edits.edit_season(self.watchlist, show, season, draft, today=self.today)
        return self.change(change)

    def add_cast_note(self, show: Show, draft: CastNote) -> Change:
        return self.change(edits.add_cast_note(self.watchlist, show, draft))

    def edit_cast_note(self, show: Show, note: CastNote, draft: CastNote) -> Change:
        return self.change(edits.edit_cast_note(self.watchlist, show, note, draft))

    def toggle_watched(self, show: Show, season: Season) -> Change:
        """Unmark a season watched in full; mark any other watched (progress is kept)."""
        return self.change(edits.toggle_watched(self.watchlist, show, season, today=self.today))

    def step_episodes(self, show: Show, season: Season, step: int) -> Change:
        """`step` episodes more (or fewer) watched; `Unchanged` at a limit."""
        change = edits.step_watched_episodes(self.watchlist, show, season, step, today=self.today)
        return self.change(change)

    def delete(self, show: Show, item: Show | Season | CastNote) -> Change:
        """Delete a show, or one of its seasons or cast notes."""
        if isinstance(item, Season):
            return self.change(edits.delete_season(self.watchlist, show, item))
        if isinstance(item, CastNote):
            return self.change(edits.delete_cast_note(self.watchlist, show, item))
        return self.change(edits.delete_show(self.watchlist, item))

    # Saving --------------------------------------------------------------------

    def flush(self) -> BaseException | None:
        """Wait for the writes under way; the last one's error, if any. Blocks: a
        screen calls it from a thread, or as it closes."""
        return self.saver.flush()

    def overwrite(self) -> None:
        """Save over the file on disk, though another program changed it."""
        self.saver.submit(force=True)

    def reload(self) -> None:
        """Read the file again, dropping the unsaved change and undo and redo;
        WatchlistFileError if the file on disk cannot be read."""
        self.flush()
        self.document.reload()
        self.redo_stack.clear()
        self.index = ShowIndex(self.document.watchlist.shows)
        self.standings.forget_missing(self.document.watchlist.shows)
        self.counts = None

    def merge_from_disk(self) -> Merged:
        """Merge the file on disk into the watchlist (see `Document.merge_from_disk`),
        without saving; with conflicts, nothing changes. Undo and redo keep the changes
        that do not touch a show the other side changed. Call with no write under way."""
        merged = self.document.merge_from_disk()
        if not merged.conflicts:
            self.redo_stack[:] = untouched(self.redo_stack, merged.taken)
            self.index = ShowIndex(self.document.watchlist.shows)
            self.standings.forget_missing(self.document.watchlist.shows)
            self.counts = None
        return merged

    def close(self) -> BaseException | None:
        """Finish the writes; the error of the last one, if it failed."""
        return self.saver.close()
