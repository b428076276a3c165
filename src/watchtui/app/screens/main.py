"""The main screen: shows, seasons of the selected show, and its cast notes.

The screen composes the panes, pushes the state they show into them
(`show` with `data_bind`, the list's rows), and routes what they ask for to the
Session, which owns the watchlist, undo and saving. Keys come from the command
table (`watchtui.app.keys`); a pane's own keys act on its own selection.

The forms, dialogs and help are imported when first opened, not at start: the
help's Markdown widget alone costs more to import than the shows list.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, Static

from watchtui.app import keys
from watchtui.app.screens import main_commands
from watchtui.app.session import Session
from watchtui.app.text import printable
from watchtui.app.widgets.cast_pane import CastTable
from watchtui.app.widgets.pane import PaneRequest
from watchtui.app.widgets.safe_input import SafeInput as Input
from watchtui.app.widgets.seasons_pane import SeasonsTable
from watchtui.app.widgets.show_list import ShowList
from watchtui.core.errors import ConflictError, ModelError, Unchanged
from watchtui.core.model import Show
from watchtui.core.storage.document import Change, Document
from watchtui.core.storage.saver import Saver
from watchtui.core.views import ShowFilter, StandingCache, highlight_counts

__all__ = ["MainScreen"]


class MainScreen(Screen[None]):
    BINDINGS = keys.screen_bindings()

    # `var`, not `reactive`: a change here repaints nothing by itself (a reactive on
    # the screen would repaint the whole screen on every cursor move); the panes
    # bound to these repaint what they show.
    show: var[Show | None] = var(None)
    """The show under the cursor in the shows pane."""
    filter: var[ShowFilter] = var(ShowFilter.ALL)
    """Which shows the list shows; `f` cycles it."""
    search: var[str] = var("")
    """Text the show titles must contain; `/` edits it."""
    unsaved: var[bool] = var(False)
    """A change is in memory but not on disk (a save failed or a conflict is pending)."""

    def __init__(self, document: Document, today: date) -> None:
        super().__init__()
        self.session = Session(document, today, self._report_save)
        self.asking_about_conflict = False
        self.overwriting = False
        self.reports_settled = 0
        """Save reports up to this one are settled by the user's answer to a conflict."""
        self._counting = 0  # the latest full count started
        self._had_show: bool | None = None

    @property
    def document(self) -> Document:
        return self.session.document

    @property
    def today(self) -> date:
        return self.session.today

    @property
    def standings(self) -> StandingCache:
        return self.session.standings

    @property
    def saver(self) -> Saver:
        return self.session.saver

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notify; messages here carry titles, names and paths, so they are not read as
        markup and their control characters are shown as stand-ins."""
        super().notify(
            printable(message),
            title=printable(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    # Layout ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with Vertical(id="shows-pane") as shows:
            shows.border_title = "Shows"
            yield ShowList(self.standings, id="shows")
            yield Static(id="empty")
            yield Input(placeholder="filter by title — esc clears", id="find")
        with Vertical(id="detail"):
            yield SeasonsTable(self.today, id="seasons").data_bind(MainScreen.show)
            yield CastTable(id="cast").data_bind(MainScreen.show)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#seasons").border_title = "Seasons"
        self.query_one("#cast").border_title = "Cast notes"
        self.reload_list()
        show_list = self.query_one(ShowList)
        show_list.focus()
        # The selection follows the list's cursor at once, not through a message: keys
        # are priority bindings run in the order typed (keys.py), so `down tab h` must
        # find the seasons pane already showing the show `down` moved to.
        self.watch(show_list, "cursor", lambda _: self._select(show_list.current), init=False)
        # After the first frame: the count's thread would otherwise compete with
        # drawing it (10,000 shows: ~0.1 s of work holding the GIL in turns).
        self.call_after_refresh(self.count_highlights)
        self.set_interval(main_commands.POLL_SECONDS, lambda: main_commands.poll_file(self))

    # What the panes show -----------------------------------------------------

    def reload_list(self, keep: Show | None = None, *, best: bool = False) -> None:
        """Refill the list from the watchlist, the filter and the query (with `best`,
        the cursor on the best match, listed first)."""
        shows = self.session.visible(self.filter, self.search)
        show_list = self.query_one(ShowList)
        if best and shows:
            keep = shows[0]
        show_list.set_shows(shows, keep=keep or self.show)
        self._select(show_list.current)
        total = len(self.session.shows)
        pane = self.query_one("#shows-pane")
        title = f"Shows {len(shows)}/{total}" if len(shows) != total else f"Shows {total}"
        subtitle = "" if self.filter is ShowFilter.ALL else f"filter: {self.filter}"
        # Setting a border title repaints the whole pane, even to the same text.
        if pane.border_title != title:
            pane.border_title = title
        if (pane.border_subtitle or "") != subtitle:
            pane.border_subtitle = subtitle
        empty = self.query_one("#empty", Static)
        empty.display = not shows
        show_list.display = bool(shows)
        if not shows:  # the message is only worked out when it is seen
            empty.update(main_commands.empty_message(self.document.path, total))
        self.update_status()

    def _select(self, show: Show | None) -> None:
        self.show = self.session.selected = show
        if (show is not None) != self._had_show:  # `n` and `c` need a show
            self._had_show = show is not None
            self.refresh_bindings()

    @on(ShowList.Highlighted)
    def _show_highlighted(self, event: ShowList.Highlighted) -> None:
        self._select(event.show)

    def on_resize(self) -> None:
        self.update_status()  # the path is shortened to the width

    def update_status(self) -> None:
        # One line of fixed height: no layout needed (a layout repaints every pane).
        self.query_one("#status", Static).update(main_commands.status_line(self), layout=False)

    def watch_unsaved(self) -> None:
        if self.is_mounted:
            self.update_status()

    def count_highlights(self) -> None:
        """Count hinted and overdue shows afresh, off the main thread (10,000 shows: ~0.1 s).

        The thread gets a tuple of the (immutable) shows taken here, and works
        out their standings itself: it never reads the cache this thread changes.
        """
        self._counting += 1
        self._count_all(tuple(self.session.shows), self._counting)

    @work(thread=True, exclusive=True, group="counts", description="count highlights")
    def _count_all(self, shows: tuple[Show, ...], generation: int) -> None:
        hinted, overdue = highlight_counts(shows, self.today)
        self.post_message(self.Counted(hinted, overdue, generation))

    class Counted(Message):
        """How many shows are highlighted: next season hinted, or overdue."""

        def __init__(self, hinted: int, overdue: int, generation: int) -> None:
            self.hinted = hinted
            self.overdue = overdue
            self.generation = generation
            super().__init__()

    @on(Counted)
    def _counted(self, event: Counted) -> None:
        if event.generation == self._counting:  # not a count overtaken by a newer one
            self.session.counts = (event.hinted, event.overdue)
            self.update_status()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.focused is not None and self.focused.id == "find" and keys.typed_in_filter(action):
            return False  # its key types into the filter: not in the Footer
        if action in ("add_season", "add_cast", "refresh"):
            return self.show is not None or None
        return True

    # Changes ---------------------------------------------------------------

    def edit(self, make: Callable[[], Change]) -> Change | None:
        """Make an edit through the session (saved on the writer thread) and show it;
        None, said in a message, if it would change nothing or the rules refuse it."""
        try:
            change = make()
        except Unchanged as unchanged:
            self.notify(str(unchanged), timeout=3)
            return None
        except ModelError as problem:
            self.notify(str(problem), title="Not changed", severity="error")
            return None
        self.after_change(change, change.after)
        return change

    def after_change(self, change: Change | None, select: Show | None) -> None:
        """Show the watchlist as changed: by `change`, or anyhow (a reload)."""
        if self.session.counts is None:
            self.count_highlights()
        self.reload_list(keep=select)

    @on(PaneRequest)
    def _pane_request(self, event: PaneRequest) -> None:
        """A pane's own key on its selected item."""
        event.stop()
        if not self.is_active:  # typed ahead of a form or question it already opened
            return
        show = self.show
        if show is not None:
            main_commands.carry_out(self, show, event)

    def action_undo(self) -> None:
        last = self.session.undo()
        if last is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        self.after_change(last.changes[0].inverse(), last.changes[0].before)
        self.notify(f"Undone: {printable(last.description)}", timeout=3)

    def action_redo(self) -> None:
        try:
            change = self.session.redo()
        except ModelError as problem:  # pragma: no cover - undo restored what it needs
            self.notify(str(problem), title="Not redone", severity="error")
            return
        if change is None:
            self.notify("Nothing to redo.", timeout=2)
            return
        self.after_change(change.changes[-1], change.changes[-1].after)
        self.notify(f"Redone: {printable(change.description)}", timeout=3)

    # Saving --------------------------------------------------------------------

    class Saved(Message):
        """A save finished: `error` is None, a ConflictError or an OSError."""

        def __init__(self, error: BaseException | None, number: int) -> None:
            self.error = error
            self.number = number
            super().__init__()

    def _report_save(self, error: BaseException | None, number: int) -> None:
        self.post_message(self.Saved(error, number))  # from the writer thread

    @on(Saved)
    def _saved(self, event: Saved) -> None:
        if event.number <= self.reports_settled:  # already answered by the user
            return
        error = event.error
        self.unsaved = error is not None
        if isinstance(error, ConflictError):
            if not self.asking_about_conflict:
                self.asking_about_conflict = True
                self.run_worker(main_commands.merge_or_ask(self), exclusive=True, group="merge")
        elif error is not None:
            self.notify(f"Could not save: {error}", title="Not saved", severity="error")
        elif self.overwriting:
            self.overwriting = False
            self.notify("Saved over the file on disk.")

    # Actions: adding -------------------------------------------------------

    def action_add_show(self) -> None:
        main_commands.add_show(self)

    def action_add_season(self) -> None:
        if self.show is not None:
            main_commands.add_season(self, self.show)

    def action_add_cast(self) -> None:
        if self.show is not None:
            main_commands.add_cast(self, self.show)

    def action_refresh(self, everything: bool = False) -> None:
        from watchtui.app import refresh

        if everything:
            refresh.refresh_all(self)
        elif self.show is not None:
            refresh.refresh_show(self, self.show)

    def action_import_export(self) -> None:
        from watchtui.app.screens.import_screen import open_import

        open_import(self)

    def action_elsewhere(self, pane: str) -> None:
        """A key of another pane: say where it works rather than do nothing."""
        self.notify(main_commands.elsewhere_hint(keys.Pane(pane)), timeout=3)

    # Actions: finding ------------------------------------------------------

    def action_find(self) -> None:
        find = self.query_one("#find", Input)
        find.display = True
        find.can_focus = True
        self.set_focus(find)  # at once: the keys typed right after `/` land in the query

    @on(Input.Changed, "#find")
    def _find_changed(self, event: Input.Changed) -> None:
        self.search = event.value

    @on(Input.Submitted, "#find")
    def _find_submitted(self) -> None:
        # The query stays on screen, but tab goes on to the seasons pane, not back
        # into the query; `/` edits it again.
        find = self.query_one("#find", Input)
        find.can_focus = False
        if self.focused in (find, None):  # not if a tab typed after enter moved it on
            self.set_focus(self.query_one(ShowList))

    def watch_search(self, search: str) -> None:
        if self.is_mounted:
            self.reload_list(best=bool(search.strip()))

    def watch_filter(self) -> None:
        if self.is_mounted:
            self.reload_list()

    def action_clear_find(self) -> None:
        find = self.query_one("#find", Input)
        if not (find.display or self.search):
            return
        find.value = ""
        find.display = False
        self.query_one(ShowList).focus()

    def action_cycle_filter(self) -> None:
        self.filter = self.filter.next()
        self.notify(f"Showing {self.filter.phrase}.", timeout=2)

    def jump_to(self, show: Show) -> None:
        """Select a show, clearing a filter that would hide it."""
        show_list = self.query_one(ShowList)
        if not show_list.select(show):
            self.query_one("#find", Input).value = ""
            self.query_one("#find", Input).display = False
            self.set_reactive(MainScreen.search, "")
            self.set_reactive(MainScreen.filter, ShowFilter.ALL)
            self.reload_list(keep=show)
        show_list.focus()

    # Actions: other screens ------------------------------------------------

    def action_upcoming(self) -> None:
        main_commands.open_upcoming(self)

    def action_help(self) -> None:
        from watchtui.app.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        await main_commands.quit_when_saved(self)

    def on_unmount(self) -> None:
        """Finish any save in progress."""
        self.session.close()
