"""User text on screen: always data, never markup or terminal control.

Titles, notes and sources are shown through rich Text objects (never parsed as
markup), and characters that would move the cursor, ring the bell or reorder
text are replaced by visible stand-ins, so `[bold]X[/]` or an escape sequence in
a title shows literally and cannot break the screen. The replacing is done by
`watchtui.core.text.printable`, the one function every output uses.
"""

from __future__ import annotations

import os
from pathlib import Path

from rich.cells import cell_len, set_cell_size
from rich.style import Style
from rich.text import Text

from watchtui.core.text import printable

__all__ = ["fit", "fit_path", "plain", "printable", "shown_path"]


def plain(text: str, style: Style | str = "") -> Text:
    """A rich Text holding user text literally."""
    return Text(printable(text), style=style, no_wrap=True, overflow="ellipsis")


def fit(text: str, width: int) -> str:
    """Exactly `width` cells: padded, or cut with an ellipsis (wide CJK cells counted)."""
    if cell_len(text) <= width:
        return text + " " * (width - cell_len(text))
    return _cut(text, width)


def _cut(text: str, width: int) -> str:
    """`text` cut to `width` cells, its end given as `…` (nothing in no room)."""
    return set_cell_size(text, width - 1) + "…" if width > 0 else ""


def shown_path(path: Path) -> str:
    """A path as a person reads it: the home folder as `~`, control characters visible."""
    text = str(path)
    home = str(Path.home())
    if home not in ("", "/") and (text == home or text.startswith(home + os.sep)):
        text = "~" + text[len(home) :]
    return printable(text)


def fit_path(text: str, width: int) -> str:
    """A path shown in `width` cells: whole if it fits, else its start and as many of
    its last parts as fit, the middle given as `…` (`~/…/watchtui/watchlist.toml`);
    the file's name is the last thing cut."""
    if cell_len(text) <= width:
        return text
    head, *middle, name = text.split(os.sep)
    if not middle:  # no folder to leave out
        return _cut(text, width)
    tail = [name]
    for part in reversed(middle):
        if cell_len(os.sep.join([head, "…", part, *tail])) > width:
            break
        tail.insert(0, part)
    shortened = os.sep.join([head, "…", *tail])
    return shortened if cell_len(shortened) <= width else _cut(name, width)
