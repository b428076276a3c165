"""What the seasons and cast-notes panes share: a table of one part of the selected show.

Both rebuild from the screen's `show` (bound with `data_bind`), and never reach
into another pane. Cells are rich Text built from user text literally, so
markup in a source or a note shows as typed.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.reactive import reactive
from textual.widgets import DataTable

from watchtui.app.widgets.pane import ItemPane
from watchtui.core.model import Show

__all__ = ["ShowTable", "fit_widths"]


class ShowTable(ItemPane, DataTable[Text]):
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
            narrowest = columns == self.LAYOUTS[-1]
            widths = fit_widths(labels, table, room, self.cell_padding, squeeze=narrowest)
            if sum(widths) + 2 * self.cell_padding * len(widths) <= room:
                break
        self.clear(columns=True)
        for label, width in zip(columns, widths, strict=True):
            self.add_column(self.LABELS.get(label, label), width=width)
        for key, cells in rows:
            texts = [cells[label] for label in columns]
            for text in texts:  # a column narrowed by fit_widths cuts with an ellipsis
                text.no_wrap, text.overflow = True, "ellipsis"
            self.add_row(*texts, key=key)
        if self.row_count:
            self.move_cursor(row=min(keep, self.row_count - 1), animate=False)
        self.item_moved()

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self) -> None:
        self.item_moved()

    def action_first(self) -> None:
        if self.row_count:
            self.move_cursor(row=0, animate=False)

    def action_last(self) -> None:
        if self.row_count:
            self.move_cursor(row=self.row_count - 1, animate=False)

    LABELS: dict[str, str] = {}
    """Headers for column keys that are not their own header."""
    LAYOUTS: tuple[tuple[str, ...], ...] = ()
    """Column sets from the widest to the narrowest; the first that fits is used."""

    def rows_for(self, show: Show) -> list[tuple[str, dict[str, Text]]]:
        """Per row its key and its cells by column label."""
        raise NotImplementedError


MIN_LAST_COLUMN = 10
MIN_COLUMN = 6


def fit_widths(
    labels: Sequence[str],
    rows: Sequence[Sequence[Text]],
    room: int,
    padding: int,
    *,
    squeeze: bool = True,
) -> list[int]:
    """Column widths: each fits its content, the last takes what is left of `room`.

    Where that leaves the last column under MIN_LAST_COLUMN and `squeeze` is set,
    the widest of the others give up a cell at a time (down to MIN_COLUMN or their
    header), their text then cut with an ellipsis: the table never reaches past
    its pane.
    """
    widths = [
        max([cell_len(label), *(cell_len(row[n].plain) for row in rows)])
        for n, label in enumerate(labels)
    ]
    floors = [max(MIN_COLUMN, cell_len(label)) for label in labels]
    left = room - 2 * padding * len(widths) - sum(widths[:-1])
    while squeeze and left < MIN_LAST_COLUMN:
        shrinkable = [n for n in range(len(widths) - 1) if widths[n] > floors[n]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda n: widths[n] - floors[n])
        widths[widest] -= 1
        left += 1
    widths[-1] = max(MIN_LAST_COLUMN, left)
    return widths
