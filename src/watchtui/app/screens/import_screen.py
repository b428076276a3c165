"""Import… from the palette (or `i`): a path, a preview of what changes, then confirm.

The path input completes folder entries as you type (→ or end accepts). The
export is read on a worker thread, with a progress bar, so a 40 MB Trakt history
never holds the screen. Nothing changes until Import is pressed; the focus
starts on Cancel, so enter alone imports nothing. Each show added or merged is
one change: ctrl+z takes them back one at a time.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Button, ProgressBar, Static

from watchtui.app.text import printable
from watchtui.app.widgets.safe_input import SafeInput as Input
from watchtui.core.errors import ImportFileError, ModelError
from watchtui.core.formats.incoming import Incoming
from watchtui.core.imports import import_summary, read_import
from watchtui.core.merge import MergePlan, plan_merge
from watchtui.core.storage.document import Change

if TYPE_CHECKING:
    from watchtui.app.screens.main import MainScreen

__all__ = ["ImportScreen", "PathSuggester", "open_import"]

_SHOWN = 8  # shows named in the preview; the rest counted


class PathSuggester(Suggester):
    """Completes the last part of a path from the entries of its folder."""

    def __init__(self) -> None:
        super().__init__(use_cache=True, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        folder, sep, start = value.rpartition(os.sep)
        prefix = folder + sep
        where = Path(prefix or ".").expanduser()
        if not where.is_dir():
            return None
        try:
            names = sorted(entry.name for entry in os.scandir(where))
        except OSError:
            return None
        for name in names:
            if name.startswith(start) and name != start and not name.startswith("."):
                suffix = os.sep if (where / name).is_dir() else ""
                return f"{prefix}{name}{suffix}"
        return None


class ImportScreen(ModalScreen[MergePlan | None]):
    DEFAULT_CSS = """
    ImportScreen { align: center middle; }
    ImportScreen > Vertical {
        width: 80; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $panel; padding: 1 2;
    }
    ImportScreen #preview { height: auto; margin-top: 1; }
    ImportScreen ProgressBar { margin-top: 1; }
    ImportScreen .buttons { height: auto; margin-top: 1; align-horizontal: right; }
    ImportScreen .buttons Button { margin-left: 1; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, main: MainScreen) -> None:
        super().__init__()
        self.main = main
        self.plan: MergePlan | None = None

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Import"
            yield Static(
                "An export of IMDb, Trakt, TV Time, Yamtrack, SeriesGuide, TMDB or "
                "MyAnimeList, or a watchtui JSON: a file, a ZIP or a folder."
            )
            yield Input(
                placeholder="path to the export, then enter",
                suggester=PathSuggester(),
                id="path",
            )
            yield ProgressBar(id="progress", show_eta=False)
            yield Static(id="preview", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Import", variant="primary", id="import", disabled=True)

    def on_mount(self) -> None:
        self.query_one(ProgressBar).display = False
        self.query_one("#path", Input).focus()

    @on(Input.Submitted, "#path")
    def _submitted(self, event: Input.Submitted) -> None:
        path = Path(event.value.strip()).expanduser()
        if not event.value.strip():
            return
        self.query_one("#import", Button).disabled = True
        self.query_one("#preview", Static).update(Text(f"Reading {printable(str(path))}…"))
        bar = self.query_one(ProgressBar)
        bar.display = True
        bar.update(total=None, progress=0)
        self._read(path)

    @work(thread=True, exclusive=True, description="read an export")
    def _read(self, path: Path) -> None:
        def progress(done: int, total: int) -> None:
            self.app.call_from_thread(self._progress, done, total)

        try:
            incoming = read_import(path, self.main.today, progress=progress)
            plan = plan_merge(self.main.document.watchlist, incoming)
        except (ImportFileError, OSError) as error:
            message = str(error) if isinstance(error, ImportFileError) else f"{path}: {error}"
            self.app.call_from_thread(self._failed, message)
            return
        self.app.call_from_thread(self._preview, incoming, plan)

    def _progress(self, done: int, total: int) -> None:
        self.query_one(ProgressBar).update(total=total or None, progress=done)

    def _failed(self, message: str) -> None:
        self.query_one(ProgressBar).display = False
        self.query_one("#preview", Static).update(Text(printable(message), style="bold red"))

    def _preview(self, incoming: Incoming, plan: MergePlan) -> None:
        self.query_one(ProgressBar).display = False
        self.plan = plan
        lines = Text(f"{incoming.names}: {import_summary(incoming, plan)}\n", style="bold")
        named = plan.changes[:_SHOWN]
        for before, after in named:
            lines.append(f"\n  {'merge' if before else 'add  '}  {printable(after.title)}")
        if len(plan.changes) > _SHOWN:
            lines.append(f"\n  … and {len(plan.changes) - _SHOWN} more")
        self.query_one("#preview", Static).update(lines)
        importing = self.query_one("#import", Button)
        importing.disabled = not plan.changes
        self.query_one("#cancel", Button).focus()  # the safe button

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(self.plan if event.button.id == "import" else None)


def open_import(screen: MainScreen) -> None:
    """Ask for an export, preview it, and make its changes once confirmed."""

    def chosen(plan: MergePlan | None) -> None:
        if plan is None or not plan.changes:
            return
        changes = [
            Change(f"{'merge' if before else 'import'} {after.title}", before, after)
            for before, after in plan.changes
        ]
        summary = f"{plan.added} added, {plan.merged} merged"
        try:  # one undo step: ctrl+z takes the whole import back
            screen.session.change_all(f"import ({summary})", changes)
        except ModelError as problem:  # the watchlist changed under the preview
            screen.notify(str(problem), title="Nothing imported", severity="error")
            return
        screen.after_change(None, None)
        screen.notify(f"Imported: {summary} (ctrl+z takes it all back).", markup=False)

    screen.app.push_screen(ImportScreen(screen), chosen)
