"""The upcoming timeline (`u`): every unreleased season across all shows, by window.

Overdue hints come first, then seasons ready to watch, then one group per month,
quarter or year, then TBA. Every row shows its window, its confidence and its
source (or, when narrow, a mark that it has one), at any width: the columns are
chosen for the width, and a long title is cut, never pushing the others off. The
cursor moves over seasons only, not group labels. `enter` shows the whole row
(source, when it was noted, what it means), and from there `enter` goes to the
show on the main screen.
"""

from __future__ import annotations

from datetime import date

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Footer, Static

from watchtui.app.screens.once import OnceScreen
from watchtui.app.text import fit, printable
from watchtui.core.model import Confidence, Show, Watchlist
from watchtui.core.state import SeasonState, state_glyph
from watchtui.core.timeline import GroupKind, TimelineEntry, build_timeline

__all__ = ["EntryDetails", "TimelineTable", "UpcomingScreen", "columns_for"]

_UNDATED = (GroupKind.OVERDUE, GroupKind.READY, GroupKind.TBA)
_SOURCE_MARK = "✓"
_SHORT_LABELS = {GroupKind.OVERDUE: "Overdue hints"}
"""Group labels for a narrow screen."""

# Column sets from the widest to the narrowest; the first whose narrowest widths
# fit is used. The show's title and the source (or note) then share what is left.
_LAYOUTS: tuple[tuple[str, ...], ...] = (
    ("When", "Show", "Season", "Window", "Confidence", "Note", "Source"),
    ("When", "Show", "S", "Window", "Confidence", "Source"),
    ("When", "Show", "S", "Window", "Confidence", "Src"),
)
_NARROWEST = {"Show": 12, "Source": 12, "Note": 10}
_FLEXIBLE = ("Show", "Note", "Source")


def columns_for(natural: dict[str, int], room: int, padding: int) -> dict[str, int]:
    """The columns shown in `room` cells and their widths, from each column's natural
    width: fixed columns as wide as their content, the show's title, the note and
    the source cut to fit (and given what is left, the title first)."""
    for layout in _LAYOUTS:
        widths = {
            label: min(natural[label], _NARROWEST[label]) if label in _FLEXIBLE else natural[label]
            for label in layout
        }
        spare = room - sum(widths.values()) - 2 * padding * len(layout)
        if spare >= 0 or layout is _LAYOUTS[-1]:
            break
    for label in _FLEXIBLE:
        if label in widths:
            grow = max(0, min(spare, natural[label] - widths[label]))
            widths[label] += grow
            spare -= grow
    if spare > 0:  # the last column takes what is left over, so the table fills the width
        widths[layout[-1]] += spare
    return widths


def _cells(entry: TimelineEntry, dated: bool) -> dict[str, str]:
    when = f"{entry.start:%d %b}" if dated and entry.start else ""
    has_window = entry.start is not None
    return {
        "When": f"{state_glyph(entry.state)} {when}".rstrip(),
        "Show": printable(entry.show_title),
        "Season": entry.season_label,
        "S": entry.short_label,
        "Window": printable(entry.window.strip()) if has_window else "TBA",
        "Confidence": entry.confidence.value if has_window else "",
        "Note": entry.note,
        "Source": printable(entry.source.strip()),
        "Src": _SOURCE_MARK if entry.source.strip() else "",
    }


class TimelineTable(DataTable[Text]):
    """The timeline's table: its cursor steps over the group labels."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(cursor_type="row", id=id)
        self.labels: set[int] = set()
        """Rows that are group labels, not seasons."""

    def step(self, step: int) -> None:
        row = self.cursor_row + step
        while 0 <= row < self.row_count and row in self.labels:
            row += step
        if 0 <= row < self.row_count:
            self.move_cursor(row=row, animate=False)

    def action_cursor_down(self) -> None:
        self.step(1)

    def action_cursor_up(self) -> None:
        self.step(-1)

    @on(DataTable.RowHighlighted)
    def _off_labels(self) -> None:
        """A page key, home, end or a click that lands on a label moves on to a season."""
        row = self.cursor_row
        if row in self.labels:
            below = row + 1 < self.row_count and row + 1 not in self.labels
            self.step(1 if below else -1)


class EntryDetails(ModalScreen[bool]):
    """One timeline row in full; dismissed with True to go to its show."""

    DEFAULT_CSS = """
    EntryDetails {
        align: center middle;
        & > Vertical {
            width: 76;
            max-width: 100%;
            height: auto;
            max-height: 100%;
            border: thick $primary;
            background: $panel;
            padding: 0 1;
        }
        & .row { height: auto; }
        & .label { width: 12; color: $text-muted; }
        & .value { width: 1fr; }
        & .buttons { height: auto; margin-top: 1; align-horizontal: right; }
        & .buttons Button { margin-left: 1; }
    }
    """

    BINDINGS = [
        Binding("escape,q", "answer(False)", "Back"),
        Binding("enter,g", "answer(True)", "Go to show"),
    ]

    def __init__(self, entry: TimelineEntry) -> None:
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        entry = self.entry
        season = entry.season_label + (f": {entry.season_title}" if entry.season_title else "")
        window = entry.window.strip() or "TBA"
        sure = entry.confidence.value if entry.start else "no window yet"
        if entry.state is SeasonState.OVERDUE:
            sure += " (overdue: the window ended with no confirmation)"
        elif entry.confidence is not Confidence.CONFIRMED and entry.start:
            sure += " (not confirmed)"
        rows = [
            ("Show", entry.show_title),
            ("Season", season),
            ("State", f"{state_glyph(entry.state)} {entry.state.value}"),
            ("Window", f"{window} — {entry.note}" if entry.start else window),
            ("Confidence", sure),
            ("Source", entry.source.strip() or "none given"),
            ("Noted", entry.noted.isoformat() if entry.noted else "not noted"),
        ]
        if entry.episodes is not None or entry.watched:
            seen = f"{entry.watched} of {entry.episodes}" if entry.episodes else entry.watched
            rows.append(("Watched", f"{seen} episodes"))
        with Vertical() as box:
            box.border_title = Text(printable(entry.show_title))
            box.border_subtitle = "enter: go to show · esc: back"
            for label, value in rows:
                with Horizontal(classes="row"):
                    yield Static(label, classes="label")
                    yield Static(Text(printable(value)), classes="value")  # literal, not markup
            with Horizontal(classes="buttons"):
                yield Button("Back", id="back", compact=True)
                yield Button("Go to show", variant="primary", id="go", compact=True)

    def on_mount(self) -> None:
        self.query_one("#go", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "go")

    def action_answer(self, go: bool) -> None:
        self.dismiss(go)


class UpcomingScreen(OnceScreen[Show | None]):
    BINDINGS = [
        Binding("escape,u,q", "close", "Back"),
        Binding("enter", "details", "Details"),
        Binding("o", "open", "Go to show"),
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
        self.rows: list[TimelineEntry | None] = []
        """Per table row its entry (None for a group label)."""
        self._built_width = 0

    def compose(self) -> ComposeResult:
        yield Static(id="title")
        table = TimelineTable(id="timeline")
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
                ("   enter: details · esc: back", "dim"),
            )
        )
        self.query_one(TimelineTable).focus()

    def on_resize(self) -> None:
        self.call_after_refresh(self.fill)

    def fill(self) -> None:
        """Fill the table at the current width."""
        table = self.query_one(TimelineTable)
        room = table.scrollable_content_region.width - 1  # the vertical scrollbar
        if room <= 0 or room == self._built_width:
            return
        self._built_width = room
        cursor = table.cursor_row
        style = {
            SeasonState.OVERDUE: self.get_component_rich_style("upcoming--overdue", partial=True),
            SeasonState.HINTED: self.get_component_rich_style("upcoming--hinted", partial=True),
            SeasonState.UPCOMING: self.get_component_rich_style("upcoming--upcoming", partial=True),
        }
        group_style = self.get_component_rich_style("upcoming--group", partial=True)
        rows: list[tuple[TimelineEntry | None, dict[str, str]]] = []
        for group in self.timeline.groups:
            name = printable(group.label)
            rows.append((None, {"When": name, "Short": _SHORT_LABELS.get(group.kind, name)}))
            for item in group.entries:
                dated = group.kind not in _UNDATED and item.days_left is not None
                rows.append((item, _cells(item, dated)))
        labels = _LAYOUTS[0] + ("S", "Src")
        natural = {
            label: max([cell_len(label), *(cell_len(c.get(label, "")) for e, c in rows if e)])
            for label in labels
        }
        widths = columns_for(natural, room, table.cell_padding)
        table.clear(columns=True)
        for label, width in widths.items():
            table.add_column(label, width=width, key=label)
        table.labels = set()
        self.rows = []
        for entry, cells in rows:
            if entry is None:  # a group label, in the show's column
                table.labels.add(len(self.rows))
                text = (
                    cells["When"] if cell_len(cells["When"]) <= widths["Show"] else cells["Short"]
                )
                heading = Text(fit(text, widths["Show"]).rstrip(), style=group_style)
                table.add_row(*(heading if key == "Show" else Text("") for key in widths))
            else:
                styles = {
                    "When": style.get(entry.state, ""),
                    "Note": style.get(entry.state, ""),
                    "Confidence": "bold" if entry.confidence is not Confidence.CONFIRMED else "",
                    "Source": "dim",
                    "Src": "dim",
                }
                table.add_row(
                    *(
                        Text(fit(cells[key], width).rstrip(), style=styles.get(key, ""))
                        for key, width in widths.items()
                    )
                )
            self.rows.append(entry)
        if not self.timeline.entries:
            nothing = "Nothing upcoming: add a season with a window (n on a show)."
            table.add_row(Text(nothing, "dim"), *[Text("")] * (len(widths) - 1))
            self.rows.append(None)
        first = next((n for n, entry in enumerate(self.rows) if entry is not None), 0)
        row = cursor if cursor < len(self.rows) and self.rows[cursor] is not None else first
        table.move_cursor(row=row, animate=False)

    @property
    def entry(self) -> TimelineEntry | None:
        """The season under the cursor."""
        row = self.query_one(TimelineTable).cursor_row
        return self.rows[row] if 0 <= row < len(self.rows) else None

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_details()

    def action_details(self) -> None:
        entry = self.entry
        if entry is None:
            return

        def chosen(go: bool | None) -> None:
            if go:
                self.dismiss(self.watchlist.find(entry.show_title))

        self.app.push_screen(EntryDetails(entry), chosen)

    def action_open(self) -> None:
        entry = self.entry
        if entry is not None:
            self.dismiss(self.watchlist.find(entry.show_title))

    def action_cursor_down(self) -> None:
        self.query_one(TimelineTable).step(1)

    def action_cursor_up(self) -> None:
        self.query_one(TimelineTable).step(-1)

    def action_close(self) -> None:
        self.dismiss(None)
