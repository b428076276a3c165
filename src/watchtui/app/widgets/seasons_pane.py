"""The seasons pane: the selected show's seasons, its own keys acting on the one under
the cursor (watched, episodes, edit, delete, the history of its window claims).

Each row shows the current claim: its window (with `↺N` when N earlier claims are
kept), how sure it is, when it was noted and who said it."""

from __future__ import annotations

from datetime import date

from rich.style import Style
from rich.text import Text
from textual.coordinate import Coordinate
from textual.widgets.data_table import RowDoesNotExist

from watchtui.app.keys import Pane, pane_bindings
from watchtui.app.text import plain
from watchtui.app.widgets.show_table import ShowTable
from watchtui.core.errors import WindowError
from watchtui.core.model import Confidence, Season, Show
from watchtui.core.state import SeasonState, season_state, state_glyph

__all__ = ["SeasonsTable"]


class SeasonsTable(ShowTable):
    PANE = Pane.SEASONS
    BINDINGS = pane_bindings(Pane.SEASONS)

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
        ("#", "Watched", "Window", "Confidence", "State", "Noted", "Source"),
        # The state column names the confidence where it is not "confirmed".
        ("#", "Watched", "Window", "State (how sure)", "Noted", "Source"),
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
    def item(self) -> Season | None:
        return self.season

    def action_toggle_watched(self) -> None:
        self._request("toggle_watched")

    def action_episode(self, step: int) -> None:
        self._request("episode", step)

    def action_history(self) -> None:
        """Open the selected season's claims: a view, so the pane opens it itself."""
        from watchtui.app.screens.history import HistoryScreen

        if self.show is not None and self.season is not None:
            self.app.push_screen(HistoryScreen(self.show, self.season, self.today))

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
        if season.earlier:  # earlier claims are kept: `h` shows them
            window = Text.assemble(window, (f" ↺{len(season.earlier)}", "dim"))
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
            "Noted": Text(season.noted.isoformat() if season.noted else "", style="dim"),
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
