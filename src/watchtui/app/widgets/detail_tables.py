"""The seasons and cast-notes panes: tables of the selected show.

Both rebuild from the screen's `show` reactive (bound with `data_bind`), and
never reach into another pane. Cells are rich Text built from user text
literally, so markup in a source or a note shows as typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.reactive import reactive
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

from watchtui.app.text import plain
from watchtui.core.model import CastNote, Confidence, Season, Show
from watchtui.core.state import SeasonState, season_state, state_glyph
from watchtui.core.windows import WindowError

__all__ = ["CastTable", "SeasonsTable", "fit_widths"]

_VIM_KEYS = [
    Binding("j", "cursor_down", "Down", show=False),
    Binding("k", "cursor_up", "Up", show=False),
]


class _ShowTable(DataTable[Text]):
    """A table of one part of the selected show, keeping its cursor across rebuilds.

    Columns are sized to their content and the last one (a source or a note, the
    long free text) takes the width that is left, cut with an ellipsis, so the
    table never scrolls sideways.
    """

    show: reactive[Show | None] = reactive(None)
    """The show whose seasons or cast notes are listed."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self._built_width = 0
        """The width the columns were last fitted to (0: not built yet)."""

    def on_resize(self) -> None:
        if self.size.width != self._built_width:
            self.rebuild()

    def watch_show(self, old: Show | None, new: Show | None) -> None:
        same = old is not None and new is not None and old.key == new.key
        self.rebuild(self.cursor_row if same else 0)

    def rebuild(self, row: int | None = None) -> None:
        """Fill the table again from `show`, at the current width.

        Before the first layout the table has no width to fit its columns to:
        the Resize that follows builds it.
        """
        if not self.size.width:
            return
        self._built_width = self.size.width
        keep = self.cursor_row if row is None else row
        rows = self.rows_for(self.show) if self.show is not None else []
        room = self.size.width - 1
        for columns in self.LAYOUTS:
            labels = [self.LABELS.get(label, label) for label in columns]
            table = [[cells[label] for label in columns] for _, cells in rows]
            widths = fit_widths(labels, table, room, self.cell_padding)
            if sum(widths) + 2 * self.cell_padding * len(widths) <= room:
                break
        self.clear(columns=True)
        for label, width in zip(columns, widths, strict=True):
            self.add_column(self.LABELS.get(label, label), width=width)
        for key, cells in rows:
            self.add_row(*(cells[label] for label in columns), key=key)
        if self.row_count:
            self.move_cursor(row=min(keep, self.row_count - 1), animate=False)

    LABELS: dict[str, str] = {}
    """Headers for column keys that are not their own header."""
    LAYOUTS: tuple[tuple[str, ...], ...] = ()
    """Column sets from the widest to the narrowest; the first that fits is used."""

    def rows_for(self, show: Show) -> list[tuple[str, dict[str, Text]]]:
        """Per row its key and its cells by column label."""
        raise NotImplementedError


MIN_LAST_COLUMN = 10


def fit_widths(
    labels: Sequence[str], rows: Sequence[Sequence[Text]], room: int, padding: int
) -> list[int]:
    """Column widths: each fits its content, the last takes what is left of `room`."""
    widths = [
        max([cell_len(label), *(cell_len(row[n].plain) for row in rows)])
        for n, label in enumerate(labels)
    ]
    left = room - 2 * padding * len(widths) - sum(widths[:-1])
    widths[-1] = max(MIN_LAST_COLUMN, left)
    return widths


class SeasonsTable(_ShowTable):
    BINDINGS = [
        *_VIM_KEYS,
        Binding("enter", "screen.edit", "Edit", show=False),
        Binding("w,space", "screen.toggle_watched", "Watched"),
        Binding("plus,equals_sign", "screen.episode(1)", "+1 ep", key_display="+"),
        Binding("minus", "screen.episode(-1)", "-1 ep", key_display="-"),
    ]

    COMPONENT_CLASSES = {
        "seasons--hinted",
        "seasons--overdue",
        "seasons--upcoming",
        "seasons--quiet",
    }

    DEFAULT_CSS = """
    SeasonsTable {
        & > .seasons--hinted { color: $warning; text-style: bold; }
        & > .seasons--overdue { color: $error; text-style: bold; }
        & > .seasons--upcoming { color: $success; text-style: bold; }
        & > .seasons--quiet { color: $text-muted; }
    }
    """

    def __init__(self, today: date, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.today = today

    LAYOUTS = (
        ("#", "Watched", "Window", "Confidence", "State", "Source"),
        # Narrow: the state column names the confidence where it is not "confirmed".
        ("#", "Seen", "Window", "State (how sure)", "Source"),
    )
    LABELS = {"Seen": "Eps", "State (how sure)": "State"}

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.rebuild())

    def move_to(self, number: int) -> None:
        """Put the cursor on a season by its number."""
        try:
            row = self.get_row_index(str(number))
        except RowDoesNotExist:
            return
        self.move_cursor(row=row, animate=False)

    @property
    def season(self) -> Season | None:
        """The season under the cursor."""
        if self.show is None or not self.row_count:
            return None
        key = self.coordinate_to_cell_key(Coordinate(self.cursor_row, 0)).row_key.value
        return self.show.season(int(key)) if key is not None else None

    def rows_for(self, show: Show) -> list[tuple[str, dict[str, Text]]]:
        seasons = sorted(show.seasons, key=lambda s: s.number)
        return [(str(season.number), self.cells(season)) for season in seasons]

    def _state_style(self, state: SeasonState) -> Style:
        """The theme's colour for a state (the glyph and word say it too)."""
        component = _STATE_CLASS.get(state)
        return self.get_component_rich_style(component, partial=True) if component else Style()

    def cells(self, season: Season) -> dict[str, Text]:
        state = season_state(season, self.today)
        total = "?" if season.episodes is None else str(season.episodes)
        watched = (
            "—"
            if season.watched == 0 and season.finished is None
            else (f"{season.watched}/{total}")
        )
        if season.finished is not None and season.episodes is None:
            watched = "✓ all"
        try:
            has_window = season.range is not None
        except WindowError:  # pragma: no cover - the file and forms refuse bad windows
            has_window = False
        window = plain(season.window.strip()) if has_window else Text("TBA", style="dim")
        confidence = (
            Text(season.confidence.value, style=_CONFIDENCE_STYLE[season.confidence])
            if has_window or season.confidence is not Confidence.CONFIRMED
            else Text("")
        )
        state_style = self._state_style(state)
        sure = season.confidence.value if state in _HINT_STATES else state.value
        if state is SeasonState.OVERDUE:
            sure = f"overdue ({season.confidence.value})"
        return {
            "#": Text("SP" if season.number == 0 else str(season.number), justify="right"),
            "Watched": Text(watched),
            "Seen": Text(watched),
            "Window": window,
            "Confidence": confidence,
            "State": Text(f"{state_glyph(state)} {state.value}", style=state_style),
            "State (how sure)": Text(f"{state_glyph(state)} {sure}", style=state_style),
            "Source": plain(season.source, "dim"),
        }


_HINT_STATES = (SeasonState.HINTED, SeasonState.OVERDUE)


_CONFIDENCE_STYLE = {
    Confidence.CONFIRMED: "",
    Confidence.HINTED: "bold",
    Confidence.RUMORED: "italic",
}

_STATE_CLASS = {
    SeasonState.WATCHED: "seasons--quiet",
    SeasonState.UPCOMING: "seasons--upcoming",
    SeasonState.HINTED: "seasons--hinted",
    SeasonState.OVERDUE: "seasons--overdue",
    SeasonState.TBA: "seasons--quiet",
}


class CastTable(_ShowTable):
    BINDINGS = [
        *_VIM_KEYS,
        Binding("enter", "screen.edit", "Edit", show=False),
    ]

    LAYOUTS = (("Name", "Role", "Note"),)

    @property
    def note(self) -> CastNote | None:
        """The cast note under the cursor."""
        if self.show is None or not self.row_count:
            return None
        index = self.cursor_row
        return self.show.cast[index] if 0 <= index < len(self.show.cast) else None

    def rows_for(self, show: Show) -> list[tuple[str, dict[str, Text]]]:
        return [
            (
                str(n),
                {
                    "Name": plain(note.name),
                    "Role": plain(note.role),
                    "Note": plain(note.note, "dim"),
                },
            )
            for n, note in enumerate(show.cast)
        ]
