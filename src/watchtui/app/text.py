"""User text on screen: always data, never markup or terminal control.

Titles, notes and sources are shown through rich Text objects (never parsed as
markup), and characters that would move the cursor, ring the bell or reorder
text are replaced by visible stand-ins, so `[bold]X[/]` or an escape sequence in
a title shows literally and cannot break the screen.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from rich.cells import cell_len, set_cell_size
from rich.style import Style
from rich.text import Text

__all__ = ["fit", "plain", "printable", "shown_path"]

# C0 controls, DEL, C1 controls, and the bidirectional overrides and isolates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _stand_in(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in "\n\r":
        return "⏎"
    if char == "\t":
        return " "
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␇ for BEL, …
    if code == 0x7F:
        return "␡"
    return "�"


def printable(text: str) -> str:
    """The text with control characters replaced by visible stand-ins."""
    return _UNSAFE.sub(_stand_in, text) if _UNSAFE.search(text) else text


def plain(text: str, style: Style | str = "") -> Text:
    """A rich Text holding user text literally."""
    return Text(printable(text), style=style, no_wrap=True, overflow="ellipsis")


def fit(text: str, width: int) -> str:
    """Exactly `width` cells: padded, or cut with an ellipsis (wide CJK cells counted)."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text + " " * (width - cell_len(text))
    return set_cell_size(text, width - 1) + "…"


def shown_path(path: Path) -> str:
    """A path as a person reads it: the home folder as `~`, control characters visible."""
    text = str(path)
    home = str(Path.home())
    if home not in ("", "/") and (text == home or text.startswith(home + os.sep)):
        text = "~" + text[len(home) :]
    return printable(text)
