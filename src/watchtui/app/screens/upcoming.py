"""The upcoming timeline (`u`): every unreleased season across all shows, by window.

Overdue hints come first, then seasons ready to watch, then one group per month,
quarter or year, then TBA. `enter` jumps to the show on the main screen.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from watchtui.app.text import plain, printable
from watchtui.core.model import Confidence, Show, Watchlist
from watchtui.core.state import SeasonState, state_glyph
from watchtui.core.timeline import GroupKind, build_timeline

__all__ = ["UpcomingScreen"]


_UNDATED = (GroupKind.OVERDUE, GroupKind.READY, GroupKind.TBA)


class UpcomingScreen(Screen[Show | None]):
    BINDINGS = [
        Binding("escape,u,q", "close", "Back"),
        Binding("enter", "open", "Go to show"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("question_mark,f1", "app.pop_screen", "Back", show=False),
    ]

    COMPONENT_CLASSES = {
        "upcoming--group",
        "upcoming--overdue",
        "upcoming--hinted",
        "upcoming--upcoming",
    }

    DEFAULT_CSS = """
    UpcomingScreen {
        & > #title { height: 1; background: $panel; }
        & > DataTable { height: 1fr; border: round $primary; background: $surface; }
        & > .upcoming--group { color: $accent; text-style: bold; }
        & > .upcoming--overdue { color: $error; text-style: bold; }
        & > .upcoming--hinted { color: $warning; }
        & > .upcoming--upcoming { color: $success; }
    }
    """

    def __init__(self, watchlist: Watchlist, today: date) -> None:
        super().__init__()
        self.watchlist = watchlist
        self.today = today
        self.timeline = build_timeline(watchlist.shows, today)

    def compose(self) -> ComposeResult:
        yield Static(id="title")
        table: DataTable[Text] = DataTable(cursor_type="row", id="timeline")
        table.border_title = "Upcoming"
        yield table
        yield Footer()

    def on_mount(self) -> None:
        entries = self.timeline.entries
        self.query_one("#title", Static).update(
            Text.assemble(
                (" watchtui ", "bold reverse"),
                f" upcoming as of {self.today.isoformat()} — {len(entries)} season"
                f"{'s' * (len(entries) != 1)}",
                ("   enter: go to show · esc: back", "dim"),
            )
        )
        table = self.query_one(DataTable)
        for label in ("When", "Show", "Season", "Window", "Confidence", "", "Source"):
            table.add_column(label)
        style = {
            SeasonState.OVERDUE: self.get_component_rich_style("upcoming--overdue", partial=True),
            SeasonState.HINTED: self.get_component_rich_style("upcoming--hinted", partial=True),
            SeasonState.UPCOMING: self.get_component_rich_style("upcoming--upcoming", partial=True),
        }
        group_style = self.get_component_rich_style("upcoming--group", partial=True)
        for number, group in enumerate(self.timeline.groups):
            table.add_row(Text(printable(group.label), style=group_style), key=f"group-{number}")
            for position, entry in enumerate(group.entries):
                accent = style.get(entry.state, "")
                when = (
                    ""
                    if group.kind in (GroupKind.OVERDUE, GroupKind.READY, GroupKind.TBA)
                    else (
                        f"{entry.start:%d %b}"
                        if entry.days_left is not None and entry.start
                        else ""
                    )
                )
                table.add_row(
                    Text(f"  {state_glyph(entry.state)} {when}", style=accent),
                    plain(entry.show_title),
                    Text(entry.season_label),
                    plain(entry.window.strip() or "TBA"),
                    Text(
                        entry.confidence.value if entry.state is not SeasonState.TBA else "",
                        style="bold" if entry.confidence is not Confidence.CONFIRMED else "",
                    ),
                    Text(entry.note, style=accent),
                    plain(entry.source, "dim"),
                    key=f"entry-{number}-{position}",
                )
        if not entries:
            table.add_row(
                Text("Nothing upcoming: add a season with a window (n on a show).", style="dim")
            )
        table.focus()
        if table.row_count > 1:
            table.move_cursor(row=1, animate=False)

    def _entry_title(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value or ""
        if not key.startswith("entry-"):
            return None
        _, group, position = key.split("-")
        return self.timeline.groups[int(group)].entries[int(position)].show_title

    @on(DataTable.RowSelected)
    def action_open(self) -> None:
        title = self._entry_title()
        if title is not None:
            self.dismiss(self.watchlist.find(title))

    def action_cursor_down(self) -> None:
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(DataTable).action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)
