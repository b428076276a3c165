"""What the main screen's commands do beyond one key: the forms they open, the
questions they ask, a conflict with the file on disk, quitting.

Each takes the screen and works through its Session; forms and dialogs are
imported when first opened, so that the app starts without them.
"""

from __future__ import annotations

import asyncio
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text

from watchtui.app.keys import COMMANDS, Pane, key_text
from watchtui.app.text import fit_path, printable, shown_path
from watchtui.app.widgets.pane import Item, PaneRequest
from watchtui.app.widgets.seasons_pane import SeasonsTable
from watchtui.core.errors import ConflictError, WatchlistFileError
from watchtui.core.model import CastNote, Season, Show
from watchtui.core.state import SeasonState, season_state
from watchtui.core.storage.document import Change
from watchtui.core.storage.merge3 import Merged

if TYPE_CHECKING:
    from watchtui.app.screens.form_base import FormScreen
    from watchtui.app.screens.main import MainScreen

__all__ = [
    "add_cast",
    "add_season",
    "add_show",
    "ask_about_conflict",
    "carry_out",
    "elsewhere_hint",
    "empty_message",
    "merge_or_ask",
    "merged_message",
    "open_upcoming",
    "poll_file",
    "quit_when_saved",
]

_FILTER_HINT = "f cycles the filter · esc clears the search"


def empty_message(path: Path, total: int) -> Text:
    """What the shows pane says when it lists nothing."""
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
        (shown_path(path), "italic"),
    )


def elsewhere_hint(pane: Pane) -> str:
    """Which keys work only in a pane, and how to get there."""
    shown = [key_text(command.keys[0]) for command in COMMANDS if command.panes == {pane}]
    listed = ", ".join(shown[:-1]) + f" and {shown[-1]}" if len(shown) > 1 else shown[0]
    return f"{listed} work in the {pane.value.capitalize()} pane: tab moves there."


# A pane's own keys -------------------------------------------------------------


def carry_out(screen: MainScreen, show: Show, request: PaneRequest) -> None:
    """Edit, delete, mark watched or count episodes of the pane's item."""
    item = request.item
    if request.action == "edit":
        edit(screen, show, item)
    elif request.action == "delete":
        delete(screen, show, item)
    elif isinstance(item, Season):
        session = screen.session
        if request.action == "toggle_watched":
            if not_out_yet(item, screen.today):
                ask_before_watching(screen, show, item)
                return
            change = screen.edit(partial(session.toggle_watched, show, item))
        else:
            change = screen.edit(partial(session.step_episodes, show, item, request.step))
        if change is not None:
            screen.query_one(SeasonsTable).move_to(item.number)


def not_out_yet(season: Season, today: date) -> bool:
    """A season nobody could have watched yet, as far as the file knows: nothing of it
    watched, and its state neither released nor watched."""
    state = season_state(season, today)
    return season.watched == 0 and state not in (SeasonState.RELEASED, SeasonState.WATCHED)


def ask_before_watching(screen: MainScreen, show: Show, season: Season) -> None:
    """Marking watched a season that is not out yet is likelier a slip than news: ask."""
    from watchtui.app.screens.dialogs import ConfirmScreen

    question = Text.assemble(
        (season.label, "bold"), " of ", (printable(show.title), "bold"),
        " is not out yet, as far as your watchlist knows. Mark it watched anyway?",
    )  # fmt: skip

    def confirmed(yes: bool | None) -> None:
        if yes and screen.edit(partial(screen.session.toggle_watched, show, season)):
            screen.query_one(SeasonsTable).move_to(season.number)

    screen.app.push_screen(ConfirmScreen(question, yes="Mark watched"), confirmed)


def _made(screen: MainScreen, change: Change | None) -> None:
    """Show the change a form made, the season it added or changed selected."""
    if change is None or change.after is None:
        return
    screen.after_change(change, change.after)
    before = change.before.seasons if change.before is not None else ()
    made = next((season for season in change.after.seasons if season not in before), None)
    if made is not None:
        screen.query_one(SeasonsTable).move_to(made.number)


def edit(screen: MainScreen, show: Show, item: Item) -> None:
    """Open the form for the item; its edit is made when the form is saved."""
    from watchtui.app.screens.forms import CastForm, SeasonForm, ShowForm

    session = screen.session
    form: FormScreen[Any]
    if isinstance(item, Season):
        form = SeasonForm(show, partial(session.edit_season, show, item), item)
    elif isinstance(item, CastNote):
        form = CastForm(show, partial(session.edit_cast_note, show, item), item)
    else:
        form = ShowForm(session.watchlist, partial(session.edit_show, item), item)
    screen.app.push_screen(form, partial(_made, screen))


def delete(screen: MainScreen, show: Show, item: Item) -> None:
    """Ask, then delete the item; the question names what goes with it."""
    from watchtui.app.screens.dialogs import ConfirmScreen

    title = printable(show.title)
    if isinstance(item, Season):
        question = Text.assemble("Delete ", (item.label, "bold"), " of ", (title, "bold"), "?")
        done = f"Deleted {item.label}."
    elif isinstance(item, CastNote):
        name = printable(item.name)
        question = Text.assemble("Delete the cast note for ", (name, "bold"), "?")
        done = f"Deleted the note for {name}."
    else:
        parts = []
        if item.seasons:
            parts.append(f"{len(item.seasons)} season{'s' * (len(item.seasons) > 1)}")
        if item.cast:
            parts.append(f"{len(item.cast)} cast note{'s' * (len(item.cast) > 1)}")
        extra = f" and its {' and '.join(parts)}" if parts else ""
        question = Text.assemble("Delete ", (printable(item.title), "bold"), f"{extra}?")
        done = f"Deleted {printable(item.title)}."

    def confirmed(yes: bool | None) -> None:
        if yes and screen.edit(partial(screen.session.delete, show, item)) is not None:
            screen.notify(f"{done} ctrl+z brings it back.")

    screen.app.push_screen(ConfirmScreen(question), confirmed)


# Adding ----------------------------------------------------------------------------


def add_show(screen: MainScreen) -> None:
    from watchtui.app.screens.forms import ShowForm
    from watchtui.app.widgets.lookup import add_filled

    def added(change: Change | None) -> None:
        if change is not None and change.after is not None:
            screen.after_change(change, change.after)
            screen.notify(f"Added {printable(change.after.title)}. n adds a season.")

    session = screen.session
    fill = partial(add_filled, session)
    screen.app.push_screen(ShowForm(session.watchlist, session.add_show, fill=fill), added)


def add_season(screen: MainScreen, show: Show) -> None:
    from watchtui.app.screens.forms import SeasonForm

    form = SeasonForm(show, partial(screen.session.add_season, show))
    screen.app.push_screen(form, partial(_made, screen))


def add_cast(screen: MainScreen, show: Show) -> None:
    from watchtui.app.screens.forms import CastForm

    form = CastForm(show, partial(screen.session.add_cast_note, show))
    screen.app.push_screen(form, partial(_made, screen))


# The file on disk ------------------------------------------------------------------


POLL_SECONDS = 2.0
"""How often the screen looks whether the file changed on disk (a stat, no read)."""


def merged_message(merged: Merged) -> str:
    count = len(merged.taken)
    return f"Merged the change made elsewhere ({count} show{'s' * (count != 1)})."


def _take_merge(screen: MainScreen, merged: Merged) -> None:
    """Show the watchlist as merged; save it if ours had changes of its own."""
    screen.unsaved = False
    if merged.taken:
        screen.notify(merged_message(merged), timeout=4)
    screen.after_change(None, screen.show)


async def merge_or_ask(screen: MainScreen) -> None:
    """A save found the file changed on disk: merge the other change with ours and
    save both; ask overwrite-or-reload only when both changed the same thing."""
    session = screen.session
    # Writes queued behind the failed one fail the same way: let them, and take
    # their reports as settled by the merge.
    await asyncio.to_thread(session.flush)
    screen.reports_settled = session.reports
    try:
        merged = session.merge_from_disk()
    except (ConflictError, WatchlistFileError):
        merged = None
    if merged is None or merged.conflicts:
        ask_about_conflict(screen, merged)
        return
    screen.asking_about_conflict = False
    session.saver.submit()
    _take_merge(screen, merged)


def poll_file(screen: MainScreen) -> None:
    """Every few seconds: if the file changed on disk while everything of ours is
    saved, take the change in at once (no question can arise: ours is the base)."""
    session = screen.session
    if screen.unsaved or screen.asking_about_conflict or not screen.is_active:
        return  # a form or question is open over the list, or ours is not on disk
    if session.saver.flush(timeout=0) is not None:
        return  # still writing
    if not session.document.changed_on_disk():
        return
    try:
        merged = session.merge_from_disk()
    except (ConflictError, WatchlistFileError):
        return  # gone or unreadable for now: the next save says so
    if merged.conflicts:  # pragma: no cover - ours is the base when all is saved
        return
    _take_merge(screen, merged)


def ask_about_conflict(screen: MainScreen, merged: Merged | None = None) -> None:
    from watchtui.app.screens.dialogs import ConflictScreen

    shown = shown_path(screen.document.path)
    if merged is not None and merged.conflicts:
        listed = "; ".join(printable(str(conflict)) for conflict in merged.conflicts[:3])
        screen.notify(f"Both changed: {listed}", title="Cannot merge", severity="warning")
    screen.asking_about_conflict = True
    screen.app.push_screen(ConflictScreen(shown), partial(_resolve_conflict, screen))


async def _resolve_conflict(screen: MainScreen, choice: str | None) -> None:
    from watchtui.app.screens.dialogs import ConflictChoice

    session = screen.session
    # Writes queued before the question fail the same way: wait for them off the
    # screen's thread, and take their reports as answered by this choice.
    await asyncio.to_thread(session.flush)
    screen.reports_settled = session.reports
    screen.asking_about_conflict = False
    if choice == ConflictChoice.RELOAD:
        try:
            session.reload()
        except WatchlistFileError as problem:
            screen.unsaved = True
            screen.notify(f"{problem}", title="The file on disk cannot be read", severity="error")
            return
        screen.unsaved = False
        screen.notify("Reloaded the file from disk.")
        screen.after_change(None, None)
    elif choice == ConflictChoice.OVERWRITE:
        screen.overwriting = True
        session.overwrite()


async def quit_when_saved(screen: MainScreen) -> None:
    """Quit once every change is on disk; ask first if the last one could not be saved."""
    from watchtui.app.screens.dialogs import ConfirmScreen

    error = await asyncio.to_thread(screen.session.flush)
    if error is None and not screen.unsaved:
        screen.app.exit()
        return

    def confirmed(yes: bool | None) -> None:
        if yes:
            screen.app.exit()

    screen.app.push_screen(
        ConfirmScreen(
            Text("Your last change is not saved. Quit anyway?"), yes="Quit", undoable=False
        ),
        confirmed,
    )


def open_upcoming(screen: MainScreen) -> None:
    """The upcoming timeline; the show picked there is selected on return."""
    from watchtui.app.screens.upcoming import UpcomingScreen

    def chosen(show: Show | None) -> None:
        if show is not None:
            screen.jump_to(show)

    screen.app.push_screen(UpcomingScreen(screen.document.watchlist, screen.today), chosen)


def status_line(screen: MainScreen) -> Text:
    """The line above the panes: what needs attention first (unsaved, the counts), the
    file's path last, so that a long path is what a narrow terminal cuts."""
    status = Text.assemble((" watchtui ", "bold reverse"), no_wrap=True, overflow="ellipsis")
    if screen.unsaved:
        status.append(" ")
        status.append(" UNSAVED ", "bold reverse")
    if screen.session.counts is not None:
        hinted, overdue = screen.session.counts
        status.append(f"  ◇ {hinted} hinted  ⚠ {overdue} overdue")
    status.append(f"  today {screen.today.isoformat()}", "dim")
    status.append("  ")
    path = shown_path(screen.document.path)
    if screen.size.width:  # known once the screen is laid out
        path = fit_path(path, screen.size.width - status.cell_len)
    status.append(path, "bold")
    return status
