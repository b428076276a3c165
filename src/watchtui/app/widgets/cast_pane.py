"""The cast-notes pane: the selected show's cast notes."""

from __future__ import annotations

from rich.text import Text

from watchtui.app.keys import Pane, pane_bindings
from watchtui.app.text import plain
from watchtui.app.widgets.show_table import ShowTable
from watchtui.core.model import CastNote, Show

__all__ = ["CastTable"]


class CastTable(ShowTable):
    PANE = Pane.CAST
    BINDINGS = pane_bindings(Pane.CAST)

    LAYOUTS = (("Name", "Role", "Note"),)

    @property
    def item(self) -> CastNote | None:
        return self.note

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
