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
from textual.widgets import DataTable, Footer, Static

from watchtui.app.screens.once import OnceScreen
from watchtui.app.text import plain, printable
from watchtui.app.widgets.show_table import fit_widths
from watchtui.core.model import Show, Watchlist
from watchtui.core.state import SeasonState, state_glyph
from watchtui.core.timeline import GroupKind, build_timeline

__all__ = ["UpcomingScreen"]


_UNDATED = (GroupKind.OVERDUE, GroupKind.READY, GroupKind.TBA)


_COLUMNS = ("When", "Show", "Season", "Window", "Confidence", "Note", "Source")
_UNDATED = (GroupKind.OVERDUE, GroupKind.READY, GroupKind.TBA)


class UpcomingScreen(OnceScreen[Show | None]):
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
        & > DataTable {
            height: 1fr;
            border: round $primary;
            background: $surface;
            overflow-x: hidden;
        }
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
        self.call_after_refresh(self.fill)

    def on_resize(self) -> None:
        self.call_after_refresh(self.fill)

    def fill(self) -> None:
        """Fill the table at the current width: the source column takes what is left."""
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        style = {
            SeasonState.OVERDUE: self.get_component_rich_style("upcoming--overdue", partial=True),
            SeasonState.HINTED: self.get_component_rich_style("upcoming--hinted", partial=True),
            SeasonState.UPCOMING: self.get_component_rich_style("upcoming--upcoming", partial=True),
        }
        group_style = self.get_component_rich_style("upcoming--group", partial=True)
        blank = Text("")
        rows: list[tuple[str, list[Text]]] = []
        for number, group in enumerate(self.timeline.groups):
            title = Text(printable(group.label), style=group_style)
            rows.append((f"group-{number}", [blank, title, *[blank] * (len(_COLUMNS) - 2)]))
            for position, entry in enumerate(group.entries):
                accent = style.get(entry.state, "")
                dated = group.kind not in _UNDATED and entry.days_left is not None
                when = f"{entry.start:%d %b}" if dated and entry.start else ""
                confidence = entry.confidence.value if entry.state is not SeasonState.TBA else ""
                rows.append(
                    (
                        f"entry-{number}-{position}",
                        [
                            Text(f"  {state_glyph(entry.state)} {when}", style=accent),
                            plain(entry.show_title),
                            Text(entry.season_label),
                            plain(entry.window.strip() or "TBA"),
                            Text(confidence, style="bold" if confidence != "confirmed" else ""),
                            Text(entry.note, style=accent),
                            plain(entry.source, "dim"),
                        ],
                    )
                )
        widths = fit_widths(
            _COLUMNS, [cells for _, cells in rows], table.size.width - 1, table.cell_padding
        )
        table.clear(columns=True)
        for label, width in zip(_COLUMNS, widths, strict=True):
            table.add_column(label, width=width)
        for key, cells in rows:
            table.add_row(*cells, key=key)
        entries = self.timeline.entries
        if not entries:
            nothing = Text("Nothing upcoming: add a season with a window (n on a show).", "dim")
            table.add_row(blank, nothing, *[blank] * (len(_COLUMNS) - 2))
        table.focus()
        first_entry = 1 if table.row_count > 1 else 0
        table.move_cursor(row=max(cursor, first_entry), animate=False)

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
