"""The main screen: shows, seasons of the selected show, and its cast notes.

The screen owns the state the panes show (`show`, `filter`, `query`) and pushes
it into them with `data_bind`; the panes tell it what happened with messages.
Every change goes through the Document, which saves it at once.

The forms, dialogs and help are imported when first opened, not at start: the
help's Markdown widget alone costs more to import than the shows list.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from watchtui.app.text import printable, shown_path
from watchtui.app.widgets.detail_tables import CastTable, SeasonsTable
from watchtui.app.widgets.show_list import ShowList
from watchtui.core.codec import WatchlistFileError
from watchtui.core.document import Change, ConflictError, Document
from watchtui.core.model import CastNote, ModelError, Season, Show
from watchtui.core.saver import Saver
from watchtui.core.state import SeasonState, season_state
from watchtui.core.views import ShowFilter, ShowIndex, StandingCache

__all__ = ["MainScreen"]


class MainScreen(Screen[None]):
    BINDINGS = [
        Binding("a", "add_show", "Show+"),
        Binding("n", "add_season", "Season+"),
        Binding("c", "add_cast", "Cast+"),
        Binding("e", "edit", "Edit"),
        Binding("d,delete", "delete", "Delete"),
        Binding("w,space", "toggle_watched", "Watched", show=False),
        Binding("plus,equals_sign", "episode(1)", "+1 episode", show=False),
        Binding("minus", "episode(-1)", "-1 episode", show=False),
        Binding("ctrl+z", "undo", "Undo"),
        Binding("slash", "find", "Find", show=False),
        Binding("f", "cycle_filter", "Filter", show=False),
        Binding("u", "upcoming", "Upcoming"),
        Binding("question_mark,f1", "help", "Help", key_display="?"),
        Binding("q", "quit", "Quit"),
    ]

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
        self.document = document
        self.today = today
        self.standings = StandingCache(today)
        self.index = ShowIndex(document.watchlist.shows)
        self.saver = Saver(document, self._report_save)
        self._asking_about_conflict = False
        self.counts: tuple[int, int] | None = None
        """Shows whose next season is hinted, and overdue; first counted off the main thread."""
        self._counting = 0  # the latest full count started
        self._available: tuple[bool, bool, bool, str] | None = None  # see below

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notify; messages here carry titles and names, so they are not read as markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

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
        self.query_one(ShowList).focus()
        # After the first frame: the count's thread would otherwise compete with
        # drawing it (10,000 shows: ~0.1 s of work holding the GIL in turns).
        self.call_after_refresh(self.count_highlights)

    # State -----------------------------------------------------------------

    def reload_list(self, keep: Show | None = None) -> None:
        """Refill the list from the watchlist, the filter and the query."""
        shows = self.index.select(self.filter, self.search, self.standings)
        show_list = self.query_one(ShowList)
        show_list.set_shows(shows, keep=keep or self.show)
        self.show = show_list.current
        total = len(self.document.watchlist.shows)
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
            empty.update(self.empty_message(total))
        self.update_status()

    def empty_message(self, total: int) -> Text:
        if total:
            return Text(f"No show matches.\n\n{_FILTER_HINT}", style="dim")
        return Text.assemble(
            ("No shows yet.\n\n", "bold"),
            "Press ",
            ("a", "bold reverse"),
            " to add your first show, or try\n",
            ("watchtui --demo", "bold"),
            " to look around with real shows.\n\n",
            "Your watchlist will be saved to\n",
            (shown_path(self.document.path), "italic"),
        )

    def update_status(self, counts: tuple[int, int] | None = None) -> None:
        status = Text.assemble((" watchtui ", "bold reverse"), no_wrap=True, overflow="ellipsis")
        if self.unsaved:  # before the path, so that a long path cannot push it off the line
            status.append(" ")
            status.append(" UNSAVED ", "bold reverse")
        status.append(" ")
        status.append(shown_path(self.document.path), "bold")
        if counts is not None:
            self.counts = counts
        if self.counts is not None:
            hinted, overdue = self.counts
            status.append(f"  ◇ {hinted} hinted  ⚠ {overdue} overdue")
        status.append(f"  today {self.today.isoformat()}", "dim")
        # One line of fixed height: no layout needed (a layout repaints every pane).
        self.query_one("#status", Static).update(status, layout=False)

    def count_highlights(self) -> None:
        """Count hinted and overdue shows afresh, off the main thread (10,000 shows: ~0.1 s)."""
        self._counting += 1
        self._count_all(self._counting)

    @work(thread=True, exclusive=True, group="counts")
    def _count_all(self, generation: int) -> None:
        shows = list(self.document.watchlist.shows)
        self.standings.forget_missing(shows)  # shows replaced by a change are not kept alive
        states = [self.standings.get(show).state for show in shows]
        overdue = states.count(SeasonState.OVERDUE)
        self.post_message(self.Counted(states.count(SeasonState.HINTED), overdue, generation))

    def recount(self, change: Change) -> None:
        """Adjust the counts by one change: two shows looked at, not the whole watchlist."""
        if self.counts is None:  # the first count has not reported yet: count again
            self.count_highlights()
            return
        hinted, overdue = self.counts
        for show, sign in ((change.before, -1), (change.after, 1)):
            if show is not None:
                state = self.standings.get(show).state
                hinted += sign * (state is SeasonState.HINTED)
                overdue += sign * (state is SeasonState.OVERDUE)
        if change.before is not None:
            self.standings.forget(change.before)
        self.counts = (hinted, overdue)

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
            self.update_status((event.hinted, event.overdue))

    def watch_unsaved(self) -> None:
        if self.is_mounted:
            self.update_status()

    @on(ShowList.Highlighted)
    def _show_highlighted(self, event: ShowList.Highlighted) -> None:
        self.show = event.show
        self._refresh_bindings_if_changed()

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self) -> None:
        self._refresh_bindings_if_changed()

    def _refresh_bindings_if_changed(self) -> None:
        """Refresh the Footer only when what `check_action` answers has changed.

        Every refresh recomposes the Footer (some 20 widgets mounted again): on every
        cursor key that cost most of the key's time, for a Footer that looked the same.
        Focus changes are refreshed by Textual itself.
        """
        available = (
            self.show is not None,
            self.season is not None,
            self.cast_note is not None,
            self.pane,
        )
        if available != self._available:
            self._available = available
            self.refresh_bindings()

    # Focus helpers ---------------------------------------------------------

    @property
    def pane(self) -> str:
        """Which pane has the focus: shows, seasons or cast."""
        focused = self.focused
        if isinstance(focused, SeasonsTable):
            return "seasons"
        if isinstance(focused, CastTable):
            return "cast"
        return "shows"

    @property
    def season(self) -> Season | None:
        return self.query_one(SeasonsTable).season

    @property
    def cast_note(self) -> CastNote | None:
        return self.query_one(CastTable).note

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("add_season", "add_cast"):
            return self.show is not None or None
        if action in ("edit", "delete"):
            target = {"shows": self.show, "seasons": self.season, "cast": self.cast_note}
            return target[self.pane] is not None or None
        if action in ("toggle_watched", "episode"):
            return self.season is not None
        return True

    # Changes ---------------------------------------------------------------

    def commit(self, change: Change, select: Show | None = None) -> bool:
        """Apply a change and save it; True if it was applied."""
        try:
            applied = self.document.apply(change)
        except ModelError as problem:
            self.notify(str(problem), title="Not changed", severity="error")
            return False
        self.after_change(select, applied)
        self.saver.submit()
        return True

    class Saved(Message):
        """A save finished: `error` is None, a ConflictError or an OSError."""

        def __init__(self, error: BaseException | None) -> None:
            self.error = error
            super().__init__()

    def _report_save(self, error: BaseException | None, background: bool) -> None:
        if background:
            self.post_message(self.Saved(error))  # thread-safe; never waits for the screen
        else:
            self._saved(self.Saved(error))

    @on(Saved)
    def _saved(self, event: Saved) -> None:
        from watchtui.app.screens.dialogs import ConflictScreen

        error = event.error
        self.unsaved = error is not None
        if isinstance(error, ConflictError):
            if not self._asking_about_conflict:
                self._asking_about_conflict = True
                self.app.push_screen(ConflictScreen(str(self.document.path)), self.resolve_conflict)
        elif error is not None:
            self.notify(f"Could not save: {error}", title="Not saved", severity="error")

    def after_change(self, select: Show | None, change: Change | None = None) -> None:
        """Show the watchlist as changed: by `change` alone, or anyhow (a reload)."""
        if change is None:
            self.index = ShowIndex(self.document.watchlist.shows)
            self.count_highlights()
        else:
            self.index.update(change.before, change.after)
            self.recount(change)
        self.reload_list(keep=select)

    def resolve_conflict(self, choice: str | None) -> None:
        from watchtui.app.screens.dialogs import ConflictChoice

        self._asking_about_conflict = False
        self.saver.flush()
        if choice == ConflictChoice.RELOAD:
            try:
                self.document.reload()
            except WatchlistFileError as problem:
                self.unsaved = True
                self.notify(f"{problem}", title="The file on disk cannot be read", severity="error")
                return
            self.unsaved = False
            self.notify("Reloaded the file from disk.")
            self.after_change(None)
        elif choice == ConflictChoice.OVERWRITE:
            self.saver.submit(force=True)
            if self.saver.flush() is None:
                self.notify("Saved over the file on disk.")

    def replace_show(self, old: Show, new: Show, description: str) -> None:
        self.commit(Change(description, old, new), select=new)

    # Actions: adding and editing -------------------------------------------

    def action_add_show(self) -> None:
        from watchtui.app.screens.forms import ShowForm

        def added(show: Show | None) -> None:
            if show is not None and self.commit(Change(f"add {show.title}", None, show), show):
                self.notify(f"Added {printable(show.title)}. n adds a season.")

        self.app.push_screen(ShowForm(self.document.watchlist, self.today), added)

    def action_add_season(self) -> None:
        from watchtui.app.screens.forms import SeasonForm

        show = self.show
        if show is None:
            return

        def added(season: Season | None) -> None:
            if season is not None:
                self.replace_show(show, show.with_season(season), f"add {season.label}")
                self.query_one(SeasonsTable).move_to(season.number)

        self.app.push_screen(SeasonForm(show, self.today), added)

    def action_add_cast(self) -> None:
        from watchtui.app.screens.forms import CastForm

        show = self.show
        if show is None:
            return

        def added(note: CastNote | None) -> None:
            if note is not None:
                self.replace_show(show, show.with_cast(note), f"add {note.name}")

        self.app.push_screen(CastForm(show), added)

    def action_edit(self) -> None:
        from watchtui.app.screens.forms import CastForm, SeasonForm, ShowForm

        show = self.show
        if show is None:
            return
        pane = self.pane
        if pane == "shows":

            def edited_show(new: Show | None) -> None:
                if new is not None:
                    self.replace_show(show, new, f"edit {show.title}")

            self.app.push_screen(ShowForm(self.document.watchlist, self.today, show), edited_show)
        elif pane == "seasons" and (season := self.season) is not None:

            def edited_season(new: Season | None) -> None:
                if new is not None:
                    self.replace_show(
                        show, show.with_season(new, replacing=season), f"edit {season.label}"
                    )
                    self.query_one(SeasonsTable).move_to(new.number)

            self.app.push_screen(SeasonForm(show, self.today, season), edited_season)
        elif pane == "cast" and (note := self.cast_note) is not None:

            def edited_note(new: CastNote | None) -> None:
                if new is not None:
                    self.replace_show(
                        show, show.with_cast(new, replacing=note), f"edit {note.name}"
                    )

            self.app.push_screen(CastForm(show, note), edited_note)

    # Actions: watching -----------------------------------------------------

    def action_toggle_watched(self) -> None:
        show, season = self.show, self.season
        if show is None or season is None:
            return
        if season_state(season, self.today) is SeasonState.WATCHED:
            new, verb = season.marked_unwatched(), "unwatched"
        else:
            new, verb = season.marked_watched(self.today), "watched"
        self.replace_show(
            show, show.with_season(new, replacing=season), f"mark {season.label} {verb}"
        )
        self.query_one(SeasonsTable).move_to(season.number)

    def action_episode(self, step: int) -> None:
        show, season = self.show, self.season
        if show is None or season is None:
            return
        new = season.with_watched_episodes(season.watched + step, self.today)
        if new == season:
            limit = "no more episodes" if step > 0 else "no episode watched"
            self.notify(f"{season.label}: {limit}.", severity="warning", timeout=2)
            return
        self.replace_show(
            show,
            show.with_season(new, replacing=season),
            f"{season.label} episodes {season.watched}→{new.watched}",
        )
        self.query_one(SeasonsTable).move_to(season.number)

    # Actions: deleting and undo --------------------------------------------

    def action_delete(self) -> None:
        from watchtui.app.screens.dialogs import ConfirmScreen

        show = self.show
        if show is None:
            return
        pane = self.pane
        title = printable(show.title)
        if pane == "shows":
            parts = []
            if show.seasons:
                parts.append(f"{len(show.seasons)} season{'s' * (len(show.seasons) > 1)}")
            if show.cast:
                parts.append(f"{len(show.cast)} cast note{'s' * (len(show.cast) > 1)}")
            extra = f" and its {' and '.join(parts)}" if parts else ""
            question = Text.assemble("Delete ", (title, "bold"), f"{extra}?")

            def confirmed(yes: bool | None) -> None:
                if yes and self.commit(Change(f"delete {show.title}", show, None)):
                    self.notify(f"Deleted {title}. ctrl+z brings it back.")

        elif pane == "seasons" and (season := self.season) is not None:
            question = Text.assemble(
                "Delete ", (season.label, "bold"), " of ", (title, "bold"), "?"
            )

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self.replace_show(show, show.without_season(season), f"delete {season.label}")
                    self.notify(f"Deleted {season.label}. ctrl+z brings it back.")

        elif pane == "cast" and (note := self.cast_note) is not None:
            question = Text.assemble(
                "Delete the cast note for ", (printable(note.name), "bold"), "?"
            )

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self.replace_show(show, show.without_cast(note), f"delete {note.name}")
                    self.notify(
                        f"Deleted the note for {printable(note.name)}. ctrl+z brings it back."
                    )

        else:
            return
        self.app.push_screen(ConfirmScreen(question), confirmed)

    def action_undo(self) -> None:
        last = self.document.take_back()
        if last is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        self.after_change(last.before, last.inverse())
        self.saver.submit()
        self.notify(f"Undone: {printable(last.description)}", timeout=3)

    # Actions: finding ------------------------------------------------------

    def action_find(self) -> None:
        find = self.query_one("#find", Input)
        find.display = True
        find.can_focus = True
        find.focus()

    @on(Input.Changed, "#find")
    def _find_changed(self, event: Input.Changed) -> None:
        self.search = event.value

    @on(Input.Submitted, "#find")
    def _find_submitted(self) -> None:
        # The query stays on screen, but tab goes on to the seasons pane, not back
        # into the query; `/` edits it again.
        self.query_one("#find", Input).can_focus = False
        self.query_one(ShowList).focus()

    def watch_search(self) -> None:
        if self.is_mounted:
            self.reload_list()

    def watch_filter(self) -> None:
        if self.is_mounted:
            self.reload_list()

    def action_clear_find(self) -> None:
        find = self.query_one("#find", Input)
        find.value = ""
        find.display = False
        self.query_one(ShowList).focus()

    def key_escape(self) -> None:
        if self.query_one("#find", Input).display or self.search:
            self.action_clear_find()

    def action_cycle_filter(self) -> None:
        self.filter = self.filter.next()
        self.notify(f"Showing {_FILTER_WORDS[self.filter]}.", timeout=2)

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
        from watchtui.app.screens.upcoming import UpcomingScreen

        def chosen(show: Show | None) -> None:
            if show is not None:
                self.jump_to(show)

        self.app.push_screen(UpcomingScreen(self.document.watchlist, self.today), chosen)

    def action_help(self) -> None:
        from watchtui.app.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_quit(self) -> None:
        from watchtui.app.screens.dialogs import ConfirmScreen

        if self.saver.flush() is None and not self.unsaved:
            self.app.exit()
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.app.exit()

        self.app.push_screen(
            ConfirmScreen(Text("Your last change is not saved. Quit anyway?"), yes="Quit"),
            confirmed,
        )

    def on_unmount(self) -> None:
        """Finish any save in progress."""
        self.saver.close()


_FILTER_WORDS = {
    ShowFilter.ALL: "all shows",
    ShowFilter.HINTED: "shows whose next season is hinted or overdue",
    ShowFilter.UPCOMING: "shows with a confirmed upcoming season",
    ShowFilter.WATCHING: "shows you are watching",
    ShowFilter.COMPLETED: "completed shows",
}

_FILTER_HINT = "f cycles the filter · esc clears the search"
