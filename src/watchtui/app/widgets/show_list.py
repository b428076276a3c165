"""The shows list: one line per show, rendered on demand.

A ListView mounts a widget per row (measured with 10,000 shows: 28.7 s to first
frame, 1.1 s per key) and an OptionList must rebuild its options to filter
(0.4 s at 10,000). This list keeps a plain Python list of shows and renders only
the lines on screen, so moving the cursor repaints two lines and filtering
swaps the list.
"""

from __future__ import annotations

from datetime import date

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip

from watchtui.app.keys import Pane, pane_bindings
from watchtui.app.text import fit, printable
from watchtui.app.widgets.pane import ItemPane
from watchtui.core.model import Show
from watchtui.core.state import SeasonState, state_glyph
from watchtui.core.timeline import RETURNING_MARK
from watchtui.core.views import Standing, StandingCache
from watchtui.core.windows import Precision

__all__ = ["ShowList", "badge"]


def badge(standing: Standing, today: date, *, short: bool = False) -> str:
    """What the list says beside a title about the next season ("returning" first for
    a completed show that came back: the glyph column shows ↻)."""
    if standing.returning:
        rest = badge(Standing(standing.season, standing.state), today, short=short)
        return f"returning {rest}" if rest else "returning"
    season, state = standing.season, standing.state
    if season is None or state is None:
        return ""
    if short:
        return badge(standing, today).partition(" ")[2]
    if state in (SeasonState.HINTED, SeasonState.OVERDUE):
        word = season.confidence.value if state is SeasonState.HINTED else "overdue"
        return f"S{season.number} {printable(season.window.strip())} {word}"
    if state is SeasonState.UPCOMING:
        window = season.range
        if window is not None and window.precision is Precision.DAY:
            return f"S{season.number} {window.start:%d %b %Y}"
        return f"S{season.number} {printable(season.window.strip())}"
    if state is SeasonState.TBA:
        return f"S{season.number} TBA"
    return ""


class ShowList(ItemPane, ScrollView, can_focus=True):
    """The shows pane's list. Posts Highlighted as the cursor moves."""

    PANE = Pane.SHOWS

    COMPONENT_CLASSES = {
        "show-list--cursor",
        "show-list--hinted",
        "show-list--overdue",
        "show-list--upcoming",
        "show-list--quiet",
    }

    DEFAULT_CSS = """
    ShowList {
        background: $surface;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
        & > .show-list--cursor { background: $block-cursor-blurred-background; }
        &:focus > .show-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        & > .show-list--hinted { color: $warning; text-style: bold; }
        & > .show-list--overdue { color: $error; text-style: bold; }
        & > .show-list--upcoming { color: $success; }
        & > .show-list--quiet { color: $text-muted; }
    }
    """

    BINDINGS = pane_bindings(Pane.SHOWS)

    cursor: var[int] = var(0, always_update=True, init=False)
    """Index of the highlighted row in `shows`. A `var`: `watch_cursor` repaints
    the two lines that changed, not the whole list."""

    class Highlighted(Message):
        """The cursor is on another show (or on none: the list is empty)."""

        def __init__(self, show: Show | None) -> None:
            self.show = show
            super().__init__()

    def __init__(self, standings: StandingCache, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.standings = standings
        self.shows: list[Show] = []

    @property
    def current(self) -> Show | None:
        return self.shows[self.cursor] if 0 <= self.cursor < len(self.shows) else None

    @property
    def item(self) -> Show | None:
        return self.current

    def set_shows(self, shows: list[Show], keep: Show | None = None) -> None:
        """Show these rows, keeping the cursor on `keep` (or near where it was)."""
        before, top = self.shows, self.scroll_offset.y
        self.shows = shows
        position = self.cursor
        if keep is not None:
            position = next((n for n, show in enumerate(shows) if show is keep), position)
        self.virtual_size = Size(self.size.width, len(shows))
        self.cursor = max(0, min(position, len(shows) - 1))
        if self.scroll_offset.y != top:
            self.refresh()
            return
        # Repaint only the lines on screen that now hold another show: after a change
        # to one show that is one line, not the whole pane.
        for y in range(self.scrollable_content_region.height):
            row = top + y
            was = before[row] if row < len(before) else None
            now = shows[row] if row < len(shows) else None
            if was is not now:
                self.refresh(Region(0, y, self.size.width, 1))

    def select(self, show: Show) -> bool:
        for position, candidate in enumerate(self.shows):
            if candidate is show:
                self.cursor = position
                return True
        return False

    # Cursor ----------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.shows) - 1)) if self.shows else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh(Region(0, old - self.scroll_offset.y, self.size.width, 1))
        self.refresh(Region(0, new - self.scroll_offset.y, self.size.width, 1))
        self.scroll_to_region(Region(0, new, 1, 1), animate=False, force=True, immediate=True)
        self.post_message(self.Highlighted(self.current))
        self.item_moved()

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.shows) - 1

    def action_page_up(self) -> None:
        self.cursor -= max(1, self.scrollable_content_region.height - 1)

    def action_page_down(self) -> None:
        self.cursor += max(1, self.scrollable_content_region.height - 1)

    def on_click(self, event: events.Click) -> None:
        row = event.y + self.scroll_offset.y
        if 0 <= row < len(self.shows):
            self.cursor = row

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.shows))

    # Rendering -------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        row = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if row >= len(self.shows):
            return Strip.blank(width, base)
        show = self.shows[row]
        standing = self.standings.get(show)
        state = standing.state
        if state is SeasonState.HINTED:
            accent = self.get_component_rich_style("show-list--hinted", partial=True)
        elif state is SeasonState.OVERDUE:
            accent = self.get_component_rich_style("show-list--overdue", partial=True)
        elif state is SeasonState.UPCOMING:
            accent = self.get_component_rich_style("show-list--upcoming", partial=True)
        else:
            accent = self.get_component_rich_style("show-list--quiet", partial=True)
        cursor = Style()
        if row == self.cursor:
            cursor = self.get_component_rich_style("show-list--cursor", partial=True)
        glyph = state_glyph(state) if state is not None and state is not SeasonState.TBA else " "
        if standing.returning:
            glyph = RETURNING_MARK[0]
        note = badge(standing, self.standings.today)
        if width - 4 - len(note) < 16:  # a narrow pane: the title needs the room more
            note = badge(standing, self.standings.today, short=True)
        note_width = min(len(note), max(0, width - 14))
        title_width = max(0, width - 3 - (note_width + 1 if note_width else 0))
        segments = [
            Segment(f" {glyph} ", base + accent + cursor),
            Segment(fit(printable(show.title), title_width), base + cursor),
        ]
        if note_width:
            segments.append(Segment(" " + fit(note, note_width), base + accent + cursor))
        return Strip(segments).adjust_cell_length(width, base + cursor)
